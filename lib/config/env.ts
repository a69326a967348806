import os from "node:os";
import { z } from "zod";
import { DEFAULT_DATABASE_URL, providerOf } from "@/lib/db/database-url";

/**
 * Every environment variable Interleave reads, validated once. `getEnv()` is lazy because Next
 * loads `.env` only inside `app.prepare()`; the result is cached. A bad value throws ONE error that
 * names each offending variable. ENV_VARS documents them for the README's configuration table.
 */
export interface EnvVarDoc {
  name: string;
  default: string;
  description: string;
}

export const DEV_NEXTAUTH_SECRET = "interleave-development-secret-do-not-use-in-production";

export const ENV_VARS: readonly EnvVarDoc[] = [
  {
    name: "DATABASE_URL",
    default: DEFAULT_DATABASE_URL,
    description: "SQLite file (`file:…`) or PostgreSQL (`postgresql://…`, optional `?schema=`).",
  },
  {
    name: "NEXTAUTH_SECRET",
    default: "(dev-only placeholder; required in production)",
    description: "Signs session cookies; `npm run setup` writes a random one to `.env`. At least 16 characters.",
  },
  {
    name: "NEXTAUTH_URL",
    default: "http://localhost:$PORT",
    description: "Public base URL of the app, used by next-auth for callbacks and cookies.",
  },
  { name: "PORT", default: "3000", description: "HTTP port for pages, API and socket.io." },
  {
    name: "HOSTNAME",
    default: "0.0.0.0",
    description: "Interface to listen on (`0.0.0.0` lets students on the LAN connect).",
  },
  {
    name: "REDIS_URL",
    default: "(unset)",
    description:
      "When set, grading runs on BullMQ, live events fan out through Redis and rate-limit counts are shared by every app node; otherwise all of them run in-process.",
  },
  {
    name: "REALTIME_URL",
    default: "(unset)",
    description:
      "Public URL of the fan-out nodes (`npm run fanout`): browsers open their live socket there with signed tickets, and this node sends class events through Redis (needs REDIS_URL). Unset: this process serves the sockets.",
  },
  {
    name: "REALTIME_REDIS_KEY",
    default: "socket.io",
    description:
      "Channel prefix of the socket.io Redis adapter; every app and fan-out node of one deployment uses the same.",
  },
  {
    name: "SANDBOX",
    default: "bwrap",
    description: "`bwrap` (bubblewrap sandbox) or `unsafe-local` (no isolation; development only).",
  },
  {
    name: "SANDBOX_POOL_SIZE",
    default: "number of CPU cores (max 8)",
    description: "Concurrent sandboxed runs per grader process.",
  },
  { name: "GITHUB_ID / GITHUB_SECRET", default: "(unset)", description: "Enable GitHub sign-in when both are set." },
  {
    name: "GOOGLE_CLIENT_ID / GOOGLE_CLIENT_SECRET",
    default: "(unset)",
    description: "Enable Google sign-in when both are set.",
  },
  { name: "NODE_ENV", default: "development", description: "`development`, `production` or `test`." },
  {
    name: "SANDBOX_UID_BASE",
    default: "61000",
    description:
      "Slot n of the sandbox pool runs as uid base+n; give each grader process on one machine its own range.",
  },
  {
    name: "GRADING_WORKER",
    default: "on",
    description: "`off` makes this web node only enqueue (graders run `npm run worker`); needs REDIS_URL to be useful.",
  },
  {
    name: "GRADING_STALE_AFTER_MS",
    default: "120000",
    description: "A submission running longer than this is taken to have lost its worker and is graded again.",
  },
  { name: "SUBMIT_RATE_LIMIT", default: "10", description: "Submissions per student per minute; more get 429." },
  { name: "RUN_RATE_LIMIT", default: "30", description: "Try-it runs per student per minute; more get 429." },
  {
    name: "SIGN_IN_RATE_LIMIT",
    default: "10",
    description:
      'FAILED email + password sign-ins per account (from browsers that never signed in to it) within the window before further attempts wait ("too many attempts", 429). Successful sign-ins never count; a browser that signed in before has its own count (device cookie), so a guesser cannot lock the owner out.',
  },
  {
    name: "SIGN_IN_RATE_WINDOW_MS",
    default: "900000",
    description: "Failures older than this (15 minutes) are forgotten; also the longest wait.",
  },
  {
    name: "SIGN_IN_LOCKOUT_MS",
    default: "30000",
    description:
      "The first wait after SIGN_IN_RATE_LIMIT failures; it doubles with every further failure, up to the window.",
  },
  {
    name: "SIGN_UP_RATE_LIMIT",
    default: "60",
    description:
      "Accounts created per client address per window (a class behind one NAT shares one address); more get 429.",
  },
  { name: "SIGN_UP_RATE_WINDOW_MS", default: "3600000", description: "The sign-up window (1 hour)." },
  {
    name: "TRUST_PROXY",
    default: "0",
    description:
      "Number of reverse proxies in front of the app that append to `X-Forwarded-For`; 0 ignores the header and uses the socket address.",
  },
  {
    name: "LOG_LEVEL",
    default: "info",
    description:
      "`debug`, `info`, `warn` or `error`. Logs are JSON lines on stdout (pino), each HTTP request's lines carry its `requestId` (also sent back as `X-Request-Id`).",
  },
  {
    name: "SESSION_MAX_AGE_SECONDS",
    default: "604800",
    description:
      "Idle session expiry (7 days): a session unused this long is signed out. Using a page moves the expiry forward. At least 60.",
  },
  {
    name: "SESSION_ABSOLUTE_MAX_AGE_SECONDS",
    default: "2592000",
    description:
      "Absolute session expiry (30 days): however active, a session this old since sign-in must sign in again. At least SESSION_MAX_AGE_SECONDS.",
  },
  {
    name: "METRICS_TOKEN",
    default: "(unset)",
    description:
      "Enables Prometheus metrics at `/metrics` for requests with `Authorization: Bearer <token>` (at least 16 characters); without it `/metrics` is a 404.",
  },
];

/** `.env` files often carry `KEY=` for "unset": treat empty strings as absent. */
const optionalString = z.preprocess((value) => (value === "" ? undefined : value), z.string().optional());

function defaultPoolSize(): number {
  return Math.min(8, Math.max(1, os.availableParallelism()));
}

const envObject = z.object({
  NODE_ENV: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["development", "production", "test"]).default("development"),
  ),
  DATABASE_URL: z.preprocess(
    (v) => (v === "" || v === undefined ? DEFAULT_DATABASE_URL : v),
    z.string().refine((url) => safeProvider(url) !== null, 'must start with "file:" or "postgres://"/"postgresql://"'),
  ),
  NEXTAUTH_SECRET: optionalString,
  NEXTAUTH_URL: optionalString.pipe(z.url().optional()),
  REALTIME_URL: optionalString.pipe(z.url().optional()),
  REALTIME_REDIS_KEY: z.preprocess((v) => (v === "" || v === undefined ? "socket.io" : v), z.string().min(1)),
  PORT: z.preprocess((v) => (v === "" || v === undefined ? "3000" : v), z.coerce.number().int().min(1).max(65535)),
  HOSTNAME: z.preprocess((v) => (v === "" || v === undefined ? "0.0.0.0" : v), z.string()),
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, 'must start with "redis://" or "rediss://"')
      .optional(),
  ),
  SANDBOX: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["bwrap", "unsafe-local"]).default("bwrap")),
  SANDBOX_POOL_SIZE: z.preprocess(
    (v) => (v === "" || v === undefined ? defaultPoolSize() : v),
    z.coerce.number().int().min(1).max(256),
  ),
  GITHUB_ID: optionalString,
  GITHUB_SECRET: optionalString,
  GOOGLE_CLIENT_ID: optionalString,
  GOOGLE_CLIENT_SECRET: optionalString,
  LOG_LEVEL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["debug", "info", "warn", "error"]).default("info"),
  ),
  SANDBOX_UID_BASE: z.preprocess(
    (v) => (v === "" || v === undefined ? 61000 : v),
    z.coerce.number().int().min(1000).max(4_000_000_000),
  ),
  GRADING_WORKER: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["on", "off"]).default("on")),
  GRADING_STALE_AFTER_MS: z.preprocess(
    (v) => (v === "" || v === undefined ? 120_000 : v),
    z.coerce.number().int().min(1_000),
  ),
  SUBMIT_RATE_LIMIT: z.preprocess((v) => (v === "" || v === undefined ? 10 : v), z.coerce.number().int().min(1)),
  RUN_RATE_LIMIT: z.preprocess((v) => (v === "" || v === undefined ? 30 : v), z.coerce.number().int().min(1)),
  SIGN_IN_RATE_LIMIT: z.preprocess((v) => (v === "" || v === undefined ? 10 : v), z.coerce.number().int().min(1)),
  SIGN_IN_RATE_WINDOW_MS: z.preprocess(
    (v) => (v === "" || v === undefined ? 15 * 60_000 : v),
    z.coerce.number().int().min(1_000),
  ),
  SIGN_IN_LOCKOUT_MS: z.preprocess((v) => (v === "" || v === undefined ? 30_000 : v), z.coerce.number().int().min(100)),
  SIGN_UP_RATE_LIMIT: z.preprocess((v) => (v === "" || v === undefined ? 60 : v), z.coerce.number().int().min(1)),
  SIGN_UP_RATE_WINDOW_MS: z.preprocess(
    (v) => (v === "" || v === undefined ? 60 * 60_000 : v),
    z.coerce.number().int().min(1_000),
  ),
  SESSION_MAX_AGE_SECONDS: z.preprocess(
    (v) => (v === "" || v === undefined ? 7 * 86_400 : v),
    z.coerce.number().int().min(60, "must be at least 60 (seconds)"),
  ),
  SESSION_ABSOLUTE_MAX_AGE_SECONDS: z.preprocess(
    (v) => (v === "" || v === undefined ? 30 * 86_400 : v),
    z.coerce.number().int().min(60, "must be at least 60 (seconds)"),
  ),
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  TRUST_PROXY: z.preprocess((v) => (v === "" || v === undefined ? 0 : v), z.coerce.number().int().min(0).max(10)),
});

/** Every variable name getEnv() reads (the README table must document each one; a test checks). */
export const READ_ENV_VARS: readonly string[] = Object.keys(envObject.shape);

const envSchema = envObject
  .superRefine((env, ctx) => {
    if (env.NEXTAUTH_SECRET === undefined && env.NODE_ENV === "production") {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "is required when NODE_ENV=production (npm run setup writes one to .env)",
      });
    }
    if (env.REALTIME_URL !== undefined && env.REDIS_URL === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["REALTIME_URL"],
        message: "needs REDIS_URL (fan-out nodes hear events through Redis)",
      });
    }
    if (env.SESSION_ABSOLUTE_MAX_AGE_SECONDS < env.SESSION_MAX_AGE_SECONDS) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_ABSOLUTE_MAX_AGE_SECONDS"],
        message: "must not be shorter than SESSION_MAX_AGE_SECONDS (the idle expiry)",
      });
    }
    if (env.NEXTAUTH_SECRET !== undefined && env.NEXTAUTH_SECRET.length < 16) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "must be at least 16 characters" });
    }
    for (const [id, secret] of [
      ["GITHUB_ID", "GITHUB_SECRET"],
      ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"],
    ] as const) {
      if ((env[id] === undefined) !== (env[secret] === undefined)) {
        ctx.addIssue({
          code: "custom",
          path: [env[id] === undefined ? id : secret],
          message: `must be set together with ${env[id] === undefined ? secret : id}`,
        });
      }
    }
  })
  .transform((env) => ({
    ...env,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? DEV_NEXTAUTH_SECRET,
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    databaseProvider: providerOf(env.DATABASE_URL),
    githubAuth:
      env.GITHUB_ID && env.GITHUB_SECRET ? { clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET } : null,
    googleAuth:
      env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
        ? { clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }
        : null,
  }));

export type Env = z.output<typeof envSchema>;

function safeProvider(url: string): string | null {
  try {
    return providerOf(url);
  } catch {
    return null;
  }
}

/** Pure: parse a given environment (tests pass their own object). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${String(issue.path[0] ?? "environment")}: ${issue.message}`);
  throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
}

let cached: Env | null = null;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests and scripts that change process.env after first use call this to re-read it. */
export function resetEnvCache(): void {
  cached = null;
}
