import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * CPU microseconds per copy-on-write page fault on this machine (scripts/bench/page-fault-cost.py),
 * or null when the probe cannot run. Sandbox figures scale with it: printed beside them so a
 * reader can tell a slow machine from slow code.
 */
export function measurePageFaultCostUs(): number | null {
  try {
    const output = execFileSync("/usr/bin/python3", [path.join(__dirname, "page-fault-cost.py")], {
      encoding: "utf8",
      timeout: 60_000,
    });
    const parsed: unknown = JSON.parse(output);
    if (typeof parsed === "object" && parsed !== null && "cowFaultUs" in parsed) {
      return typeof parsed.cowFaultUs === "number" ? parsed.cowFaultUs : null;
    }
    return null;
  } catch {
    return null;
  }
}

/** One sentence for a benchmark's report. */
export function describePageFaultCost(microseconds: number | null): string {
  if (microseconds === null) return "machine: the page-fault probe could not run.";
  return (
    `machine: one copy-on-write page fault costs ${microseconds} µs of CPU ` +
    "(≈ 3 µs on a healthy VM; a forked sandbox run pays ≈ 1500 of them)."
  );
}
