import { endRound } from "@/lib/rounds/end-round";
import { withRoute } from "@/app/api/_lib/route";

/** Ends a round early (the instructor): `{ round }`. */
export const POST = withRoute({ auth: "user" }, async ({ user, params }) => ({
  round: await endRound({ userId: user.id, roundId: params.id }),
}));
