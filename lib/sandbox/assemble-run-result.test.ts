import { describe, expect, it } from "vitest";
import { encodeTraceFrame as traceFrame } from "./encode-trace-frame";
import { assembleRunResult } from "./assemble-run-result";
import { runLimitsSchema, runResultSchema } from "@/lib/run-contract/run-result.types";
import { MARKER_BYTES, RunStream } from "./run-stream";
import type { RunCapture } from "./zygote-process";

const KEY = Buffer.alloc(32, 7);
const frame = (payload: unknown, seq: number) => traceFrame(payload, seq, KEY);
const limits = runLimitsSchema.parse({});
const marker = Buffer.alloc(MARKER_BYTES, 1);

function stream(content: Buffer): RunStream {
  const s = new RunStream(1 << 20);
  s.push(Buffer.concat([content, marker]));
  return s;
}

function capture(frames: Buffer[], done: Partial<RunCapture["done"]> = {}, raw = ""): RunCapture {
  return {
    done: {
      type: "done",
      id: 1,
      marker: marker.toString("hex"),
      wallMs: 1,
      recycle: false,
      exitCode: 0,
      signal: null,
      cpuSeconds: 0.01,
      maxRssKb: 1,
      wallKilled: false,
      killedOnRequest: false,
      ...done,
    },
    key: KEY,
    events: stream(Buffer.concat(frames)),
    stdout: stream(Buffer.from(raw)),
    stderr: stream(Buffer.alloc(0)),
    outputKilled: false,
    streamsBroken: false,
  };
}

const context = { limits, seed: 0, wallMs: 5, oomKilled: false, maxFrameBytes: 1 << 20 };
const end = (r: object, n: number, seq: number) =>
  frame(
    { k: "end", r: { status: "ok", virtualTime: 1, error: null, limit: null, notes: [], tamper: null, ...r }, n },
    seq,
  );

describe("assembleRunResult", () => {
  it("turns any task name and any text into a valid result with a note, never an error", () => {
    const result = assembleRunResult(
      capture([
        frame({ k: "e", e: { t: 1, task: "n".repeat(300), stream: "stdout", text: "hi\u0000" } }, 0),
        end({}, 1, 1),
      ]),
      context,
    );
    expect(runResultSchema.parse(result).status).toBe("ok");
    expect(result.events[0].task).toHaveLength(200);
    expect(result.notes.join(" ")).toContain("shortened");
    expect(result.tamper).toBeNull();
  });

  it("flags a tamper frame even when the end report says nothing, and keeps every distinct reason", () => {
    const result = assembleRunResult(
      capture([frame({ k: "t", r: "line 1: uses gc" }, 0), end({ tamper: { reason: "runtime: x" } }, 0, 1)]),
      context,
    );
    expect(result.tamper?.reason).toBe("line 1: uses gc; runtime: x");
  });

  it("catches an event count the harness did not report and an end time before the last event", () => {
    const result = assembleRunResult(
      capture([
        frame({ k: "e", e: { t: 5, task: "main", stream: "stdout", text: "x" } }, 0),
        end({ virtualTime: 1 }, 0, 1),
      ]),
      context,
    );
    expect(result.tamper?.reason).toContain("different number of trace events");
    expect(result.tamper?.reason).toContain("earlier than the last event");
    expect(result.virtualTime).toBe(5);
  });

  it("without an end report: a crash, a memory limit after an OOM kill, a CPU limit", () => {
    expect(assembleRunResult(capture([], { exitCode: null, signal: 11 }), context)).toMatchObject({
      status: "error",
      error: { type: "Crash" },
    });
    expect(
      assembleRunResult(capture([], { exitCode: null, signal: 9 }), { ...context, oomKilled: true }),
    ).toMatchObject({ status: "limit", limit: "memory" });
    expect(assembleRunResult(capture([], { exitCode: null, signal: 9, cpuSeconds: 6 }), context)).toMatchObject({
      status: "limit",
      limit: "cpu",
      cpuMs: 6000,
    });
    expect(assembleRunResult(capture([], { wallKilled: true, exitCode: null, signal: 9 }), context)).toMatchObject({
      status: "limit",
      limit: "wall",
    });
  });

  it("shows raw bytes as task raw with a note", () => {
    const result = assembleRunResult(capture([end({}, 0, 0)], {}, "a\nb\n"), context);
    expect(result.events.map((e) => [e.task, e.text])).toEqual([
      ["raw", "a"],
      ["raw", "b"],
    ]);
    expect(result.notes[0]).toContain("4 bytes were written directly to file descriptor 1");
  });
});
