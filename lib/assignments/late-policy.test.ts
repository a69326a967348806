import { describe, expect, it } from "vitest";
import { decideSubmission, lateDaysOf, penaltyPercentFor, type SubmissionWindow } from "./late-policy";
import { parseDateTimeInZone } from "./time-zone";

const due = new Date("2026-05-10T15:59:59Z");
const at = (offsetMs: number) => new Date(due.getTime() + offsetMs);
const penalty: SubmissionWindow = {
  opensAt: new Date("2026-05-01T00:00:00Z"),
  dueAt: due,
  policy: { kind: "penalty", percentPerDay: 10, maxPercent: 30 },
  attemptsLimit: null,
};
const refuse: SubmissionWindow = { ...penalty, policy: { kind: "refuse" } };

describe("late-policy arithmetic", () => {
  it("one second before the due time is on time; exactly at it too; one second after is one late day", () => {
    expect(decideSubmission(penalty, at(-1000), 0)).toEqual({
      accepted: true,
      late: false,
      lateDays: 0,
      penaltyPercent: 0,
    });
    expect(decideSubmission(penalty, at(0), 0)).toEqual({
      accepted: true,
      late: false,
      lateDays: 0,
      penaltyPercent: 0,
    });
    expect(decideSubmission(penalty, at(1000), 0)).toEqual({
      accepted: true,
      late: true,
      lateDays: 1,
      penaltyPercent: 10,
    });
  });

  it("under refuse: one second before is accepted, one second after is refused", () => {
    expect(decideSubmission(refuse, at(-1000), 0)).toMatchObject({ accepted: true, late: false });
    expect(decideSubmission(refuse, at(1000), 0)).toEqual({ accepted: false, reason: "past_due" });
  });

  it("late days are ceil(lateness / 24 h) and the penalty stops at the cap", () => {
    const day = 86_400_000;
    expect(lateDaysOf(at(day), due)).toBe(1);
    expect(lateDaysOf(at(day + 1000), due)).toBe(2);
    expect(penaltyPercentFor(penalty.policy, 2)).toBe(20);
    expect(penaltyPercentFor(penalty.policy, 3)).toBe(30);
    expect(penaltyPercentFor(penalty.policy, 9)).toBe(30);
    expect(penaltyPercentFor({ kind: "penalty", percentPerDay: 60, maxPercent: 100 }, 2)).toBe(100);
  });

  it("before the opening time nothing counts", () => {
    expect(decideSubmission(penalty, new Date("2026-04-30T23:59:59Z"), 0)).toEqual({
      accepted: false,
      reason: "not_open",
    });
    expect(decideSubmission(penalty, new Date("2026-05-01T00:00:00Z"), 0)).toMatchObject({ accepted: true });
  });

  it("the attempts limit refuses the attempt after the last one", () => {
    const limited = { ...penalty, attemptsLimit: 2 };
    expect(decideSubmission(limited, at(-1000), 1)).toMatchObject({ accepted: true });
    expect(decideSubmission(limited, at(-1000), 2)).toEqual({ accepted: false, reason: "attempts_used" });
  });

  it("a due time across a daylight-saving change counts absolute hours, not wall-clock days", () => {
    // Due Saturday noon in New York (EST); the clocks spring forward that night.
    const dueNy = parseDateTimeInZone("2026-03-07T12:00", "America/New_York")!;
    const window: SubmissionWindow = { ...penalty, opensAt: null, dueAt: dueNy };
    // Sunday 12:30 EDT is 23.5 h later: one late day (the wall clock says 24.5 h).
    expect(decideSubmission(window, parseDateTimeInZone("2026-03-08T12:30", "America/New_York")!, 0)).toMatchObject({
      lateDays: 1,
      penaltyPercent: 10,
    });
    // Sunday 13:00:01 EDT is 24 h + 1 s later: two late days.
    expect(decideSubmission(window, parseDateTimeInZone("2026-03-08T13:00:01", "America/New_York")!, 0)).toMatchObject({
      lateDays: 2,
      penaltyPercent: 20,
    });
    // Under refuse, one second after noon EST is refused even though that is 12:00:01 local.
    expect(
      decideSubmission(
        { ...window, policy: { kind: "refuse" } },
        parseDateTimeInZone("2026-03-07T12:00:01", "America/New_York")!,
        0,
      ),
    ).toEqual({ accepted: false, reason: "past_due" });
  });
});
