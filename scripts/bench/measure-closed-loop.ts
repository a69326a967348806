import type { RunResult } from "@/lib/run-contract/run-result.types";

/** `workers` closed-loop clients run `total` requests, each timing its own runs; also the wall time of all. */
export async function measureClosedLoop(total: number, workers: number, runOne: () => Promise<RunResult>) {
  const latencies: number[] = [];
  const results: RunResult[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < total) {
        next += 1;
        const t0 = performance.now();
        results.push(await runOne());
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, results, elapsedMs: performance.now() - started };
}
