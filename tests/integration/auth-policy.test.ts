import { beforeAll, expect, it } from "vitest";
import { CLASS_ACTIONS, type ClassAction } from "@/lib/auth/policy";
import { canAccessClass } from "@/lib/auth/can-access-class";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { createClass } from "@/lib/classes/create-class";
import { joinClass } from "@/lib/classes/join-class";
import { listClasses } from "@/lib/classes/list-classes";
import { removeStudent } from "@/lib/classes/remove-student";
import { AppError } from "@/lib/errors/app-error";
import { createTestUser, describeEachProvider, useTestDatabase } from "@/tests/helpers/db";

type Outcome = "allow" | "NOT_FOUND" | "FORBIDDEN";
type Who =
  "owner" | "otherInstructor" | "enrolledStudent" | "classmate" | "removedStudent" | "outsideStudent" | "admin";

const A: Outcome = "allow";
const N: Outcome = "NOT_FOUND";
const F: Outcome = "FORBIDDEN";

/** One outcome per column (a tuple of the columns' length). */
type Row<Columns extends readonly unknown[]> = { [K in keyof Columns]: Outcome };

/**
 * Every role × every class action, one column per action in CLASS_ACTIONS' order. submission.view
 * is asked about enrolledStudent's submission: their own for them, a classmate's for `classmate`.
 */
const TABLE: Record<Who, Row<typeof CLASS_ACTIONS>> = {
  // view, manage, roster, join, ex.view, ex.submit, ex.manage, sub.view, live, export
  owner: [A, A, A, F, A, A, A, A, A, A],
  otherInstructor: [N, N, N, F, N, N, N, N, N, N],
  enrolledStudent: [A, F, F, A, A, A, F, A, F, F],
  classmate: [A, F, F, A, A, A, F, N, F, F],
  removedStudent: [N, N, N, F, N, N, N, N, N, N],
  outsideStudent: [N, N, N, A, N, N, N, N, N, N],
  admin: [A, A, A, F, A, F, A, A, A, A],
};

const outcomeFor = (who: Who, action: ClassAction): Outcome => TABLE[who][CLASS_ACTIONS.indexOf(action)];

async function outcomeOf(promise: Promise<unknown>): Promise<Outcome> {
  try {
    await promise;
    return "allow";
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return error.code;
    throw error;
  }
}

describeEachProvider("authorization policy", (provider) => {
  useTestDatabase(provider);
  const ids = {} as Record<Who, string>;
  let classId = "";

  beforeAll(async () => {
    const make = async (who: Who, role: "INSTRUCTOR" | "STUDENT", isAdmin = false) => {
      ids[who] = (await createTestUser({ role, isAdmin, name: who })).id;
    };
    await make("owner", "INSTRUCTOR");
    await make("otherInstructor", "INSTRUCTOR");
    await make("enrolledStudent", "STUDENT");
    await make("classmate", "STUDENT");
    await make("removedStudent", "STUDENT");
    await make("outsideStudent", "STUDENT");
    await make("admin", "INSTRUCTOR", true);
    // Some other class the other instructor owns, so "owns a class" is not mistaken for "owns this one".
    await createClass({ userId: ids.otherInstructor, name: "Elsewhere" });
    const klass = await createClass({ userId: ids.owner, name: "Policy" });
    classId = klass.id;
    for (const who of ["enrolledStudent", "classmate", "removedStudent"] as const)
      await joinClass({ userId: ids[who], joinCode: klass.joinCode });
    await removeStudent({ userId: ids.owner, classId, studentId: ids.removedStudent });
  });

  const cases = (Object.keys(TABLE) as Who[]).flatMap((who) =>
    CLASS_ACTIONS.map((action) => [who, action, outcomeFor(who, action)] as const),
  );

  it("covers every action for every role", () => {
    expect(cases).toHaveLength(7 * CLASS_ACTIONS.length);
  });

  it.each(cases)("%s × %s → %s", async (who, action, expected) => {
    const submissionUserId = action === "submission.view" ? ids.enrolledStudent : undefined;
    expect(await outcomeOf(requireClassAccess({ userId: ids[who], classId, action, submissionUserId }))).toBe(expected);
  });

  it.each(Object.keys(TABLE) as Who[])("%s: listClasses and canAccessClass agree with class.view", async (who) => {
    const visible = outcomeFor(who, "class.view") === "allow";
    const listed = (await listClasses({ userId: ids[who] })).some((c) => c.id === classId);
    expect(listed).toBe(visible);
    expect(await canAccessClass({ userId: ids[who], classId })).toBe(visible);
  });

  it.each(CLASS_ACTIONS)("a missing class is NOT_FOUND for %s, even for the admin", async (action) => {
    expect(await outcomeOf(requireClassAccess({ userId: ids.admin, classId: "missing-class", action }))).toBe(
      "NOT_FOUND",
    );
  });
});
