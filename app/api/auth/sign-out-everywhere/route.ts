import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { withRoute } from "@/app/api/_lib/route";

/** Ends every session of the signed-in account, this one included. */
export const POST = withRoute({ auth: "user" }, async ({ user }) => {
  await signOutEverywhere({ userId: user.id });
  return { ok: true };
});
