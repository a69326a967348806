import { NextResponse } from "next/server";
import { listWrongSolutions } from "@/lib/exercises/list-wrong-solutions";
import { saveWrongSolution } from "@/lib/exercises/save-wrong-solution";
import { saveWrongSolutionInput } from "@/lib/exercises/wrong-solution.types";
import { withRoute } from "@/app/api/_lib/route";

/** The exercise's saved wrong solutions (owner only): `{ wrongSolutions: [{ name, file, divergence, … }] }`. */
export const GET = withRoute({ auth: "user" }, async ({ user, params }) => ({
  wrongSolutions: await listWrongSolutions({ userId: user.id, exerciseId: params.id }),
}));

const body = saveWrongSolutionInput.omit({ userId: true, exerciseId: true });

/** `{ name, code, explanation? }`: kept as `wrong/NAME.py` only if it FAILS the spec (else 400). */
export const POST = withRoute({ auth: "user", body }, async ({ user, params, body }) => {
  const wrongSolutions = await saveWrongSolution({ ...body, userId: user.id, exerciseId: params.id });
  return NextResponse.json({ wrongSolutions }, { status: 201 });
});
