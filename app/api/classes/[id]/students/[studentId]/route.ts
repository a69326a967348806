import { removeStudent } from "@/lib/classes/remove-student";
import { withRoute } from "@/app/api/_lib/route";

export const DELETE = withRoute({ auth: "instructor" }, async ({ user, params }) => {
  await removeStudent({ userId: user.id, classId: params.id, studentId: params.studentId });
  return { ok: true };
});
