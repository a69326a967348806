import { z } from "zod";
import { classNameSchema, idSchema } from "./class-inputs.types";

export const createClassInput = z.object({ userId: idSchema, name: classNameSchema });
export type CreateClassInput = z.input<typeof createClassInput>;
