/**
 * `npm run dev`: the custom server in development mode. Next reloads pages and route handlers by
 * itself; `tsx watch` restarts the server when server.ts or the lib/ code it imports (sockets)
 * changes. Signals are forwarded so Ctrl-C stops everything.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

if (existsSync(".env")) process.loadEnvFile?.(".env"); // Node >= 20.12; older Node relies on --env-file

const child = spawn(
  "npx",
  ["tsx", "watch", "--clear-screen=false", "--exclude", "./app/**", "--exclude", "./.next/**", "server.ts"],
  {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "development" },
  },
);

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
