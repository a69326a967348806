/**
 * Prisma's known request errors carry a stable `code`. Checked structurally because the SQLite
 * and PostgreSQL clients are separate generated modules.
 */
function prismaCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** P2002: a unique constraint refused the write (duplicate email, join code, enrollment…). */
export function isUniqueViolation(error: unknown): boolean {
  return prismaCode(error) === "P2002" || adapterErrorKind(error) === "UniqueConstraintViolation";
}

/** Raw SQL on the driver adapter (lib/db/raw-sql.ts) fails with a DriverAdapterError whose `cause.kind` names it. */
function adapterErrorKind(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== "DriverAdapterError") return undefined;
  const cause: unknown = error.cause;
  if (typeof cause !== "object" || cause === null || !("kind" in cause)) return undefined;
  return typeof cause.kind === "string" ? cause.kind : undefined;
}

/** P2025: the row to update or delete does not exist. */
export function isRecordNotFound(error: unknown): boolean {
  return prismaCode(error) === "P2025";
}
