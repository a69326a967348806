/**
 * Fresh, migrated databases for integration tests, for either provider:
 *
 *   describeEachProvider("classes", (provider) => {
 *     useTestDatabase(provider);        // beforeAll: fresh DB + getDb() points at it; afterAll: drop
 *     it("…", async () => { … });
 *   });
 *
 * SQLite: a file in a temp folder. PostgreSQL: a unique schema in TEST_POSTGRES_URL (default
 * postgresql://postgres@127.0.0.1:5432/test, i.e. `?schema=` per file), dropped afterwards.
 * Migrations are applied by executing the committed migration.sql files in order — the same SQL
 * `prisma migrate deploy` runs (tests/integration/db-migrate.test.ts covers the real command) in
 * a fraction of the time. If PostgreSQL is unreachable its suites are skipped with a loud
 * warning, except under CI=true, where that is a failure.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { useDatabaseUrl } from "@/lib/db/get-db";
import type { DatabaseProvider } from "@/lib/db/database-url";

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const REPO_ROOT = path.resolve(__dirname, "..", "..");

export interface TestDatabase {
  provider: DatabaseProvider;
  /** A DATABASE_URL for this database (works with getDb, the scripts and a spawned server). */
  url: string;
  drop(): Promise<void>;
}

/** The migration SQL files of a provider, oldest first. */
export function migrationSql(provider: DatabaseProvider): string[] {
  const dir = path.join(REPO_ROOT, "prisma", provider, "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}

export async function createTestDatabase(
  provider: DatabaseProvider,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "interleave-test-"));
    const file = path.join(dir, "test.db");
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    if (migrate) for (const sql of migrationSql("sqlite")) sqlite.exec(sql);
    sqlite.close();
    return { provider, url: `file:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`SET search_path TO "${schema}"`);
    if (migrate) for (const sql of migrationSql("postgres")) await client.query(sql);
  } finally {
    await client.end();
  }
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set("schema", schema);
  return { provider, url: url.toString(), drop: () => dropPostgresSchema(schema) };
}

async function dropPostgresSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Schemas left by test processes that crashed before afterAll (named t_<pid>_<random>). */
async function dropSchemasOfDeadProcesses(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ nspname: string }>(
    "SELECT nspname FROM pg_namespace WHERE nspname ~ '^t_[0-9]+_[0-9a-f]{8}$'",
  );
  for (const { nspname } of rows) {
    const pid = Number(nspname.split("_")[1]);
    // Best effort: another test process may be dropping the same leftover right now.
    if (!isProcessAlive(pid)) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`).catch(() => undefined);
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but someone else's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

let postgresProbe: Promise<string | null> | undefined;

/** null when PostgreSQL answers, otherwise why not. */
export function probePostgres(): Promise<string | null> {
  postgresProbe ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      await dropSchemasOfDeadProcesses(client).catch(() => undefined);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return postgresProbe;
}

// Resolved once while the test file is collected, so suites can be skipped declaratively.
const postgresProblem = await probePostgres();
if (postgresProblem && process.env.CI !== "true") {
  console.warn(
    `\n${"!".repeat(78)}\n!! PostgreSQL at ${TEST_POSTGRES_URL} is unreachable (${postgresProblem}).\n` +
      `!! SKIPPING every PostgreSQL test. Under CI=true this is a failure.\n${"!".repeat(78)}\n`,
  );
}

export const TEST_PROVIDERS: readonly DatabaseProvider[] = ["sqlite", "postgres"];

/** describe.each over both providers; PostgreSQL suites skip (or fail under CI) when it is down. */
export function describeEachProvider(title: string, body: (provider: DatabaseProvider) => void): void {
  describe.each(TEST_PROVIDERS)(`${title} [%s]`, (provider) => {
    if (provider === "postgres" && postgresProblem) {
      if (process.env.CI === "true") {
        beforeAll(() => {
          throw new Error(`PostgreSQL is required under CI=true but unreachable: ${postgresProblem}`);
        });
      } else {
        describe.skip("PostgreSQL unreachable", () => body(provider));
        return;
      }
    }
    body(provider);
  });
}

/** A fresh migrated database for the enclosing describe block; getDb() uses it meanwhile. */
export function useTestDatabase(provider: DatabaseProvider): { current(): TestDatabase } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await useDatabaseUrl(database.url);
  });
  afterAll(async () => {
    await useDatabaseUrl(null);
    await database?.drop();
  });
  return {
    current() {
      if (!database) throw new Error("useTestDatabase: the database exists only inside tests");
      return database;
    },
  };
}

/** Unique per call, so tests in one file never collide on unique emails. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(5).toString("hex")}@interleave.test`;
}

/** A user straight in the database (no bcrypt cost); sign-in tests use signUp instead. */
export async function createTestUser(options: { role: "INSTRUCTOR" | "STUDENT"; isAdmin?: boolean; name?: string }) {
  const { insertUser } = await import("@/lib/db/users");
  const label = options.role.toLowerCase();
  return insertUser({
    email: uniqueEmail(label),
    name: options.name ?? `${label} ${randomBytes(2).toString("hex")}`,
    role: options.role,
    isAdmin: options.isAdmin ?? false,
    passwordHash: null,
  });
}
