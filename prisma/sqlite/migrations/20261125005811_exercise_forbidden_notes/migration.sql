-- AlterTable
ALTER TABLE "ExerciseVersion" ADD COLUMN "forbiddenNotes" JSONB;

