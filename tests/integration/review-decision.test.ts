/**
 * An instructor's decision on a submission held for review (tampering), on a real database of
 * each provider: the stored verdict is still a valid verdict (no raw `review` key), the decision
 * is audited, the student hears it live, and the live leaderboard feed emits the student's new
 * standing. Bad input and other people lose nothing.
 */
import { expect, it } from "vitest";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { reviewSubmission } from "@/lib/dashboard/review-submission";
import { getDb } from "@/lib/db/get-db";
import { claimSubmission, insertQueuedSubmission } from "@/lib/db/submissions";
import { storeVerdict } from "@/lib/grading/store-verdict";
import { storedVerdictSchema } from "@/lib/grading/stored-verdict";
import type { VerdictView } from "@/lib/grading/submission-view.types";
import { createLeaderboardFeed } from "@/lib/leaderboard/create-leaderboard-feed";
import type { RealtimePublisher } from "@/lib/realtime/publisher";
import type { LeaderboardUpdatePayload } from "@/lib/realtime/events";
import { createTestUser, describeEachProvider, useTestDatabase } from "@/tests/helpers/db";
import { createGradingClass, insertLibraryExercise } from "@/tests/helpers/grading";

const CHECKED: VerdictView = {
  kind: "program",
  passed: true,
  score: 100,
  checkpoints: { met: 3, total: 3 },
  firstDivergence: null,
  diff: [],
  failingSeed: null,
  schedules: 1,
  explored: 1,
  complete: true,
  strategy: "single",
  outcomes: [{ seed: 0, passed: true, score: 100 }],
};

function recordingPublisher() {
  const sent: { to: string; id: string; event: string; payload: unknown }[] = [];
  const publisher: RealtimePublisher = {
    toClass: (id, event, payload) => void sent.push({ to: "class", id, event, payload }),
    toUser: (id, event, payload) => void sent.push({ to: "user", id, event, payload }),
    toClassStaff: (id, event, payload) => void sent.push({ to: "staff", id, event, payload }),
    removeUserFromClass: () => undefined,
    disconnectUser: () => undefined,
  };
  return { publisher, sent };
}

describeEachProvider("review decisions", (provider) => {
  useTestDatabase(provider);

  /** A class with two students, a published exercise and one tampered submission per student. */
  async function heldSubmissions() {
    const klass = await createGradingClass(2);
    const exercise = await insertLibraryExercise(klass.classId, "01-greenlet-ping-pong");
    const ids: string[] = [];
    for (const userId of klass.studentIds) {
      const row = await insertQueuedSubmission({
        exerciseId: exercise.id,
        exerciseVersionId: exercise.version.id,
        userId,
        classId: klass.classId,
        code: "import gc\nprint(len(gc.get_objects()) > 0)\n",
      });
      const claim = await claimSubmission(row.id, new Date(0));
      if (!claim) throw new Error("could not claim");
      const fields = {
        status: "needs_review" as const,
        passed: false,
        score: 0,
        verdict: CHECKED,
        trace: null,
        firstDivergence: null,
        failingSeed: null,
        tamperReason: "gc reaches the harness",
        runMs: 5,
      };
      const key = { classId: klass.classId, userId, exerciseId: exercise.id };
      expect(await storeVerdict(row.id, claim.claimAttempt, fields, key)).toBe(true);
      ids.push(row.id);
    }
    return { ...klass, exercise, ids };
  }

  it("accepting stores a valid verdict, audits it, tells the student and moves the leaderboard live", async () => {
    const klass = await heldSubmissions();
    const [accepted] = klass.ids;
    const [ana, ben] = klass.studentIds;
    const { publisher, sent } = recordingPublisher();
    const updates: LeaderboardUpdatePayload[] = [];
    const feed = createLeaderboardFeed({ emit: (payload) => updates.push(payload), intervalMs: 10 });
    await feed.warm(klass.classId);

    const result = await reviewSubmission(
      { userId: klass.instructorId, submissionId: accepted, decision: "accept" },
      { publisher, notifyLeaderboard: feed.changed },
    );
    expect(result).toEqual({ submissionId: accepted, decision: "accept", passed: true, score: 100 });

    const row = await getDb().submission.findUniqueOrThrow({ where: { id: accepted } });
    expect(row).toMatchObject({ status: "passed", passed: true, score: 100 });
    // The stored verdict is exactly a verdict: it parses, and carries no ad-hoc `review` key.
    expect(storedVerdictSchema.parse(row.verdict)).toEqual(CHECKED);
    expect(row.verdict).not.toHaveProperty("review");
    const best = await getDb().bestScore.findFirstOrThrow({ where: { userId: ana, exerciseId: klass.exercise.id } });
    expect(best.bestScore).toBe(100);
    expect(best.passedAt).not.toBeNull();

    const audit = await listAuditEntries({ userId: klass.instructorId, classId: klass.classId });
    expect(audit.map((entry) => [entry.action, entry.target, entry.actorId])).toEqual([
      ["submission.review.accept", accepted, klass.instructorId],
    ]);
    expect(audit[0].details).toMatchObject({ studentId: ana, exerciseId: klass.exercise.id, score: 100 });

    // The student (and the class's instructors) hear it live; the other student does not.
    expect(sent.map((message) => [message.to, message.id, message.event])).toEqual([
      ["user", ana, "submission:graded"],
      ["staff", klass.classId, "submission:graded"],
    ]);
    expect(sent[0].payload).toMatchObject({ submissionId: accepted, status: "passed", score: 100 });

    await feed.drain();
    expect(updates).toHaveLength(1);
    expect(updates[0].entries).toEqual([
      expect.objectContaining({ userId: ana, solved: 1, score: klass.exercise.version.points, rank: 1 }),
    ]);
    expect(updates[0].entries.some((entry) => entry.userId === ben)).toBe(false);
    feed.close();
  });

  it("rejecting scores 0, keeps the evidence, and a second decision is refused with nothing changed", async () => {
    const klass = await heldSubmissions();
    const rejected = klass.ids[1];
    const { publisher, sent } = recordingPublisher();
    const notified: string[] = [];
    const deps = {
      publisher,
      notifyLeaderboard: (classId: string, userId: string) => notified.push(`${classId}/${userId}`),
    };

    const result = await reviewSubmission(
      { userId: klass.instructorId, submissionId: rejected, decision: "reject" },
      deps,
    );
    expect(result).toMatchObject({ decision: "reject", passed: false, score: 0 });
    const row = await getDb().submission.findUniqueOrThrow({ where: { id: rejected } });
    expect(row).toMatchObject({ status: "failed", passed: false, score: 0, tamperReason: "gc reaches the harness" });
    expect(storedVerdictSchema.parse(row.verdict)).toMatchObject({ passed: false, score: 0, checkpoints: { met: 3 } });
    expect(notified).toEqual([`${klass.classId}/${klass.studentIds[1]}`]);
    expect(sent[0]).toMatchObject({ to: "user", id: klass.studentIds[1], payload: { status: "failed", score: 0 } });

    await expect(
      reviewSubmission({ userId: klass.instructorId, submissionId: rejected, decision: "accept" }, deps),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "This submission is not waiting for review any more." });
    expect(await getDb().submission.findUniqueOrThrow({ where: { id: rejected } })).toMatchObject({
      status: "failed",
      score: 0,
    });
    const audit = await listAuditEntries({ userId: klass.instructorId, classId: klass.classId });
    expect(audit.map((entry) => entry.action)).toEqual(["submission.review.reject"]);
    expect(notified).toHaveLength(1);
  });

  it("refuses other people and bad input without touching the submission", async () => {
    const klass = await heldSubmissions();
    const [held] = klass.ids;
    const stranger = await createTestUser({ role: "INSTRUCTOR" });
    const { publisher, sent } = recordingPublisher();
    const deps = { publisher, notifyLeaderboard: () => undefined };
    await expect(
      reviewSubmission({ userId: stranger.id, submissionId: held, decision: "accept" }, deps),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      reviewSubmission({ userId: klass.studentIds[0], submissionId: held, decision: "accept" }, deps),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) });
    await expect(
      reviewSubmission({ userId: klass.instructorId, submissionId: held, decision: "maybe" as "accept" }, deps),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "decision must be accept or reject." });
    await expect(
      reviewSubmission({ userId: klass.instructorId, submissionId: "nope", decision: "accept" }, deps),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().submission.findUniqueOrThrow({ where: { id: held } })).toMatchObject({
      status: "needs_review",
      score: 0,
    });
    expect(sent).toEqual([]);
    expect(await listAuditEntries({ userId: klass.instructorId, classId: klass.classId })).toEqual([]);
  });
});
