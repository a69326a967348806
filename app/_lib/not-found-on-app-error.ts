import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";

/** Server pages: "no access" (NOT_FOUND or FORBIDDEN) reads as not found, like the API. */
export function notFoundOnAppError(error: unknown): never {
  if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
  throw error;
}
