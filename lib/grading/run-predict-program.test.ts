import { describe, expect, it } from "vitest";
import { runLimitsSchema, type RunRequest, type RunResult } from "@/lib/run-contract/run-result.types";
import { runPredictProgram } from "./run-predict-program";

const limits = runLimitsSchema.parse({});
const result = (status: RunResult["status"]): RunResult => ({
  status,
  events: [{ t: 0, task: "main", stream: "stdout", text: "hi" }],
  virtualTime: 0,
  error: null,
  limit: null,
  wallMs: 1,
  seed: 0,
  tamper: null,
  deadlock: null,
  notes: [],
});

describe("runPredictProgram", () => {
  it("runs a program once (seed 0) however many predictions of it are graded", async () => {
    const requests: RunRequest[] = [];
    const run = async (request: RunRequest) => {
      requests.push(request);
      return result("ok");
    };
    const program = `print("memo ${Math.random()}")`;
    const [a, b] = await Promise.all([
      runPredictProgram({ program, limits, network: null, run }),
      runPredictProgram({ program, limits, network: null, run }),
    ]);
    expect(await runPredictProgram({ program, limits, network: null, run })).toBe(a);
    expect(a).toBe(b);
    expect(a?.status).toBe("ok");
    expect(requests).toEqual([{ code: program, seed: 0, limits, network: null }]);
  });

  it("gives null for a run the sandbox could not make, and tries again next time", async () => {
    const program = `print("outage ${Math.random()}")`;
    let calls = 0;
    const failing = async () => {
      calls += 1;
      if (calls === 1) throw new Error("sandbox down");
      return calls === 2 ? result("sandbox_error") : result("ok");
    };
    expect(await runPredictProgram({ program, limits, network: null, run: failing })).toBeNull();
    expect(await runPredictProgram({ program, limits, network: null, run: failing })).toBeNull();
    expect((await runPredictProgram({ program, limits, network: null, run: failing }))?.status).toBe("ok");
    expect(calls).toBe(3);
  });

  it("runs the program on the exercise's network, and a different network is a different run", async () => {
    const requests: RunRequest[] = [];
    const run = async (request: RunRequest) => {
      requests.push(request);
      return result("ok");
    };
    const program = `print("net ${Math.random()}")`;
    const network = { hosts: { "a.example": { latency: 1, routes: { "GET /": { body: "a" } } } } };
    await runPredictProgram({ program, limits, network, run });
    await runPredictProgram({ program, limits, network: null, run });
    expect(requests).toEqual([
      { code: program, seed: 0, limits, network },
      { code: program, seed: 0, limits, network: null },
    ]);
  });
});
