import { removeStudent } from "@/lib/classes/remove-student";
import { publishRosterChanged } from "@/lib/realtime/publish-roster-changed";
import { withRoute } from "@/app/api/_lib/route";

export const DELETE = withRoute({ auth: "instructor" }, async ({ user, params }) => {
  const result = await removeStudent({ userId: user.id, classId: params.id, studentId: params.studentId });
  publishRosterChanged({ classId: params.id, change: "removed", studentId: params.studentId, studentCount: result.studentCount });
  return { ok: true };
});
