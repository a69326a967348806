import { z } from "zod";
import { setGradeOverride } from "@/lib/assignments/set-grade-override";
import { withRoute } from "@/app/api/_lib/route";

const body = z.object({
  userId: z.string({ message: "Which student? (userId)" }),
  exerciseId: z.string({ message: "Which exercise? (exerciseId)" }),
  points: z.number({ message: "Points must be a number, or null to clear the override." }).nullable(),
  reason: z.string({ message: "Say why (reason)." }),
});

/** `{ userId, exerciseId, points, reason }` → `{ student }` (the recomputed gradebook row). */
export const POST = withRoute({ auth: "user", body }, async ({ user, params, body }) =>
  setGradeOverride({
    userId: user.id,
    assignmentId: params.id,
    studentId: body.userId,
    exerciseId: body.exerciseId,
    points: body.points,
    reason: body.reason,
  }),
);
