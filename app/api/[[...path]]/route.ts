import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/app/api/_lib/route";

/**
 * `/api` itself and any /api/* path no route handles: a JSON 404 in the API's error shape, never the HTML page a
 * browser would get. More specific routes always win over this catch-all.
 */
function notFound(): Response {
  return errorResponse(new AppError("NOT_FOUND", "No such API route."));
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const HEAD = notFound;
export const OPTIONS = notFound;
