import { describe, expect, it } from "vitest";
import { encodeFrame, FrameReader, FrameTooLargeError } from "./frame-reader";

describe("FrameReader", () => {
  it("reassembles frames split across arbitrary chunks", () => {
    const bytes = Buffer.concat([encodeFrame({ a: 1 }), encodeFrame({ b: "任务" }), encodeFrame([])]);
    const reader = new FrameReader(1024);
    const frames: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 3) frames.push(...reader.push(bytes.subarray(i, i + 3)));
    expect(frames.map((f) => JSON.parse(f.toString("utf8")))).toEqual([{ a: 1 }, { b: "任务" }, []]);
  });

  it("rejects an oversize frame from its header, before buffering the body", () => {
    const reader = new FrameReader(100);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(20 * 1024 * 1024, 0);
    expect(() => reader.push(header)).toThrow(FrameTooLargeError);
  });

  it("returns nothing until a frame is complete", () => {
    const reader = new FrameReader(100);
    const frame = encodeFrame({ long: "x".repeat(50) });
    expect(reader.push(frame.subarray(0, 10))).toEqual([]);
    expect(reader.push(frame.subarray(10))).toHaveLength(1);
  });
});
