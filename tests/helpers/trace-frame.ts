import { createHmac } from "node:crypto";
import { FRAME_MAGIC } from "@/lib/sandbox/trace-channel";

/** The harness's frame format (lib/sandbox/python/zygote_channel.py), for building test streams. */
export function traceFrame(payload: unknown, seq: number, key: Buffer): Buffer {
  const body = Buffer.from(JSON.stringify(payload));
  const sequence = Buffer.alloc(8);
  sequence.writeBigUInt64BE(BigInt(seq));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const head = createHmac("sha256", key).update("h").update(sequence).update(length).digest().subarray(0, 8);
  const mac = createHmac("sha256", key).update("p").update(sequence).update(body).digest();
  return Buffer.concat([FRAME_MAGIC, length, head, mac, body]);
}
