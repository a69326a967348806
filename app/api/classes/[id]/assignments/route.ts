import { NextResponse } from "next/server";
import { createAssignmentInput } from "@/lib/assignments/assignment-inputs.types";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { withRoute } from "@/app/api/_lib/route";

const body = createAssignmentInput.omit({ userId: true, classId: true });

/** The class's assignments: all for the instructor, published ones with progress for a student. */
export const GET = withRoute({ auth: "user" }, async ({ user, params }) =>
  listAssignments({ userId: user.id, classId: params.id }),
);

/** 201 `{ assignment }`. */
export const POST = withRoute({ auth: "user", body }, async ({ user, params, body }) => {
  const assignment = await createAssignment({ ...body, userId: user.id, classId: params.id });
  return NextResponse.json({ assignment }, { status: 201 });
});
