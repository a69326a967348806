-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN "alias" TEXT;

-- AlterTable
ALTER TABLE "BestScore" ADD COLUMN "bestAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LiveRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "startsAt" DATETIME,
    "endsAt" DATETIME,
    "durationSeconds" INTEGER NOT NULL DEFAULT 60,
    "endedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveRound_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveRound_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveRound_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_LiveRound" ("classId", "createdAt", "createdById", "endsAt", "exerciseId", "id", "startsAt", "status", "updatedAt") SELECT "classId", "createdAt", "createdById", "endsAt", "exerciseId", "id", "startsAt", "status", "updatedAt" FROM "LiveRound";
DROP TABLE "LiveRound";
ALTER TABLE "new_LiveRound" RENAME TO "LiveRound";
CREATE INDEX "LiveRound_classId_status_idx" ON "LiveRound"("classId", "status");
CREATE INDEX "LiveRound_status_endsAt_idx" ON "LiveRound"("status", "endsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

