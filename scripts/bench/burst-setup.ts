/**
 * The burst benchmark's classroom: a fresh, migrated SQLite database with one instructor, one class,
 * one published library exercise and N enrolled students, each with a session cookie minted the way
 * next-auth would (signing in 300 times over HTTP is slow and is not what is measured).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { insertClass } from "@/lib/db/classes";
import { insertEnrollment } from "@/lib/db/enrollments";
import { useDatabaseUrl } from "@/lib/db/get-db";
import { insertUser } from "@/lib/db/users";
import { importExerciseIntoClass } from "@/lib/exercises/import-exercise-into-class";
import { loadExercisePackage } from "@/lib/exercises/load-exercise-package";
import { REPO_ROOT } from "./burst-processes";

export interface Classroom {
  databaseUrl: string;
  exerciseId: string;
  students: { id: string; cookie: string }[];
  /** Not part of the burst: warms the server up first. */
  warmUpStudent: { id: string; cookie: string };
  solution: string;
  wrongSolution: string;
  cleanup(): void;
}

/** Applies the committed SQLite migrations in order — the SQL `prisma migrate deploy` runs. */
export function createSqliteDatabase(): { url: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "interleave-burst-"));
  const file = path.join(dir, "burst.db");
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const migrations = path.join(REPO_ROOT, "prisma", "sqlite", "migrations");
  for (const name of fs.readdirSync(migrations).sort()) {
    const sql = path.join(migrations, name, "migration.sql");
    if (fs.existsSync(sql)) sqlite.exec(fs.readFileSync(sql, "utf8"));
  }
  sqlite.close();
  return { url: `file:${file}`, dir };
}

export async function seedClassroom(options: { students: number; slug: string; secret: string }): Promise<Classroom> {
  const { url, dir } = createSqliteDatabase();
  await useDatabaseUrl(url);
  const stamp = Date.now().toString(36);
  const instructor = await insertUser({ email: `burst-teacher-${stamp}@bench.test`, name: "Burst teacher", role: "INSTRUCTOR", isAdmin: false, passwordHash: null });
  const klass = await insertClass({ name: "Burst class", joinCode: `B${stamp.toUpperCase().slice(-7)}`, ownerId: instructor.id });
  const pkg = await loadExercisePackage({ dir: path.join(REPO_ROOT, "content", "exercises", options.slug) });
  if (pkg.kind !== "write-code") throw new Error(`${options.slug} is not a write-code exercise`);
  const exercise = await importExerciseIntoClass({ userId: instructor.id, classId: klass.id, status: "PUBLISHED", package: pkg });
  const students: Classroom["students"] = [];
  for (let i = 0; i <= options.students; i += 1) {
    const email = `burst-${stamp}-${i}@bench.test`;
    const name = `Student ${i + 1}`;
    const user = await insertUser({ email, name, role: "STUDENT", isAdmin: false, passwordHash: null });
    await insertEnrollment(klass.id, user.id);
    // The same claims lib/auth's jwt callback puts in the token.
    const token = await encode({ token: { sub: user.id, email, name, role: "student", isAdmin: false }, secret: options.secret });
    students.push({ id: user.id, cookie: `next-auth.session-token=${token}` });
  }
  await useDatabaseUrl(url); // drop the seeding connection; polling opens a fresh one
  return {
    databaseUrl: url,
    exerciseId: exercise.id,
    students: students.slice(1),
    warmUpStudent: students[0],
    solution: pkg.solution,
    wrongSolution: pkg.wrongSolutions[0]?.code ?? pkg.starter,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
