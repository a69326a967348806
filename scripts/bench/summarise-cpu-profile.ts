/**
 * `npx tsx scripts/bench/summarise-cpu-profile.ts FILE.cpuprofile`
 *
 * Where a `node --cpu-prof` profile's time went (e.g. the server of bench:burst, started with
 * BURST_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR"): self time by package or bucket (Prisma's
 * wasm compiler, its runtime, Next, node internals, GC…), inclusive time by bucket, and the top
 * functions by self time, each in ms and as a share of the busy (non-idle) time.
 */
import fs from "node:fs";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function bucket({ url, functionName }: CallFrame): string {
  if (!url) return ["(idle)", "(program)", "(garbage collector)"].includes(functionName) ? functionName : "(native)";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg?.startsWith("@prisma")) return /query_compiler/.test(url) ? "prisma: query compiler (js)" : `prisma: ${pkg}`;
  if (pkg) return pkg;
  if (url.startsWith("wasm://")) return "wasm (Prisma's query compiler)";
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  if (url.includes(".next/server")) return "app route code (.next/server)";
  if (url.includes("dist/server")) return "dist/server.js (server, sandbox pool, socket.io glue)";
  return url.slice(-60);
}

function add(map: Map<string, number>, key: string, value: number) {
  map.set(key, (map.get(key) ?? 0) + value);
}

function main() {
  const file = process.argv[2];
  if (!file) throw new Error("usage: summarise-cpu-profile.ts FILE.cpuprofile");
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const node = nodes.get(id);
    if (!node) return;
    total += delta;
    add(self, bucket(node.callFrame), delta);
    const { functionName, url, lineNumber } = node.callFrame;
    add(functions, `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${lineNumber}`, delta);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = nodes.get(at)?.callFrame;
      if (frame) seen.add(bucket(frame));
    }
    for (const key of seen) add(inclusive, key, delta);
  });
  const busy = total - (self.get("(idle)") ?? 0);
  console.log(`total ${Math.round(total / 1000)} ms, busy ${Math.round(busy / 1000)} ms`);
  const print = (title: string, map: Map<string, number>, count: number) => {
    console.log(`\n${title} (ms, % of busy)`);
    for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count))
      console.log(
        `${String(Math.round(micros / 1000)).padStart(7)} ${((100 * micros) / busy).toFixed(1).padStart(5)} %  ${key}`,
      );
  };
  print("self time by bucket", self, 25);
  print("inclusive time by bucket", inclusive, 20);
  print("self time by function", functions, 40);
}

main();
