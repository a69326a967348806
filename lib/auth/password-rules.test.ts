import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/config/parse-input";
import { PASSWORD_RULE_MESSAGES, passwordProblem, passwordRule } from "./password-rules";
import { signUpInput } from "./sign-up.types";

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

describe("password rules as codes", () => {
  it("names the rule a password breaks, for the form to translate", () => {
    expect(passwordRule("short")).toBe("tooShort");
    expect(passwordRule("é".repeat(40))).toBe("tooLong");
    expect(passwordRule("Password1")).toBe("common");
    expect(passwordRule("ababababab")).toBe("repetitive");
    expect(passwordRule("grace.hopper!", { email: "grace.hopper@school.edu" })).toBe("containsEmail");
    expect(passwordRule("i am Ada Lovelace", { name: "Ada Lovelace" })).toBe("containsName");
    expect(passwordRule("correct horse battery")).toBeNull();
  });

  it("sign-up refusals carry the code next to the English message", () => {
    const details = (input: Record<string, string>) => {
      try {
        parseInput(signUpInput, { email: "ada@school.edu", name: "Ada Lovelace", role: "student", ...input });
        return null;
      } catch (error) {
        return (error as AppError).details;
      }
    };
    expect(details({ password: "short" })).toMatchObject({
      password: [PASSWORD_RULE_MESSAGES.tooShort],
      "password.rule": ["tooShort"],
    });
    expect(details({ password: "qwerty123" })).toMatchObject({ "password.rule": ["common"] });
    expect(details({ password: "xx ada lovelace xx" })).toMatchObject({ "password.rule": ["containsName"] });
    expect(details({ password: "a good long one" })).toBeNull();
  });
});
