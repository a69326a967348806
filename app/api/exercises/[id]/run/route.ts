import { z } from "zod";
import { runSolution } from "@/lib/grading/run-solution";
import { withRoute } from "@/app/api/_lib/route";

const body = z.object({ code: z.string({ message: "Send the code as text." }) });

/**
 * Run (try it): schedule 0 only, not stored → 200 `{ passed, score, verdict, trace,
 * firstDivergence, failingSeed }`. Tamper detection is for graded submissions and the instructor:
 * telling a student what was detected would only help them hide it.
 */
export const POST = withRoute({ auth: "user", body }, async ({ user, params, body }) => {
  const { tamper: _tamper, verdict, ...evaluation } = await runSolution({ userId: user.id, exerciseId: params.id, code: body.code });
  const { tamper: _verdictTamper, ...visibleVerdict } = verdict as { tamper?: unknown };
  return { ...evaluation, verdict: visibleVerdict };
});
