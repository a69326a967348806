import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { findClassTimeZone, insertAssignment, updateClassTimeZone } from "@/lib/db/assignments";
import { AppError } from "@/lib/errors/app-error";
import { createAssignmentInput, type CreateAssignmentInput } from "./assignment-inputs.types";
import { toAssignmentView, type AssignmentView } from "./assignment-view";
import { checkClassExercises, checkWindowOrder, lateColumns, readTime } from "./resolve-assignment-fields";
import { isValidTimeZone } from "./time-zone";

/**
 * The class's instructor creates an assignment. Times without an offset are read in the class's
 * zone; a class with no zone yet takes the one the instructor's browser sent (else UTC).
 */
export async function createAssignment(input: CreateAssignmentInput): Promise<AssignmentView> {
  const data = parseInput(createAssignmentInput, input);
  await requireClassAccess({ userId: data.userId, classId: data.classId, action: "exercise.manage" });
  if (data.timeZone !== undefined && !isValidTimeZone(data.timeZone)) {
    throw new AppError("BAD_REQUEST", `Unknown time zone "${data.timeZone}".`, {
      key: "assignment.unknownTimeZone",
      params: { timeZone: data.timeZone },
      details: { timeZone: ["Unknown time zone."] },
    });
  }
  let timeZone = await findClassTimeZone(data.classId);
  if (!timeZone && data.timeZone) {
    await updateClassTimeZone(data.classId, data.timeZone);
    timeZone = data.timeZone;
  }
  const zone = timeZone ?? "UTC";
  const dueAt = readTime("dueAt", data.dueAt, zone);
  const opensAt = data.opensAt ? readTime("opensAt", data.opensAt, zone) : null;
  checkWindowOrder(opensAt, dueAt);
  await checkClassExercises(data.classId, data.exercises);
  const assignment = await insertAssignment({
    classId: data.classId,
    title: data.title,
    opensAt,
    dueAt,
    ...lateColumns(data.latePolicy),
    attemptsLimit: data.attemptsLimit ?? null,
    scorePolicy: data.scorePolicy === "last" ? "LAST" : "BEST",
    published: data.published ?? true,
    exercises: data.exercises,
  });
  return toAssignmentView(assignment, timeZone);
}
