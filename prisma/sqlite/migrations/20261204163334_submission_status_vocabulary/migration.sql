-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Submission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "exerciseId" TEXT NOT NULL,
    "exerciseVersionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "liveRoundId" TEXT,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attemptNumber" INTEGER NOT NULL,
    "claimAttempt" INTEGER NOT NULL DEFAULT 0,
    "passed" BOOLEAN,
    "score" REAL,
    "verdict" JSONB,
    "trace" JSONB,
    "firstDivergence" JSONB,
    "failingSeed" INTEGER,
    "infraRetries" INTEGER NOT NULL DEFAULT 0,
    "infraError" TEXT,
    "tamperReason" TEXT,
    "queuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "gradedAt" DATETIME,
    "runMs" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Submission_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Submission_exerciseVersionId_fkey" FOREIGN KEY ("exerciseVersionId") REFERENCES "ExerciseVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Submission_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Submission_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Submission_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Submission_liveRoundId_fkey" FOREIGN KEY ("liveRoundId") REFERENCES "LiveRound" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- One status vocabulary (hand-edited): GRADED splits into passed/failed by the stored `passed`,
-- INFRA_ERROR rows were waiting for an automatic retry: they are queued again with a fresh count
-- (infra_error is now final). The tamper reason and the infrastructure error move out of the
-- verdict JSON into their own columns.
INSERT INTO "new_Submission" ("assignmentId", "attemptNumber", "claimAttempt", "classId", "code", "createdAt", "exerciseId", "exerciseVersionId", "failingSeed", "firstDivergence", "gradedAt", "id", "infraRetries", "infraError", "tamperReason", "liveRoundId", "passed", "queuedAt", "runMs", "score", "startedAt", "status", "trace", "updatedAt", "userId", "verdict")
SELECT "assignmentId", "attemptNumber", "claimAttempt", "classId", "code", "createdAt", "exerciseId", "exerciseVersionId", "failingSeed", "firstDivergence", "gradedAt", "id",
  CASE WHEN "status" = 'INFRA_ERROR' THEN 0 ELSE "infraRetries" END,
  CASE WHEN "status" = 'INFRA_ERROR' THEN json_extract("verdict", '$.infraError') END,
  json_extract("verdict", '$.tamper.reason'),
  "liveRoundId", "passed", "queuedAt", "runMs", "score", "startedAt",
  CASE "status"
    WHEN 'QUEUED' THEN 'queued'
    WHEN 'RUNNING' THEN 'running'
    WHEN 'GRADED' THEN CASE WHEN "passed" THEN 'passed' ELSE 'failed' END
    WHEN 'NEEDS_REVIEW' THEN 'needs_review'
    WHEN 'INFRA_ERROR' THEN 'queued'
    ELSE "status"
  END,
  "trace", "updatedAt", "userId",
  -- The stored verdict names its kind (lib/grading/stored-verdict.ts) and no longer holds the tamper reason.
  CASE
    WHEN "status" = 'INFRA_ERROR' OR "verdict" IS NULL THEN NULL
    ELSE json_set(json_remove("verdict", '$.tamper'), '$.kind',
      CASE WHEN json_type("verdict", '$.lines') IS NOT NULL THEN 'prediction' ELSE 'program' END)
  END
FROM "Submission";
DROP TABLE "Submission";
ALTER TABLE "new_Submission" RENAME TO "Submission";
CREATE INDEX "Submission_classId_exerciseId_userId_idx" ON "Submission"("classId", "exerciseId", "userId");
CREATE INDEX "Submission_status_queuedAt_idx" ON "Submission"("status", "queuedAt");
CREATE INDEX "Submission_assignmentId_userId_idx" ON "Submission"("assignmentId", "userId");
CREATE INDEX "Submission_liveRoundId_idx" ON "Submission"("liveRoundId");
CREATE UNIQUE INDEX "Submission_userId_exerciseId_attemptNumber_key" ON "Submission"("userId", "exerciseId", "attemptNumber");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

