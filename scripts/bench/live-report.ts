import fs from "node:fs";
import path from "node:path";

export interface LiveArgs {
  json: boolean;
  sizes: number[];
  verdicts: number;
  rate: number;
  write: boolean;
  /** Which Interleave topologies to measure next to bare (default both). */
  topologies: ("fanout" | "in-process")[];
}

export interface LiveFigures {
  p50Ms: number;
  p95Ms: number;
  messagesPerSec: number;
  /** The process that holds the students' sockets. */
  rssMiB: number;
  /** Fan-out topology: the app node (database, leaderboard feed) beside it. */
  appRssMiB?: number;
}

/** One size: the headline figures are the fan-out topology's when it ran (else in-process). */
export type LiveResult = LiveFigures & {
  topology: "fanout" | "in-process";
  bareP50Ms: number;
  bareP95Ms: number;
  bareRssMiB: number;
  bareMessagesPerSec: number;
  inProcess?: LiveFigures;
};

const met = (f: LiveFigures, r: LiveResult) => f.p95Ms <= 1.5 * r.bareP95Ms && f.rssMiB <= 1.5 * r.bareRssMiB;

export function formatLiveTable(results: Record<string, LiveResult>, args: LiveArgs): string {
  const rows: string[] = [];
  for (const [n, r] of Object.entries(results)) {
    const variants: [string, LiveFigures | undefined][] = [
      [r.topology === "fanout" ? "fan-out node" : "in-process", r],
      ["in-process", r.topology === "fanout" ? r.inProcess : undefined],
    ];
    for (const [label, f] of variants) {
      if (!f) continue;
      const ok = met(f, r);
      const verdict = n === "1000" ? (ok ? "met" : "MISSED") : ok ? "within" : "over";
      const ratio = `${(f.p95Ms / r.bareP95Ms).toFixed(2)}× / ${(f.rssMiB / r.bareRssMiB).toFixed(2)}×`;
      rows.push(
        `| ${n} | ${label} | ${f.p50Ms} | ${f.p95Ms} | ${r.bareP50Ms} | ${r.bareP95Ms} | ${f.messagesPerSec} | ${r.bareMessagesPerSec} | ${f.rssMiB} | ${r.bareRssMiB} | ${f.appRssMiB ?? "(same)"} | ${ratio} | ${verdict} |`,
      );
    }
  }
  return [
    `${args.verdicts} verdicts at ${args.rate}/s per size; latency = verdict commit → every client has the update. ` +
      "RSS = the process holding the sockets; app RSS = the app node beside a fan-out node.",
    "",
    "| students | topology | p50 ms | p95 ms | bare p50 | bare p95 | msgs/s | bare msgs/s | RSS MiB | bare RSS MiB | app RSS MiB | p95 / RSS vs bare | target (1000: ≤ 1.5× bare) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

export function writeLiveSection(table: string, args: LiveArgs, load: string): void {
  const file = path.join(process.cwd(), "docs/performance.md");
  const start = "<!-- bench:live:start -->";
  const end = "<!-- bench:live:end -->";
  const command = `npm run bench:live -- --sizes ${args.sizes.join(",")} --verdicts ${args.verdicts} --rate ${args.rate} --topology ${args.topologies.join(",")}`;
  const block = [
    start,
    `Latest run ${new Date().toISOString().slice(0, 10)} (load average before: ${load}), \`${command}\`:`,
    "",
    table,
    end,
  ].join("\n");
  const text = fs.readFileSync(file, "utf8");
  const next = text.includes(start)
    ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
    : `${text.trimEnd()}\n\n## Live class fan-out\n\n${block}\n`;
  fs.writeFileSync(file, next);
}
