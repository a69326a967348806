import { deviceCookieHeader } from "@/lib/auth/device-cookie";
import { SIGN_IN_RATE_LIMITED } from "@/lib/auth/sign-in-errors";
import { getEnv } from "@/lib/config/env";

/**
 * After next-auth answered a credentials sign-in: a session cookie was set → also set the device
 * cookie for this account (OWASP device cookies: this browser keeps signing in even while a
 * guesser is throttled elsewhere); refused as throttled → the same body with status 429.
 */
export async function finishCredentialsSignIn(response: Response, email: string): Promise<Response> {
  const env = getEnv();
  const secureCookie = env.NEXTAUTH_URL.startsWith("https://");
  const signedIn = response.headers
    .getSetCookie()
    .some((cookie) => /^(__Secure-)?next-auth\.session-token(\.\d+)?=[^;]/.test(cookie));
  if (signedIn && email) {
    const headers = new Headers(response.headers);
    headers.append("set-cookie", deviceCookieHeader({ email, secret: env.NEXTAUTH_SECRET, secureCookie }));
    return new Response(response.body, { status: response.status, headers });
  }
  if (response.status !== 401) return response;
  const text = await response.text();
  const throttled = errorOf(text) === SIGN_IN_RATE_LIMITED;
  return new Response(text, { status: throttled ? 429 : response.status, headers: response.headers });
}

function errorOf(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    const url =
      parsed && typeof parsed === "object" && "url" in parsed && typeof parsed.url === "string" ? parsed.url : null;
    return url ? new URL(url, "http://x").searchParams.get("error") : null;
  } catch {
    return null;
  }
}
