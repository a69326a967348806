import { z } from "zod";

/** Shared pieces of the class use cases' input schemas. */
export const idSchema = z.string({ message: "Missing id." }).trim().min(1, "Missing id.").max(64, "Invalid id.");

export const classNameSchema = z
  .string({ message: "Enter a class name." })
  .trim()
  .min(1, "Enter a class name.")
  .max(100, "The class name is too long.");

export const classRefInput = z.object({ userId: idSchema, classId: idSchema });
export type ClassRefInput = z.input<typeof classRefInput>;
