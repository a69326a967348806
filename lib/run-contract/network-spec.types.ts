import { z } from "zod";

/**
 * An exercise's virtual network (`network.json` beside `exercise.json`, issue 15; documented in
 * docs/exercises.md). The sandbox serves these hosts over virtual sockets in virtual time
 * (lib/sandbox/python/interleave/vnet.py, vhttp.py); without a spec no host name resolves.
 * Strict everywhere: an unknown key is an author's typo and is reported, never ignored.
 */

/** Virtual seconds from a request being sent to its whole response arriving. */
const latencySchema = z
  .number({ error: "must be a number of seconds" })
  .finite()
  .min(0, { error: "must be 0 or more seconds" })
  .max(3600, { error: "must be at most 3600 seconds" });

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const ROUTE_KEY = new RegExp(`^(${HTTP_METHODS.join("|")}) /[^\\s?#]*$`);
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** The spec travels in the zygote's 64 KiB control message. */
export const MAX_NETWORK_JSON_CHARS = 32 * 1024;

export const networkRouteSchema = z
  .strictObject({
    status: z.number().int().min(100).max(599).optional(),
    body: z.string().optional(),
    /** Sent as application/json, serialised as Python's json.dumps does by default. */
    json: z.json().optional(),
    /** Send back the request's body with the request's content type. */
    echo: z.boolean().optional(),
    headers: z
      .record(z.string().regex(HEADER_NAME, { error: "is not a valid header name" }), z.string().max(1000))
      .optional(),
    latency: latencySchema.optional(),
    /** Reset the TCP connection when the latency ends. */
    fail: z.literal("reset").optional(),
  })
  .refine((route) => [route.body, route.json, route.echo].filter((v) => v !== undefined).length <= 1, {
    error: "has more than one of body, json and echo",
  });

export const networkHostSchema = z.strictObject({
  latency: latencySchema.optional(),
  /** Requests handled at once; the rest wait in arrival order. */
  concurrency: z.number().int().min(1).max(1000).optional(),
  routes: z
    .record(z.string(), networkRouteSchema)
    .superRefine((routes, ctx) =>
      checkKeys(routes, ctx, (key) =>
        ROUTE_KEY.test(key)
          ? null
          : `must be "METHOD /path" (METHOD one of ${HTTP_METHODS.join(", ")}, no query string)`,
      ),
    ),
});

/** Record keys checked here, not by a key schema: zod would report only "Invalid key in record". */
function checkKeys(record: object, ctx: z.RefinementCtx, problem: (key: string) => string | null): void {
  for (const key of Object.keys(record)) {
    const message = problem(key);
    if (message) ctx.addIssue({ code: "custom", message: `"${key}" ${message}`, path: [key] });
  }
}

function hostNameProblem(name: string): string | null {
  if (name === "localhost" || name.endsWith(".localhost")) return "is the program's own loopback";
  return HOST_NAME.test(name) ? null : "must be a lowercase host name such as a.example";
}

export const networkSpecSchema = z
  .strictObject({
    hosts: z.record(z.string(), networkHostSchema).superRefine((hosts, ctx) => checkKeys(hosts, ctx, hostNameProblem)),
    /** Latency of connections to servers inside the program (127.0.0.1, localhost). Default 0. */
    loopbackLatency: latencySchema.optional(),
  })
  .refine((spec) => JSON.stringify(spec).length <= MAX_NETWORK_JSON_CHARS, {
    error: `is larger than ${MAX_NETWORK_JSON_CHARS} characters of JSON`,
  });
export type NetworkSpec = z.infer<typeof networkSpecSchema>;

/** A stored spec (a database column) or null when there is none or it no longer validates. */
export function storedNetworkSpec(value: unknown): NetworkSpec | null {
  if (value === null || value === undefined) return null;
  const parsed = networkSpecSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Readable problems of an invalid spec, one per line ("hosts.a.example.latency: must be ..."). */
export function describeNetworkSpecIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.map(String).join(".");
    const message =
      issue.code === "unrecognized_keys"
        ? `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`
        : issue.message;
    return where ? `${where}: ${message}` : message;
  });
}
