import { z } from "zod";
import type { RunLimits } from "@/lib/run-contract/run-result.types";
import type { NetworkSpec } from "@/lib/run-contract/network-spec.types";

/**
 * Control messages the zygote writes (lib/sandbox/python/zygote.py). The run's own output never
 * travels here: the child writes it on separate pipes Node reads directly (see zygote-process.ts).
 * Only the zygote can write this pipe (the child's descriptor 1 is its own stdout pipe), but it is
 * parsed with zod all the same.
 */
export const zygoteReadySchema = z.object({
  type: z.literal("ready"),
  pid: z.number().int(),
  uid: z.number().int(),
  python: z.string().max(100),
  freshTmp: z.boolean(),
  devicesSealed: z.boolean(),
  seccomp: z.boolean(),
  /** Started with --networked: the networking libraries are preloaded. */
  networked: z.boolean(),
});
export type ZygoteReady = z.infer<typeof zygoteReadySchema>;

export const zygoteFatalSchema = z.object({ type: z.literal("fatal"), message: z.string().max(10_000) });

export const zygoteStartedSchema = z.object({
  type: z.literal("started"),
  id: z.number().int(),
  key: z.string().regex(/^[0-9a-f]{64}$/),
});

/** What only the zygote knows about a run: how its process ended. */
export const zygoteDoneSchema = z.object({
  type: z.literal("done"),
  id: z.number().int(),
  marker: z.string().regex(/^[0-9a-f]{32}$/),
  wallMs: z.number().nonnegative(),
  recycle: z.boolean(),
  exitCode: z.number().int().nullable(),
  signal: z.number().int().nullable(),
  cpuSeconds: z.number().nonnegative(),
  maxRssKb: z.number().nonnegative(),
  wallKilled: z.boolean(),
  killedOnRequest: z.boolean(),
});
export type ZygoteDone = z.infer<typeof zygoteDoneSchema>;

export const zygoteMessageSchema = z.discriminatedUnion("type", [
  zygoteReadySchema,
  zygoteFatalSchema,
  zygoteStartedSchema,
  zygoteDoneSchema,
]);
export type ZygoteMessage = z.infer<typeof zygoteMessageSchema>;

/** Run request on the control pipe: the program itself goes on the code pipe, to the child only. */
export interface ZygoteRunRequest {
  type: "run";
  id: number;
  seed: number;
  limits: RunLimits;
  codeBytes: number;
  /** The run's virtual network (RunRequest.network), at most 32 KiB of JSON. */
  network: NetworkSpec | null;
  /** The child joins the run's memory cgroup (descriptor 8) and skips RLIMIT_AS. */
  cgroupMemory: boolean;
}

const MIB = 1024 * 1024;

/**
 * Bytes of trace frames kept for one run. Output text is capped by maxOutputBytes inside the
 * sandbox; JSON escaping of control characters can expand it up to 6x, plus per-event framing,
 * a traceback and notes. Past it Node has the run killed (limit "output").
 */
export function maxTraceBytes(limits: RunLimits): number {
  return 6 * limits.maxOutputBytes + 160 * limits.maxEvents + 2 * MIB;
}
