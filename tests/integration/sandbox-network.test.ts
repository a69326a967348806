import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import { runResultSchema, type RunResult } from "@/lib/run-contract/run-result.types";
import type { NetworkSpec } from "@/lib/run-contract/network-spec.types";
import type { SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";

// Issue 15: requests, aiohttp, urllib and asyncio streams over the virtual network, through the
// real sandbox (bubblewrap pool), in virtual time.
const UID_BASE = 63400 + (process.pid % 20) * 4;
const NETWORK: NetworkSpec = {
  hosts: {
    "a.example": {
      latency: 1,
      routes: {
        "GET /": { body: "<html>a</html>", headers: { "content-type": "text/html; charset=utf-8" } },
        "GET /slow": { latency: 3, body: "late" },
        "GET /api/items": { json: [1, 2, 3] },
        "POST /echo": { echo: true },
        "GET /limited": { status: 429, headers: { "Retry-After": "2" }, body: "slow down" },
        "GET /reset": { fail: "reset" },
      },
    },
    "b.example": { latency: 0.5, concurrency: 2, routes: { "GET /": { body: "b" } } },
  },
};

let runner: SandboxRunner;
beforeAll(() => {
  runner = createSandboxRunner({ mode: "bwrap", poolSize: 1, uidBase: UID_BASE });
});
afterAll(() => runner.close());

async function run(code: string, network: NetworkSpec | null = NETWORK): Promise<RunResult> {
  const result = await runner.run({ code, seed: 0, network });
  if (result.status !== "ok") throw new Error(`run ${result.status}: ${JSON.stringify(result.error ?? result)}`);
  return result;
}
const lines = (result: RunResult) => result.events.filter((e) => e.stream === "stdout").map((e) => e.text);
const times = (result: RunResult) => result.events.filter((e) => e.stream === "stdout").map((e) => e.t);

describe("latency costs virtual time", () => {
  it("3 sequential requests.get of 1 s end at t=3", async () => {
    const result = await run(
      'import requests\nfor i in range(3):\n    print(requests.get("http://a.example/").text)\n',
    );
    expect(lines(result)).toEqual(["<html>a</html>", "<html>a</html>", "<html>a</html>"]);
    expect(times(result)).toEqual([1, 2, 3]);
    expect(result.virtualTime).toBe(3);
    // Each response's wait is a span in the main lane of the timeline.
    const waits = result.lifecycle?.waits.filter((w) => w.on === "network");
    expect(waits?.map((w) => [w.from, w.to, w.detail])).toEqual([
      [0, 1, "GET a.example/"],
      [1, 2, "GET a.example/"],
      [2, 3, "GET a.example/"],
    ]);
  });

  it("aiohttp + gather and requests in run_in_executor end at t=1; Semaphore(3) over 10 at t=4", async () => {
    const result = await run(
      [
        "import asyncio, aiohttp, requests, time",
        "async def get(s, url):",
        "    async with s.get(url) as r:",
        "        return await r.text()",
        "async def main():",
        "    async with aiohttp.ClientSession() as s:",
        '        print(await asyncio.gather(*[get(s, "http://a.example/") for _ in range(3)]), time.monotonic())',
        "        sem = asyncio.Semaphore(3)",
        "        async def bounded():",
        "            async with sem:",
        '                return await get(s, "http://a.example/")',
        "        print(len(await asyncio.gather(*[bounded() for _ in range(10)])), time.monotonic())",
        "    loop = asyncio.get_running_loop()",
        '    rs = await asyncio.gather(*[loop.run_in_executor(None, requests.get, "http://a.example/") for _ in range(3)])',
        "    print([r.status_code for r in rs], time.monotonic())",
        "asyncio.run(main())",
      ].join("\n"),
    );
    expect(lines(result)).toEqual([
      "['<html>a</html>', '<html>a</html>', '<html>a</html>'] 1.0",
      "10 5.0",
      "[200, 200, 200] 6.0",
    ]);
  });
});

describe("the hosts answer as a real server would", () => {
  it("404 Not Found, JSON, echo, 429 with Retry-After, headers", async () => {
    const result = await run(
      [
        "import requests",
        "s = requests.Session()",
        'r = s.get("http://a.example/missing?q=1"); print(r.status_code, r.reason, repr(r.text), r.headers["Content-Type"])',
        'r = s.post("http://a.example/"); print(r.status_code)',
        "try:\n    r.raise_for_status()\nexcept requests.HTTPError as e:\n    print(type(e).__name__, e)",
        'r = s.get("http://a.example/api/items?page=2"); print(r.json(), r.headers["Content-Type"], r.headers["Content-Length"])',
        'r = s.post("http://a.example/echo", json={"k": [1, 2]}); print(r.json(), r.headers["Content-Type"])',
        'r = s.get("http://a.example/limited"); print(r.status_code, r.reason, r.headers["Retry-After"], r.text)',
        'r = s.get("http://b.example/"); print(r.headers["Content-Type"], r.text)',
      ].join("\n"),
    );
    expect(lines(result)).toEqual([
      "404 Not Found 'Not Found' text/plain; charset=utf-8",
      "404",
      "HTTPError 404 Client Error: Not Found for url: http://a.example/",
      "[1, 2, 3] application/json 9",
      "{'k': [1, 2]} application/json",
      "429 Too Many Requests 2 slow down",
      "text/plain; charset=utf-8 b",
    ]);
  });

  it("concurrency: 5 requests to a host taking 2 at a time end at 0.5, 0.5, 1, 1, 1.5", async () => {
    const result = await run(
      [
        "import asyncio, aiohttp, time",
        "async def get(s, i):",
        '    async with s.get("http://b.example/") as r:',
        "        await r.text()",
        "        print(i, time.monotonic())",
        "async def main():",
        "    async with aiohttp.ClientSession() as s:",
        "        await asyncio.gather(*[get(s, i) for i in range(5)])",
        "asyncio.run(main())",
      ].join("\n"),
    );
    expect(lines(result)).toEqual(["0 0.5", "1 0.5", "2 1.0", "3 1.0", "4 1.5"]);
  });

  it("a request the client gave up on keeps its slot until its latency ends", async () => {
    const result = await run(
      [
        "import requests, time",
        "for _ in range(2):",
        "    try:",
        '        requests.get("http://b.example/", timeout=0.1)',
        "    except requests.exceptions.ReadTimeout:",
        '        print("gave up", time.monotonic())',
        'print(requests.get("http://b.example/").text, time.monotonic())',
      ].join("\n"),
    );
    // Both abandoned requests hold the 2 slots until t=0.5 and 0.6: the third starts at 0.5.
    expect(lines(result)).toEqual(["gave up 0.1", "gave up 0.2", "b 1.0"]);
  });
});

describe("failures raise what the real libraries raise", () => {
  it("unknown host, reset and timeouts in requests and urllib", async () => {
    const result = await run(
      [
        "import requests, urllib.request, urllib.error, time",
        'try:\n    requests.get("http://nowhere.example/")\nexcept requests.exceptions.ConnectionError as e:\n    print("requests", type(e).__name__, time.monotonic())',
        'try:\n    urllib.request.urlopen("http://nowhere.example/")\nexcept urllib.error.URLError as e:\n    print("urllib", repr(e.reason))',
        'try:\n    requests.get("http://a.example/reset")\nexcept requests.exceptions.ConnectionError as e:\n    print("requests", e, time.monotonic())',
        'try:\n    urllib.request.urlopen("http://a.example/reset")\nexcept ConnectionResetError as e:\n    print("urllib", e)',
        'try:\n    requests.get("http://a.example/slow", timeout=0.5)\nexcept requests.exceptions.ReadTimeout as e:\n    print("requests", type(e).__name__, time.monotonic())',
        'try:\n    urllib.request.urlopen("http://a.example/slow", timeout=0.5)\nexcept TimeoutError as e:\n    print("urllib", type(e).__name__, e, time.monotonic())',
      ].join("\n"),
    );
    expect(lines(result)).toEqual([
      "requests ConnectionError 0.0",
      "urllib gaierror(-2, 'Name or service not known')",
      "requests ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer')) 1.0",
      "urllib [Errno 104] Connection reset by peer",
      "requests ReadTimeout 2.5",
      "urllib TimeoutError timed out 3.0",
    ]);
  });

  it("aiohttp: ClientConnectorError, ClientOSError, total TimeoutError, sock_read ServerTimeoutError", async () => {
    const result = await run(
      [
        "import asyncio, aiohttp, time",
        "async def main():",
        "    async with aiohttp.ClientSession() as s:",
        '        for url, timeout in [("http://nowhere.example/", None), ("http://a.example/reset", None),',
        '                             ("http://a.example/slow", aiohttp.ClientTimeout(total=1)),',
        '                             ("http://a.example/slow", aiohttp.ClientTimeout(sock_read=2))]:',
        "            try:",
        "                async with s.get(url, timeout=timeout) as r:",
        "                    await r.text()",
        "            except Exception as e:",
        "                print(type(e).__name__, time.monotonic())",
        "asyncio.run(main())",
      ].join("\n"),
    );
    expect(lines(result)).toEqual([
      "ClientConnectorError 0.0",
      "ClientOSError 1.0",
      "TimeoutError 2.0",
      "ServerTimeoutError 4.0",
    ]);
  });

  it("without a network spec no host resolves", async () => {
    const result = await run(
      'import socket\ntry:\n    socket.getaddrinfo("a.example", 80)\nexcept socket.gaierror as e:\n    print(e.errno == socket.EAI_NONAME, e)\n',
      null,
    );
    expect(lines(result)).toEqual(["True [Errno -2] Name or service not known"]);
    expect(result.virtualTime).toBe(0);
  });
});

describe("https and streams", () => {
  it("https verifies the sandbox's certificates for requests, aiohttp and urllib", async () => {
    const result = await run(
      [
        "import asyncio, aiohttp, requests, urllib.request",
        'print(requests.get("https://a.example/api/items").json())',
        'print(urllib.request.urlopen("https://a.example/").read())',
        "async def main():",
        "    async with aiohttp.ClientSession() as s:",
        '        async with s.get("https://a.example/") as r:',
        "            print(r.status, await r.text())",
        "asyncio.run(main())",
      ].join("\n"),
    );
    expect(lines(result)).toEqual(["[1, 2, 3]", "b'<html>a</html>'", "200 <html>a</html>"]);
    expect(result.virtualTime).toBe(3);
  });

  it("asyncio.open_connection speaks raw HTTP/1.1 with keep-alive", async () => {
    const result = await run(
      [
        "import asyncio",
        "async def main():",
        '    reader, writer = await asyncio.open_connection("a.example", 80)',
        "    for path in (b'/', b'/api/items'):",
        "        writer.write(b'GET ' + path + b' HTTP/1.1\\r\\nHost: a.example\\r\\n\\r\\n')",
        "        status = await reader.readline()",
        "        head = await reader.readuntil(b'\\r\\n\\r\\n')",
        "        length = int([l for l in head.split(b'\\r\\n') if l.startswith(b'Content-Length')][0].split(b': ')[1])",
        "        print(status, await reader.readexactly(length), asyncio.get_running_loop().time())",
        "    writer.close()",
        "    await writer.wait_closed()",
        "asyncio.run(main())",
      ].join("\n"),
    );
    expect(lines(result)).toEqual([
      "b'HTTP/1.1 200 OK\\r\\n' b'<html>a</html>' 1.0",
      "b'HTTP/1.1 200 OK\\r\\n' b'[1, 2, 3]' 2.0",
    ]);
  });
});

describe("npm run trace -- F --network NET.json", () => {
  function trace(...args: string[]) {
    const result = spawnSync("npm", ["run", "trace", "--", ...args], {
      cwd: path.resolve(__dirname, "..", ".."),
      encoding: "utf8",
      env: { ...process.env, SANDBOX_UID_BASE: String(UID_BASE + 2) },
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it("runs a file against the hosts of a network.json, and names every problem of a bad one", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "trace-network-"));
    try {
      writeFileSync(
        path.join(dir, "main.py"),
        'import requests\nprint(requests.get("http://a.example/api/items").json())\n',
      );
      writeFileSync(path.join(dir, "net.json"), JSON.stringify(NETWORK));
      const ok = trace(path.join(dir, "main.py"), "--json", "--network", path.join(dir, "net.json"));
      expect(ok.status).toBe(0);
      const result = runResultSchema.parse(JSON.parse(ok.stdout));
      expect(lines(result)).toEqual(["[1, 2, 3]"]);
      expect(result.virtualTime).toBe(1);

      writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ hosts: { "a.example": { latancy: 1, routes: {} } } }));
      const bad = trace(path.join(dir, "main.py"), "--network", path.join(dir, "bad.json"));
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('hosts.a.example: unknown key(s) "latancy"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
