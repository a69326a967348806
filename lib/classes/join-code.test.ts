import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateJoinCode, isValidJoinCode, JOIN_CODE_ALPHABET, normalizeJoinCode } from "./join-code";

describe("join codes", () => {
  it("has no ambiguous characters in the alphabet", () => {
    for (const ambiguous of ["0", "O", "1", "I", "L"]) expect(JOIN_CODE_ALPHABET).not.toContain(ambiguous);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it("generates XXXX-XXXX codes from the alphabet", () => {
    for (let i = 0; i < 200; i += 1) {
      const code = generateJoinCode();
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);
      expect(isValidJoinCode(code)).toBe(true);
    }
  });

  it("uses the random source for every character", () => {
    expect(generateJoinCode(() => 0)).toBe("2222-2222");
    expect(generateJoinCode((max) => max - 1)).toBe("ZZZZ-ZZZZ");
  });

  it.each([
    ["k7qf-2mxd", "K7QF-2MXD"],
    ["K7QF2MXD", "K7QF-2MXD"],
    ["  k7qf 2mxd ", "K7QF-2MXD"],
    ["K7-QF-2M-XD", "K7QF-2MXD"],
    ["TASK-2468", "TASK-2468"],
  ])("normalises %j to %s", (input, expected) => {
    expect(normalizeJoinCode(input)).toBe(expected);
  });

  it.each(["", "K7QF-2MX", "K7QF-2MXDD", "K7QF-2MX0", "OOPS-1234", "K7QF-2MX!"])("rejects %j", (input) => {
    expect(normalizeJoinCode(input)).toBeNull();
  });

  it("normalising is idempotent and accepts any casing of a generated code", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(JOIN_CODE_ALPHABET.length - 1), { minLength: 8, maxLength: 8 }), (picks) => {
        let i = 0;
        const code = generateJoinCode(() => picks[i++]);
        expect(normalizeJoinCode(code.toLowerCase())).toBe(code);
        expect(normalizeJoinCode(code.replace("-", ""))).toBe(code);
        expect(normalizeJoinCode(normalizeJoinCode(code) ?? "")).toBe(code);
      }),
    );
  });
});
