"use client";

import { useEffect } from "react";

const KEY = "interleave.sessionRefreshedAt";
const EVERY_MS = 60 * 60 * 1000;

/**
 * Keeps an active user's session alive: the session cookie expires SESSION_MAX_AGE_SECONDS after
 * it was last issued, and server-rendered pages cannot re-issue it. Visiting a page asks
 * next-auth's session endpoint, at most once an hour, which sends the cookie again with a new
 * idle expiry (the absolute expiry, counted from sign-in, is not moved).
 */
export function SessionRefresh() {
  useEffect(() => {
    const last = Number(window.localStorage.getItem(KEY) ?? "0");
    if (Date.now() - last < EVERY_MS) return;
    window.localStorage.setItem(KEY, String(Date.now()));
    void fetch("/api/auth/session", { credentials: "same-origin" }).catch(() => undefined);
  }, []);
  return null;
}
