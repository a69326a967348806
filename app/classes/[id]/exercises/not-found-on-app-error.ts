import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";

/** "No access" reads as not found on instructor pages, like the API. */
export function notFoundOnAppError(error: unknown): never {
  if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
  throw error;
}
