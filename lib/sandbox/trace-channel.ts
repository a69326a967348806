import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Parses and authenticates the trace frames a run wrote (format: lib/sandbox/python/zygote_channel.py).
 *
 * The run shares the descriptor with everything its program does, so the stream may hold junk
 * anywhere. The parser resynchronises on the magic bytes and accepts a frame only when both MACs
 * match the next sequence number; a failed header MAC costs one short HMAC, so junk cannot make
 * the host hash megabytes per candidate. Anything that is not a valid frame is counted as forged.
 */
export const FRAME_MAGIC = Buffer.from([0xa7, 0x49, 0x4c, 0x31]);
const LENGTH_BYTES = 4;
const HEAD_MAC_BYTES = 8;
const MAC_BYTES = 32;
const HEADER_BYTES = FRAME_MAGIC.length + LENGTH_BYTES + HEAD_MAC_BYTES + MAC_BYTES;

export type ChannelMessage = { k: "e"; e: unknown } | { k: "t"; r: unknown } | { k: "end"; r: unknown; n: unknown };

export interface ParsedChannel {
  messages: ChannelMessage[];
  /** The stream ends inside a frame the harness began (the run was killed while writing it). */
  truncatedTail: boolean;
  /** Bytes that were not part of an authentic frame (a program wrote to the descriptor). */
  junkBytes: number;
  /** Authentic frames whose payload was not a known message. */
  malformed: number;
}

function seqBytes(seq: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(seq));
  return buffer;
}

function mac(key: Buffer, parts: Buffer[]): Buffer {
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part);
  return hmac.digest();
}

function asMessage(payload: Buffer): ChannelMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString("utf8"));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const kind = (value as { k?: unknown }).k;
  return kind === "e" || kind === "t" || kind === "end" ? (value as ChannelMessage) : null;
}

export function parseChannel(stream: Buffer, key: Buffer, maxFrameBytes: number): ParsedChannel {
  const messages: ChannelMessage[] = [];
  let junkBytes = 0;
  let malformed = 0;
  let truncatedTail = false;
  let seq = 0;
  let position = 0;
  while (position < stream.length) {
    const found = stream.indexOf(FRAME_MAGIC, position);
    if (found < 0) {
      junkBytes += stream.length - position;
      break;
    }
    junkBytes += found - position;
    const frame = readFrame(stream, found, key, seq, maxFrameBytes);
    if (frame === "truncated") {
      truncatedTail = true;
      break;
    }
    if (frame === null) {
      junkBytes += 1;
      position = found + 1;
      continue;
    }
    seq += 1;
    position = frame.end;
    const message = asMessage(frame.payload);
    if (message) messages.push(message);
    else malformed += 1;
  }
  return { messages, truncatedTail, junkBytes, malformed };
}

/**
 * The frame at `at`; null when there is none; "truncated" when the stream ends inside a frame the
 * harness began (its header authenticates, or too little is left to tell): a run killed mid-write
 * is not a forgery.
 */
function readFrame(stream: Buffer, at: number, key: Buffer, seq: number, maxFrameBytes: number) {
  if (stream.length - at < 16) return "truncated";
  const lengthField = stream.subarray(at + 4, at + 8);
  const length = lengthField.readUInt32BE(0);
  if (length > maxFrameBytes) return null;
  const sequence = seqBytes(seq);
  const headMac = mac(key, [Buffer.from("h"), sequence, lengthField]).subarray(0, HEAD_MAC_BYTES);
  if (!timingSafeEqual(headMac, stream.subarray(at + 8, at + 16))) return null;
  if (stream.length - at - HEADER_BYTES < length) return "truncated";
  const payload = stream.subarray(at + HEADER_BYTES, at + HEADER_BYTES + length);
  const payloadMac = mac(key, [Buffer.from("p"), sequence, payload]);
  if (!timingSafeEqual(payloadMac, stream.subarray(at + 16, at + 48))) return null;
  return { payload, end: at + HEADER_BYTES + length };
}
