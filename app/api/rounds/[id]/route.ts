import { getRound } from "@/lib/rounds/get-round";
import { withRoute } from "@/app/api/_lib/route";

/** `{ round, entries: [{ userId, name, points, rank, answeredAt }], stats, canManage }`. */
export const GET = withRoute({ auth: "user" }, async ({ user, params }) =>
  getRound({ userId: user.id, roundId: params.id }),
);
