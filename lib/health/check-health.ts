import { checkDatabase } from "@/lib/db/check-database";
import { findGradingServices } from "@/lib/grading/grading-services";
import { checkSandbox } from "@/lib/sandbox/check-sandbox";

export interface HealthReport {
  status: "ok" | "degraded";
  /** 200 while the database answers, 503 otherwise. */
  httpStatus: 200 | 503;
  version: string;
  database: object;
  sandbox: object;
  grading: { queue: string; waiting: number; active: number; delayed: number } | null;
}

/**
 * Liveness for load balancers and operators. A missing sandbox only degrades the app — pages and
 * classes still work, grading does not — so it reports "degraded" instead of failing the probe.
 * The sandbox figures are the live pool's when this process runs one.
 */
export async function checkHealth(options: { version: string }): Promise<HealthReport> {
  const services = findGradingServices();
  const [database, sandbox, grading] = await Promise.all([
    settle(() => checkDatabase(), { ok: false, error: "database check failed" }),
    settle(() => checkSandbox(services ? { runner: services.runner } : {}), {
      available: false,
      error: "sandbox check failed",
    }),
    services
      ? settle(async () => ({ queue: services.queue.kind, ...(await services.queue.stats()) }), null)
      : Promise.resolve(null),
  ]);
  const databaseUp = "ok" in database && database.ok === true;
  const sandboxUp = "available" in sandbox && sandbox.available === true;
  return {
    status: databaseUp && sandboxUp ? "ok" : "degraded",
    httpStatus: databaseUp ? 200 : 503,
    version: options.version,
    database,
    sandbox,
    grading,
  };
}

async function settle<T, F>(check: () => T | Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await check();
  } catch (error) {
    console.error("[health] check failed", error);
    return fallback;
  }
}
