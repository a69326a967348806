import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getMetrics } from "@/lib/metrics/metrics";

/**
 * `GET /metrics` for Prometheus: only with `Authorization: Bearer <METRICS_TOKEN>`. Without a
 * configured token, or with a wrong one, it does not exist (404, like any unknown path), so a
 * scanner learns nothing. Answers true when it handled the request.
 */
export function serveMetrics(request: IncomingMessage, response: ServerResponse, token: string | undefined): boolean {
  const pathname = (request.url ?? "/").split("?")[0];
  if (pathname !== "/metrics") return false;
  if (!token || !bearerMatches(request.headers.authorization, token)) {
    response
      .writeHead(404, { "content-type": "application/json" })
      .end(JSON.stringify({ error: { code: "NOT_FOUND", message: "Not found" } }));
    return true;
  }
  const { registry } = getMetrics();
  registry
    .metrics()
    .then((text) =>
      response.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" }).end(text),
    )
    .catch(() => response.writeHead(500, { "content-type": "text/plain" }).end("metrics collection failed\n"));
  return true;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
