/**
 * `npm run db:restore -- FILE [--force]`: restores a backup made by `npm run db:backup` into the
 * database DATABASE_URL names. The target must be fresh (empty); for SQLite, --force moves the
 * current file aside (`<file>.before-restore-<time>`) instead of refusing. Stop the server first.
 */
import { redactUrl, DEFAULT_DATABASE_URL } from "../../lib/db/database-url";
import { restoreDatabase } from "../../lib/db/restore-database";
import { loadDotEnv } from "./prisma-cli";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith("--"));
  if (!file) {
    console.error("Usage: npm run db:restore -- FILE [--force]");
    process.exit(2);
  }
  loadDotEnv();
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const result = await restoreDatabase({ databaseUrl: url, file, force: args.includes("--force") });
  console.log(`Restored ${file} into ${result.provider} database ${redactUrl(url)}.`);
  if (result.movedAside) console.log(`The previous database file was kept as ${result.movedAside}.`);
}

main().catch((error: unknown) => {
  console.error(`db:restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
