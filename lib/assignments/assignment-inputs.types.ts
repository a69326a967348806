import { z } from "zod";

export const idSchema = z.string({ message: "Missing id." }).trim().min(1, "Missing id.").max(64, "Invalid id.");

/** A time as typed: ISO with an offset (absolute) or "YYYY-MM-DDTHH:mm" (in the class's zone). */
export const dateTimeText = z
  .string({ message: "Give a date and time." })
  .trim()
  .min(1, "Give a date and time.")
  .max(40, "Invalid date and time.");

const percent = (field: string) =>
  z
    .number({ message: `${field} must be a number.` })
    .min(0, `${field} cannot be negative.`)
    .max(100, `${field} is at most 100.`);

export const latePolicySchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("refuse") }),
    z.object({
      kind: z.literal("penalty"),
      percentPerDay: percent("The penalty per day"),
      maxPercent: percent("The maximum penalty"),
    }),
  ],
  { message: 'The late policy is { kind: "refuse" } or { kind: "penalty", percentPerDay, maxPercent }.' },
);

export const assignmentExercisesSchema = z
  .array(
    z.object({
      exerciseId: idSchema,
      points: z
        .number({ message: "Points must be a number." })
        .int("Points are whole numbers.")
        .min(1, "Each exercise is worth at least 1 point.")
        .max(1000, "At most 1000 points per exercise."),
    }),
    { message: "List the exercises with their points." },
  )
  .min(1, "An assignment needs at least one exercise.")
  .max(100, "At most 100 exercises per assignment.")
  .refine((list) => new Set(list.map((e) => e.exerciseId)).size === list.length, "An exercise appears twice.");

export const titleSchema = z
  .string({ message: "Give the assignment a title." })
  .trim()
  .min(1, "Give the assignment a title.")
  .max(200, "The title is at most 200 characters.");

export const timeZoneText = z.string().trim().min(1).max(64);

const fields = {
  title: titleSchema,
  opensAt: dateTimeText.nullish(),
  dueAt: dateTimeText,
  latePolicy: latePolicySchema,
  attemptsLimit: z
    .number({ message: "The attempts limit is a number." })
    .int("The attempts limit is a whole number.")
    .min(1, "Allow at least one attempt.")
    .max(1000, "At most 1000 attempts.")
    .nullish(),
  scorePolicy: z.enum(["best", "last"], { message: 'The score policy is "best" or "last".' }).optional(),
  published: z.boolean().optional(),
  exercises: assignmentExercisesSchema,
  /** The instructor's browser zone: becomes the class's zone when the class has none yet. */
  timeZone: timeZoneText.optional(),
};

export const createAssignmentInput = z.object({ userId: idSchema, classId: idSchema, ...fields });
export type CreateAssignmentInput = z.input<typeof createAssignmentInput>;

export const updateAssignmentInput = z.object({
  userId: idSchema,
  assignmentId: idSchema,
  title: fields.title.optional(),
  opensAt: fields.opensAt,
  dueAt: fields.dueAt.optional(),
  latePolicy: fields.latePolicy.optional(),
  attemptsLimit: fields.attemptsLimit,
  scorePolicy: fields.scorePolicy,
  published: fields.published,
  exercises: fields.exercises.optional(),
});
export type UpdateAssignmentInput = z.input<typeof updateAssignmentInput>;

export const assignmentRefInput = z.object({ userId: idSchema, assignmentId: idSchema });
export type AssignmentRefInput = z.input<typeof assignmentRefInput>;

export const classRefInput = z.object({ userId: idSchema, classId: idSchema });
export type ClassRefInput = z.input<typeof classRefInput>;

export const reasonSchema = z
  .string({ message: "Say why." })
  .trim()
  .min(1, "Say why (the reason is kept in the audit trail).")
  .max(500, "The reason is at most 500 characters.");

export const setGradeOverrideInput = z.object({
  userId: idSchema,
  assignmentId: idSchema,
  studentId: idSchema,
  exerciseId: idSchema,
  /** null clears the override (the computed score counts again). */
  points: z
    .number({ message: "Points must be a number." })
    .min(0, "Points cannot be negative.")
    .max(100_000)
    .nullable(),
  reason: reasonSchema,
});
export type SetGradeOverrideInput = z.input<typeof setGradeOverrideInput>;

export const setExtensionInput = z.object({
  userId: idSchema,
  assignmentId: idSchema,
  studentId: idSchema,
  /** null removes the extension. */
  dueAt: dateTimeText.nullable(),
  reason: reasonSchema,
});
export type SetExtensionInput = z.input<typeof setExtensionInput>;

export const setClassTimeZoneInput = z.object({ userId: idSchema, classId: idSchema, timeZone: timeZoneText });
export type SetClassTimeZoneInput = z.input<typeof setClassTimeZoneInput>;
