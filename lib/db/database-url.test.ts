import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertSafeSchemaName, parseDatabaseUrl, providerOf, redactUrl } from "./database-url";

describe("DATABASE_URL parsing", () => {
  it("picks the provider from the scheme", () => {
    expect(providerOf("file:./data/interleave.db")).toBe("sqlite");
    expect(providerOf("postgres://u@h/db")).toBe("postgres");
    expect(providerOf("postgresql://u@h/db")).toBe("postgres");
    expect(() => providerOf("mysql://u:pw@h/db")).toThrow(/file:.*postgres/);
    expect(() => providerOf("mysql://u:pw@h/db")).not.toThrow(/pw/);
  });

  it("resolves relative SQLite paths against the working directory", () => {
    expect(parseDatabaseUrl("file:./data/x.db", "/srv/app")).toEqual({
      provider: "sqlite",
      url: "file:./data/x.db",
      filePath: path.resolve("/srv/app/data/x.db"),
    });
    expect(parseDatabaseUrl("file:/abs/x.db?connection_limit=1", "/srv/app")).toMatchObject({ filePath: "/abs/x.db" });
    expect(() => parseDatabaseUrl("file:")).toThrow(/needs a path/);
  });

  it("moves Prisma's ?schema= out of the pg connection string", () => {
    const target = parseDatabaseUrl("postgresql://postgres@127.0.0.1:5432/test?schema=t_1&sslmode=disable");
    expect(target).toMatchObject({ provider: "postgres", schema: "t_1" });
    if (target.provider !== "postgres") throw new Error("expected postgres");
    expect(target.connectionString).toBe("postgresql://postgres@127.0.0.1:5432/test?sslmode=disable");
    expect(parseDatabaseUrl("postgres://h/db")).toMatchObject({ schema: "public" });
  });

  it("redacts passwords and refuses schema names that are not plain identifiers", () => {
    expect(redactUrl("postgresql://user:hunter2@h/db")).toBe("postgresql://user:***@h/db");
    expect(assertSafeSchemaName("t_abc_123")).toBe("t_abc_123");
    expect(() => assertSafeSchemaName('x"; DROP TABLE "User')).toThrow(/Unsafe/);
  });
});
