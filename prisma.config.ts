/**
 * Prisma CLI configuration for BOTH providers: DATABASE_URL picks the derived schema, its
 * migrations folder and the driver adapter. Prisma 6.19's JS schema engine (`engine: "js"`) runs
 * migrations through the same driver adapter as the app, so nothing native is downloaded
 * (offline classrooms). Use the npm scripts (db:generate, db:migrate) rather than calling the CLI.
 * Note: with a config file Prisma does not load `.env`; scripts/db/* load it themselves.
 */
import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrationAdapterFactory } from "./lib/db/create-adapter";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from "./lib/db/database-url";

const target = parseDatabaseUrl(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
const folder = path.join(__dirname, "prisma", target.provider);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  async adapter() {
    return createMigrationAdapterFactory(target);
  },
});
