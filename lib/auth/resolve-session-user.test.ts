import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { resolveSessionUser } from "./resolve-session-user";

const DAY = 86_400;

describe("resolveSessionUser: the absolute session expiry", () => {
  afterEach(() => {
    delete process.env.SESSION_MAX_AGE_SECONDS;
    delete process.env.SESSION_ABSOLUTE_MAX_AGE_SECONDS;
    resetEnvCache();
  });

  it("refuses a session signed in longer ago than SESSION_ABSOLUTE_MAX_AGE_SECONDS, before any lookup", async () => {
    const now = Date.UTC(2026, 11, 5);
    const user = { id: "u1", email: "", name: "", role: "student" as const, isAdmin: false, sessionVersion: 0 };
    // 30 days by default: 31 days after sign-in is over, whatever the account says.
    expect(await resolveSessionUser({ ...user, authTime: now / 1000 - 31 * DAY }, now)).toBeNull();
    process.env.SESSION_MAX_AGE_SECONDS = String(DAY);
    process.env.SESSION_ABSOLUTE_MAX_AGE_SECONDS = String(2 * DAY);
    resetEnvCache();
    expect(await resolveSessionUser({ ...user, authTime: now / 1000 - 3 * DAY }, now)).toBeNull();
  });
});
