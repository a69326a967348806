import { z } from "zod";
import { idSchema } from "./class-inputs.types";

export const removeStudentInput = z.object({ userId: idSchema, classId: idSchema, studentId: idSchema });
export type RemoveStudentInput = z.input<typeof removeStudentInput>;
