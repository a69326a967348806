import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSandbox } from "@/lib/sandbox/check-sandbox";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import { runCold } from "@/lib/sandbox/run-cold";
import type { SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";

const UID_BASE = 66000 + (process.pid % 500) * 4;
const stdoutLines = (result: RunResult) => result.events.filter((e) => e.stream === "stdout").map((e) => e.text);
const limits = (overrides: Record<string, number>) => ({
  cpuSeconds: 5,
  wallSeconds: 10,
  memoryMb: 512,
  maxVirtualSeconds: 3600,
  maxSteps: 200_000,
  maxEvents: 10_000,
  maxOutputBytes: 1024 * 1024,
  ...overrides,
});

let runner: SandboxRunner;
beforeAll(() => {
  runner = createSandboxRunner({ mode: "bwrap", poolSize: 1, uidBase: UID_BASE });
});
afterAll(() => runner.close());

describe("limits enforced by the runner", () => {
  it("kills a program blocked in a real syscall at the wall limit, keeping what it printed", async () => {
    const code = 'import os\nprint("before")\nr, w = os.pipe()\nos.read(r, 1)';
    const result = await runner.run({ code, limits: limits({ wallSeconds: 1 }) });
    expect(result.status).toBe("limit");
    expect(result.limit).toBe("wall");
    expect(stdoutLines(result)).toEqual(["before"]);
    expect(result.wallMs).toBeGreaterThanOrEqual(900);
  });

  it("stops a CPU burner with limit cpu, even when it ignores SIGXCPU", async () => {
    const code = "import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\nx = 0\nwhile True:\n    x += 1";
    const result = await runner.run({ code, limits: limits({ cpuSeconds: 1, maxSteps: 1e8 }) });
    expect(result.status).toBe("limit");
    expect(result.limit).toBe("cpu");
    // The child's CPU time, for the page's "stopped after … ms of CPU".
    expect(result.cpuMs).toBeGreaterThanOrEqual(900);
    // The zygote's own static scan: the harness never got to send its end frame.
    expect(result.tamper?.reason).toMatch(/^line 1: uses signal/);
  });

  it("keeps the static-scan tamper reason of a run that dies before it reports", async () => {
    const exiter = await runner.run({ code: 'import gc\nprint("bye")\nimport os\nos._exit(0)' });
    expect(exiter.status).toBe("error");
    expect(stdoutLines(exiter)).toEqual(["bye"]);
    expect(exiter.tamper?.reason).toMatch(/^line 1: uses gc/);
    // A death with nothing to flag (killed at the wall limit) stays unflagged.
    const blocked = 'import os\nprint("bye")\nr, w = os.pipe()\nos.read(r, 1)';
    const clean = await runner.run({ code: blocked, limits: limits({ wallSeconds: 1 }) });
    expect(clean.limit).toBe("wall");
    expect(stdoutLines(clean)).toEqual(["bye"]);
    expect(clean.tamper).toBeNull();
  });

  it("reports memory exhaustion as limit memory", async () => {
    const result = await runner.run({ code: "x = bytearray(1024 * 1024 * 1024)", limits: limits({ memoryMb: 256 }) });
    expect(result.status).toBe("limit");
    expect(result.limit).toBe("memory");
  });

  it("bounds a 20 MB single line without buffering it whole", async () => {
    const printed = await runner.run({ code: 'print("x" * (20 * 1024 * 1024))' });
    const printedBytes = printed.events.reduce((sum, e) => sum + e.text.length, 0);
    expect(printed.status).toBe("limit");
    expect(printed.limit).toBe("output");
    expect(printedBytes).toBeLessThanOrEqual(1024 * 1024);
    const raw = await runner.run({ code: 'import os\nos.write(1, b"y" * (20 * 1024 * 1024))\nprint("after")' });
    const rawBytes = raw.events.filter((e) => e.task === "raw").reduce((sum, e) => sum + e.text.length, 0);
    expect(rawBytes).toBe(64 * 1024);
    expect(raw.notes.join(" ")).toContain("only the first 65536 bytes are kept");
    expect(stdoutLines(raw)).toContain("after");
  });
});

describe("the private trace channel", () => {
  it("raw writes to fd 1 and 2 cannot forge events or change the status", async () => {
    const fakeResult = JSON.stringify({ type: "result", id: 1, wallMs: 1, recycle: false, result: { status: "ok" } });
    const code = `import os, struct
fake = ${JSON.stringify(fakeResult)}.encode()
os.write(1, struct.pack(">I", len(fake)) + fake + b"\\n")
os.write(2, b'{"t": 0, "task": "main", "stream": "stdout", "text": "FORGED"}\\n')
raise ValueError("real failure")
`;
    const result = await runner.run({ code });
    expect(result.status).toBe("error");
    expect(result.error?.type).toBe("ValueError");
    expect(result.events.filter((e) => e.task !== "raw").map((e) => e.text)).not.toContain("FORGED");
  });

  it("a frame written straight to the event descriptor is rejected and flagged as tampering", async () => {
    const code =
      'import os\nos.write(3, (64).to_bytes(4, "big") + bytes(32) + b\'{"k":"e","e":{"t":0,"task":"main","stream":"stdout","text":"FORGED"}}\'[:32])\nprint("done")';
    const result = await runner.run({ code });
    expect(result.events.map((e) => e.text)).not.toContain("FORGED");
    expect(result.tamper?.reason).toBeTruthy();
  });
});

describe("slot recovery", () => {
  it("survives a program that tries to kill PID 1 and one that calls os._exit", async () => {
    const killer = await runner.run({ code: 'import os, signal\nos.kill(1, signal.SIGKILL)\nprint("still here")' });
    expect(stdoutLines(killer)).toEqual(["still here"]);
    const exiter = await runner.run({ code: 'print("bye")\nimport os\nos._exit(3)' });
    expect(exiter.status).toBe("error");
    expect(exiter.error?.message).toContain("exit code 3");
    expect(stdoutLines(exiter)).toEqual(["bye"]);
    const next = await runner.run({ code: 'print("fine")' });
    expect(stdoutLines(next)).toEqual(["fine"]);
  });

  it("refuses to change the zygote's limits (seccomp: prlimit on pid 0 only)", async () => {
    const tamperer = await runner.run({
      code: "import resource\nresource.prlimit(1, resource.RLIMIT_NOFILE, (100, 256))\nprint('changed')",
    });
    expect(tamperer.error?.type).toBe("PermissionError");
    expect(stdoutLines(tamperer)).toEqual([]);
    expect(tamperer.tamper).not.toBeNull();
  });

  it("recycles the slot when the cleanup cannot finish, and restarts a killed slot", async () => {
    const before = runner.status().restarts;
    // A run that shuts its stdout socket down for good: its result stands, the slot is replaced.
    const shut = await runner.run({
      code: "import socket\nsocket.socket(fileno=1).shutdown(socket.SHUT_WR)\nprint('shut')",
    });
    expect(shut.status).toBe("ok");
    expect(stdoutLines(shut)).toEqual(["shut"]);
    // Deeper than any wipe walks: gone with the run's own tmpfs (no recycle needed for that).
    const deep = await runner.run({ code: "import os\nos.makedirs('/tmp/' + '/'.join(['d'] * 40))\nprint('deep')" });
    expect(stdoutLines(deep)).toEqual(["deep"]);
    const afterRecycle = await runner.run({ code: "import os\nprint(os.listdir('/tmp'))" });
    expect(stdoutLines(afterRecycle)).toEqual(["[]"]);
    expect(runner.status().restarts).toBe(before + 1);
    // Kill the slot's bwrap process from outside (its uid belongs to this test process alone).
    const pids = execFileSync("pgrep", ["-u", String(UID_BASE), "-x", "bwrap"])
      .toString()
      .trim()
      .split("\n");
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) process.kill(Number(pid), "SIGKILL");
    const afterKill = await runner.run({ code: "print('back')" });
    expect(["ok", "sandbox_error"]).toContain(afterKill.status);
    const settled = await runner.run({ code: "print('back')" });
    expect(stdoutLines(settled)).toEqual(["back"]);
    expect(runner.status().restarts).toBeGreaterThanOrEqual(before + 2);
  });
});

describe("modes and availability", () => {
  it("refuses unsafe-local under NODE_ENV=production", async () => {
    const refused = createSandboxRunner({ mode: "unsafe-local", nodeEnv: "production", warn: () => undefined });
    const result = await refused.run({ code: "print(1)" });
    expect(result.status).toBe("sandbox_error");
    expect(result.error?.message).toContain("production");
    expect(refused.status().available).toBe(false);
  });

  it("names the missing Debian package instead of failing to start", async () => {
    const noBwrap = createSandboxRunner({ bwrapPath: "/nonexistent/bwrap" });
    const result = await noBwrap.run({ code: "print(1)" });
    expect(result.status).toBe("sandbox_error");
    expect(result.error?.message).toContain("bubblewrap");
    expect(noBwrap.status().missingPackages).toEqual(["bubblewrap"]);
    const noPython = checkSandbox({ pythonPath: "/nonexistent/python3" });
    expect(noPython).toMatchObject({ available: false, mode: "unavailable", missingPackages: ["python3"] });
  });

  it("reports a healthy bwrap pool with cgroups and seccomp", () => {
    const health = checkSandbox({ runner });
    expect(health).toMatchObject({ available: true, mode: "bwrap", poolSize: 1 });
    expect(health.pool?.seccomp).toBe(true);
    expect(health.cgroups.pids).toBe(true);
    // Issue 8: what every run gets, as the zygotes report it (this host: cgroup v1).
    expect(health.isolation).toEqual({
      freshTmpPerRun: true,
      devicesReadOnly: true,
      seccomp: true,
      memoryBound: `cgroup-${health.cgroups.version}`,
    });
    expect(health.memoryBound).toMatch(/one bound per run/);
    const withoutCgroups = checkSandbox({ mode: "bwrap", cgroups: false });
    expect(withoutCgroups.memoryBound).toMatch(/only RLIMIT_AS per process/);
  });

  it("runs in unsafe-local mode with a loud warning", async () => {
    const warnings: string[] = [];
    const local = createSandboxRunner({
      mode: "unsafe-local",
      poolSize: 1,
      uidBase: UID_BASE + 2,
      warn: (m) => warnings.push(m),
    });
    const result = await local.run({ code: "print('local')" });
    await local.close();
    expect(warnings.join("")).toContain("WITHOUT bubblewrap");
    expect(stdoutLines(result)).toEqual(["local"]);
  });

  it("runs a cold one-shot sandbox", async () => {
    const result = await runCold(
      { code: "import asyncio\nasync def m():\n    await asyncio.sleep(3)\n    print('cold')\nasyncio.run(m())" },
      { uid: UID_BASE + 3 },
    );
    expect(result.status).toBe("ok");
    expect(stdoutLines(result)).toEqual(["cold"]);
    expect(result.virtualTime).toBe(3);
  });
});
