-- AlterTable
ALTER TABLE "ExerciseVersion" ADD COLUMN "network" JSONB;

