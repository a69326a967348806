// Creates .env on first setup with a generated NEXTAUTH_SECRET (the socket server must decode the
// same session cookie as the pages, so the secret cannot be left to next-auth's per-process default).
// Existing values are never overwritten.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const path = ".env";
const current = existsSync(path) ? readFileSync(path, "utf8") : "";
const has = (name) => new RegExp(`^${name}=`, "m").test(current) || process.env[name];
const port = process.env.PORT ?? "3000";
const additions = [];
if (!has("NEXTAUTH_SECRET")) additions.push(`NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}`);
if (!has("NEXTAUTH_URL")) additions.push(`NEXTAUTH_URL=http://localhost:${port}`);
if (!has("DATABASE_URL")) additions.push("DATABASE_URL=file:./data/interleave.db");

if (additions.length === 0) {
  console.log(".env already has NEXTAUTH_SECRET, NEXTAUTH_URL and DATABASE_URL");
} else {
  const prefix = current && !current.endsWith("\n") ? "\n" : "";
  writeFileSync(path, current + prefix + additions.join("\n") + "\n", { mode: 0o600 });
  console.log(`.env: added ${additions.map((l) => l.split("=")[0]).join(", ")}`);
}
