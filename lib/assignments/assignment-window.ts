import type { AssignmentRecord } from "@/lib/db/assignments";
import type { LatePolicy } from "./late-policy";
import type { GradebookPolicy } from "./compute-gradebook";

/** The stored columns as the policy the arithmetic uses. */
export function latePolicyOf(
  assignment: Pick<AssignmentRecord, "latePolicy" | "latePercentPerDay" | "lateMaxPercent">,
): LatePolicy {
  return assignment.latePolicy === "PENALTY"
    ? { kind: "penalty", percentPerDay: assignment.latePercentPerDay, maxPercent: assignment.lateMaxPercent }
    : { kind: "refuse" };
}

export function gradebookPolicyOf(assignment: AssignmentRecord): GradebookPolicy {
  return {
    opensAt: assignment.opensAt,
    dueAt: assignment.dueAt,
    policy: latePolicyOf(assignment),
    attemptsLimit: assignment.attemptsLimit,
    scorePolicy: assignment.scorePolicy === "LAST" ? "last" : "best",
  };
}
