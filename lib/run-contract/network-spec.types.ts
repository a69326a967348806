import { z } from "zod";

/**
 * An exercise's virtual network (`network.json` beside `exercise.json`, issue 15; documented in
 * docs/exercises.md). The sandbox serves these hosts over virtual sockets in virtual time
 * (lib/sandbox/python/interleave/vnet.py, vhttp.py); without a spec no host name resolves.
 * Strict everywhere: an unknown key is an author's typo and is reported, never ignored.
 */

/** Virtual seconds from a request being sent to its whole response arriving. */
const latencySchema = z
  .number({ error: "secondsNotNumber" })
  .finite({ error: "secondsNotNumber" })
  .min(0, { error: "secondsMin" })
  .max(3600, { error: "secondsMax" });

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const ROUTE_KEY = new RegExp(`^(${HTTP_METHODS.join("|")}) /[^\\s?#]*$`);
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** The spec travels in the zygote's 64 KiB control message. */
export const MAX_NETWORK_JSON_CHARS = 32 * 1024;

export const networkRouteSchema = z
  .strictObject({
    status: z
      .number({ error: "status" })
      .int({ error: "status" })
      .min(100, { error: "status" })
      .max(599, { error: "status" })
      .optional(),
    body: z.string({ error: "notString" }).optional(),
    /** Sent as application/json, serialised as Python's json.dumps does by default. */
    json: z.json().optional(),
    /** Send back the request's body with the request's content type. */
    echo: z.boolean({ error: "notBoolean" }).optional(),
    headers: z
      .record(
        z.string().regex(HEADER_NAME, { error: "headerName" }),
        z.string({ error: "notString" }).max(1000, { error: "headerTooLong" }),
      )
      .optional(),
    latency: latencySchema.optional(),
    /** Reset the TCP connection when the latency ends. */
    fail: z.literal("reset", { error: "failReset" }).optional(),
  })
  .refine((route) => [route.body, route.json, route.echo].filter((v) => v !== undefined).length <= 1, {
    error: "oneBody",
  });

export const networkHostSchema = z.strictObject({
  latency: latencySchema.optional(),
  /** Requests handled at once; the rest wait in arrival order. */
  concurrency: z
    .number({ error: "concurrency" })
    .int({ error: "concurrency" })
    .min(1, { error: "concurrency" })
    .max(1000, { error: "concurrency" })
    .optional(),
  routes: z
    .record(z.string(), networkRouteSchema)
    .superRefine((routes, ctx) => checkKeys(routes, ctx, (key) => (ROUTE_KEY.test(key) ? null : "routeKey"))),
});

/** Record keys checked here, not by a key schema: zod would report only "Invalid key in record". */
function checkKeys(record: object, ctx: z.RefinementCtx, problem: (key: string) => NetworkProblemCode | null): void {
  for (const key of Object.keys(record)) {
    const code = problem(key);
    if (code) ctx.addIssue({ code: "custom", message: code, path: [key], params: { key } });
  }
}

function hostNameProblem(name: string): NetworkProblemCode | null {
  if (name === "localhost" || name.endsWith(".localhost")) return "hostLoopback";
  return HOST_NAME.test(name) ? null : "hostName";
}

export const networkSpecSchema = z
  .strictObject({
    hosts: z.record(z.string(), networkHostSchema).superRefine((hosts, ctx) => checkKeys(hosts, ctx, hostNameProblem)),
    /** Latency of connections to servers inside the program (127.0.0.1, localhost). Default 0. */
    loopbackLatency: latencySchema.optional(),
  })
  .refine((spec) => JSON.stringify(spec).length <= MAX_NETWORK_JSON_CHARS, { error: "tooLarge" });
export type NetworkSpec = z.infer<typeof networkSpecSchema>;

/** A stored spec (a database column) or null when there is none or it no longer validates. */
export function storedNetworkSpec(value: unknown): NetworkSpec | null {
  if (value === null || value === undefined) return null;
  const parsed = networkSpecSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Every problem the schema reports, by code: the schema's messages are these codes, so the server
 * words them in English (below) and the editor in the reader's language (messages/*.json,
 * `exerciseEditor.networkProblem.*`), from the same check.
 */
export const NETWORK_PROBLEM_CODES = [
  "secondsNotNumber",
  "secondsMin",
  "secondsMax",
  "status",
  "concurrency",
  "notString",
  "notBoolean",
  "headerName",
  "headerTooLong",
  "failReset",
  "oneBody",
  "routeKey",
  "hostLoopback",
  "hostName",
  "tooLarge",
  "unknownKeys",
  "invalid",
] as const;
export type NetworkProblemCode = (typeof NETWORK_PROBLEM_CODES)[number];

/** One problem: where it is ("hosts.a.example.latency", "" for the top), what, and its values. */
export type NetworkProblem = {
  where: string;
  code: NetworkProblemCode;
  values: { key: string; keys: string; methods: string; max: number; message: string };
};

const ENGLISH: Record<NetworkProblemCode, (values: NetworkProblem["values"]) => string> = {
  secondsNotNumber: () => "must be a number of seconds",
  secondsMin: () => "must be 0 or more seconds",
  secondsMax: () => "must be at most 3600 seconds",
  status: () => "must be a whole number from 100 to 599",
  concurrency: () => "must be a whole number from 1 to 1000",
  notString: () => "must be a string",
  notBoolean: () => "must be true or false",
  headerName: () => "is not a valid header name",
  headerTooLong: () => "must be at most 1000 characters",
  failReset: () => 'must be "reset"',
  oneBody: () => "has more than one of body, json and echo",
  routeKey: (v) => `"${v.key}" must be "METHOD /path" (METHOD one of ${v.methods}, no query string)`,
  hostLoopback: (v) => `"${v.key}" is the program's own loopback`,
  hostName: (v) => `"${v.key}" must be a lowercase host name such as a.example`,
  tooLarge: (v) => `is larger than ${v.max} characters of JSON`,
  unknownKeys: (v) => `unknown key(s) ${v.keys}`,
  invalid: (v) => v.message,
};

function isProblemCode(text: string): text is NetworkProblemCode {
  return (NETWORK_PROBLEM_CODES as readonly string[]).includes(text);
}

/** The problems of an invalid spec, as codes and values (the editor words them itself). */
export function networkSpecProblems(error: z.ZodError): NetworkProblem[] {
  return error.issues.map((issue) => {
    // A bad record key (a header name) is reported by zod as "Invalid key in record" around our code.
    const message = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    const values = {
      key: issue.code === "custom" && typeof issue.params?.key === "string" ? issue.params.key : "",
      keys: issue.code === "unrecognized_keys" ? issue.keys.map((k) => `"${k}"`).join(", ") : "",
      methods: HTTP_METHODS.join(", "),
      max: MAX_NETWORK_JSON_CHARS,
      message,
    };
    const code: NetworkProblemCode =
      issue.code === "unrecognized_keys" ? "unknownKeys" : isProblemCode(message) ? message : "invalid";
    return { where: issue.path.map(String).join("."), code, values };
  });
}

/** One problem in English: "hosts.a.example.latency: must be 0 or more seconds". */
export function describeNetworkProblem(problem: NetworkProblem): string {
  const message = ENGLISH[problem.code](problem.values);
  return problem.where ? `${problem.where}: ${message}` : message;
}

/** Readable problems of an invalid spec, one per line ("hosts.a.example.latency: must be ..."). */
export function describeNetworkSpecIssues(error: z.ZodError): string[] {
  return networkSpecProblems(error).map(describeNetworkProblem);
}
