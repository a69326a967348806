import { createHmac } from "node:crypto";
import { FRAME_MAGIC } from "./trace-channel";

/** A frame as the harness writes it (lib/sandbox/python/zygote_channel.py): the format spelled out on
 * the host side, for tests and tools that build trace streams. */
export function encodeTraceFrame(payload: unknown, seq: number, key: Buffer): Buffer {
  const body = Buffer.from(JSON.stringify(payload));
  const sequence = Buffer.alloc(8);
  sequence.writeBigUInt64BE(BigInt(seq));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const head = createHmac("sha256", key).update("h").update(sequence).update(length).digest().subarray(0, 8);
  const mac = createHmac("sha256", key).update("p").update(sequence).update(body).digest();
  return Buffer.concat([FRAME_MAGIC, length, head, mac, body]);
}
