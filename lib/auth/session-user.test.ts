import { describe, expect, it } from "vitest";
import { sessionUserFromToken } from "@/lib/auth/session-user";

describe("sessionUserFromToken", () => {
  it("builds the user from a complete token", () => {
    expect(sessionUserFromToken({ sub: "u1", email: "a@b.c", name: "A", role: "student", isAdmin: true })).toEqual({
      id: "u1",
      email: "a@b.c",
      name: "A",
      role: "student",
      isAdmin: true,
    });
  });

  it.each([null, undefined, {}, { sub: "", role: "student" }, { sub: "u1" }, { sub: "u1", role: "admin" }])(
    "rejects %j",
    (token) => {
      expect(sessionUserFromToken(token)).toBeNull();
    },
  );

  it("treats a missing isAdmin as false", () => {
    expect(sessionUserFromToken({ sub: "u1", role: "instructor" })?.isAdmin).toBe(false);
  });
});
