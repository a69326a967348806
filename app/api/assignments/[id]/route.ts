import { updateAssignmentInput } from "@/lib/assignments/assignment-inputs.types";
import { deleteAssignment } from "@/lib/assignments/delete-assignment";
import { getAssignment } from "@/lib/assignments/get-assignment";
import { updateAssignment } from "@/lib/assignments/update-assignment";
import { withRoute } from "@/app/api/_lib/route";

const body = updateAssignmentInput.omit({ userId: true, assignmentId: true });

export const GET = withRoute({ auth: "user" }, async ({ user, params }) => ({
  assignment: await getAssignment({ userId: user.id, assignmentId: params.id }),
}));

/** Partial update; `exercises`, when given, replaces the list. */
export const PATCH = withRoute({ auth: "user", body }, async ({ user, params, body }) => ({
  assignment: await updateAssignment({ ...body, userId: user.id, assignmentId: params.id }),
}));

export const DELETE = withRoute({ auth: "user" }, async ({ user, params }) => {
  await deleteAssignment({ userId: user.id, assignmentId: params.id });
  return { ok: true };
});
