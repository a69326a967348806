import { randomBytes } from "node:crypto";

export interface SecurityHeaderOptions {
  /** Per-request nonce Next puts on its inline and bootstrap scripts. */
  nonce: string;
  /** Development: React's dev build needs eval for stack traces; production never gets it. */
  dev: boolean;
  /** Served over TLS (NEXTAUTH_URL is https): send HSTS. */
  https: boolean;
}

export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of every page. Scripts: only this origin's files that Next's nonce'd
 * bootstrap loads ('strict-dynamic'), never eval, never an injected inline script. Styles allow
 * inline because CodeMirror and React style attributes write them (no script runs from CSS).
 */
export function contentSecurityPolicy(options: Pick<SecurityHeaderOptions, "nonce" | "dev">): string {
  const scripts = ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // socket.io: same origin, over ws(s).
    "connect-src 'self' ws: wss:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Every response's security headers (the CSP included). */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // frame-ancestors for browsers that predate it.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
  if (options.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
