import { z } from "zod";
import type { LeaderboardEntry } from "@/lib/realtime/events";

const idSchema = z.string({ message: "Missing id." }).trim().min(1, "Missing id.").max(64, "Invalid id.");

export const getLeaderboardInput = z.object({ userId: idSchema, classId: idSchema });
export type GetLeaderboardInput = z.input<typeof getLeaderboardInput>;

/** GET /api/classes/:id/leaderboard: the whole board, ranked (the contract of issue 10). */
export interface LeaderboardView {
  classId: string;
  entries: LeaderboardEntry[];
  updatedAt: string;
}

export const setLeaderboardAliasInput = z.object({
  userId: idSchema,
  classId: idSchema,
  /** Empty or null clears the alias: the leaderboard shows the student's name again. */
  alias: z
    .string({ message: "Send the alias as text." })
    .trim()
    .max(30, "An alias is at most 30 characters.")
    .regex(/^[^<>\p{Cc}]*$/u, "An alias cannot contain control characters or < >.")
    .nullable(),
});
export type SetLeaderboardAliasInput = z.input<typeof setLeaderboardAliasInput>;
