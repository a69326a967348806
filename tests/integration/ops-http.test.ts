/**
 * Operations on a real production server: security headers on every response, JSON 404 for
 * unknown API routes, /metrics behind METRICS_TOKEN, request ids in responses and JSON logs, and
 * a graceful SIGTERM (in-flight request finished, sockets told to reconnect, exit 0).
 */
import { request as httpRequest } from "node:http";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpSession, uniqueEmail } from "@/tests/helpers/http-session";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

const METRICS_TOKEN = "metrics-token-for-the-test-0123";
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { METRICS_TOKEN, LOG_LEVEL: "info" } });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe("web hardening", () => {
  it("sends the security headers on pages and API answers, with a fresh nonce CSP and no unsafe-eval", async () => {
    const page = await fetch(`${server.url}/sign-in`);
    const again = await fetch(`${server.url}/sign-in`);
    const csp = page.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(again.headers.get("content-security-policy")).not.toContain(nonce);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Next put the same nonce on its scripts, so the page can run under the policy.
    const html = await page.text();
    expect(html).toContain(`nonce="${nonce}"`);
    const api = await fetch(`${server.url}/api/health`);
    for (const response of [page, api]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      // Plain http here: HSTS only behind TLS.
      expect(response.headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("answers unknown /api routes with a JSON 404 for every method, and keeps real routes", async () => {
    for (const [method, path] of [
      ["GET", "/api/nope"],
      ["POST", "/api/classes/x/nope"],
      ["DELETE", "/api/a/b/c"],
    ]) {
      const response = await fetch(`${server.url}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/classes`)).status).toBe(401);
  });

  it("echoes a request id and logs JSON lines that carry it", async () => {
    const response = await fetch(`${server.url}/api/health`, { headers: { "x-request-id": "trace-abc-12345" } });
    expect(response.headers.get("x-request-id")).toBe("trace-abc-12345");
    const generated = (await fetch(`${server.url}/api/nope`)).headers.get("x-request-id");
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lines = server
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((line) => line.requestId === "trace-abc-12345")).toMatchObject({
      level: "info",
      component: "http",
      path: "/api/health",
      status: 200,
    });
    expect(lines.find((line) => line.requestId === generated)).toMatchObject({ status: 404 });
  });
});

describe("/metrics", () => {
  it("is a 404 without the bearer token and Prometheus text with it", async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    expect(
      (await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer wrong-token-wrong-token" } })).status,
    ).toBe(404);
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    for (const name of [
      "interleave_submissions_total",
      "interleave_grading_duration_seconds",
      "interleave_queue_depth",
      "interleave_sandbox_slots",
      "interleave_sandbox_recycles_total",
      "interleave_socket_connections",
      "interleave_http_request_duration_seconds",
      "process_cpu_seconds_total",
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
    expect(text).toMatch(
      /interleave_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} [1-9]/,
    );
    expect(text).toMatch(/interleave_sandbox_slots\{state="total"\} [1-9]/);
  });
});

describe("graceful shutdown", () => {
  it("on SIGTERM finishes the request in flight, drops sockets so they reconnect, and exits 0", async () => {
    const browser = new HttpSession(server.url);
    await browser.signUpAndSignIn({
      email: uniqueEmail("stay"),
      password: "password 123",
      name: "Stay",
      role: "student",
    });
    const socket = connect(server.url, {
      transports: ["websocket"],
      extraHeaders: { cookie: browser.cookieHeader() },
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

    // A sign-up whose body is still arriving when the signal comes.
    const body = JSON.stringify({
      email: uniqueEmail("late"),
      password: "password 123",
      name: "Late",
      role: "student",
    });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(
        `${server.url}/api/auth/signup`,
        { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
        (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => (text += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      request.on("error", reject);
      request.write(body.slice(0, 10));
      setTimeout(() => request.end(body.slice(10)), 1_500);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      server.child.once("exit", (code) => resolve({ code, at: Date.now() })),
    );
    const signalledAt = Date.now();
    server.child.kill("SIGTERM");

    // "transport close" (not "io server disconnect"): a socket.io client reconnects by itself.
    expect(await disconnected).toBe("transport close");
    const finished = await answer;
    expect(finished.status, finished.text).toBe(201);
    const { code, at } = await exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(15_000);
    // New connections are refused once it stopped accepting.
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    expect(server.output()).toContain('"msg":"stopped"');
    socket.close();
  }, 30_000);
});
