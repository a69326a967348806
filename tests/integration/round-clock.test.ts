/**
 * The server's clock for rounds across a restart, against a real database: on start-up a round
 * that ended while the server was down is closed (at its endsAt, announced once), a running one is
 * re-armed and closed by its timer, and two clocks (two nodes) announce one end only.
 */
import { afterEach, describe, expect, it } from "vitest";
import { findLiveRound, insertRunningRound } from "@/lib/db/live-rounds";
import type { RoundEndedPayload } from "@/lib/realtime/events";
import { setRealtimePublisher } from "@/lib/realtime/publisher";
import { startRoundClock, type RoundClockRuntime } from "@/lib/rounds/start-round-clock";
import { createGradingClass, insertLibraryExercise } from "@/tests/helpers/grading";
import { useTestDatabase } from "@/tests/helpers/db";

useTestDatabase("sqlite");
const clocks: RoundClockRuntime[] = [];

afterEach(() => {
  while (clocks.length > 0) clocks.pop()?.stop();
  setRealtimePublisher(undefined);
});

function recordEnded(): RoundEndedPayload[] {
  const ended: RoundEndedPayload[] = [];
  setRealtimePublisher({
    toClass: (_classId, event, ...args) => {
      if (event === "round:ended") ended.push(args[0] as RoundEndedPayload);
    },
    toClassStaff: () => undefined,
    toUser: () => undefined,
    removeUserFromClass: () => undefined,
    disconnectUser: () => undefined,
  });
  return ended;
}

describe("the round clock", () => {
  it("closes overdue rounds on start-up and re-arms running ones, announcing each end once", async () => {
    const klass = await createGradingClass(1);
    const exercise = await insertLibraryExercise(klass.classId, "13-predict-sequential-await");
    const now = Date.now();
    const overdue = await insertRunningRound({
      classId: klass.classId,
      exerciseId: exercise.id,
      durationSeconds: 30,
      createdById: klass.instructorId,
      startsAt: new Date(now - 40_000),
      endsAt: new Date(now - 10_000),
    });
    const pending = await insertRunningRound({
      classId: klass.classId,
      exerciseId: exercise.id,
      durationSeconds: 10,
      createdById: klass.instructorId,
      startsAt: new Date(now - 9_200),
      endsAt: new Date(now + 800),
    });
    const ended = recordEnded();

    // Two nodes start at once: each closes what it can, the conditional update lets one announce.
    clocks.push(
      await startRoundClock({ sweepMs: 60_000, log: () => undefined }),
      await startRoundClock({ sweepMs: 60_000, log: () => undefined }),
    );
    expect(await findLiveRound(overdue.id)).toMatchObject({ status: "ENDED", endedAt: overdue.endsAt });
    expect((await findLiveRound(pending.id))?.status).toBe("RUNNING");

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await findLiveRound(pending.id)).toMatchObject({ status: "ENDED" });
    expect(ended.map((event) => event.roundId).sort()).toEqual([overdue.id, pending.id].sort());
  });
});
