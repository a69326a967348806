/**
 * `npm run db:seed`: the demo instructor, the demo class with a fixed join code and two enrolled
 * students, then the exercise-library hook. Idempotent: running it again resets those rows to the
 * demo values and adds nothing twice. Run `npm run db:migrate` first.
 */
import { hashPassword } from "../../lib/auth/password";
import { upsertClassByJoinCode } from "../../lib/db/classes";
import { upsertActiveEnrollment } from "../../lib/db/enrollments";
import { disconnectDb, getDbProvider } from "../../lib/db/get-db";
import { upsertUserByEmail } from "../../lib/db/users";
import { withTransaction } from "../../lib/db/with-transaction";
import { DEMO_CLASS, DEMO_INSTRUCTOR, DEMO_PASSWORD, DEMO_STUDENTS } from "./demo-data";
import { loadDotEnv } from "./prisma-cli";
import { seedExerciseLibrary } from "./seed-exercise-library";

export async function seedDemoData(): Promise<{ classId: string; instructorId: string; studentIds: string[] }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await withTransaction(async (tx) => {
    const teacher = await upsertUserByEmail({ ...DEMO_INSTRUCTOR, role: "INSTRUCTOR", passwordHash }, tx);
    const klass = await upsertClassByJoinCode({ ...DEMO_CLASS, ownerId: teacher.id }, tx);
    const studentIds: string[] = [];
    for (const student of DEMO_STUDENTS) {
      const user = await upsertUserByEmail({ ...student, role: "STUDENT", passwordHash }, tx);
      await upsertActiveEnrollment(klass.id, user.id, tx);
      studentIds.push(user.id);
    }
    return { classId: klass.id, instructorId: teacher.id, studentIds };
  });
  await seedExerciseLibrary({ classId: seeded.classId, instructorId: seeded.instructorId });
  return seeded;
}

function printCredentials(): void {
  const rows = [["instructor", DEMO_INSTRUCTOR.email], ...DEMO_STUDENTS.map((s) => ["student", s.email])];
  console.log(`\nDemo data ready (${getDbProvider()}). Sign in with password "${DEMO_PASSWORD}":`);
  for (const [role, email] of rows) console.log(`  ${role.padEnd(10)} ${email}`);
  console.log(`  class      "${DEMO_CLASS.name}", join code ${DEMO_CLASS.joinCode}\n`);
}

async function main(): Promise<void> {
  loadDotEnv();
  try {
    await seedDemoData();
    printCredentials();
  } catch (error) {
    const code = typeof error === "object" && error && "code" in error ? String(error.code) : "";
    if (code === "P2021") console.error("The database has no tables yet: run `npm run db:migrate` first.");
    throw error;
  } finally {
    await disconnectDb();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
