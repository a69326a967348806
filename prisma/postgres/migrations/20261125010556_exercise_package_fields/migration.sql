-- AlterTable
ALTER TABLE "ExerciseVersion" ADD COLUMN     "forbiddenNotes" JSONB,
ADD COLUMN     "packageExtras" JSONB;

