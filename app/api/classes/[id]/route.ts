import { getClass } from "@/lib/classes/get-class";
import { withRoute } from "@/app/api/_lib/route";

export const GET = withRoute({ auth: "user" }, async ({ user, params }) => ({
  class: await getClass({ userId: user.id, classId: params.id }),
}));
