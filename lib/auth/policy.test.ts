import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { authorize, authorizeCreateClass, can, classScopeFor, type Actor, type ClassContext } from "./policy";

const owner: Actor = { id: "owner", role: "INSTRUCTOR", isAdmin: false };
const student: Actor = { id: "stu", role: "student", isAdmin: false };
const activeCtx: ClassContext = { ownerId: "owner", enrollmentStatus: "ACTIVE" };

describe("policy (pure parts the table test does not reach)", () => {
  it("hides unpublished things from everyone who does not manage the class: NOT_FOUND, never FORBIDDEN", () => {
    const draft = { ...activeCtx, unpublished: true };
    for (const action of ["exercise.manage", "exercise.view", "exercise.submit", "class.view"] as const)
      expect(can(student, action, draft)).toMatchObject({ allowed: false, code: "NOT_FOUND" });
    expect(can(owner, "exercise.manage", draft)).toEqual({ allowed: true });
    expect(can({ id: "admin", role: "INSTRUCTOR", isAdmin: true }, "exercise.manage", draft)).toEqual({
      allowed: true,
    });
    // Published, the same student may see it but still not manage it.
    expect(can(student, "exercise.manage", activeCtx)).toMatchObject({ allowed: false, code: "FORBIDDEN" });
  });

  it("accepts the session's lower-case role names", () => {
    expect(can({ ...owner, role: "instructor" }, "class.manage", { ownerId: "owner", enrollmentStatus: null })).toEqual(
      { allowed: true },
    );
    expect(can(student, "class.join", { ownerId: "owner", enrollmentStatus: null })).toEqual({ allowed: true });
    expect(classScopeFor(student)).toEqual({ kind: "enrolled", userId: "stu" });
  });

  it("archived classes take no submissions and no new students, but stay visible", () => {
    const archived = { ...activeCtx, archivedAt: new Date() };
    expect(can(student, "class.view", archived)).toEqual({ allowed: true });
    expect(can(student, "exercise.submit", archived)).toMatchObject({ allowed: false, code: "FORBIDDEN" });
    expect(can(student, "class.join", { ...archived, enrollmentStatus: null })).toMatchObject({
      allowed: false,
      code: "FORBIDDEN",
    });
  });

  it("scopes listing by role and admin flag", () => {
    expect(classScopeFor(owner)).toEqual({ kind: "owned", userId: "owner" });
    expect(classScopeFor({ ...student, isAdmin: true })).toEqual({ kind: "all" });
  });

  it("authorize throws the decision as an AppError", () => {
    expect(() => authorize(student, "class.manage", activeCtx)).toThrow(AppError);
    const thrown = (() => {
      try {
        authorize({ ...student, id: "stranger" }, "class.view", { ownerId: "owner", enrollmentStatus: null });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toMatchObject({ code: "NOT_FOUND", message: "Class not found" });
    expect(() => authorizeCreateClass(student)).toThrow(/Only instructors/);
    expect(() => authorizeCreateClass(owner)).not.toThrow();
  });
});
