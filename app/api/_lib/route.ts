import { NextResponse } from "next/server";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError, toErrorResponse } from "@/lib/errors/app-error";
import { readSessionCookie } from "@/lib/auth/read-session-cookie";
import { resolveSessionUser } from "@/lib/auth/resolve-session-user";
import { getEnv } from "@/lib/config/env";
import { parseInput } from "@/lib/config/parse-input";
import { errorFields, getLogger } from "@/lib/observability/logger";

type AuthLevel = "none" | "user" | "instructor";

interface RouteOptions<S extends z.ZodType | undefined> {
  auth: AuthLevel;
  body?: S;
}

type UserFor<A extends AuthLevel> = A extends "none" ? SessionUser | null : SessionUser;

interface HandlerContext<A extends AuthLevel, S extends z.ZodType | undefined> {
  request: Request;
  user: UserFor<A>;
  body: S extends z.ZodType ? z.infer<S> : undefined;
  params: Record<string, string>;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The one wrapper every route handler goes through: session and role, JSON body parsed with zod
 * (400 with field messages), AppError → its status and `{ error: { code, message } }`, anything
 * else → a generic 500 whose details stay in the server log.
 */
export function withRoute<A extends AuthLevel, S extends z.ZodType | undefined = undefined>(
  options: RouteOptions<S> & { auth: A },
  handler: (ctx: HandlerContext<A, S>) => Promise<Response | unknown>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      const user = await authorise(options.auth, request);
      const body = options.body ? parseInput(options.body, await readJson(request)) : undefined;
      const params = flattenParams(context?.params ? await context.params : {});
      const result = await handler({ request, user, body, params } as HandlerContext<A, S>);
      return result instanceof Response ? result : jsonResponse(result ?? { ok: true });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function authorise(level: AuthLevel, request: Request): Promise<SessionUser | null> {
  const user = await routeSessionUser(request);
  if (level === "none") return user;
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.", { key: "auth.signInFirst" });
  if (level === "instructor" && user.role !== "instructor")
    throw new AppError("FORBIDDEN", "Only instructors can do this.", { key: "auth.instructorsOnly" });
  return user;
}

/**
 * Route handlers decode the session cookie themselves instead of calling getServerSession, which
 * re-encrypts and re-sends the cookie on every request (a key derivation + JWE per API call, seen
 * in the submission burst profile). Pages and server actions still refresh it. Same secret and
 * cookie name as next-auth and the socket handshake (server.ts copies them into process.env).
 */
async function routeSessionUser(request: Request): Promise<SessionUser | null> {
  const env = getEnv();
  const claimed = await readSessionCookie({
    cookieHeader: request.headers.get("cookie"),
    secret: env.NEXTAUTH_SECRET,
    secureCookie: env.NEXTAUTH_URL.startsWith("https://"),
  });
  // Revoked sessions (sign out everywhere, deleted account) end here; the role is the current one.
  return resolveSessionUser(claimed);
}

/** Above any legitimate body (64 KB of code, JSON-escaped); refused before it is parsed. */
const MAX_BODY_BYTES = 256 * 1024;

async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw bodyTooLarge();
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_BODY_BYTES) throw bodyTooLarge();
  let text: string;
  try {
    // fatal: invalid UTF-8 is a 400, never silently replaced by U+FFFD and stored.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid UTF-8.", { key: "request.notUtf8" });
  }
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.", { key: "request.notJson" });
  }
}

function bodyTooLarge(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`, {
    key: "request.tooLarge",
    params: { limitKb: MAX_BODY_BYTES / 1024 },
  });
}

function flattenParams(params: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) out[key] = Array.isArray(value) ? value.join("/") : value;
  return out;
}

/**
 * A JSON response; under 1 KB it says `no-transform`. Next's gzip (the `compression` middleware)
 * skips small bodies only by their Content-Length, which Next drops from route responses, so it
 * gzipped every small answer in a fresh zlib stream: ~2 % of the server's CPU in the submission
 * burst (issue 9 point 6). `no-transform` is the middleware's documented opt-out; larger bodies
 * are still gzipped.
 */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const text = JSON.stringify(body);
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  if (Buffer.byteLength(text) < SMALL_BODY_BYTES) {
    const cacheControl = headers.get("cache-control");
    headers.set("cache-control", cacheControl ? `${cacheControl}, no-transform` : "no-transform");
  }
  return new NextResponse(text, { ...init, headers });
}

/** The compression middleware's own threshold: below it gzip saves nothing worth a zlib stream. */
const SMALL_BODY_BYTES = 1024;

export function errorResponse(error: unknown): Response {
  if (!(error instanceof AppError)) getLogger("api").error(errorFields(error), "unexpected error");
  const { status, body } = toErrorResponse(error);
  return jsonResponse(body, { status });
}
