-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "alias" TEXT;

-- AlterTable
ALTER TABLE "BestScore" ADD COLUMN     "bestAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "LiveRound" ADD COLUMN     "durationSeconds" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "endedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "LiveRound_status_endsAt_idx" ON "LiveRound"("status", "endsAt");

