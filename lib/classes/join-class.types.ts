import { z } from "zod";
import { idSchema } from "./class-inputs.types";

export const joinClassInput = z.object({
  userId: idSchema,
  joinCode: z
    .string({ message: "Enter the join code." })
    .trim()
    .min(1, "Enter the join code.")
    .max(32, "That join code is too long."),
});
export type JoinClassInput = z.input<typeof joinClassInput>;
