import v8 from "node:v8";
import vm from "node:vm";

/** Where the RSS goes (`BENCH_LIVE_MEMORY=1`): V8 heap spaces, off-heap buffers, the rest. */
export function memoryBreakdown(peakRss: number): Record<string, number> {
  const mib = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((space) => [space.space_name, mib(space.space_size)]),
  );
  // After a full collection: what is still reachable (the rest of heapUsed was garbage).
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
  const retained = process.memoryUsage().heapUsed;
  return {
    heapUsedAfterGc: mib(retained),
    peakRss: mib(peakRss),
    rss: mib(usage.rss),
    heapTotal: mib(usage.heapTotal),
    heapUsed: mib(usage.heapUsed),
    external: mib(usage.external),
    arrayBuffers: mib(usage.arrayBuffers),
    ...spaces,
  };
}
