/**
 * The handshake's origin check (cross-site WebSocket hijacking: a page on another site could
 * otherwise open a socket with the student's cookie). Browsers send `Origin` on every WebSocket
 * and cross-origin request; it must name this app — the configured public URL, or the host the
 * request was addressed to (students on the classroom LAN use the teacher's IP). A request
 * without `Origin` is not from another site's page (same-origin polling GETs, Node clients); it
 * still needs the session cookie.
 */
export function isAllowedOrigin(options: {
  origin: string | undefined;
  host: string | undefined;
  allowedOrigins: readonly string[];
}): boolean {
  const { origin, host } = options;
  if (origin === undefined || origin === "") return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  if (options.allowedOrigins.some((allowed) => sameOrigin(allowed, parsed))) return true;
  return host !== undefined && parsed.host.toLowerCase() === host.toLowerCase();
}

function sameOrigin(allowed: string, origin: URL): boolean {
  try {
    return new URL(allowed).origin === origin.origin;
  } catch {
    return false;
  }
}
