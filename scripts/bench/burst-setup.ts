/**
 * The burst benchmark's classroom: a fresh, migrated database (SQLite file or PostgreSQL schema) with one instructor, one class,
 * one published library exercise and N enrolled students, each with a session cookie minted the way
 * next-auth would (signing in 300 times over HTTP is slow and is not what is measured).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { encode } from "next-auth/jwt";
import { insertClass } from "@/lib/db/classes";
import { insertEnrollment } from "@/lib/db/enrollments";
import { useDatabaseUrl } from "@/lib/db/get-db";
import { insertUser } from "@/lib/db/users";
import { importExerciseIntoClass } from "@/lib/exercises/import-exercise-into-class";
import { loadExercisePackage } from "@/lib/exercises/load-exercise-package";
import { REPO_ROOT } from "../production-build";

export interface Classroom {
  databaseUrl: string;
  exerciseId: string;
  students: { id: string; cookie: string }[];
  /** Not part of the burst: warms the server up first. */
  warmUpStudent: { id: string; cookie: string };
  solution: string;
  wrongSolution: string;
  cleanup(): Promise<void>;
}

export type BenchDatabase = "sqlite" | "postgres";

/** PostgreSQL for `--database postgres`: a throw-away schema in this database. */
export const BENCH_POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

function migrationSql(provider: BenchDatabase): string[] {
  const dir = path.join(REPO_ROOT, "prisma", provider, "migrations");
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => path.join(dir, name, "migration.sql"))
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file, "utf8"));
}

/** A fresh database with the committed migrations applied — the SQL `prisma migrate deploy` runs. */
export async function createBenchDatabase(provider: BenchDatabase): Promise<{ url: string; drop(): Promise<void> }> {
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "interleave-burst-"));
    const file = path.join(dir, "burst.db");
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    for (const sql of migrationSql("sqlite")) sqlite.exec(sql);
    sqlite.close();
    return { url: `file:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `burst_${randomBytes(4).toString("hex")}`;
  const admin = async (work: (client: pg.Client) => Promise<void>) => {
    const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
    await client.connect();
    try {
      await work(client);
    } finally {
      await client.end();
    }
  };
  await admin(async (client) => {
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`SET search_path TO "${schema}"`);
    for (const sql of migrationSql("postgres")) await client.query(sql);
  });
  const url = new URL(BENCH_POSTGRES_URL);
  url.searchParams.set("schema", schema);
  return {
    url: url.toString(),
    drop: () => admin(async (client) => void (await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`))),
  };
}

export async function seedClassroom(options: {
  students: number;
  slug: string;
  secret: string;
  database: BenchDatabase;
}): Promise<Classroom> {
  const { url, drop } = await createBenchDatabase(options.database);
  await useDatabaseUrl(url);
  const stamp = Date.now().toString(36);
  const instructor = await insertUser({
    email: `burst-teacher-${stamp}@bench.test`,
    name: "Burst teacher",
    role: "INSTRUCTOR",
    isAdmin: false,
    passwordHash: null,
  });
  const klass = await insertClass({
    name: "Burst class",
    joinCode: `B${stamp.toUpperCase().slice(-7)}`,
    ownerId: instructor.id,
  });
  const pkg = await loadExercisePackage({ dir: path.join(REPO_ROOT, "content", "exercises", options.slug) });
  if (pkg.kind !== "write-code") throw new Error(`${options.slug} is not a write-code exercise`);
  const exercise = await importExerciseIntoClass({
    userId: instructor.id,
    classId: klass.id,
    status: "PUBLISHED",
    package: pkg,
  });
  const students: Classroom["students"] = [];
  for (let i = 0; i <= options.students; i += 1) {
    const email = `burst-${stamp}-${i}@bench.test`;
    const name = `Student ${i + 1}`;
    const user = await insertUser({ email, name, role: "STUDENT", isAdmin: false, passwordHash: null });
    await insertEnrollment(klass.id, user.id);
    // The same claims lib/auth's jwt callback puts in the token.
    const token = await encode({
      token: { sub: user.id, email, name, role: "student", isAdmin: false },
      secret: options.secret,
    });
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
    cleanup: async () => {
      await useDatabaseUrl(null);
      await drop();
    },
  };
}
