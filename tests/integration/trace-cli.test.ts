/**
 * The command-line contract other tools rely on (issues 3 and 4), exactly as a user types it:
 * `npm run trace -- FILE.py --json` prints ONE JSON object on stdout, `--record` prints a spec,
 * `--expect SPEC --json` adds the verdict and exits 0 only when the program passes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runResultSchema } from "@/lib/run-contract/run-result.types";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const EXERCISE = "content/exercises/05-create-task-concurrency";

function trace(...args: string[]) {
  const result = spawnSync("npm", ["run", "trace", "--", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, SANDBOX_UID_BASE: String(140_000 + (process.pid % 500) * 4) },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run trace", () => {
  it("--json prints exactly one RunResult object and exits 0 for status ok", () => {
    const { status, stdout } = trace(`${EXERCISE}/solution.py`, "--json");
    const result = runResultSchema.parse(JSON.parse(stdout));
    expect(status).toBe(0);
    expect(result.status).toBe("ok");
    expect(result.virtualTime).toBe(2);
    const printed = result.events.filter((event) => event.stream === "stdout").map((event) => [event.t, event.text]);
    expect(printed[0]).toEqual([0, "main 开始"]);
    expect(printed.at(-1)).toEqual([2, "main 结束"]);
  });

  it("--record proposes a spec that the same program passes under --expect", () => {
    const recorded = trace(`${EXERCISE}/solution.py`, "--record");
    expect(recorded.status).toBe(0);
    expect(recorded.stdout).toMatch(/^finishes by t=2$/m);
    expect(recorded.stdout).toMatch(/^status: ok$/m);
    const dir = mkdtempSync(path.join(tmpdir(), "interleave-trace-"));
    try {
      writeFileSync(path.join(dir, "recorded.trace"), recorded.stdout);
      const checked = trace(`${EXERCISE}/solution.py`, "--expect", path.join(dir, "recorded.trace"), "--json");
      expect(checked.status).toBe(0);
      expect(JSON.parse(checked.stdout).verdict.passed).toBe(true);
      const sequential = trace(
        `${EXERCISE}/wrong/sequential-awaits.py`,
        "--expect",
        path.join(dir, "recorded.trace"),
        "--json",
      );
      expect(JSON.parse(sequential.stdout).verdict.passed).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--expect --json adds the verdict; a sequential solution fails with a first divergence and a non-zero exit", () => {
    const good = trace(`${EXERCISE}/solution.py`, "--expect", `${EXERCISE}/expected.trace`, "--json");
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout).verdict).toMatchObject({
      passed: true,
      score: 100,
      firstDivergence: null,
      failingSeed: null,
    });
    const bad = trace(`${EXERCISE}/wrong/sequential-awaits.py`, "--expect", `${EXERCISE}/expected.trace`, "--json");
    expect(bad.status).not.toBe(0);
    const verdict = JSON.parse(bad.stdout).verdict;
    expect(verdict.passed).toBe(false);
    expect(verdict.score).toBeLessThan(100);
    expect(verdict.failingSeed).toBe(0);
    expect(verdict.firstDivergence.message.length).toBeGreaterThan(20);
  });

  it("a missing file is a clear error with a non-zero exit, not a crash", () => {
    const { status, stdout, stderr } = trace("does-not-exist.py", "--json");
    expect(status).not.toBe(0);
    expect(`${stdout}${stderr}`).toMatch(/cannot read .*does-not-exist\.py/);
  });
});
