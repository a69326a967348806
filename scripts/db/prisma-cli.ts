import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

function cliPath(): string {
  return require.resolve("prisma/build/index.js", { paths: [REPO_ROOT] });
}

function cliEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
}

/**
 * Runs the Prisma CLI in-repo with an explicit DATABASE_URL: the root prisma.config.ts picks the
 * provider-specific schema, migrations folder and JS-engine adapter from it.
 */
export function runPrisma(args: string[], databaseUrl: string, options: { capture?: boolean } = {}): string {
  const result = spawnSync(process.execPath, [cliPath(), ...args], {
    cwd: REPO_ROOT,
    env: cliEnv(databaseUrl),
    stdio: options.capture ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(" ")} failed with exit code ${result.status ?? result.signal}`);
  }
  return result.stdout ?? "";
}

const MIGRATE_DONE = /All migrations have been successfully applied\.|No pending migrations to apply\./;

/**
 * `prisma migrate deploy`. On PostgreSQL the JS schema engine leaves a 10-second timer behind
 * after it has finished, so the CLI idles ~10 s before exiting. Once it has printed its final
 * success line the work is committed; we then give it a moment and stop it.
 */
export async function runMigrateDeploy(databaseUrl: string): Promise<void> {
  const child = spawn(process.execPath, [cliPath(), "migrate", "deploy"], {
    cwd: REPO_ROOT,
    env: cliEnv(databaseUrl),
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  let finished = false;
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    output += chunk.toString("utf8");
    if (!finished && MIGRATE_DONE.test(output)) {
      finished = true;
      setTimeout(() => child.kill("SIGTERM"), 500).unref();
    }
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode) => resolve(exitCode));
  });
  if (code !== 0 && !finished) throw new Error(`prisma migrate deploy failed with exit code ${code}`);
}

/** Prisma does not read .env when a config file exists; the db scripts load it like Next does. */
export function loadDotEnv(): void {
  const file = path.join(REPO_ROOT, ".env");
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
