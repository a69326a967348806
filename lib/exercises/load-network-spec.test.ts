import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { exportExercisePackage } from "./export-exercise-package";
import { LIBRARY_DIR } from "./list-library";
import { loadExercisePackage } from "./load-exercise-package";
import { loadNetworkSpec, parseNetworkSpec } from "./load-network-spec";

// The issue's own example, verbatim: the contract with the oracle corpus.
const ISSUE_EXAMPLE = `{ "hosts": { "a.example": { "latency": 1.0,
    "routes": { "GET /": { "status": 200, "body": "<html>a</html>", "headers": { "content-type": "text/html; charset=utf-8" } },
                "GET /slow": { "latency": 3, "body": "late" },
                "GET /api/items": { "json": [1, 2, 3] },
                "POST /echo": { "echo": true } } },
    "b.example": { "latency": 0.5, "concurrency": 2, "routes": { "GET /": { "body": "b" } } } } }`;

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "network-spec-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("parseNetworkSpec", () => {
  it("accepts the issue's example unchanged", () => {
    const parsed = parseNetworkSpec({ text: ISSUE_EXAMPLE });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.spec).toEqual(JSON.parse(ISSUE_EXAMPLE));
  });

  it("reports every problem with its path: unknown keys, bad latency, route keys, host names", () => {
    const text = JSON.stringify({
      hosts: {
        "a.example": { latancy: 1, routes: { "GET /": { body: "x", json: 1 } } },
        "b.example": { latency: -1, concurrency: 0, routes: { "FETCH /": {}, "GET /x?q=1": {} } },
        "Bad Host": { routes: {} },
        localhost: { routes: {} },
      },
      extra: true,
    });
    const parsed = parseNetworkSpec({ text });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        `unknown key(s) "extra"`,
        `hosts.a.example: unknown key(s) "latancy"`,
        "hosts.a.example.routes.GET /: has more than one of body, json and echo",
        "hosts.b.example.latency: must be 0 or more seconds",
        expect.stringMatching(/^hosts\.b\.example\.concurrency: /),
        expect.stringMatching(/^hosts\.b\.example\.routes\.FETCH \/: "FETCH \/" must be "METHOD \/path"/),
        expect.stringMatching(/^hosts\.b\.example\.routes\.GET \/x\?q=1: /),
        `hosts.Bad Host: "Bad Host" must be a lowercase host name such as a.example`,
        `hosts.localhost: "localhost" is the program's own loopback`,
      ]),
    );
  });

  it("refuses invalid JSON, a latency over an hour and a too large file", () => {
    expect(parseNetworkSpec({ text: "{" })).toMatchObject({ ok: false });
    const slow = JSON.stringify({ hosts: { "a.example": { latency: 7200, routes: {} } } });
    expect(parseNetworkSpec({ text: slow })).toEqual({
      ok: false,
      problems: ["hosts.a.example.latency: must be at most 3600 seconds"],
    });
    const huge = JSON.stringify({ hosts: { "a.example": { routes: { "GET /": { body: "x".repeat(40_000) } } } } });
    expect(parseNetworkSpec({ text: huge })).toMatchObject({ ok: false });
  });
});

describe("network.json in an exercise folder", () => {
  it("loads with the package, exports back unchanged, and a bad one names the file", async () => {
    const dir = path.join(tmp, "05-create-task-concurrency");
    await cp(path.join(LIBRARY_DIR, "05-create-task-concurrency"), dir, { recursive: true });
    await writeFile(path.join(dir, "network.json"), ISSUE_EXAMPLE);
    const pkg = await loadExercisePackage({ dir });
    expect(pkg.network).toEqual(JSON.parse(ISSUE_EXAMPLE));

    const out = path.join(tmp, "out");
    await exportExercisePackage({ pkg, root: out });
    expect((await loadExercisePackage({ dir: path.join(out, pkg.manifest.slug) })).network).toEqual(pkg.network);

    await writeFile(path.join(dir, "network.json"), JSON.stringify({ hosts: { "a.example": { latency: "1" } } }));
    const error = await loadExercisePackage({ dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toMatchObject({
      "network.json": expect.arrayContaining([expect.stringMatching(/^hosts\.a\.example\.latency: /)]),
    });
  });

  it("a folder without network.json has no network; loadNetworkSpec names a missing file", async () => {
    const pkg = await loadExercisePackage({ dir: path.join(LIBRARY_DIR, "05-create-task-concurrency") });
    expect(pkg.network).toBeUndefined();
    await expect(loadNetworkSpec({ file: path.join(tmp, "nope.json") })).rejects.toThrow(/cannot read .*nope\.json/);
  });
});
