import { NextResponse } from "next/server";
import { z } from "zod";
import { listClassRounds } from "@/lib/rounds/list-class-rounds";
import { startRound } from "@/lib/rounds/start-round";
import { withRoute } from "@/app/api/_lib/route";

const body = z.object({
  exerciseId: z.string({ message: "Choose an exercise." }),
  durationSeconds: z.number({ message: "durationSeconds must be a number of seconds." }),
});

/** Starts a live round: 201 `{ round: { id, exerciseId, status, startedAt, endsAt, … } }`. */
export const POST = withRoute({ auth: "user", body }, async ({ user, params, body }) => {
  const round = await startRound({
    userId: user.id,
    classId: params.id,
    exerciseId: body.exerciseId,
    durationSeconds: body.durationSeconds,
  });
  return NextResponse.json({ round }, { status: 201 });
});

/** The class's rounds, newest first, and `current` (the running one, or null). */
export const GET = withRoute({ auth: "user" }, async ({ user, params }) =>
  listClassRounds({ userId: user.id, classId: params.id }),
);
