import { z } from "zod";
import { setClassTimeZone } from "@/lib/assignments/set-class-time-zone";
import { withRoute } from "@/app/api/_lib/route";

const body = z.object({ timeZone: z.string({ message: "Give an IANA time zone such as Asia/Shanghai." }) });

/** `{ timeZone }`: the zone the class's assignment times are shown and typed in. */
export const PUT = withRoute({ auth: "user", body }, async ({ user, params, body }) =>
  setClassTimeZone({ userId: user.id, classId: params.id, timeZone: body.timeZone }),
);
