import { describe, expect, it } from "vitest";
import { DEV_NEXTAUTH_SECRET, ENV_VARS, parseEnv, READ_ENV_VARS } from "./env";

describe("parseEnv", () => {
  it("fills every default from an empty environment", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/interleave.db");
    expect(env.databaseProvider).toBe("sqlite");
    expect(env.PORT).toBe(3000);
    expect(env.HOSTNAME).toBe("0.0.0.0");
    expect(env.NEXTAUTH_URL).toBe("http://localhost:3000");
    expect(env.NEXTAUTH_SECRET).toBe(DEV_NEXTAUTH_SECRET);
    expect(env.SANDBOX).toBe("bwrap");
    expect(env.SANDBOX_POOL_SIZE).toBeGreaterThanOrEqual(1);
    expect(env.NODE_ENV).toBe("development");
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.githubAuth).toBeNull();
    expect(env.googleAuth).toBeNull();
  });

  it("treats empty strings like unset variables", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "", REDIS_URL: "", GITHUB_ID: "", GITHUB_SECRET: "" });
    expect(env.DATABASE_URL).toBe("file:./data/interleave.db");
    expect(env.PORT).toBe(3000);
    expect(env.REDIS_URL).toBeUndefined();
  });

  it("reads PostgreSQL, Redis, a port and OAuth pairs", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test",
      REDIS_URL: "redis://127.0.0.1:6379",
      PORT: "4100",
      SANDBOX_POOL_SIZE: "3",
      GITHUB_ID: "id",
      GITHUB_SECRET: "secret",
    });
    expect(env.databaseProvider).toBe("postgres");
    expect(env.PORT).toBe(4100);
    expect(env.NEXTAUTH_URL).toBe("http://localhost:4100");
    expect(env.SANDBOX_POOL_SIZE).toBe(3);
    expect(env.githubAuth).toEqual({ clientId: "id", clientSecret: "secret" });
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ SANDBOX: "docker" }, "SANDBOX"],
    [{ REDIS_URL: "localhost:6379" }, "REDIS_URL"],
    [{ NEXTAUTH_URL: "not a url" }, "NEXTAUTH_URL"],
    [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET"],
    [{ NODE_ENV: "production" }, "NEXTAUTH_SECRET"],
    [{ GITHUB_ID: "only-the-id" }, "GITHUB_SECRET"],
    [{ GOOGLE_CLIENT_SECRET: "only-the-secret" }, "GOOGLE_CLIENT_ID"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("rejects %o naming %s", (source, variable) => {
    expect(() => parseEnv(source)).toThrow(new RegExp(`Invalid environment configuration:[\\s\\S]*- ${variable}:`));
  });

  it("accepts production with a real secret", () => {
    const env = parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32) });
    expect(env.NEXTAUTH_SECRET).toBe("x".repeat(32));
  });

  it("reads the session expiries (7 and 30 days by default) and refuses an absolute one shorter than the idle one", () => {
    expect(parseEnv({})).toMatchObject({
      SESSION_MAX_AGE_SECONDS: 604_800,
      SESSION_ABSOLUTE_MAX_AGE_SECONDS: 2_592_000,
    });
    expect(parseEnv({ SESSION_MAX_AGE_SECONDS: "3600" }).SESSION_MAX_AGE_SECONDS).toBe(3600);
    expect(() => parseEnv({ SESSION_MAX_AGE_SECONDS: "7200", SESSION_ABSOLUTE_MAX_AGE_SECONDS: "3600" })).toThrow(
      /SESSION_ABSOLUTE_MAX_AGE_SECONDS: must not be shorter/,
    );
    expect(() => parseEnv({ SESSION_MAX_AGE_SECONDS: "10" })).toThrow(/SESSION_MAX_AGE_SECONDS: must be at least 60/);
    expect(() => parseEnv({ SESSION_MAX_AGE_SECONDS: "a week" })).toThrow(/SESSION_MAX_AGE_SECONDS/);
  });

  it("documents every variable it reads", () => {
    const documented = ENV_VARS.flatMap((v) => v.name.split(" / "));
    expect(READ_ENV_VARS).toEqual(
      expect.arrayContaining(["DATABASE_URL", "NEXTAUTH_SECRET", "PORT", "SANDBOX", "GITHUB_ID", "LOG_LEVEL"]),
    );
    expect([...documented].sort()).toEqual([...READ_ENV_VARS].sort());
  });
});

describe("README configuration table", () => {
  it("documents every variable the app reads, with its default", async () => {
    const { readFileSync } = await import("node:fs");
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const table = readme.slice(readme.indexOf("<!-- env-table:start -->"), readme.indexOf("<!-- env-table:end -->"));
    expect(table.length).toBeGreaterThan(100);
    for (const variable of ENV_VARS) {
      for (const name of variable.name.split(" / ")) expect(table, `README lacks ${name}`).toContain(`\`${name}\``);
    }
  });
});
