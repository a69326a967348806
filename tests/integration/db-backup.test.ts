/**
 * `npm run db:backup` / `db:restore` for real: a SQLite backup taken while the production server
 * keeps serving sign-ups, restored into a fresh database; a PostgreSQL pg_dump restored into a
 * fresh database; and bad input refused with a clear message, losing nothing.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_POSTGRES_URL } from "@/tests/helpers/db";
import { HttpSession, uniqueEmail } from "@/tests/helpers/http-session";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

const root = path.resolve(__dirname, "..", "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "interleave-backup-"));
let server: TestServer;

const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

/** What `npm run db:<script> -- ARGS` runs, asynchronously (the server and writers keep going). */
function npmRun(
  script: string,
  args: string[],
  databaseUrl: string,
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsxCli, `scripts/db/${script}.ts`, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (status) => resolve({ status, output }));
  });
}

function countUsers(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM User").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("SQLite", () => {
  it("backs up while the server serves, and restores into a fresh database the app can use", async () => {
    const browser = new HttpSession(server.url);
    for (let i = 0; i < 3; i += 1)
      expect(
        (
          await browser.signUp({
            email: uniqueEmail("before"),
            password: "password 123",
            name: `Before ${i}`,
            role: "student",
          })
        ).status,
      ).toBe(201);
    // Sign-ups keep arriving during the backup.
    let writing = true;
    const writes = (async () => {
      let n = 0;
      while (writing) {
        expect(
          (
            await browser.signUp({
              email: uniqueEmail("during"),
              password: "password 123",
              name: `During ${n}`,
              role: "student",
            })
          ).status,
        ).toBe(201);
        n += 1;
      }
      return n;
    })();
    const backupFile = path.join(dir, "live.db");
    const backup = await npmRun("backup", [backupFile], server.databaseUrl);
    writing = false;
    // Writes really overlapped the backup (the server kept serving).
    expect(await writes).toBeGreaterThan(0);
    expect(backup.status, backup.output).toBe(0);
    expect(backup.output).toMatch(/Backed up sqlite database .* to .*live\.db \(\d+ bytes\)/);
    const inBackup = countUsers(backupFile);
    expect(inBackup).toBeGreaterThanOrEqual(3);

    const fresh = path.join(dir, "restored", "interleave.db");
    const restore = await npmRun("restore", [backupFile], `file:${fresh}`);
    expect(restore.status, restore.output).toBe(0);
    expect(countUsers(fresh)).toBe(inBackup);
    const db = new Database(fresh, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(
      (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n,
    ).toBeGreaterThan(8);
    db.close();
    // The restored file serves: a server on it signs the first user in.
    const restored = await startTestServer({ env: { DATABASE_URL: `file:${fresh}` } });
    try {
      expect((await new HttpSession(restored.url).json("GET", "/api/health")).status).toBe(200);
    } finally {
      await restored.stop();
    }
  }, 120_000);

  it("refuses bad input with a clear message and never overwrites", async () => {
    expect(await npmRun("backup", [], server.databaseUrl)).toMatchObject({
      status: 2,
      output: expect.stringContaining("Usage: npm run db:backup -- FILE"),
    });
    const existing = path.join(dir, "existing.db");
    fs.writeFileSync(existing, "keep me");
    expect((await npmRun("backup", [existing], server.databaseUrl)).output).toContain("already exists");
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");
    expect(
      (await npmRun("restore", [path.join(dir, "missing.db")], `file:${path.join(dir, "x.db")}`)).output,
    ).toContain("No backup file at");
    expect((await npmRun("restore", [existing], `file:${path.join(dir, "y.db")}`)).output).toContain(
      "is not an Interleave backup",
    );
    // Restoring over a database in use is refused (the server's own file is untouched).
    const live = server.databaseUrl.slice("file:".length);
    const before = countUsers(live);
    const backupFile = path.join(dir, "live.db");
    const refused = await npmRun("restore", [backupFile], server.databaseUrl);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain("already exists: restore into a new DATABASE_URL, or pass --force");
    expect(countUsers(live)).toBe(before);
    expect((await npmRun("restore", [backupFile], TEST_POSTGRES_URL)).output).toContain(
      "is a sqlite backup but DATABASE_URL points at postgres",
    );
  }, 180_000);
});

describe("PostgreSQL", () => {
  it("dumps with pg_dump and restores into a fresh database", async () => {
    const source = await createTestDatabase("postgres");
    const databaseName = `restore_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    try {
      const schema = new URL(source.url).searchParams.get("schema") ?? "";
      await admin.query(
        `INSERT INTO "${schema}"."User" (id, email, name, role, "updatedAt") VALUES ('u1', 'a@x.org', 'Ada', 'STUDENT', now()), ('u2', 'b@x.org', 'Bob', 'INSTRUCTOR', now())`,
      );
      const file = path.join(dir, "pg.dump");
      const backup = await npmRun("backup", [file], source.url);
      expect(backup.status, backup.output).toBe(0);

      await admin.query(`CREATE DATABASE "${databaseName}"`);
      const target = new URL(TEST_POSTGRES_URL);
      target.pathname = `/${databaseName}`;
      target.searchParams.set("schema", schema);
      const restore = await npmRun("restore", [file], target.toString());
      expect(restore.status, restore.output).toBe(0);
      const check = new pg.Client({ connectionString: target.toString().replace(/\?.*$/, "") });
      await check.connect();
      const { rows } = await check.query(`SELECT email FROM "${schema}"."User" ORDER BY email`);
      await check.end();
      expect(rows.map((row) => row.email)).toEqual(["a@x.org", "b@x.org"]);
      // A second restore into the now non-empty database is refused.
      expect((await npmRun("restore", [file], target.toString())).output).toContain("already has tables");
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
      await admin.end();
      await source.drop();
    }
  }, 90_000);
});
