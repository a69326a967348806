import { describe, expect, it } from "vitest";
import { computeGradebook, type GradebookInput, type GradedAttempt } from "./compute-gradebook";

const due = new Date("2026-05-10T12:00:00Z");
const hours = (h: number) => new Date(due.getTime() + h * 3_600_000);
let counter = 0;
const attempt = (over: Partial<GradedAttempt>): GradedAttempt => {
  counter += 1;
  const status = over.passed ? "passed" : "failed";
  return {
    id: `s${counter}`,
    userId: "u1",
    exerciseId: "e1",
    attemptNumber: counter,
    status,
    passed: false,
    score: 0,
    submittedAt: hours(-10),
    ...over,
  };
};
const base = (submissions: GradedAttempt[], window: Partial<GradebookInput["window"]> = {}): GradebookInput => ({
  window: {
    opensAt: null,
    dueAt: due,
    policy: { kind: "penalty", percentPerDay: 20, maxPercent: 40 },
    attemptsLimit: null,
    scorePolicy: "best",
    ...window,
  },
  exercises: [{ exerciseId: "e1", slug: "one", title: { en: "One", zh: "一" }, points: 10 }],
  students: [{ userId: "u1", name: "Ann", email: "ann@example.test" }],
  submissions,
  overrides: [],
  extensions: [],
});

describe("computeGradebook", () => {
  it("best keeps the most points after the penalty; last keeps the latest graded submission", () => {
    const subs = [
      attempt({ score: 60, submittedAt: hours(-2) }),
      attempt({ score: 100, passed: true, submittedAt: hours(30) }),
    ];
    // 100 late by 30 h = 2 days = −40 % → 6 points; 60 on time → 6 points: the earlier wins the tie.
    expect(computeGradebook(base(subs))[0].cells[0]).toMatchObject({
      points: 6,
      status: "failing",
      score: 60,
      lateDays: 0,
    });
    expect(computeGradebook(base(subs, { scorePolicy: "last" }))[0].cells[0]).toMatchObject({
      points: 6,
      status: "late",
      score: 100,
      lateDays: 2,
      penaltyPercent: 40,
    });
  });

  it("replays the attempts limit: attempts past it never count", () => {
    const subs = [attempt({ score: 10 }), attempt({ score: 20 }), attempt({ score: 100, passed: true })];
    expect(computeGradebook(base(subs, { attemptsLimit: 2 }))[0].cells[0]).toMatchObject({ points: 2, attempts: 2 });
  });

  it("under refuse, submissions after the due time do not count (a policy changed afterwards)", () => {
    const subs = [attempt({ score: 100, passed: true, submittedAt: hours(1) })];
    expect(computeGradebook(base(subs, { policy: { kind: "refuse" } }))[0].cells[0]).toMatchObject({
      points: 0,
      status: "not_tried",
      attempts: 0,
    });
  });

  it("pending, needs review and overridden statuses; an override replaces the points", () => {
    expect(computeGradebook(base([attempt({ status: "queued", score: null })]))[0].cells[0].status).toBe("pending");
    expect(
      computeGradebook(base([attempt({ score: 100, passed: true }), attempt({ status: "needs_review", score: 0 })]))[0]
        .cells[0],
    ).toMatchObject({ status: "needs_review", points: 10 });
    const input = {
      ...base([attempt({ score: 100, passed: true })]),
      overrides: [{ userId: "u1", exerciseId: "e1", points: 3.333, reason: "r", updatedAt: due }],
    };
    expect(computeGradebook(input)[0]).toMatchObject({
      total: 3.33,
      percent: 33.3,
      cells: [{ status: "overridden", points: 3.33 }],
    });
  });

  it("an extension moves the student's due time", () => {
    const input = {
      ...base([attempt({ score: 100, passed: true, submittedAt: hours(5) })]),
      extensions: [{ userId: "u1", dueAt: hours(24) }],
    };
    expect(computeGradebook(input)[0]).toMatchObject({
      lateDays: 0,
      total: 10,
      extendedDueAt: hours(24).toISOString(),
    });
  });
});
