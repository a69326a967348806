/**
 * The per-request session check (resolveSessionUser) reads the accounts of concurrent requests in
 * one batch (lib/db/users.ts, issue 9 point 6). A batch must answer each request as a lone read
 * would: a signed-out-everywhere, deleted, demoted or long-signed-in account is refused or updated
 * on the very next request, even when its request shares a batch with valid ones.
 */
import { describe, expect, it } from "vitest";
import { resolveSessionUser } from "@/lib/auth/resolve-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db/get-db";
import { incrementSessionVersion, updateUserRole } from "@/lib/db/users";
import { createTestUser, describeEachProvider, useTestDatabase } from "../helpers/db";

async function claimOf(role: "INSTRUCTOR" | "STUDENT"): Promise<SessionUser> {
  const user = await createTestUser({ role });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: role === "INSTRUCTOR" ? "instructor" : "student",
    isAdmin: false,
    sessionVersion: 0,
    authTime: Math.floor(Date.now() / 1000),
  };
}

describeEachProvider("session check in batches", (provider) => {
  useTestDatabase(provider);

  it("concurrent requests each get their own account's current state", async () => {
    const claims = await Promise.all([claimOf("STUDENT"), claimOf("STUDENT"), claimOf("INSTRUCTOR")]);
    const resolved = await Promise.all(claims.map((claim) => resolveSessionUser(claim)));
    expect(resolved.map((user) => [user?.id, user?.role])).toEqual([
      [claims[0].id, "student"],
      [claims[1].id, "student"],
      [claims[2].id, "instructor"],
    ]);
  });

  it("a revoked, deleted or demoted account in the same batch as valid ones is answered as alone", async () => {
    const [valid, signedOut, deleted, demoted] = await Promise.all([
      claimOf("STUDENT"),
      claimOf("STUDENT"),
      claimOf("STUDENT"),
      claimOf("INSTRUCTOR"),
    ]);
    // Before: all valid (this also fills any cache there might be).
    expect(
      (await Promise.all([valid, signedOut, deleted, demoted].map((c) => resolveSessionUser(c)))).every(Boolean),
    ).toBe(true);
    await incrementSessionVersion(signedOut.id);
    await getDb().user.delete({ where: { id: deleted.id } });
    await updateUserRole(demoted.id, "STUDENT");

    const [a, b, c, d] = await Promise.all(
      [valid, signedOut, deleted, demoted].map((claim) => resolveSessionUser(claim)),
    );
    expect(a?.id).toBe(valid.id);
    expect(b).toBeNull();
    expect(c).toBeNull();
    expect(d?.role).toBe("student");
  });

  it("a session signed in longer ago than the absolute maximum is refused without a read", async () => {
    const claim = await claimOf("STUDENT");
    const tenYearsLater = Date.now() + 10 * 365 * 24 * 3600 * 1000;
    expect(await resolveSessionUser(claim, tenYearsLater)).toBeNull();
    expect((await resolveSessionUser(claim))?.id).toBe(claim.id);
  });

  it("the same account asked twice in one batch answers both", async () => {
    const claim = await claimOf("STUDENT");
    const [first, second] = await Promise.all([resolveSessionUser(claim), resolveSessionUser(claim)]);
    expect(first?.id).toBe(claim.id);
    expect(second?.id).toBe(claim.id);
  });
});
