import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getMetrics } from "@/lib/metrics/metrics";
import { routeLabel } from "@/lib/metrics/route-label";
import { getLogger, runWithRequestId } from "@/lib/observability/logger";
import { stampClientAddress } from "@/lib/rate-limit/client-address";
import { createNonce, securityHeaders } from "./security-headers";
import { serveMetrics } from "./serve-metrics";

export interface RequestHandlerOptions {
  /** Next's request handler. */
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<unknown>;
  trustProxy: number;
  dev: boolean;
  https: boolean;
  metricsToken?: string;
}

/**
 * Everything every HTTP request gets before Next sees it: a request id (kept from a proxy's
 * `X-Request-Id` when it looks sane), the client address stamp, security headers with a fresh CSP
 * nonce (handed to Next through the request's CSP header, which is where Next looks for it), an
 * access-log line and a duration sample; `/metrics` is answered here.
 */
export function createRequestHandler(
  options: RequestHandlerOptions,
): (request: IncomingMessage, response: ServerResponse) => void {
  const { httpDuration } = getMetrics();
  return (request, response) => {
    const requestId = requestIdFrom(request.headers["x-request-id"]);
    request.headers["x-request-id"] = requestId;
    response.setHeader("X-Request-Id", requestId);
    stampClientAddress(request, options.trustProxy);
    const headers = securityHeaders({ nonce: createNonce(), dev: options.dev, https: options.https });
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    request.headers["content-security-policy"] = headers["Content-Security-Policy"];

    const started = process.hrtime.bigint();
    response.once("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = (request.url ?? "/").split("?")[0];
      httpDuration.observe(
        { method: request.method ?? "GET", route: routeLabel(path), status: String(response.statusCode) },
        seconds,
      );
      const line = { method: request.method, path, status: response.statusCode, ms: Math.round(seconds * 1000) };
      // Assets are noise at info level; pages and API calls are the access log.
      if (path.startsWith("/_next/")) getLogger("http").debug(line, "request");
      else getLogger("http").info(line, "request");
    });
    runWithRequestId(requestId, () => {
      if (serveMetrics(request, response, options.metricsToken)) return;
      void options.handle(request, response);
    });
  };
}

function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && /^[\w.:-]{8,128}$/.test(given) ? given : randomUUID();
}
