import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { backupKindOf, run } from "./backup-database";
import { assertSafeSchemaName, parseDatabaseUrl } from "./database-url";

/**
 * Restores a backup made by backupDatabase into the database DATABASE_URL names. Nothing is lost
 * by accident: the target must be empty (a fresh database) unless `force` is given, and then a
 * SQLite target is first moved aside to `<file>.before-restore-<time>`. Stop the server first.
 */
export async function restoreDatabase(options: {
  databaseUrl: string;
  file: string;
  force?: boolean;
}): Promise<{ provider: string; movedAside?: string }> {
  const file = path.resolve(options.file);
  if (!fs.existsSync(file)) throw new Error(`No backup file at ${file}.`);
  const kind = backupKindOf(file);
  const target = parseDatabaseUrl(options.databaseUrl);
  if (!kind)
    throw new Error(`${file} is not an Interleave backup (neither a SQLite database nor a pg_dump custom archive).`);
  if (kind !== target.provider)
    throw new Error(`${file} is a ${kind} backup but DATABASE_URL points at ${target.provider}.`);
  if (target.provider === "sqlite")
    return { provider: "sqlite", ...(await restoreSqlite(file, target.filePath, options.force === true)) };
  if (await postgresHasTables(target.connectionString, target.schema)) {
    throw new Error(
      `schema "${target.schema}" already has tables: restore into a fresh database (or drop the schema first).`,
    );
  }
  await run("pg_restore", [
    "--no-owner",
    "--no-privileges",
    "--exit-on-error",
    `--dbname=${target.connectionString}`,
    file,
  ]);
  return { provider: "postgres" };
}

async function restoreSqlite(backup: string, destination: string, force: boolean): Promise<{ movedAside?: string }> {
  let movedAside: string | undefined;
  if (fs.existsSync(destination) && fs.statSync(destination).size > 0) {
    if (!force)
      throw new Error(
        `${destination} already exists: restore into a new DATABASE_URL, or pass --force to move the current file aside first.`,
      );
    movedAside = `${destination}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(destination, movedAside);
    for (const suffix of ["-wal", "-shm"])
      if (fs.existsSync(destination + suffix)) fs.renameSync(destination + suffix, movedAside + suffix);
  }
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(destination);
  } finally {
    source.close();
  }
  const restored = new Database(destination);
  try {
    restored.pragma("journal_mode = WAL");
  } finally {
    restored.close();
  }
  return { movedAside };
}

async function postgresHasTables(connectionString: string, schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      "SELECT count(*) FROM information_schema.tables WHERE table_schema = $1",
      [assertSafeSchemaName(schema)],
    );
    return Number(rows[0]?.count ?? 0) > 0;
  } finally {
    await client.end();
  }
}
