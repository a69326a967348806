import { z } from "zod";
import { runResultSchema, type RunLimits } from "@/lib/run-contract/run-result.types";

/**
 * Messages the zygote writes on its stdout (see lib/sandbox/python/zygote.py). They come from inside
 * the sandbox, so they are parsed with zod like any other untrusted input.
 */
export const zygoteReadySchema = z.object({
  type: z.literal("ready"),
  pid: z.number().int(),
  uid: z.number().int(),
  python: z.string().max(100),
});

export const zygoteFatalSchema = z.object({ type: z.literal("fatal"), message: z.string().max(10_000) });

/** The zygote's result lacks wallMs and seed: Node fills them in. */
export const zygoteRunResultSchema = runResultSchema.omit({ wallMs: true, seed: true });

export const zygoteResultSchema = z.object({
  type: z.literal("result"),
  id: z.number().int(),
  wallMs: z.number().nonnegative(),
  recycle: z.boolean(),
  result: zygoteRunResultSchema,
});
export type ZygoteResult = z.infer<typeof zygoteResultSchema>;

export const zygoteMessageSchema = z.discriminatedUnion("type", [
  zygoteReadySchema,
  zygoteFatalSchema,
  zygoteResultSchema,
]);
export type ZygoteMessage = z.infer<typeof zygoteMessageSchema>;

/** Request sent to the zygote: the program travels over the pipe, never as a host path. */
export interface ZygoteRequest {
  id: number;
  code: string;
  seed: number;
  limits: RunLimits;
}

const MIB = 1024 * 1024;

/**
 * Upper bound for one result message. Output text is capped by maxOutputBytes inside the sandbox;
 * JSON escaping of control characters can expand it up to 6x, plus up to 128 KiB of raw fd output,
 * a traceback and notes.
 */
export function maxResultBytes(limits: RunLimits): number {
  return 6 * limits.maxOutputBytes + 64 * limits.maxEvents + 2 * MIB;
}
