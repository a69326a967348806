import { AppError } from "@/lib/errors/app-error";

/**
 * The AppError a call fails with. A call that succeeds fails the test ("expected the call to
 * fail"); any other error is thrown on as it is.
 */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => new Error("expected the call to fail"),
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw error;
  return error;
}
