/**
 * `npm run db:migrate`: applies the committed migrations of the provider chosen by DATABASE_URL
 * (default file:./data/interleave.db, whose folder is created) with `prisma migrate deploy` through
 * the JS schema engine — no native engine, works offline. Safe to run repeatedly.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import path from "node:path";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl, redactUrl } from "../../lib/db/database-url";
import { loadDotEnv, runMigrateDeploy } from "./prisma-cli";

async function main(): Promise<void> {
  loadDotEnv();
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const target = parseDatabaseUrl(url);
  if (target.provider === "sqlite" && target.filePath !== ":memory:") {
    fs.mkdirSync(path.dirname(target.filePath), { recursive: true });
  }
  console.log(`Migrating ${target.provider} database ${redactUrl(url)}`);
  await runMigrateDeploy(url);
  if (target.provider === "sqlite" && target.filePath !== ":memory:") useWriteAheadLog(target.filePath);
}

/**
 * WAL lets pages read while the grader writes results (the default rollback journal blocks
 * readers during a write). The setting is stored in the database file, so once is enough.
 */
function useWriteAheadLog(filePath: string): void {
  const sqlite = new Database(filePath);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
