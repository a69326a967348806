import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/**
 * Runs the Prisma CLI in-repo with an explicit DATABASE_URL: the root prisma.config.ts picks the
 * provider-specific schema, migrations folder and JS-engine adapter from it.
 */
export function runPrisma(args: string[], databaseUrl: string, options: { capture?: boolean } = {}): string {
  const cli = require.resolve("prisma/build/index.js", { paths: [REPO_ROOT] });
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: options.capture ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(" ")} failed with exit code ${result.status ?? result.signal}`);
  }
  return result.stdout ?? "";
}

/** Prisma does not read .env when a config file exists; the db scripts load it like Next does. */
export function loadDotEnv(): void {
  const file = path.join(REPO_ROOT, ".env");
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
