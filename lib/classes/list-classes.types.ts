import { z } from "zod";
import { idSchema } from "./class-inputs.types";

export const listClassesInput = z.object({ userId: idSchema });
export type ListClassesInput = z.input<typeof listClassesInput>;
