import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { getDb, useDatabaseUrl } from "@/lib/db/get-db";
import { checkDatabase } from "@/lib/db/check-database";
import { DEMO_CLASS, DEMO_INSTRUCTOR, DEMO_PASSWORD, DEMO_STUDENTS } from "@/scripts/db/demo-data";
import { createTestDatabase, describeEachProvider, migrationSql, type TestDatabase } from "@/tests/helpers/db";

const run = promisify(execFile);
const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** Runs an npm-script entry point the way `npm run db:*` does, with every network route dead. */
async function runScript(script: string, databaseUrl: string): Promise<string> {
  const { stdout, stderr } = await run(process.execPath, [require.resolve("tsx/cli"), script], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      // Proves "offline": any attempt to download a Prisma engine would fail.
      HTTP_PROXY: "http://127.0.0.1:9",
      HTTPS_PROXY: "http://127.0.0.1:9",
      PRISMA_ENGINES_MIRROR: "http://127.0.0.1:9",
    },
    timeout: 60_000,
  });
  return stdout + stderr;
}

describeEachProvider("db:migrate and db:seed", (provider) => {
  let database: TestDatabase;
  let url: string;
  let sqliteDir: string | undefined;

  beforeAll(async () => {
    if (provider === "sqlite") {
      // A folder that does not exist yet: db:migrate must create it (like ./data on a fresh clone).
      sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "interleave-migrate-"));
      url = `file:${path.join(sqliteDir, "nested", "app.db")}`;
    } else {
      database = await createTestDatabase("postgres", { migrate: false });
      url = database.url;
    }
  });

  afterAll(async () => {
    await useDatabaseUrl(null);
    if (sqliteDir) fs.rmSync(sqliteDir, { recursive: true, force: true });
    await database?.drop();
  });

  it("applies every committed migration through the JS engine, and is re-runnable", async () => {
    const first = await runScript("scripts/db/migrate.ts", url);
    expect(first).toMatch(/All migrations have been successfully applied|applied/);
    const again = await runScript("scripts/db/migrate.ts", url);
    expect(again).toMatch(/No pending migrations to apply/);

    await useDatabaseUrl(url);
    const applied = await getDb().$queryRawUnsafe<Array<{ migration_name: string; finished_at: unknown }>>(
      'SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(applied).toHaveLength(migrationSql(provider).length);
    expect(applied.every((m) => m.finished_at !== null)).toBe(true);
    expect(await checkDatabase()).toMatchObject({ ok: true, provider });
  });

  it("seeds the demo data idempotently", async () => {
    const output = await runScript("scripts/db/seed.ts", url);
    expect(output).toContain(DEMO_INSTRUCTOR.email);
    expect(output).toContain(DEMO_PASSWORD);
    expect(output).toContain(DEMO_CLASS.joinCode);
    await runScript("scripts/db/seed.ts", url);

    await useDatabaseUrl(url);
    const db = getDb();
    const emails = [DEMO_INSTRUCTOR.email, ...DEMO_STUDENTS.map((s) => s.email)];
    expect(await db.user.count({ where: { email: { in: emails } } })).toBe(3);
    const klass = await db.class.findUniqueOrThrow({
      where: { joinCode: DEMO_CLASS.joinCode },
      include: { owner: true },
    });
    expect(klass.name).toBe(DEMO_CLASS.name);
    expect(klass.owner.email).toBe(DEMO_INSTRUCTOR.email);
    expect(await db.enrollment.count({ where: { classId: klass.id, status: "ACTIVE" } })).toBe(2);
    expect(await verifyCredentials({ email: DEMO_INSTRUCTOR.email, password: DEMO_PASSWORD })).toMatchObject({
      role: "INSTRUCTOR",
    });
    expect(await verifyCredentials({ email: DEMO_STUDENTS[1].email, password: DEMO_PASSWORD })).toMatchObject({
      role: "STUDENT",
    });
  });
});
