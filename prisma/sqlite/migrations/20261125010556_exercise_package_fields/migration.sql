-- AlterTable
ALTER TABLE "ExerciseVersion" ADD COLUMN "forbiddenNotes" JSONB;
ALTER TABLE "ExerciseVersion" ADD COLUMN "packageExtras" JSONB;

