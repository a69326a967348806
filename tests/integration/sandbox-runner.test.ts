import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import type { SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";

/** Distinct uids per test process: RLIMIT_NPROC is counted per uid machine-wide. */
const UID_BASE = 64000 + (process.pid % 500) * 4;
const SECRET = "interleave-fake-secret-4b1d";

const stdoutLines = (result: RunResult) => result.events.filter((e) => e.stream === "stdout").map((e) => e.text);

const CREATE_TASK = `import asyncio

async def func():
    print('test')
    await asyncio.sleep(2)
    print('任务完成')

async def main():
    print('main')
    ret1 = asyncio.create_task(func())
    ret2 = asyncio.create_task(func())
    await ret1
    await ret2
    print('主线程运行')

asyncio.run(main())
`;

let runner: SandboxRunner;

beforeAll(() => {
  process.env.INTERLEAVE_TEST_SECRET = SECRET;
  runner = createSandboxRunner({ mode: "bwrap", poolSize: 2, uidBase: UID_BASE });
});

afterAll(async () => {
  await runner.close();
  delete process.env.INTERLEAVE_TEST_SECRET;
});

describe("sandbox runner (bwrap pool)", () => {
  it("runs a program through the pool and returns its virtual-time trace", async () => {
    const result = await runner.run({ code: CREATE_TASK });
    expect(result.status).toBe("ok");
    expect(stdoutLines(result)).toEqual(["main", "test", "test", "任务完成", "任务完成", "主线程运行"]);
    expect(result.virtualTime).toBe(2);
    expect(result.events.find((e) => e.text === "任务完成")?.t).toBe(2);
    expect(result.wallMs).toBeLessThan(2000);
  });

  it("is deterministic across runs and slots (hash seed, set order, random)", async () => {
    const code = `import asyncio, random
async def w(n):
    await asyncio.sleep(1)
    return n
async def main():
    done, _ = await asyncio.wait([asyncio.ensure_future(w(i)) for i in range(6)])
    print([t.result() for t in done])
print(hash("abc"), sorted({"x", "y"}), list({"q", "r", "s"}), random.random())
asyncio.run(main())
`;
    const results = await Promise.all(Array.from({ length: 6 }, () => runner.run({ code })));
    const traces = results.map((r) => JSON.stringify(r.events));
    expect(results.every((r) => r.status === "ok")).toBe(true);
    expect(new Set(traces).size).toBe(1);
    // The choice points cross the zygote: six tasks hashed into asyncio.wait's sets (issue 16).
    expect(results[0]?.schedule).toMatchObject({ mode: "canonical", hashed: 6, truncated: false });
  });

  it("drives datetime.now() with the virtual clock (epoch 2023-11-14 22:13:20, UTC)", async () => {
    const code = `import asyncio
from datetime import datetime
async def main():
    print(datetime.now().strftime('%H:%M:%S'))
    await asyncio.sleep(2)
    print(datetime.now().strftime('%H:%M:%S'))
asyncio.run(main())
`;
    const first = await runner.run({ code });
    const second = await runner.run({ code });
    for (const result of [first, second]) {
      expect(result.status).toBe("ok");
      expect(result.tamper ?? null).toBeNull();
      expect(result.events.filter((e) => e.stream === "stdout").map((e) => [e.t, e.text])).toEqual([
        [0, "22:13:20"],
        [2, "22:13:22"],
      ]);
    }
  });

  it("runs as a distinct unprivileged uid per slot with no capabilities", async () => {
    const code = `import os
status = open("/proc/self/status").read()
caps = {l.split(":")[0]: l.split()[1] for l in status.splitlines() if l.startswith("Cap")}
print(os.getuid(), os.getgid(), caps["CapEff"], caps["CapPrm"], caps["CapBnd"])
`;
    const results = await Promise.all(Array.from({ length: 6 }, () => runner.run({ code })));
    const lines = results.map((r) => stdoutLines(r)[0].split(" "));
    for (const [uid, gid, eff, prm, bnd] of lines) {
      expect(Number(uid)).toBeGreaterThanOrEqual(UID_BASE);
      expect(Number(uid)).toBeLessThan(UID_BASE + 2);
      expect(gid).toBe(uid);
      expect([eff, prm, bnd]).toEqual(["0000000000000000", "0000000000000000", "0000000000000000"]);
    }
    expect(new Set(lines.map((l) => l[0])).size).toBe(2);
  });

  it("shows no host environment, in os.environ or in /proc/1/environ", async () => {
    const code = `import os
print(os.path.exists("/work"), os.path.exists("/root"), os.listdir("/opt/interleave") != [])
print(sorted(os.environ))
for path in ("/proc/1/environ", "/proc/self/environ"):
    try:
        print(open(path, "rb").read().decode())
    except OSError as e:
        print(path, "unreadable", e.errno)
`;
    const result = await runner.run({ code });
    const text = stdoutLines(result).join("\n");
    expect(result.status).toBe("ok");
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("INTERLEAVE_TEST_SECRET");
    expect(text).toContain("PYTHONHASHSEED");
    expect(stdoutLines(result)[0]).toBe("False False True");
  });

  it("closes stdin", async () => {
    const result = await runner.run({ code: "import os\nprint(repr(os.read(0, 10)))\nprint(repr(input.__name__))" });
    expect(stdoutLines(result)[0]).toBe("b''");
  });

  it("has no network: the host's loopback listener is unreachable", async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    const code = `import socket
try:
    socket.create_connection(("127.0.0.1", ${port}), timeout=1)
    print("connected")
except OSError as e:
    print("blocked", type(e).__name__)
`;
    const result = await runner.run({ code });
    server.close();
    expect(stdoutLines(result)[0]).toMatch(/^blocked /);
    expect(connections).toBe(0);
  });
});

describe("isolation between runs of one slot", () => {
  let single: SandboxRunner;
  beforeAll(() => {
    single = createSandboxRunner({ mode: "bwrap", poolSize: 1, uidBase: UID_BASE + 2 });
  });
  afterAll(() => single.close());

  it("wipes /tmp between runs", async () => {
    const first = await single.run({
      code: 'open("/tmp/leak.txt", "w").write("x")\nimport os\nos.mkdir("/tmp/d")\nos.chmod("/tmp/d", 0)\nprint(sorted(os.listdir("/tmp")))',
    });
    expect(stdoutLines(first)[0]).toBe("['d', 'leak.txt']");
    const second = await single.run({ code: 'import os\nprint(os.listdir("/tmp"))' });
    expect(stdoutLines(second)[0]).toBe("[]");
  });

  it("kills a background process left by the previous run, even a setsid'd one", async () => {
    const first = await single.run({
      code: `import os
if os.fork() == 0:
    os.setsid()
    while True:
        pass
print("left one behind")
`,
    });
    expect(stdoutLines(first)).toContain("left one behind");
    const second = await single.run({
      code: `import os
mine = str(os.getpid())
print(sorted(p for p in os.listdir("/proc") if p.isdigit() and p not in ("1", mine)))
`,
    });
    expect(stdoutLines(second)[0]).toBe("[]");
  });

  it("keeps /dev/shm and / read-only", async () => {
    const code = `for path in ("/dev/shm/x", "/x", "/usr/x", "/opt/interleave/x"):
    try:
        open(path, "w")
        print("wrote", path)
    except OSError as e:
        print("denied", path)
`;
    const result = await single.run({ code });
    expect(stdoutLines(result).every((line) => line.startsWith("denied"))).toBe(true);
  });
});
