/**
 * The real local server that records the networked corpus's oracles (scripts/corpus/net_server.py,
 * issue 15) obeys the rules — checked with real HTTP(S) requests from Node, real sockets and
 * real time: latencies, 404s, content types, JSON as json.dumps, echo, 429 with its reason phrase,
 * resets, FIFO per-host concurrency (a client that gave up keeps its slot), keep-alive, https with
 * the throwaway CA, and clear errors for a bad network.json.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SERVER = path.join(ROOT, "scripts/corpus/net_server.py");
/** Real time on a loaded 2-core machine: a response may come late (never early). */
const LATE = 0.25;

const NETWORK = {
  hosts: {
    "a.example": {
      latency: 0.2,
      routes: {
        "GET /": { body: "<html>a</html>", headers: { "Content-Type": "text/html; charset=utf-8" } },
        "GET /slow": { latency: 0.4, body: "late" },
        "GET /api/items": { json: [1, 2, 3] },
        "GET /api/user": { json: { name: "Zoë", admin: false, tags: null } },
        "POST /echo": { echo: true },
        "GET /limited": { status: 429, body: "slow down", headers: { "Retry-After": "1" } },
        "GET /reset": { latency: 0.3, fail: "reset" },
      },
    },
    "b.example": { latency: 0.2, concurrency: 2, routes: { "GET /": { body: "b" } } },
    "one.example": { latency: 0.3, concurrency: 1, routes: { "GET /": { body: "one" } } },
  },
};

type Ready = { http: number; https: number; ca: string; hosts: string[] };
type Reply = {
  status: number;
  reason: string;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: string;
  seconds: number;
  localPort: number;
};
type Options = { method?: string; body?: string; headers?: Record<string, string>; agent?: http.Agent };

let dir: string;
let server: ChildProcessWithoutNullStreams;
let ready: Ready;

function request(host: string, target: string, options: Options = {}, secure = false): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const common = {
      host: "127.0.0.1",
      port: secure ? ready.https : ready.http,
      path: target,
      method: options.method ?? "GET",
      headers: { Host: host, ...options.headers },
      agent: options.agent,
    };
    const onResponse = (response: http.IncomingMessage) => {
      // Read now: a keep-alive agent detaches the socket from the response once it has ended.
      const localPort = response.socket.localPort ?? 0;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          reason: response.statusMessage ?? "",
          headers: response.headers,
          rawHeaders: response.rawHeaders,
          body: Buffer.concat(chunks).toString("utf8"),
          seconds: (performance.now() - started) / 1000,
          localPort,
        }),
      );
    };
    const req = secure
      ? https.request({ ...common, servername: host, ca: readFileSync(ready.ca) }, onResponse)
      : http.request(common, onResponse);
    req.on("error", reject);
    req.end(options.body);
  });
}

function expectLatency(seconds: number, latency: number): void {
  expect(seconds).toBeGreaterThanOrEqual(latency - 0.01);
  expect(seconds).toBeLessThan(latency + LATE);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "interleave-net-server-"));
  writeFileSync(path.join(dir, "network.json"), JSON.stringify(NETWORK));
  server = spawn("/usr/bin/python3", ["-I", SERVER, path.join(dir, "network.json")]);
  const first = createInterface({ input: server.stdout });
  ready = await new Promise<Ready>((resolve, reject) => {
    first.once("line", (line) => resolve(JSON.parse(line) as Ready));
    server.once("exit", (code) => reject(new Error(`net_server.py exited with ${code}`)));
  });
});

afterAll(() => {
  server?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

describe("net_server.py serves network.json with real delays", () => {
  it("announces its ports, CA and hosts", () => {
    expect(ready.hosts).toEqual(["a.example", "b.example", "one.example"]);
    expect(ready.http).toBeGreaterThan(0);
    expect(ready.https).not.toBe(ready.http);
  });

  it("answers after the host's latency, or the route's own latency when it has one", async () => {
    const page = await request("a.example", "/");
    expect([page.status, page.reason, page.body]).toEqual([200, "OK", "<html>a</html>"]);
    expectLatency(page.seconds, 0.2);
    const slow = await request("a.example", "/slow");
    expect(slow.body).toBe("late");
    expectLatency(slow.seconds, 0.4);
  });

  it("sends HTTP/1.1 with Content-Length framing and the sandbox's headers, in its order", async () => {
    const page = await request("a.example", "/");
    // Date first, the route's own Content-Type instead of the default, Content-Length last.
    expect(page.rawHeaders.filter((_, i) => i % 2 === 0)).toEqual(["Date", "Content-Type", "Content-Length"]);
    expect(page.rawHeaders.slice(2)).toEqual(["Content-Type", "text/html; charset=utf-8", "Content-Length", "14"]);
    expect(page.headers.date).toMatch(/^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/);
    const plain = await request("a.example", "/slow");
    expect(plain.rawHeaders.slice(2)).toEqual(["Content-Type", "text/plain; charset=utf-8", "Content-Length", "4"]);
    expect(plain.headers["transfer-encoding"]).toBeUndefined();
    const limited = await request("a.example", "/limited");
    expect(limited.rawHeaders.filter((_, i) => i % 2 === 0)).toEqual([
      "Date",
      "Content-Type",
      "Retry-After",
      "Content-Length",
    ]);
  });

  it("serialises json as Python's json.dumps does by default, as application/json", async () => {
    const items = await request("a.example", "/api/items");
    expect([items.headers["content-type"], items.body]).toEqual(["application/json", "[1, 2, 3]"]);
    const user = await request("a.example", "/api/user");
    expect(user.body).toBe('{"name": "Zo\\u00eb", "admin": false, "tags": null}');
  });

  it("matches method and path, ignores the query string, and answers 404 Not Found otherwise", async () => {
    expect((await request("a.example", "/api/items?page=2&x=1")).body).toBe("[1, 2, 3]");
    for (const [method, target] of [
      ["GET", "/nope"],
      ["POST", "/"],
      ["DELETE", "/api/items"],
    ]) {
      const reply = await request("a.example", target, { method });
      expect([reply.status, reply.reason, reply.body]).toEqual([404, "Not Found", "Not Found"]);
      expect(reply.headers["content-type"]).toBe("text/plain; charset=utf-8");
      expectLatency(reply.seconds, 0.2);
    }
  });

  it("echoes the request body with the request's content type (none when the request had none)", async () => {
    const typed = await request("a.example", "/echo", {
      method: "POST",
      body: '{"a": 1}',
      headers: { "Content-Type": "application/json" },
    });
    expect([typed.status, typed.headers["content-type"], typed.body]).toEqual([200, "application/json", '{"a": 1}']);
    const untyped = await request("a.example", "/echo", { method: "POST", body: "raw" });
    expect(untyped.body).toBe("raw");
    expect(untyped.headers["content-type"]).toBeUndefined();
  });

  it("models rate limits: 429 Too Many Requests with the route's headers", async () => {
    const reply = await request("a.example", "/limited");
    expect([reply.status, reply.reason, reply.body, reply.headers["retry-after"]]).toEqual([
      429,
      "Too Many Requests",
      "slow down",
      "1",
    ]);
  });

  it('"fail": "reset" resets the TCP connection when the latency ends', async () => {
    const started = performance.now();
    const error = await request("a.example", "/reset").then(
      () => null,
      (failure: NodeJS.ErrnoException) => failure,
    );
    expect(error?.code).toBe("ECONNRESET");
    expectLatency((performance.now() - started) / 1000, 0.3);
  });

  it("caps a host's concurrent requests; the rest wait in arrival order", async () => {
    const replies = await Promise.all([0, 1, 2].map(() => request("b.example", "/")));
    const [first, second, third] = replies.map((reply) => reply.seconds);
    expectLatency(first, 0.2);
    expectLatency(second, 0.2);
    expectLatency(third, 0.4);
    // The third waited for a slot: one full latency after the other two (load shifts all three).
    expect(third - Math.max(first, second)).toBeGreaterThanOrEqual(0.19);
  });

  it("keeps the slot of a request the client gave up on until its latency ends", async () => {
    const started = performance.now();
    const impatient = http.request({
      host: "127.0.0.1",
      port: ready.http,
      path: "/",
      headers: { Host: "one.example" },
    });
    impatient.on("error", () => {});
    impatient.end();
    await new Promise((resolve) => setTimeout(resolve, 100));
    impatient.destroy();
    const patient = await request("one.example", "/");
    expect(patient.body).toBe("one");
    // Served after the abandoned request's 0.3 s, then its own 0.3 s: about 0.6 s after the start.
    expectLatency((performance.now() - started) / 1000, 0.6);
  });

  it("keeps connections alive: two requests, one socket", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await request("a.example", "/api/items", { agent });
      const second = await request("a.example", "/api/items", { agent });
      expect(second.localPort).toBe(first.localPort);
    } finally {
      agent.destroy();
    }
  });

  it("serves https for every listed host with a certificate from its throwaway CA", async () => {
    const reply = await request("b.example", "/", {}, true);
    expect([reply.status, reply.body]).toEqual([200, "b"]);
    const untrusted = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      const req = https.request(
        { host: "127.0.0.1", port: ready.https, servername: "a.example", path: "/", headers: { Host: "a.example" } },
        () => resolve(null),
      );
      req.on("error", resolve);
      req.end();
    });
    expect(untrusted?.message).toMatch(/certificate/i);
  });
});

describe("net_server.py rejects a bad network.json with every problem at once", () => {
  it("names unknown keys, bad latencies and bad routes, exit code 2", () => {
    const bad = path.join(dir, "bad.json");
    writeFileSync(
      bad,
      JSON.stringify({
        hosts: {
          "a.example": { latency: -1, speed: 3, routes: { "GET /": { body: 5, fail: "drop" }, "/x": {} } },
          "B.example": { concurrency: 0 },
        },
        extra: true,
      }),
    );
    const result = spawnSync("/usr/bin/python3", ["-I", SERVER, bad], { encoding: "utf8", timeout: 10_000 });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    for (const problem of [
      "unknown key 'extra'",
      "hosts.a.example: unknown key 'speed'",
      "hosts.a.example: latency must be a number of seconds between 0 and 3600, got -1",
      "hosts.a.example: routes['GET /']: body must be a string",
      "hosts.a.example: routes['GET /']: fail must be \"reset\", got 'drop'",
      "hosts.a.example: routes['/x']: the key must be \"METHOD /path\" (no query string)",
      "hosts.B.example: is not a lowercase host name",
      "hosts.B.example: concurrency must be a whole number >= 1, got 0",
    ]) {
      expect(result.stderr).toContain(problem);
    }
  });
});
