import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-rules";

describe("passwordProblem", () => {
  it("accepts ordinary passphrases and explains each refusal", () => {
    expect(passwordProblem("password 123")).toBeNull();
    expect(passwordProblem("correct horse battery")).toBeNull();
    expect(passwordProblem("短的密码但够长了吗")).toBeNull();
    expect(passwordProblem("short")).toBe("The password needs at least 8 characters.");
    expect(passwordProblem("é".repeat(40))).toMatch(/too long/);
    expect(passwordProblem("Password1")).toMatch(/first a guesser tries/);
    expect(passwordProblem("password123")).toMatch(/first a guesser tries/);
    expect(passwordProblem("aaaaaaaaaa")).toMatch(/repeats/);
    expect(passwordProblem("ababababab")).toMatch(/repeats/);
    expect(passwordProblem("grace.hopper!", { email: "grace.hopper@school.edu" })).toMatch(/email/);
    expect(passwordProblem("i am Ada Lovelace", { name: "Ada Lovelace" })).toMatch(/name/);
  });
});
