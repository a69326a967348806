import { headers } from "next/headers";

/** The origin the browser used (join links must work on the classroom network, not only localhost). */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host) return process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (process.env.NEXTAUTH_URL?.startsWith("https:") ? "https" : "http");
  return `${proto}://${host}`;
}
