"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { removeStudent } from "@/lib/classes/remove-student";
import { rotateJoinCode } from "@/lib/classes/rotate-join-code";
import { withAction, type ActionResult } from "@/app/_lib/action";

const classInput = z.object({ classId: z.string().min(1) });
const studentInput = classInput.extend({ studentId: z.string().min(1) });

const rotate = withAction({ auth: "instructor", input: classInput }, async ({ user, input }) => {
  const updated = await rotateJoinCode({ userId: user.id, classId: input.classId });
  revalidatePath(`/classes/${input.classId}`);
  return { joinCode: updated.joinCode };
});

const remove = withAction({ auth: "instructor", input: studentInput }, async ({ user, input }) => {
  await removeStudent({ userId: user.id, classId: input.classId, studentId: input.studentId });
  revalidatePath(`/classes/${input.classId}`);
  return { removed: input.studentId };
});

export async function rotateJoinCodeAction(input: { classId: string }): Promise<ActionResult<{ joinCode: string }>> {
  return rotate(input);
}

export async function removeStudentAction(input: {
  classId: string;
  studentId: string;
}): Promise<ActionResult<{ removed: string }>> {
  return remove(input);
}
