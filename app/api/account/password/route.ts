import { changePassword, changePasswordInput } from "@/lib/auth/change-password";
import { withRoute } from "@/app/api/_lib/route";

const body = changePasswordInput.omit({ userId: true });

/** `{ currentPassword, newPassword }` → 200; every session of the account ends (sign in again). */
export const POST = withRoute({ auth: "user", body }, async ({ user, body }) =>
  changePassword({ userId: user.id, currentPassword: body.currentPassword, newPassword: body.newPassword }),
);
