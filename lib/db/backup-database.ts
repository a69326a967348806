import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parseDatabaseUrl, redactUrl, type DatabaseTarget } from "./database-url";

/**
 * Consistent copies of a LIVE database, for `npm run db:backup -- FILE` and `db:restore`:
 * - SQLite: SQLite's online backup API (better-sqlite3 `backup()`): page by page, consistent even
 *   while the server keeps writing (WAL), without stopping it;
 * - PostgreSQL: `pg_dump --format=custom` (one snapshot transaction), restored with `pg_restore`.
 * The file's first bytes say which it is, so a restore refuses the wrong kind with a clear message.
 */
export interface BackupResult {
  provider: DatabaseTarget["provider"];
  file: string;
  bytes: number;
}

const SQLITE_MAGIC = "SQLite format 3\0";
const PG_DUMP_MAGIC = "PGDMP";

export async function backupDatabase(options: { databaseUrl: string; file: string }): Promise<BackupResult> {
  const target = parseDatabaseUrl(options.databaseUrl);
  const file = path.resolve(options.file);
  if (fs.existsSync(file))
    throw new Error(`${file} already exists: choose a new file name (a backup never overwrites one).`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  try {
    if (target.provider === "sqlite") await backupSqlite(target.filePath, partial);
    else
      await run("pg_dump", [
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        `--schema=${target.schema}`,
        `--file=${partial}`,
        target.connectionString,
      ]);
    // Only a finished copy gets the real name: a crash mid-way never leaves a plausible-looking backup.
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { provider: target.provider, file, bytes: fs.statSync(file).size };
}

async function backupSqlite(source: string, destination: string): Promise<void> {
  if (!fs.existsSync(source)) throw new Error(`No SQLite database at ${source}.`);
  const db = new Database(source, { fileMustExist: true });
  try {
    await db.backup(destination);
  } finally {
    db.close();
  }
  const copy = new Database(destination, { readonly: true });
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`the backup failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
}

export type BackupKind = "sqlite" | "postgres";

/** What kind of backup `file` is, from its first bytes; null when it is neither. */
export function backupKindOf(file: string): BackupKind | null {
  const handle = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(16);
    fs.readSync(handle, head, 0, 16, 0);
    if (head.toString("latin1") === SQLITE_MAGIC) return "sqlite";
    if (head.subarray(0, 5).toString("latin1") === PG_DUMP_MAGIC) return "postgres";
    return null;
  } finally {
    fs.closeSync(handle);
  }
}

export function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new Error(`${command} is not installed (Debian: apt-get install postgresql-client).`)
          : error,
      ),
    );
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${redactUrl(stderr.trim())}`)),
    );
  });
}
