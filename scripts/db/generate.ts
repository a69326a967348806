/**
 * `npm run db:generate`: derives prisma/sqlite/schema.prisma and prisma/postgres/schema.prisma from
 * the one source schema and generates a Prisma client for each into generated/prisma-<provider>
 * (a generated client is provider-specific). Works offline: no engine download.
 */
import fs from "node:fs";
import path from "node:path";
import { deriveSchema, placeholderUrl, PROVIDERS } from "./derive-schema";
import { REPO_ROOT, runPrisma } from "./prisma-cli";

function main(): void {
  const source = fs.readFileSync(path.join(REPO_ROOT, "prisma", "schema.prisma"), "utf8");
  for (const provider of PROVIDERS) {
    const target = path.join(REPO_ROOT, "prisma", provider, "schema.prisma");
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, deriveSchema(source, provider));
    runPrisma(["generate"], placeholderUrl(provider));
  }
}

main();
