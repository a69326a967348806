-- CreateEnum
CREATE TYPE "LatePolicyKind" AS ENUM ('REFUSE', 'PENALTY');

-- CreateEnum
CREATE TYPE "ScorePolicy" AS ENUM ('BEST', 'LAST');

-- CreateEnum
CREATE TYPE "GradeAuditAction" AS ENUM ('OVERRIDE_SET', 'OVERRIDE_CLEARED', 'EXTENSION_SET', 'EXTENSION_CLEARED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "GradeExportFormat" ADD VALUE 'CSV';
ALTER TYPE "GradeExportFormat" ADD VALUE 'ARCHIVE';

-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "timeZone" TEXT;

-- Assignments had no due time before, and none were created by the product, but keep any row valid.
UPDATE "Assignment" SET "dueAt" = "createdAt" WHERE "dueAt" IS NULL;

-- AlterTable
ALTER TABLE "Assignment" DROP COLUMN "allowLate",
DROP COLUMN "latePenaltyPercent",
ADD COLUMN     "attemptsLimit" INTEGER,
ADD COLUMN     "lateMaxPercent" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "latePercentPerDay" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "latePolicy" "LatePolicyKind" NOT NULL DEFAULT 'REFUSE',
ADD COLUMN     "scorePolicy" "ScorePolicy" NOT NULL DEFAULT 'BEST',
ALTER COLUMN "dueAt" SET NOT NULL,
ALTER COLUMN "published" SET DEFAULT true;

-- CreateTable
CREATE TABLE "AssignmentExtension" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssignmentExtension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GradeOverride" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GradeOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GradeAuditEntry" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" "GradeAuditAction" NOT NULL,
    "userId" TEXT NOT NULL,
    "exerciseId" TEXT,
    "oldValue" TEXT,
    "newValue" TEXT,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GradeAuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AssignmentExtension_assignmentId_userId_key" ON "AssignmentExtension"("assignmentId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "GradeOverride_assignmentId_userId_exerciseId_key" ON "GradeOverride"("assignmentId", "userId", "exerciseId");

-- CreateIndex
CREATE INDEX "GradeAuditEntry_assignmentId_createdAt_idx" ON "GradeAuditEntry"("assignmentId", "createdAt");

-- AddForeignKey
ALTER TABLE "AssignmentExtension" ADD CONSTRAINT "AssignmentExtension_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentExtension" ADD CONSTRAINT "AssignmentExtension_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeOverride" ADD CONSTRAINT "GradeOverride_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeOverride" ADD CONSTRAINT "GradeOverride_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeAuditEntry" ADD CONSTRAINT "GradeAuditEntry_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeAuditEntry" ADD CONSTRAINT "GradeAuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

