import { z } from "zod";
import { setExtension } from "@/lib/assignments/set-extension";
import { withRoute } from "@/app/api/_lib/route";

const body = z.object({
  userId: z.string({ message: "Which student? (userId)" }),
  dueAt: z.string({ message: "Give the new due time, or null to remove the extension." }).nullable(),
  reason: z.string({ message: "Say why (reason)." }),
});

/** `{ userId, dueAt, reason }` → `{ student }`; dueAt without an offset is in the class's zone. */
export const POST = withRoute({ auth: "user", body }, async ({ user, params, body }) =>
  setExtension({
    userId: user.id,
    assignmentId: params.id,
    studentId: body.userId,
    dueAt: body.dueAt,
    reason: body.reason,
  }),
);
