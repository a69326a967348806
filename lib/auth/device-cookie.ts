import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * OWASP's "device cookie": after a successful sign-in the browser gets a signed token naming the
 * account (`v1.<email>.<nonce>.<mac>`). A later attempt that presents a valid token for the same
 * email is counted on that device alone, so a guesser elsewhere (who has no such token) can lock
 * only the untrusted clients out, never the owner's own browser. Pure: no Next, no database.
 */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function deviceCookieName(secureCookie: boolean): string {
  // __Host-: only over https, path /, no Domain: a sibling subdomain cannot plant one.
  return secureCookie ? "__Host-interleave-device" : "interleave-device";
}

export interface DeviceToken {
  email: string;
  nonce: string;
}

function mac(secret: string, payload: string): Buffer {
  const key = createHmac("sha256", secret).update("interleave device cookie v1").digest();
  return createHmac("sha256", key).update(payload).digest();
}

export function createDeviceToken(email: string, secret: string): string {
  const nonce = randomBytes(16).toString("base64url");
  const payload = `v1.${Buffer.from(email.trim().toLowerCase()).toString("base64url")}.${nonce}`;
  return `${payload}.${mac(secret, payload).toString("base64url")}`;
}

/** The token's account and nonce, or null when it is malformed or not signed with `secret`. */
export function readDeviceToken(token: string | undefined | null, secret: string): DeviceToken | null {
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 4 || parts[0] !== "v1") return null;
  const payload = parts.slice(0, 3).join(".");
  const given = Buffer.from(parts[3], "base64url");
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { email: Buffer.from(parts[1], "base64url").toString("utf8"), nonce: parts[2] };
}

/** The Set-Cookie header value that stores a fresh token for `email`. */
export function deviceCookieHeader(options: { email: string; secret: string; secureCookie: boolean }): string {
  const attributes = [`Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}`, "Path=/", "HttpOnly", "SameSite=Lax"];
  if (options.secureCookie) attributes.push("Secure");
  return [
    `${deviceCookieName(options.secureCookie)}=${createDeviceToken(options.email, options.secret)}`,
    ...attributes,
  ].join("; ");
}
