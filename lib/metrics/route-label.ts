/**
 * A low-cardinality route label for HTTP metrics: ids become `:id`, static assets one bucket, so
 * a class of 40 students does not create 40 time series per page.
 */
export function routeLabel(pathname: string): string {
  if (pathname.startsWith("/_next/")) return "/_next/*";
  if (pathname.startsWith("/socket.io")) return "/socket.io";
  const segments = pathname.split("/").slice(1, 8);
  const normalised = segments.map((segment, index) =>
    looksLikeId(segment) || (index > 0 && segments[index - 1] === "join") ? ":id" : segment,
  );
  return `/${normalised.join("/")}`.replace(/\/$/, "") || "/";
}

function looksLikeId(segment: string): boolean {
  // cuid (c + 24 chars), numbers, uuids and other long opaque tokens.
  return (
    /^\d+$/.test(segment) ||
    /^c[a-z0-9]{20,}$/.test(segment) ||
    /^[0-9a-f-]{32,36}$/i.test(segment) ||
    segment.length > 40
  );
}
