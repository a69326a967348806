/**
 * The demo accounts and class `npm run db:seed` creates. Exported so setup output, README and
 * end-to-end tests use the same values.
 */
export const DEMO_PASSWORD = "interleave-demo";

export const DEMO_INSTRUCTOR = { email: "teacher@interleave.test", name: "Demo Teacher" } as const;

export const DEMO_STUDENTS = [
  { email: "student1@interleave.test", name: "Demo Student One" },
  { email: "student2@interleave.test", name: "Demo Student Two" },
] as const;

/** A valid join code (no 0/O/1/I/L), fixed so a class can be joined straight after setup. */
export const DEMO_CLASS = { name: "Coroutines 101", joinCode: "TASK-2468" } as const;
