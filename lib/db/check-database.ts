import { getDb, getDbProvider } from "./get-db";
import type { DatabaseProvider } from "./database-url";

export interface DatabaseHealth {
  ok: boolean;
  provider: DatabaseProvider;
  latencyMs: number;
  /** A short, safe message (no URL, no credentials) for /api/health. */
  error?: string;
}

/** For GET /api/health: one round trip, never throws. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  const started = performance.now();
  let provider: DatabaseProvider = "sqlite";
  try {
    provider = getDbProvider();
    await getDb().$queryRawUnsafe("SELECT 1");
    return { ok: true, provider, latencyMs: elapsed(started) };
  } catch (error) {
    return { ok: false, provider, latencyMs: elapsed(started), error: safeMessage(error) };
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

function safeMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Prisma's messages start with the invocation and end with the driver's reason; keep the reason
  // ("Can't reach database server at …") and mask credentials in case it quotes a URL.
  const lines = message
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const last = lines[lines.length - 1] ?? "database error";
  const reason = /Message: `(.*)`/.exec(last)?.[1] ?? last;
  return reason.replace(/\/\/[^@\s]*@/g, "//***@").slice(0, 200);
}
