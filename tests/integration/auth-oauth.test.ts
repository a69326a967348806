import { expect, it } from "vitest";
import { signInWithOAuth } from "@/lib/auth/sign-in-with-oauth";
import { signUp } from "@/lib/auth/sign-up";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { getDb } from "@/lib/db/get-db";
import { describeEachProvider, uniqueEmail, useTestDatabase } from "@/tests/helpers/db";

describeEachProvider("OAuth sign-in", (provider) => {
  useTestDatabase(provider);

  it("creates a password-less student on first sign-in and finds it again by the link", async () => {
    const email = uniqueEmail("octo");
    const first = await signInWithOAuth({ provider: "github", providerAccountId: "gh-1", email, name: "Octo" });
    expect(first).toMatchObject({ email, name: "Octo", role: "STUDENT" });
    const again = await signInWithOAuth({
      provider: "github",
      providerAccountId: "gh-1",
      email: uniqueEmail("changed"),
    });
    expect(again.id).toBe(first.id);
    expect(await verifyCredentials({ email, password: "anything-at-all" })).toBeNull();
    expect(await getDb().account.count({ where: { userId: first.id } })).toBe(1);
  });

  it("links a verified email to the existing account and refuses an unverified one", async () => {
    const email = uniqueEmail("teacher");
    const teacher = await signUp({ email, password: "correct horse 123", name: "T", role: "INSTRUCTOR" });
    await expect(signInWithOAuth({ provider: "google", providerAccountId: "g-1", email })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await getDb().account.count({ where: { userId: teacher.id } })).toBe(0);
    const linked = await signInWithOAuth({ provider: "google", providerAccountId: "g-1", email, emailVerified: true });
    expect(linked).toMatchObject({ id: teacher.id, role: "INSTRUCTOR" });
  });
});
