import { z } from "zod";
import { exerciseStatusSchema, idSchema } from "./import-exercise-into-class.types";

export const exerciseRefInput = z.object({ userId: idSchema, exerciseId: idSchema });
export type ExerciseRefInput = z.input<typeof exerciseRefInput>;

export const publishExerciseInput = exerciseRefInput.extend({ status: exerciseStatusSchema });
export type PublishExerciseInput = z.input<typeof publishExerciseInput>;
