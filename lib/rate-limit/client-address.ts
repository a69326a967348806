import type { IncomingMessage } from "node:http";

/**
 * The client's address, as far as this server can tell, for per-IP limits (sign-up).
 *
 * Neither next-auth's `authorize(credentials, req)` (it gets plain headers) nor a route handler
 * (a Fetch Request) can see the socket, so server.ts stamps the address into this header on every
 * request before Next sees it, overwriting whatever a client sent under the same name.
 */
export const CLIENT_ADDRESS_HEADER = "x-interleave-client-address";

/** What a request without a stamp falls back to (a route reached without server.ts, e.g. in tests). */
export const UNKNOWN_CLIENT_ADDRESS = "unknown";

export interface ClientAddressInput {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  /**
   * How many reverse proxies in front of us append to `X-Forwarded-For` (TRUST_PROXY). 0: the
   * header is client-controlled and ignored. N: each proxy appends the address it was connected
   * from, so the client is the N-th entry from the right; entries further left are whatever the
   * client chose to send and must not be trusted.
   */
  trustedProxies: number;
}

export function clientAddressOf(input: ClientAddressInput): string {
  if (input.trustedProxies > 0) {
    const entries = forwardedEntries(input.forwardedFor);
    if (entries.length > 0) return normalise(entries[Math.max(0, entries.length - input.trustedProxies)]);
  }
  return input.socketAddress ? normalise(input.socketAddress) : UNKNOWN_CLIENT_ADDRESS;
}

/** Called by server.ts on every request, before Next handles it. */
export function stampClientAddress(request: IncomingMessage, trustedProxies: number): void {
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    trustedProxies,
  });
}

/** Reads the stamp from a Fetch `Headers` (route handlers) or a plain header object (next-auth). */
export function readClientAddress(headers: Headers | Record<string, unknown> | undefined): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers?.[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value !== "" ? value : UNKNOWN_CLIENT_ADDRESS;
}

function forwardedEntries(header: string | string[] | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(",") : (header ?? "");
  return joined
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/** `::ffff:10.0.0.7` (IPv4 on a dual-stack socket) and `10.0.0.7` are one client. */
function normalise(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}
