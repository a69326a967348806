import type { DatabaseProvider } from "../../lib/db/database-url";

export const PROVIDERS: readonly DatabaseProvider[] = ["sqlite", "postgres"];

const PRISMA_PROVIDER: Record<DatabaseProvider, string> = { sqlite: "sqlite", postgres: "postgresql" };

/**
 * prisma/schema.prisma → prisma/<provider>/schema.prisma. Pure, so a unit test can prove the
 * committed derived schemas are up to date with the source.
 */
export function deriveSchema(source: string, provider: DatabaseProvider): string {
  for (const placeholder of ["__PROVIDER__", "__OUTPUT__"]) {
    if (!source.includes(`"${placeholder}"`))
      throw new Error(`prisma/schema.prisma lost its "${placeholder}" placeholder`);
  }
  const header = [
    "// GENERATED from prisma/schema.prisma by `npm run db:generate` — edit the source, not this file.",
    "",
  ].join("\n");
  const body = source
    .replace('"__PROVIDER__"', `"${PRISMA_PROVIDER[provider]}"`)
    // Relative to prisma/<provider>/schema.prisma.
    .replace('"__OUTPUT__"', `"../../generated/prisma-${provider}"`);
  return header + body;
}

/** A placeholder URL so the schema's env("DATABASE_URL") resolves when only generating. */
export function placeholderUrl(provider: DatabaseProvider): string {
  return provider === "sqlite" ? "file:./data/interleave.db" : "postgresql://postgres@127.0.0.1:5432/test";
}
