import { getLeaderboard } from "@/lib/leaderboard/get-leaderboard";
import { withRoute } from "@/app/api/_lib/route";

/** The class leaderboard, ranked: `{ classId, entries: [{ userId, name, solved, score, rank }], updatedAt }`. */
export const GET = withRoute({ auth: "user" }, async ({ user, params }) =>
  getLeaderboard({ userId: user.id, classId: params.id }),
);
