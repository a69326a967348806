import { rotateJoinCode } from "@/lib/classes/rotate-join-code";
import { withRoute } from "@/app/api/_lib/route";

export const POST = withRoute({ auth: "instructor" }, async ({ user, params }) => ({
  class: await rotateJoinCode({ userId: user.id, classId: params.id }),
}));
