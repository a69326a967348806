-- AlterEnum
BEGIN;
CREATE TYPE "SubmissionStatus_new" AS ENUM ('queued', 'running', 'passed', 'failed', 'needs_review', 'infra_error');
ALTER TABLE "Submission" ALTER COLUMN "status" DROP DEFAULT;
-- One status vocabulary (hand-edited): GRADED splits into passed/failed by the stored `passed`,
-- INFRA_ERROR rows were waiting for an automatic retry: they are queued again (infra_error is now final).
ALTER TABLE "Submission" ALTER COLUMN "status" TYPE "SubmissionStatus_new" USING ((CASE "status"::text
    WHEN 'QUEUED' THEN 'queued'
    WHEN 'RUNNING' THEN 'running'
    WHEN 'GRADED' THEN CASE WHEN "passed" THEN 'passed' ELSE 'failed' END
    WHEN 'NEEDS_REVIEW' THEN 'needs_review'
    ELSE 'queued'
  END)::"SubmissionStatus_new");
ALTER TYPE "SubmissionStatus" RENAME TO "SubmissionStatus_old";
ALTER TYPE "SubmissionStatus_new" RENAME TO "SubmissionStatus";
DROP TYPE "SubmissionStatus_old";
ALTER TABLE "Submission" ALTER COLUMN "status" SET DEFAULT 'queued';
COMMIT;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "infraError" TEXT,
ADD COLUMN     "tamperReason" TEXT,
ALTER COLUMN "status" SET DEFAULT 'queued';

-- The tamper reason and the infrastructure error move out of the verdict JSON into their own columns.
UPDATE "Submission" SET "tamperReason" = "verdict"->'tamper'->>'reason' WHERE jsonb_typeof("verdict"->'tamper') = 'object';
UPDATE "Submission" SET "infraError" = "verdict"->>'infraError', "infraRetries" = 0, "verdict" = NULL
WHERE jsonb_typeof("verdict") = 'object' AND "verdict"->'infraError' IS NOT NULL;
-- The stored verdict names its kind (lib/grading/stored-verdict.ts) and no longer holds the tamper reason.
UPDATE "Submission"
SET "verdict" = ("verdict" - 'tamper') || jsonb_build_object('kind', CASE WHEN "verdict"->'lines' IS NOT NULL THEN 'prediction' ELSE 'program' END)
WHERE "verdict" IS NOT NULL AND jsonb_typeof("verdict") = 'object';
