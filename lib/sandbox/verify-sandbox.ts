import { createSandboxRunner } from "./create-sandbox-runner";
import { diagnoseSandboxFailure } from "./diagnose-sandbox-failure";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import type { SandboxRunnerOptions, SandboxStatus } from "./sandbox-runner.types";

const PROGRAM = `import asyncio

async def hello(name, delay):
    await asyncio.sleep(delay)
    print("hello from", name)

async def main():
    await asyncio.gather(hello("b", 2), hello("a", 1))

asyncio.run(main())
`;
const EXPECTED = ["hello from a", "hello from b"];
const START_TIMEOUT_MS = 30_000;

export interface SandboxVerification {
  ok: boolean;
  /** One line: what happened. */
  summary: string;
  /** What is wrong and how to fix it (empty when ok). */
  diagnosis: string;
  status: SandboxStatus;
  result: RunResult | null;
}

/**
 * One real sandboxed run through a fresh one-slot pool, exactly as the app runs student code (for
 * `npm run setup`, CI and the clone test). Never throws: a failure comes back with its diagnosis.
 */
export async function verifySandbox(options: SandboxRunnerOptions = {}): Promise<SandboxVerification> {
  const runner = createSandboxRunner({ poolSize: 1, ...options });
  try {
    const result = await Promise.race([
      runner.run({ code: PROGRAM, limits: { wallSeconds: 10 } }),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), START_TIMEOUT_MS).unref()),
    ]);
    const status = runner.status();
    const printed = result?.events.filter((e) => e.stream === "stdout").map((e) => e.text) ?? [];
    const ok =
      result !== null && result.status === "ok" && printed.join("|") === EXPECTED.join("|") && result.virtualTime === 2;
    if (ok)
      return {
        ok,
        summary: "one sandboxed run: ok (trace and virtual time as expected)",
        diagnosis: "",
        status,
        result,
      };
    const message =
      result === null
        ? `the sandbox did not answer within ${START_TIMEOUT_MS / 1000} s${status.message ? `: ${status.message}` : ""}`
        : result.status === "sandbox_error"
          ? (result.error?.message ?? "sandbox_error")
          : `unexpected result: status ${result.status}, output ${JSON.stringify(printed)}, error ${result.error?.message ?? "none"}`;
    return {
      ok: false,
      summary: `the sandbox does not work: ${message}`,
      diagnosis: diagnoseSandboxFailure(message),
      status,
      result,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      summary: `the sandbox does not work: ${message}`,
      diagnosis: diagnoseSandboxFailure(message),
      status: runner.status(),
      result: null,
    };
  } finally {
    await runner.close();
  }
}
