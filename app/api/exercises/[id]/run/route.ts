import { z } from "zod";
import { runSolution } from "@/lib/grading/run-solution";
import { withRoute } from "@/app/api/_lib/route";

const body = z.object({ code: z.string({ message: "Send the code as text." }) });

/** Run (try it): schedule 0 only, not stored → 200 RunView `{ status, passed, score, verdict, trace, firstDivergence, failingSeed }`. */
export const POST = withRoute({ auth: "user", body }, async ({ user, params, body }) =>
  runSolution({ userId: user.id, exerciseId: params.id, code: body.code }),
);
