/**
 * A browser-written exercise gets a virtual network (network.json) through the editor's API, on the
 * real production server and sandbox: the owner sets and clears it, a bad spec is a 400 naming each
 * path, record / try / grading run against the draft's network, and students never see the hosts
 * (their latencies are part of the answer).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExerciseForEditor } from "@/lib/exercises/exercise-draft.types";
import type { NetworkSpec } from "@/lib/run-contract/network-spec.types";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import { graded, startClassServer } from "@/tests/helpers/class-server";
import type { HttpSession } from "@/tests/helpers/http-session";
import type { TestServer } from "@/tests/helpers/server";

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string[]> } };

const NETWORK: NetworkSpec = {
  hosts: {
    "a.example": {
      latency: 1,
      routes: { "GET /": { body: "page a" }, "GET /b": { latency: 2, body: "page b" } },
    },
  },
};

const SOLUTION = `import asyncio
import aiohttp


async def fetch(session, url):
    async with session.get(url) as response:
        print(url, response.status, await response.text())


async def main():
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(fetch(session, "http://a.example/b"), fetch(session, "http://a.example/"))
    print("done")


asyncio.run(main())
`;
/** The classic mistake: one download after the other (ends at t=3, pages in the other order). */
const SEQUENTIAL = SOLUTION.replace(
  'await asyncio.gather(fetch(session, "http://a.example/b"), fetch(session, "http://a.example/"))',
  'await fetch(session, "http://a.example/b")\n        await fetch(session, "http://a.example/")',
);

describe("an exercise's network through the editor API", () => {
  let server: TestServer;
  let teacher: HttpSession;
  let stranger: HttpSession;
  let student: HttpSession;
  let classId: string;
  let exerciseId: string;

  async function editor(): Promise<ExerciseForEditor> {
    return (await teacher.json<{ exercise: ExerciseForEditor }>("GET", `/api/exercises/${exerciseId}/editor`)).body
      .exercise;
  }

  beforeAll(async () => {
    ({
      server,
      teacher,
      outsider: stranger,
      student,
      classId,
    } = await startClassServer(
      { teacher: "Grace", outsider: { name: "Mallory", role: "instructor" }, student: "Linus", className: "Crawlers" },
      { env: { SANDBOX_UID_BASE: "63820" } },
    ));
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("creates an exercise with a network; a bad one is a 400 naming each path and stores nothing", async () => {
    const body = {
      kind: "write-code",
      title: { en: "Two pages at once" },
      prompt: { en: "Download http://a.example/b and http://a.example/ concurrently." },
      solution: SOLUTION,
    };
    const bad = await teacher.json<ErrorBody>("POST", `/api/classes/${classId}/exercises`, {
      ...body,
      network: { hosts: { "a.example": { latancy: 1, routes: { "GET /": { latency: -1 } } }, "A B": { routes: {} } } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.network).toEqual(
      expect.arrayContaining([
        'hosts.a.example: unknown key(s) "latancy"',
        "hosts.a.example.routes.GET /.latency: must be 0 or more seconds",
        'hosts.A B: "A B" must be a lowercase host name such as a.example',
      ]),
    );
    expect(bad.body.error.details?.["network.path"]).toContain("hosts.a.example.routes.GET /.latency");
    expect(bad.body.error.message).toMatch(/network\.json\) has 3 errors: .*latancy/);
    const listed = await teacher.json<{ exercises: unknown[] }>("GET", `/api/classes/${classId}/exercises`);
    expect(listed.body.exercises).toEqual([]);

    const created = await teacher.json<{ exercise: ExerciseForEditor }>("POST", `/api/classes/${classId}/exercises`, {
      ...body,
      network: NETWORK,
    });
    expect(created.status).toBe(201);
    expect(created.body.exercise.network).toEqual(NETWORK);
    exerciseId = created.body.exercise.id;
  });

  it("the owner clears and sets it with PUT; others cannot; a bad PUT keeps the stored one", async () => {
    expect((await stranger.json("PUT", `/api/exercises/${exerciseId}`, { network: null })).status).toBe(404);
    expect((await student.json("PUT", `/api/exercises/${exerciseId}`, { network: null })).status).toBe(404);
    expect((await editor()).network).toEqual(NETWORK);

    const cleared = await teacher.json<{ exercise: ExerciseForEditor }>("PUT", `/api/exercises/${exerciseId}`, {
      network: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.exercise.network).toBeNull();
    expect((await editor()).network).toBeNull();

    const bad = await teacher.json<ErrorBody>("PUT", `/api/exercises/${exerciseId}`, {
      points: 7,
      network: { hosts: { "a.example": { routes: { "FETCH /": { body: "x" } } } } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.network).toEqual([
      'hosts.a.example.routes.FETCH /: "FETCH /" must be "METHOD /path" (METHOD one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, no query string)',
    ]);
    expect(await editor()).toMatchObject({ network: null, points: 100 });

    // Other fields saved without `network` leave it as it is.
    await teacher.json("PUT", `/api/exercises/${exerciseId}`, { network: NETWORK });
    await teacher.json("PUT", `/api/exercises/${exerciseId}`, { points: 60 });
    expect(await editor()).toMatchObject({ network: NETWORK, points: 60 });
  });

  it("record runs against the draft's network: the networked trace, waits on the timeline", async () => {
    const recorded = await teacher.json<{ spec: string; trace: RunResult }>(
      "POST",
      `/api/exercises/${exerciseId}/record`,
      {},
    );
    expect(recorded.status).toBe(200);
    expect(recorded.body.trace.status).toBe("ok");
    const printed = recorded.body.trace.events.filter((e) => e.stream === "stdout").map((e) => [e.t, e.text]);
    expect(printed).toEqual([
      [1, "http://a.example/ 200 page a"],
      [2, "http://a.example/b 200 page b"],
      [2, "done"],
    ]);
    const waits = recorded.body.trace.lifecycle?.waits.filter((w) => w.on === "network").map((w) => w.detail);
    expect(waits).toEqual(expect.arrayContaining(["GET a.example/", "GET a.example/b"]));
    expect(recorded.body.spec).toMatch(/page a[\s\S]*page b[\s\S]*done/);
  });

  it("try and wrong solutions are checked against the network; without it the solution fails", async () => {
    const sequential = await teacher.json<{ passed: boolean }>("POST", `/api/exercises/${exerciseId}/try`, {
      code: SEQUENTIAL,
    });
    expect(sequential.body.passed).toBe(false);
    const saved = await teacher.json<{ wrongSolutions: { file: string }[] }>(
      "POST",
      `/api/exercises/${exerciseId}/wrong-solutions`,
      { name: "sequential", code: SEQUENTIAL },
    );
    expect(saved.status).toBe(201);
    expect(saved.body.wrongSolutions.map((wrong) => wrong.file)).toEqual(["wrong/sequential.py"]);
    expect(
      (await teacher.json<{ passed: boolean }>("POST", `/api/exercises/${exerciseId}/try`, { code: SOLUTION })).body
        .passed,
    ).toBe(true);

    await teacher.json("PUT", `/api/exercises/${exerciseId}`, { network: null });
    const offline = await teacher.json<{ passed: boolean; trace: RunResult }>(
      "POST",
      `/api/exercises/${exerciseId}/try`,
      {
        code: SOLUTION,
      },
    );
    expect(offline.body.passed).toBe(false);
    expect(JSON.stringify(offline.body.trace.error)).toMatch(/ClientConnectorError|a\.example/);
    await teacher.json("PUT", `/api/exercises/${exerciseId}`, { network: NETWORK });
  });

  it("a student passes the published exercise and never sees its network", async () => {
    expect((await teacher.json("PATCH", `/api/exercises/${exerciseId}`, { status: "PUBLISHED" })).status).toBe(200);
    const view = await student.json<Record<string, unknown>>("GET", `/api/exercises/${exerciseId}`);
    expect(view.status).toBe(200);
    expect(view.body).not.toHaveProperty("network");
    expect(JSON.stringify(view.body)).not.toMatch(/latency|page b/);
    expect([403, 404]).toContain((await student.json("GET", `/api/exercises/${exerciseId}/editor`)).status);

    const submitted = await student.json<{ id: string }>("POST", `/api/exercises/${exerciseId}/submissions`, {
      code: SOLUTION,
    });
    expect(submitted.status).toBe(202);
    expect(await graded(student, submitted.body.id, server)).toMatchObject({ status: "passed", score: 100 });
  });
});
