import { expect, it } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { AppError } from "@/lib/errors/app-error";
import { findUserWithPasswordByEmail } from "@/lib/db/users";
import { describeEachProvider, uniqueEmail, useTestDatabase } from "@/tests/helpers/db";
import { appErrorOf } from "@/tests/helpers/app-error";

describeEachProvider("sign-up and sign-in", (provider) => {
  useTestDatabase(provider);

  it("signs up an instructor and a student, storing a bcrypt hash and a lower-cased email", async () => {
    const email = uniqueEmail("Teacher").toUpperCase();
    const teacher = await signUp({ email, password: "correct horse", name: "  Ada  ", role: "INSTRUCTOR" });
    expect(teacher).toMatchObject({
      email: email.toLowerCase(),
      name: "Ada",
      role: "INSTRUCTOR",
      isAdmin: false,
      locale: "en",
    });
    expect(teacher).not.toHaveProperty("passwordHash");
    const stored = await findUserWithPasswordByEmail(email.toLowerCase());
    expect(stored?.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(stored?.passwordHash).not.toContain("correct horse");

    // The session's lower-case role names are accepted too.
    const student = await signUp({
      email: uniqueEmail("student"),
      password: "correct horse 123",
      name: "Bo",
      role: "student",
    });
    expect(student.role).toBe("STUDENT");
  });

  it("refuses a duplicate email (any case) with CONFLICT", async () => {
    const email = uniqueEmail("dup");
    await signUp({ email, password: "correct horse 123", name: "First", role: "STUDENT" });
    const error = await appErrorOf(
      signUp({ email: email.toUpperCase(), password: "correct horse 456", name: "Second", role: "STUDENT" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/already exists/);
    expect(error.details?.email?.[0]).toMatch(/already exists/);
  });

  it("lets exactly one of two racing sign-ups for the same email win", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.allSettled(
      [1, 2, 3].map((n) => signUp({ email, password: "correct horse 123", name: `Racer ${n}`, role: "STUDENT" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("CONFLICT");
  });

  it.each([
    [{ email: "not-an-email", password: "correct horse 123", name: "X", role: "STUDENT" }, "email", /valid email/],
    [{ email: "short@interleave.test", password: "1234567", name: "X", role: "STUDENT" }, "password", /at least 8/],
    [{ email: "long@interleave.test", password: "é".repeat(40), name: "X", role: "STUDENT" }, "password", /too long/],
    [{ email: "noname@interleave.test", password: "correct horse 123", name: "   ", role: "STUDENT" }, "name", /name/],
    [
      { email: "role@interleave.test", password: "correct horse 123", name: "X", role: "ADMIN" },
      "role",
      /instructor or student/,
    ],
  ])("rejects bad input %# with BAD_REQUEST on the field", async (input, field, message) => {
    const error = await appErrorOf(signUp(input as Parameters<typeof signUp>[0]));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.details?.[field]?.[0]).toMatch(message);
    expect(await findUserWithPasswordByEmail(input.email)).toBeNull();
  });

  it("verifies the right password and refuses wrong ones, unknown emails and junk", async () => {
    const email = uniqueEmail("signin");
    const created = await signUp({ email, password: "s3cret-pass", name: "Cy", role: "STUDENT" });
    expect(await verifyCredentials({ email, password: "s3cret-pass" })).toMatchObject({
      id: created.id,
      role: "STUDENT",
    });
    expect(await verifyCredentials({ email: ` ${email.toUpperCase()} `, password: "s3cret-pass" })).toMatchObject({
      id: created.id,
    });
    expect(await verifyCredentials({ email, password: "s3cret-pasS" })).toBeNull();
    expect(await verifyCredentials({ email, password: "" })).toBeNull();
    expect(await verifyCredentials({ email: uniqueEmail("nobody"), password: "s3cret-pass" })).toBeNull();
    expect(await verifyCredentials({ email: 42, password: { $ne: "" } })).toBeNull();
    const signedIn = await verifyCredentials({ email, password: "s3cret-pass" });
    expect(signedIn).not.toHaveProperty("passwordHash");
  });
});
