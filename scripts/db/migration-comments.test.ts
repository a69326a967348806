import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `prisma migrate deploy` through the driver adapters splits a migration on `;` without reading
 * comments: a `;` inside a `--` comment cuts the statement that follows it in two (PostgreSQL then
 * fails with "syntax error at or near …"). Keep comments free of semicolons.
 */
describe("migration files", () => {
  it("have no semicolon inside a comment", () => {
    const root = path.resolve(__dirname, "..", "..", "prisma");
    const offenders: string[] = [];
    for (const provider of ["sqlite", "postgres"]) {
      const dir = path.join(root, provider, "migrations");
      for (const name of fs.readdirSync(dir).filter((entry) => !entry.endsWith(".toml"))) {
        const lines = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8").split("\n");
        lines.forEach((line, index) => {
          if (/^\s*--.*;/.test(line)) offenders.push(`${provider}/${name}:${index + 1}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });
});
