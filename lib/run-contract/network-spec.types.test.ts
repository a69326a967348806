import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  NETWORK_PROBLEM_CODES,
  describeNetworkProblem,
  networkSpecProblems,
  networkSpecSchema,
  type NetworkProblem,
} from "./network-spec.types";

type Messages = { exerciseEditor: { networkProblem: Record<string, string> } };
const catalog = (locale: string): Record<string, string> =>
  (JSON.parse(readFileSync(path.join(__dirname, "../../messages", `${locale}.json`), "utf8")) as Messages)
    .exerciseEditor.networkProblem;

/** A spec with one of (nearly) every problem, so every code's wording is exercised. */
const BAD = {
  hosts: {
    "a.example": {
      latancy: 1,
      latency: "1",
      concurrency: 0,
      routes: {
        "GET /": { body: 1, json: 1, echo: "yes", status: 99, fail: "drop", headers: { "bad header": "x" } },
        "GET /x": { latency: -1, headers: { ok: "y".repeat(1001) } },
        "GET /y": { latency: 7200 },
      },
    },
  },
};
/** Key checks run once the values are valid (zod skips refinements of a failing record). */
const BAD_KEYS = [
  { hosts: { "a.example": { routes: { "FETCH /": {} } } } },
  { hosts: { "Bad Host": { routes: {} }, localhost: { routes: {} } } },
];

function problemsOf(value: unknown): NetworkProblem[] {
  const parsed = networkSpecSchema.safeParse(value);
  if (parsed.success) throw new Error("expected an invalid spec");
  return networkSpecProblems(parsed.error);
}

describe("network spec problems", () => {
  it("reports problems as codes with their place, never as zod's own English", () => {
    const problems = problemsOf(BAD);
    const byWhere = new Map(problems.map((p) => [`${p.where}|${p.code}`, p]));
    for (const key of [
      "hosts.a.example|unknownKeys",
      "hosts.a.example.latency|secondsNotNumber",
      "hosts.a.example.concurrency|concurrency",
      "hosts.a.example.routes.GET /.body|notString",
      "hosts.a.example.routes.GET /.echo|notBoolean",
      "hosts.a.example.routes.GET /.status|status",
      "hosts.a.example.routes.GET /.fail|failReset",
      "hosts.a.example.routes.GET /.headers.bad header|headerName",
      "hosts.a.example.routes.GET /x.latency|secondsMin",
      "hosts.a.example.routes.GET /x.headers.ok|headerTooLong",
      "hosts.a.example.routes.GET /y.latency|secondsMax",
    ]) {
      expect(byWhere.has(key), key).toBe(true);
    }
    expect(problems.map((p) => p.code)).not.toContain("invalid");
    expect(BAD_KEYS.flatMap(problemsOf).map((p) => [p.where, p.code, p.values.key])).toEqual([
      ["hosts.a.example.routes.FETCH /", "routeKey", "FETCH /"],
      ["hosts.Bad Host", "hostName", "Bad Host"],
      ["hosts.localhost", "hostLoopback", "localhost"],
    ]);
  });

  it("words the one-body rule, the size limit and unknown top-level keys", () => {
    const oneBody = problemsOf({ hosts: { "a.example": { routes: { "GET /": { body: "x", json: 1 } } } } });
    expect(oneBody.map(describeNetworkProblem)).toEqual([
      "hosts.a.example.routes.GET /: has more than one of body, json and echo",
    ]);
    const huge = problemsOf({ hosts: { "a.example": { routes: { "GET /": { body: "x".repeat(40_000) } } } } });
    expect(huge.map(describeNetworkProblem)).toEqual(["is larger than 32768 characters of JSON"]);
    expect(problemsOf({ hosts: {}, extra: 1 }).map(describeNetworkProblem)).toEqual(['unknown key(s) "extra"']);
  });

  it("has every code worded in English and Chinese, the English catalog matching the server's wording", () => {
    const en = catalog("en");
    const zh = catalog("zh-CN");
    expect(Object.keys(en).sort()).toEqual([...NETWORK_PROBLEM_CODES].sort());
    expect(Object.keys(zh).sort()).toEqual([...NETWORK_PROBLEM_CODES].sort());
    for (const problem of [...problemsOf(BAD), ...BAD_KEYS.flatMap(problemsOf)]) {
      const fromCatalog = en[problem.code].replace(/\{(\w+)\}/g, (_, name: keyof NetworkProblem["values"]) =>
        String(problem.values[name]),
      );
      const server = describeNetworkProblem(problem);
      expect(server).toBe(problem.where ? `${problem.where}: ${fromCatalog}` : fromCatalog);
    }
  });
});
