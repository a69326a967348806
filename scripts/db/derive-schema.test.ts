import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deriveSchema, PROVIDERS } from "./derive-schema";

const prismaDir = path.resolve(__dirname, "..", "..", "prisma");
const source = fs.readFileSync(path.join(prismaDir, "schema.prisma"), "utf8");

/** The committed snapshot next to each migrations folder (see scripts/db/new-migration.ts). */
const SNAPSHOT_FILE = "schema-at-last-migration.prisma.txt";

describe("derived schemas", () => {
  it("fills in provider and output per provider", () => {
    const sqlite = deriveSchema(source, "sqlite");
    const postgres = deriveSchema(source, "postgres");
    expect(sqlite).toContain('provider = "sqlite"');
    expect(sqlite).toContain('output     = "../../generated/prisma-sqlite"');
    expect(postgres).toContain('provider = "postgresql"');
    expect(postgres).toContain('output     = "../../generated/prisma-postgres"');
    expect(sqlite).not.toContain("__PROVIDER__");
    expect(postgres).not.toContain("__OUTPUT__");
  });

  it("refuses a source schema that lost its placeholders", () => {
    expect(() => deriveSchema(source.replace('"__PROVIDER__"', '"sqlite"'), "sqlite")).toThrow(/__PROVIDER__/);
  });

  it.each(PROVIDERS)(
    "prisma/%s/schema.prisma is up to date with prisma/schema.prisma (run npm run db:generate)",
    (provider) => {
      const committed = fs.readFileSync(path.join(prismaDir, provider, "schema.prisma"), "utf8");
      expect(committed).toBe(deriveSchema(source, provider));
    },
  );

  it.each(PROVIDERS)(
    "%s migrations cover the current schema (otherwise: npx tsx scripts/db/new-migration.ts <name>)",
    (provider) => {
      const snapshot = fs.readFileSync(path.join(prismaDir, provider, SNAPSHOT_FILE), "utf8");
      expect(snapshot).toBe(deriveSchema(source, provider));
    },
  );
});
