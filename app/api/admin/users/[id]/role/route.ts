import { z } from "zod";
import { changeUserRole } from "@/lib/auth/change-user-role";
import { withRoute } from "@/app/api/_lib/route";

const body = z.object({ role: z.string() });

/** Admins only: `{ role: "instructor" | "student" }`; takes effect on the user's next request. */
export const POST = withRoute({ auth: "user", body }, async ({ user, body, params }) => {
  return { user: await changeUserRole({ userId: user.id, targetUserId: params.id, role: body.role }) };
});
