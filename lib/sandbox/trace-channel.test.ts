import { describe, expect, it } from "vitest";
import { MARKER_BYTES, RunStream } from "./run-stream";
import { encodeTraceFrame as traceFrame } from "./encode-trace-frame";
import { FRAME_MAGIC, parseChannel } from "./trace-channel";

const KEY = Buffer.alloc(32, 7);

const frame = (payload: unknown, seq: number, key = KEY) => traceFrame(payload, seq, key);

describe("parseChannel", () => {
  it("accepts authentic frames in sequence", () => {
    const stream = Buffer.concat([frame({ k: "e", e: { t: 0 } }, 0), frame({ k: "end", r: {}, n: 1 }, 1)]);
    const parsed = parseChannel(stream, KEY, 1 << 20);
    expect(parsed.messages.map((m) => m.k)).toEqual(["e", "end"]);
    expect(parsed.junkBytes).toBe(0);
  });

  it("skips junk anywhere (even fake magic with a huge length) and keeps the real frames after it", () => {
    const junk = Buffer.concat([
      FRAME_MAGIC,
      Buffer.from([0x7f, 0xff, 0xff, 0xff]),
      Buffer.alloc(40),
      Buffer.from("\xff\xfe junk"),
    ]);
    const stream = Buffer.concat([frame({ k: "e", e: { t: 0 } }, 0), junk, frame({ k: "end", r: {}, n: 1 }, 1)]);
    const parsed = parseChannel(stream, KEY, 1 << 20);
    expect(parsed.messages.map((m) => m.k)).toEqual(["e", "end"]);
    expect(parsed.junkBytes).toBe(junk.length);
  });

  it("rejects frames made with another key or out of sequence", () => {
    const stream = Buffer.concat([
      frame({ k: "end", r: { status: "ok" }, n: 0 }, 0, Buffer.alloc(32, 1)),
      frame({ k: "e", e: {} }, 5),
    ]);
    const parsed = parseChannel(stream, KEY, 1 << 20);
    expect(parsed.messages).toEqual([]);
    expect(parsed.junkBytes).toBe(stream.length);
  });

  it("tells a run killed mid-frame from junk", () => {
    const whole = frame({ k: "e", e: { t: 0, text: "x".repeat(100) } }, 1);
    const stream = Buffer.concat([frame({ k: "e", e: { t: 0 } }, 0), whole.subarray(0, 70)]);
    const parsed = parseChannel(stream, KEY, 1 << 20);
    expect(parsed).toMatchObject({ truncatedTail: true, junkBytes: 0 });
    expect(parsed.messages).toHaveLength(1);
  });
});

describe("RunStream", () => {
  it("holds back the marker and keeps only what it may", () => {
    const marker = Buffer.alloc(MARKER_BYTES, 0xab);
    const stream = new RunStream(4);
    stream.push(Buffer.from("hello"));
    stream.push(Buffer.concat([Buffer.from(" world"), marker.subarray(0, 5)]));
    expect(stream.endsWith(marker)).toBe(false);
    stream.push(marker.subarray(5));
    expect(stream.endsWith(marker)).toBe(true);
    expect(stream.total).toBe(11);
    expect(stream.bytes().toString()).toBe("hell");
    expect(stream.truncated).toBe(true);
  });
});
