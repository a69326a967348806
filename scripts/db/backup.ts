/**
 * `npm run db:backup -- FILE`: a consistent copy of the database DATABASE_URL names (default the
 * SQLite file in ./data), safe to run while the server serves. SQLite → a SQLite file (online
 * backup API); PostgreSQL → a pg_dump custom archive. Restore with `npm run db:restore -- FILE`.
 */
import { backupDatabase } from "../../lib/db/backup-database";
import { DEFAULT_DATABASE_URL, redactUrl } from "../../lib/db/database-url";
import { loadDotEnv } from "./prisma-cli";

async function main(): Promise<void> {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
  if (!file) {
    console.error("Usage: npm run db:backup -- FILE   (e.g. backups/interleave-$(date +%F).db)");
    process.exit(2);
  }
  loadDotEnv();
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const result = await backupDatabase({ databaseUrl: url, file });
  console.log(`Backed up ${result.provider} database ${redactUrl(url)} to ${result.file} (${result.bytes} bytes).`);
}

main().catch((error: unknown) => {
  console.error(`db:backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
