import { randomInt } from "node:crypto";

/**
 * Join codes look like "K7QF-2MXD": 8 characters from an alphabet without the look-alikes 0/O and
 * 1/I (nor L, which reads as 1 in many classroom fonts), shown in two groups of four. 31^8 ≈ 8.5e11
 * codes, so guessing one is hopeless and collisions are retried by the caller.
 */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 8;

export function generateJoinCode(random: (max: number) => number = randomInt): string {
  let raw = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) raw += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
  return formatJoinCode(raw);
}

function formatJoinCode(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/**
 * What a student typed → the stored form, or null when it cannot be a join code. Case, spaces and
 * dashes do not matter ("k7qf 2mxd", "K7QF2MXD" and "k7qf-2mxd" are the same code).
 */
export function normalizeJoinCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s\-_.]/g, "");
  if (raw.length !== JOIN_CODE_LENGTH) return null;
  for (const char of raw) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
  return formatJoinCode(raw);
}

export function isValidJoinCode(code: string): boolean {
  return normalizeJoinCode(code) === code;
}
