import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { updateEnrollmentAlias } from "@/lib/db/leaderboard";
import { AppError } from "@/lib/errors/app-error";
import { getLeaderboardNotifier } from "./leaderboard-notifier";
import { setLeaderboardAliasInput, type SetLeaderboardAliasInput } from "./leaderboard.types";

/**
 * A student picks the name the class leaderboard shows for them (or clears it). Only enrolled
 * students have one; the projector's board updates live.
 */
export async function setLeaderboardAlias(
  input: SetLeaderboardAliasInput,
): Promise<{ classId: string; alias: string | null }> {
  const { userId, classId, alias } = parseInput(setLeaderboardAliasInput, input);
  await requireClassAccess({ userId, classId, action: "class.view" });
  const value = alias ? alias : null;
  if (!(await updateEnrollmentAlias(classId, userId, value))) {
    throw new AppError("FORBIDDEN", "Only students of this class have a leaderboard alias.", {
      key: "leaderboard.aliasStudentsOnly",
    });
  }
  getLeaderboardNotifier()(classId, userId);
  return { classId, alias: value };
}
