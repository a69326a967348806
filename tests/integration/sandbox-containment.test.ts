import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import type { LimitKind, RunResult, RunStatus } from "@/lib/run-contract/run-result.types";
import type { SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";

/**
 * The containment suite (issue 3): every program in tests/fixtures/hostile/ runs through the real
 * bubblewrap pool, in table order, in ONE slot (so "the next run in the same slot" is really the
 * same zygote), and must end with the expected status while the host stays unaffected.
 * Programs report each attempt as BLOCKED or LEAK; any LEAK line fails the row.
 */

// Own uid range: RLIMIT_NPROC is per uid machine-wide (the other sandbox tests use 64000+).
const UID_BASE = 62000 + (process.pid % 400) * 2;
const SECRET = "interleave-containment-secret-7f3a9c";
const HOSTILE_DIR = path.join(process.cwd(), "tests/fixtures/hostile");
const LIMITS = { cpuSeconds: 2, wallSeconds: 4, memoryMb: 256 };
/** The kernel reclaims before it OOM-kills: on a loaded 2-core machine that takes seconds. */
const MEMORY_LIMITS = { ...LIMITS, wallSeconds: 20 };
/** CPU-bound rows: a wall limit well past the CPU limit, so a loaded machine still shows "cpu". */
const CPU_LIMITS = { ...LIMITS, wallSeconds: 15 };
const ABSTRACT_SOCKET = "\0interleave-containment-probe";
/** Host files the hostile programs try to overwrite (through their sandbox paths). */
const HOST_FILES = [
  "/usr/lib/python3.11/os.py",
  "/usr/bin/python3",
  "package.json",
  "lib/sandbox/python/zygote.py",
  "lib/sandbox/python/interleave/runner.py",
];

/** Runs after a row in the same slot: what the next student would see. */
const PROBE = `import json, os
print(json.dumps({"tmp": sorted(os.listdir("/tmp")), "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()),
    "nice": os.getpriority(os.PRIO_PROCESS, 0), "cpus": len(os.sched_getaffinity(0)), "cwd": os.getcwd()}))
`;
interface Probe {
  tmp: string[];
  pids: number[];
  nice: number;
  cpus: number;
  cwd: string;
}

interface Row {
  file: string;
  status: RunStatus[];
  limit?: LimitKind | null;
  /** true: result.tamper must be set; false: must be null; undefined: either. */
  tamper?: boolean;
  /** Substrings that must appear in the stdout lines (in order of the program). */
  prints?: string[];
  /** Run the probe afterwards (after `delayMs`) and check the slot is clean. */
  probeAfter?: { delayMs?: number };
  check?: (result: RunResult) => void;
  limits?: typeof LIMITS;
}

const ANY_END: RunStatus[] = ["ok", "error", "limit"];
const ROWS: Row[] = [
  // ~30 children spin while the parent forks: on a loaded 2-core machine the parent gets little CPU.
  {
    file: "fork-bomb.py",
    status: ["ok"],
    tamper: true,
    prints: ["fork refused after"],
    probeAfter: {},
    limits: { ...CPU_LIMITS, wallSeconds: 30 },
  },
  { file: "thread-bomb.py", status: ANY_END, probeAfter: {} },
  { file: "memory-bomb.py", status: ["limit"], limit: "memory", limits: MEMORY_LIMITS },
  {
    file: "infinite-loop-signals-ignored.py",
    status: ["limit"],
    limit: "cpu",
    tamper: true,
    prints: ["looping"],
    limits: CPU_LIMITS,
  },
  { file: "block-forever-real-lock.py", status: ["limit"], limit: "wall", prints: ["about to block"] },
  { file: "output-flood-lines.py", status: ["limit"], limit: "output" },
  { file: "output-single-20mb-line.py", status: ["limit"], limit: "output" },
  { file: "raw-stdout-flood.py", status: ["ok"], tamper: true, prints: ["done"], limits: CPU_LIMITS },
  { file: "deep-recursion.py", status: ["error"], check: (r) => expect(r.error?.type).toBe("RecursionError") },
  { file: "compile-bomb.py", status: ["error", "limit"], tamper: true },
  { file: "deeply-nested-source.py", status: ["error"], check: (r) => expect(r.error?.type).toBe("SyntaxError") },
  { file: "read-host-files.py", status: ["ok"], prints: ["BLOCKED /etc/shadow", "BLOCKED /work/main/package.json"] },
  { file: "read-env-secrets.py", status: ["ok"], prints: ["environ:"] },
  {
    file: "proc-scan.py",
    status: ["ok"],
    check: (r) => expect(stdout(r).filter((l) => l.startsWith("seen"))).toHaveLength(2),
  },
  { file: "proc-pid1.py", status: ["ok"], tamper: true, prints: ["BLOCKED /proc/1/mem"] },
  {
    file: "proc-mem-hidden.py",
    status: ["ok"],
    tamper: true,
    prints: ["subclass", "symlink", "relative", "done"],
    check: (r) => expect(r.tamper?.reason).toMatch(/opened \/proc\/self\/mem/),
  },
  { file: "network-tcp-loopback.py", status: ["ok"], prints: ["BLOCKED 127.0.0.1 5432", "BLOCKED 127.0.0.1 6379"] },
  { file: "network-udp-dns.py", status: ["ok"], prints: ["BLOCKED dns example.com", "BLOCKED internet"] },
  {
    file: "network-raw-socket.py",
    status: ["ok"],
    prints: ["BLOCKED ('127.0.0.1', 5432)", "BLOCKED ('1.1.1.1', 443)", "BLOCKED udp"],
  },
  { file: "network-unix-sockets.py", status: ["ok"], prints: ["BLOCKED '\\x00interleave-containment-probe'"] },
  {
    file: "write-outside-tmp.py",
    status: ["ok"],
    prints: ["BLOCKED /usr/lib/python3.11/os.py", "BLOCKED /dev/shm/evil"],
  },
  { file: "fill-tmp.py", status: ["ok"], prints: ["bounded"], probeAfter: {} },
  {
    file: "daemon-background-writer.py",
    status: ["ok"],
    tamper: true,
    prints: ["parent done"],
    probeAfter: { delayMs: 2000 },
  },
  {
    file: "cpu-burn-in-children.py",
    status: ["ok"],
    tamper: true,
    prints: ["children started"],
    probeAfter: { delayMs: 500 },
  },
  { file: "kill-parent-and-pid1.py", status: ["ok"], tamper: true, prints: ["still alive"], probeAfter: {} },
  { file: "ptrace-pid1.py", status: ["ok"], tamper: true, prints: ["BLOCKED ptrace attach"], probeAfter: {} },
  {
    file: "mount-unshare-setns.py",
    status: ["ok"],
    tamper: true,
    prints: ["BLOCKED mount", "BLOCKED unshare user", "BLOCKED fsopen"],
  },
  {
    file: "zygote-knobs.py",
    status: ["ok"],
    tamper: true,
    prints: ["refused prlimit NOFILE", "refused setpriority", "refused affinity"],
    probeAfter: {},
  },
  { file: "harness-monkeypatch.py", status: ["ok"], tamper: true },
  { file: "harness-gc-emit.py", status: ["ok"], tamper: true },
  { file: "harness-ctypes.py", status: ["ok"], tamper: true },
  {
    file: "forge-raw-frames.py",
    status: ["error"],
    tamper: true,
    check: (r) => {
      expect(r.error?.message).toBe("the real outcome");
      expect(r.virtualTime).not.toBe(999);
      expect(r.events.filter((e) => e.task !== "raw" && e.text.includes("FORGED"))).toEqual([]);
    },
  },
  {
    file: "exec-replace-harness.py",
    status: ["error"],
    tamper: true,
    prints: ["before exec"],
    check: (r) => {
      expect(r.virtualTime).not.toBe(7);
      expect(r.events.filter((e) => e.task !== "raw" && e.text.includes("FORGED"))).toEqual([]);
    },
  },
  { file: "cross-run-leak-a.py", status: ["ok"], tamper: true, prints: ["A done"] },
  {
    file: "cross-run-leak-b.py",
    status: ["ok"],
    tamper: true,
    prints: ["clean tmp files", "clean builtins global", "clean sysv shm"],
  },
  { file: "symlink-tricks.py", status: ["ok"], prints: ["tricks in place"], probeAfter: {} },
  { file: "os-exit-mid-output.py", status: ["error"], prints: ["line 1", "line 2"] },
  { file: "signal-self-kill.py", status: ["error"], prints: ["before the signal"] },
  { file: "signal-self-stop.py", status: ["limit"], limit: "wall", prints: ["stopping"] },
  { file: "fd-exhaustion.py", status: ["ok"], prints: ["bounded"] },
  { file: "stdin-read.py", status: ["error"], check: (r) => expect(r.error?.type).toBe("EOFError") },
  // Issue 8: back-to-back pairs in this one pooled slot, one per channel; A plants, B hunts.
  { file: "memory-scan-leak-a.py", status: ["ok"], tamper: false, prints: ["ILV-OUT-MARK-42194", "A done"] },
  {
    file: "memory-scan-leak-b.py",
    status: ["ok"],
    tamper: true,
    prints: ["scanner works", "clean source text", "clean compiled constant", "clean printed output"],
  },
  { file: "tmp-metadata-leak-a.py", status: ["ok"], prints: ["xattr set", "A left 500 files"] },
  {
    file: "tmp-metadata-leak-b.py",
    status: ["ok"],
    prints: ["clean xattr", "clean mtime", "clean mode", "clean files", "clean inodes"],
  },
  { file: "ipc-leak-a.py", status: ["ok"], tamper: true, prints: ["msgget", "semget", "A done"] },
  {
    file: "ipc-leak-b.py",
    status: ["ok"],
    prints: ["clean sysv msg", "clean sysv sem", "clean posix mq", "clean sysv tables"],
  },
  { file: "signal-next-run-a.py", status: ["ok"], tamper: true, prints: ["A armed"] },
  { file: "signal-next-run-b.py", status: ["ok"], prints: ["itimer (0.0, 0.0)", "clean signals"] },
  { file: "process-leftover-a.py", status: ["ok"], tamper: true, prints: ["A left processes"] },
  {
    file: "process-leftover-b.py",
    status: ["ok"],
    prints: ["clean processes", "clean threads", "clean inherited cpu time", "clean children usage"],
  },
  { file: "inode-flood.py", status: ["ok"], prints: ["bounded"], probeAfter: {} },
  // One memory bound per run, over every process, memfd and shared page; real memory, not address space.
  {
    file: "memory-spread-processes.py",
    status: ["limit"],
    limit: "memory",
    tamper: true,
    limits: MEMORY_LIMITS,
    probeAfter: {},
  },
  {
    file: "memfd-escape.py",
    status: ["limit"],
    limit: "memory",
    tamper: true,
    prints: ["memfd stopped after 8 MiB"],
    limits: MEMORY_LIMITS,
  },
  {
    file: "address-space-not-memory.py",
    status: ["ok"],
    tamper: false,
    prints: ["reserved 2 GiB, touched 64 MiB"],
    limits: MEMORY_LIMITS,
  },
  {
    file: "device-timestamps.py",
    status: ["ok"],
    prints: [
      "BLOCKED utime /dev/null",
      "BLOCKED chmod /dev/null",
      "BLOCKED utime /dev/urandom",
      "BLOCKED mknod",
      "devices usable 8",
    ],
  },
  {
    file: "mount-table.py",
    status: ["ok"],
    check: (r) => {
      const mounts = stdout(r).filter((line) => line.startsWith("MOUNT "));
      expect(mounts.some((line) => line.includes(" /opt/interleave "))).toBe(true);
      expect(mounts.filter((line) => line.includes(process.cwd()) || line.includes("lib/sandbox"))).toEqual([]);
    },
  },
  // Ordinary-but-odd programs never become sandbox_error; junk never hides the real error.
  {
    file: "junk-every-fd-then-raise.py",
    status: ["error"],
    tamper: true,
    check: (r) => {
      expect(r.error).toMatchObject({ type: "KeyError", line: 16 });
      expect(r.tamper?.reason).toMatch(/forged trace frame/);
    },
  },
  {
    file: "long-names-any-bytes.py",
    status: ["ok"],
    tamper: false,
    prints: ["in the long-named task", "in the long-named thread", "invalid \uFFFD\uFFFD utf-8", "done"],
    check: (r) => {
      expect(r.events.every((e) => e.task.length <= 200)).toBe(true);
      expect(r.notes.some((note) => note.includes("shortened"))).toBe(true);
    },
  },
  // Forgery through harness internals: never a clean "ok".
  {
    file: "forge-through-globals.py",
    status: ["error"],
    tamper: true,
    check: (r) => expect(r.error?.message).toBe("the real outcome"),
  },
  { file: "forge-end-with-key.py", status: ["ok", "error"], tamper: true },
];

const stdout = (r: RunResult) => r.events.filter((e) => e.stream === "stdout").map((e) => e.text);
const sha256 = (file: string) =>
  createHash("sha256")
    .update(readFileSync(path.resolve(file)))
    .digest("hex");

function slotProcesses(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      // A zombie (the killed sandbox's PID 1, reparented to the host's init) holds nothing.
      const zombie = /^State:\s+Z/m.test(status);
      if (uid >= UID_BASE && uid < UID_BASE + 2 && !zombie) pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

let runner: SandboxRunner;
let listener: net.Server;
let abstractConnections = 0;
let baseline: Probe;
const hostHashes = new Map<string, string>();
const devNullBefore = statSync("/dev/null");

async function runProbe(): Promise<Probe> {
  const result = await runner.run({ code: PROBE, limits: LIMITS });
  expect(result.status, JSON.stringify(result)).toBe("ok");
  return JSON.parse(stdout(result)[0] ?? "null") as Probe;
}

beforeAll(async () => {
  process.env.INTERLEAVE_CONTAINMENT_SECRET = SECRET;
  for (const file of HOST_FILES) hostHashes.set(file, sha256(file));
  listener = net.createServer((socket) => {
    abstractConnections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen({ path: ABSTRACT_SOCKET }, resolve));
  runner = createSandboxRunner({ mode: "bwrap", poolSize: 1, uidBase: UID_BASE });
  baseline = await runProbe();
}, 60_000);

afterAll(async () => {
  await runner?.close();
  await new Promise<void>((resolve) => listener?.close(() => resolve()));
  delete process.env.INTERLEAVE_CONTAINMENT_SECRET;
});

describe("containment suite (tests/fixtures/hostile)", () => {
  it("has a row for every hostile program, and at least 45 of them", () => {
    const files = readdirSync(HOSTILE_DIR)
      .filter((f) => f.endsWith(".py"))
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(45);
    expect(ROWS.map((row) => row.file).sort()).toEqual(files);
    expect(baseline.tmp).toEqual([]);
    expect(baseline.pids).toHaveLength(2); // the zygote and the probe itself
  });

  for (const row of ROWS) {
    it(
      row.file,
      async () => {
        const code = readFileSync(path.join(HOSTILE_DIR, row.file), "utf8");
        const result = await runner.run({ code, limits: row.limits ?? LIMITS });
        const summary = JSON.stringify({ ...result, events: result.events.slice(0, 20) }).slice(0, 3000);
        expect(result.status, "a hostile program is never an infrastructure failure").not.toBe("sandbox_error");
        expect(row.status, summary).toContain(result.status);
        if (row.limit !== undefined) expect(result.limit, summary).toBe(row.limit);
        if (row.tamper === true) expect(result.tamper, summary).not.toBeNull();
        if (row.tamper === false) expect(result.tamper, summary).toBeNull();
        const lines = stdout(result);
        for (const expected of row.prints ?? []) {
          expect(
            lines.some((line) => line.includes(expected)),
            `${expected} in ${summary}`,
          ).toBe(true);
        }
        expect(result.events.filter((e) => e.text.startsWith("LEAK")).map((e) => e.text)).toEqual([]);
        expect(
          result.events.some((e) => e.text.includes(SECRET)),
          "secret leaked",
        ).toBe(false);
        expect(result.events.length).toBeLessThanOrEqual(10_000 + 2_100);
        row.check?.(result);
        if (row.probeAfter) {
          await new Promise((resolve) => setTimeout(resolve, row.probeAfter?.delayMs ?? 0));
          const probe = await runProbe();
          expect(probe.tmp, "the next run sees a clean /tmp").toEqual([]);
          expect(probe.pids, "no process of the previous run survives").toHaveLength(2);
          expect(probe.nice).toBe(baseline.nice);
          expect(probe.cpus).toBe(baseline.cpus);
        }
      },
      30_000,
    );
  }

  it("left the host unaffected", async () => {
    const devNull = statSync("/dev/null");
    expect([devNull.mtimeMs, devNull.mode], "the host's /dev/null").toEqual([
      devNullBefore.mtimeMs,
      devNullBefore.mode,
    ]);
    for (const [file, hash] of hostHashes) expect(sha256(file), file).toBe(hash);
    expect(abstractConnections, "a run reached the host's abstract socket").toBe(0);
    expect(os.loadavg()[0]).toBeLessThan(1000); // the host is still answering
    const after = await runProbe();
    expect(after.tmp).toEqual([]);
    await runner.close();
    for (let i = 0; i < 20 && slotProcesses().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(slotProcesses(), "processes of the slot uid after close").toEqual([]);
  }, 30_000);
});
