/**
 * `npm run user:admin -- EMAIL [--revoke]`: makes an existing account an administrator (or no
 * longer one). Administrators change roles at /admin/users and see /admin/metrics. Uses the
 * DATABASE_URL of the environment or `.env`, like the server.
 */
import { setAdminByEmail } from "@/lib/auth/set-admin-by-email";
import { disconnectDb } from "@/lib/db/get-db";
import { AppError } from "@/lib/errors/app-error";
import { loadDotEnv } from "./db/prisma-cli";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const email = args.find((arg) => !arg.startsWith("--"));
  if (!email) {
    console.error("Usage: npm run user:admin -- EMAIL [--revoke]");
    process.exitCode = 2;
    return;
  }
  loadDotEnv();
  try {
    const user = await setAdminByEmail({ email, isAdmin: !args.includes("--revoke") });
    console.log(`${user.email} is ${user.isAdmin ? "now an administrator" : "no longer an administrator"}.`);
  } catch (error) {
    console.error(error instanceof AppError ? error.message : error);
    process.exitCode = 1;
  } finally {
    await disconnectDb();
  }
}

void main();
