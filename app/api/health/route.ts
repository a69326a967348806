import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/check-database";
import { checkSandbox } from "@/lib/sandbox/check-sandbox";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/**
 * Liveness for load balancers and for `npm start` users: 200 while the database answers (503
 * otherwise). A missing sandbox only degrades the app — pages and classes still work, grading
 * does not — so it reports "degraded" instead of failing the probe.
 */
export async function GET(): Promise<Response> {
  const [database, sandbox] = await Promise.all([
    settle(checkDatabase, { ok: false, error: "database check failed" }),
    settle(() => checkSandbox(), { available: false, error: "sandbox check failed" }),
  ]);
  const databaseUp = "ok" in database && database.ok === true;
  const sandboxUp = "available" in sandbox && sandbox.available === true;
  const body = {
    status: databaseUp && sandboxUp ? "ok" : "degraded",
    version: packageJson.version,
    database,
    sandbox,
  };
  return NextResponse.json(body, { status: databaseUp ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

async function settle<T extends object, F extends object>(check: () => T | Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await check();
  } catch (error) {
    console.error("[health] check threw", error);
    return fallback;
  }
}
