import { z } from "zod";
import { joinClass } from "@/lib/classes/join-class";
import { joinClassInput } from "@/lib/classes/join-class.types";
import { withRoute } from "@/app/api/_lib/route";

const joinClassBody = z.object({ code: joinClassInput.shape.joinCode });

/** 201 when the student was enrolled now, 200 when they already were (joining is idempotent). */
export const POST = withRoute({ auth: "user", body: joinClassBody }, async ({ user, body }) => {
  const { alreadyEnrolled, ...joined } = await joinClass({ userId: user.id, joinCode: body.code });
  return Response.json({ class: joined, alreadyEnrolled }, { status: alreadyEnrolled ? 200 : 201 });
});
