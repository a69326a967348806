import type { AssignmentFields } from "@/lib/db/assignments";
import { findClassExerciseIds } from "@/lib/db/assignments";
import { AppError } from "@/lib/errors/app-error";
import type { LatePolicy } from "./late-policy";
import { parseDateTimeInZone } from "./time-zone";

/** Parses a typed time in the class's zone; a clear 400 naming the field when unreadable. */
export function readTime(field: string, text: string, timeZone: string): Date {
  const date = parseDateTimeInZone(text, timeZone);
  if (!date) {
    throw new AppError(
      "BAD_REQUEST",
      `${field} is not a date and time (use 2026-09-01T23:59 or an ISO time with an offset).`,
      { key: "assignment.notDateTime", params: { field }, details: { [field]: ["Not a date and time."] } },
    );
  }
  return date;
}

export function lateColumns(
  policy: LatePolicy,
): Pick<AssignmentFields, "latePolicy" | "latePercentPerDay" | "lateMaxPercent"> {
  if (policy.kind === "refuse") return { latePolicy: "REFUSE", latePercentPerDay: 0, lateMaxPercent: 0 };
  if (policy.maxPercent < policy.percentPerDay) {
    throw new AppError("BAD_REQUEST", "The maximum penalty cannot be smaller than the penalty per day.", {
      key: "assignment.penaltyMax",
      details: { "latePolicy.maxPercent": ["Smaller than the penalty per day."] },
    });
  }
  return { latePolicy: "PENALTY", latePercentPerDay: policy.percentPerDay, lateMaxPercent: policy.maxPercent };
}

export function checkWindowOrder(opensAt: Date | null, dueAt: Date): void {
  if (opensAt && opensAt.getTime() >= dueAt.getTime()) {
    throw new AppError("BAD_REQUEST", "The assignment must open before it is due.", {
      key: "assignment.opensAfterDue",
      details: { opensAt: ["Not before the due time."] },
    });
  }
}

/** Every exercise must belong to the assignment's class. */
export async function checkClassExercises(classId: string, exercises: { exerciseId: string }[]): Promise<void> {
  const ids = exercises.map((e) => e.exerciseId);
  const found = new Set(await findClassExerciseIds(classId, ids));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError("BAD_REQUEST", `Not an exercise of this class: ${missing.join(", ")}.`, {
      key: "assignment.unknownExercises",
      params: { exercises: missing.join(", ") },
      details: { exercises: ["Unknown exercise."] },
    });
  }
}
