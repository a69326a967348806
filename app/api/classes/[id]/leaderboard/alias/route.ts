import { z } from "zod";
import { setLeaderboardAlias } from "@/lib/leaderboard/set-leaderboard-alias";
import { withRoute } from "@/app/api/_lib/route";

const body = z.object({ alias: z.string({ message: "Send the alias as text." }).nullable() });

/** A student's leaderboard alias in the class: `{ alias }` (empty or null shows their name again). */
export const POST = withRoute({ auth: "user", body }, async ({ user, params, body }) =>
  setLeaderboardAlias({ userId: user.id, classId: params.id, alias: body.alias }),
);
