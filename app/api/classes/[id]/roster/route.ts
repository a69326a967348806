import { getRoster } from "@/lib/classes/get-roster";
import { withRoute } from "@/app/api/_lib/route";

export const GET = withRoute({ auth: "instructor" }, async ({ user, params }) => ({
  students: await getRoster({ userId: user.id, classId: params.id }),
}));
