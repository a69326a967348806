import { z } from "zod";

const idSchema = z.string({ message: "Missing id." }).trim().min(1, "Missing id.").max(64, "Invalid id.");

/** 10 seconds to one hour: long enough to type, short enough to stay "live". */
export const MIN_ROUND_SECONDS = 10;
export const MAX_ROUND_SECONDS = 3600;

export const startRoundInput = z.object({
  userId: idSchema,
  classId: idSchema,
  exerciseId: idSchema,
  durationSeconds: z
    .number({ message: "durationSeconds must be a number of seconds." })
    .int("durationSeconds must be a whole number of seconds.")
    .min(MIN_ROUND_SECONDS, `A round lasts at least ${MIN_ROUND_SECONDS} seconds.`)
    .max(MAX_ROUND_SECONDS, `A round lasts at most ${MAX_ROUND_SECONDS} seconds (one hour).`),
});
export type StartRoundInput = z.input<typeof startRoundInput>;

export const roundInput = z.object({ userId: idSchema, roundId: idSchema });
export type RoundInput = z.input<typeof roundInput>;

export const classRoundsInput = z.object({ userId: idSchema, classId: idSchema });
export type ClassRoundsInput = z.input<typeof classRoundsInput>;

export type RoundStatus = "running" | "ended";

/** `{ round }` of POST /api/classes/:id/rounds (contract: id, exerciseId, status, startedAt, endsAt). */
export interface RoundView {
  id: string;
  classId: string;
  exerciseId: string;
  status: RoundStatus;
  startedAt: string;
  endsAt: string;
  endedAt: string | null;
  durationSeconds: number;
  title: { en: string; zh: string };
  kind: "WRITE_CODE" | "PREDICT_OUTPUT";
}

export interface RoundEntry {
  userId: string;
  name: string;
  points: number;
  rank: number;
  /** When the answer that counts was accepted (the first passing one, else the last try). */
  answeredAt: string;
}

/** The most common first divergence among wrong answers; the details only once the round ended. */
export interface CommonDivergence {
  count: number;
  /** 1-based line of the output where it diverged. */
  line: number;
  reason: string;
  code: string | null;
  params: Record<string, string | number | null> | null;
  message: string | null;
}

export interface RoundStats {
  /** Students who answered at least once. */
  answered: number;
  passed: number;
  failed: number;
  /** Still being graded. */
  pending: number;
  /** Students per score band of their best answer (0–24, 25–49, 50–74, 75–99, 100). */
  distribution: { band: "0" | "25" | "50" | "75" | "100"; students: number }[];
  commonDivergence: CommonDivergence | null;
}

/** GET /api/rounds/:id → `{ round, entries, stats }` (entries ranked; contract of issue 10). */
export interface RoundDetail {
  round: RoundView;
  entries: RoundEntry[];
  stats: RoundStats;
  canManage: boolean;
}

export interface ClassRounds {
  current: RoundView | null;
  rounds: (RoundView & { answers: number })[];
  canManage: boolean;
}
