/**
 * The authorization matrix: every route handler, server action and socket event (tests/integration/
 * authz-table.ts) × every role (anonymous, student of the class, student of another class, owning
 * instructor, other instructor, admin), each called for real against the production server with a
 * seeded world. The table must list exactly what exists, so a new route, action or event cannot be
 * forgotten.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseUrl } from "@/lib/db/get-db";
import { ROLES, buildWorld, type World } from "@/tests/helpers/authz-world";
import { Callers, builtActions } from "@/tests/helpers/authz-callers";
import { startTestServer, type TestServer } from "@/tests/helpers/server";
import { ACTIONS, ROUTES, SOCKET_EVENTS } from "./authz-table";

const ROOT = path.resolve(__dirname, "..", "..");
const API_DIR = path.join(ROOT, "app", "api");

function walk(dir: string, visit: (file: string) => void): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else visit(full);
  }
}

/** Every (method, route) the route files export, read from the source. */
function exportedRoutes(): string[] {
  const found: string[] = [];
  walk(API_DIR, (file) => {
    if (path.basename(file) !== "route.ts" || file.includes(`${path.sep}_lib${path.sep}`)) return;
    const source = fs.readFileSync(file, "utf8");
    const route = path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/");
    const methods = new Set<string>();
    for (const match of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g))
      methods.add(match[1]);
    for (const method of methods) found.push(`${method} ${route}`);
  });
  return found.sort();
}

/** Every exported function of every "use server" file in app/ and lib/. */
function serverActions(): string[] {
  const found: string[] = [];
  for (const top of ["app", "lib"])
    walk(path.join(ROOT, top), (file) => {
      if (!/\.tsx?$/.test(file)) return;
      const source = fs.readFileSync(file, "utf8");
      if (!/^\s*["']use server["']/m.test(source)) return;
      const name = path.relative(ROOT, file).split(path.sep).join("/");
      for (const match of source.matchAll(/export (?:async function|const) (\w+)/g)) found.push(`${name}#${match[1]}`);
    });
  return found.sort();
}

/** The client→server events of lib/realtime/events.ts. */
function clientEvents(): string[] {
  const source = fs.readFileSync(path.join(ROOT, "lib", "realtime", "events.ts"), "utf8");
  const block = /interface ClientToServerEvents \{([^}]*)\}/.exec(source)?.[1] ?? "";
  return [...block.matchAll(/"([^"]+)":/g)].map((match) => match[1]).sort();
}

describe("the authorization table", () => {
  it("lists every route handler and method that exists, and nothing else", () => {
    const keys = ROUTES.map((row) => `${row.method} ${row.route} ${row.label ?? ""}`);
    expect(new Set(keys).size, "a row is listed twice").toBe(keys.length);
    expect([...new Set(ROUTES.map((row) => `${row.method} ${row.route}`))].sort()).toEqual(exportedRoutes());
  });

  it("lists every server action and every client→server socket event", () => {
    expect(ACTIONS.map((row) => `${row.file}#${row.exportedName}`).sort()).toEqual(serverActions());
    expect([...new Set(SOCKET_EVENTS.map((row) => row.event))].sort()).toEqual(clientEvents());
  });
});

describe("every row × every role, against the running server", () => {
  let server: TestServer;
  let world: World;
  let callers: Callers;

  beforeAll(async () => {
    server = await startTestServer({ env: { SIGN_UP_RATE_LIMIT: "1000", SUBMIT_RATE_LIMIT: "1000" } });
    await useDatabaseUrl(server.databaseUrl);
    world = await buildWorld(server.url);
    callers = await Callers.signIn(world);
  }, 180_000);
  afterAll(async () => {
    await useDatabaseUrl(null);
    await server?.stop();
  });

  it("route handlers answer each role as the table says", async () => {
    const wrong: string[] = [];
    // Rows that end the caller's sessions go last.
    const rows = [...ROUTES].sort((a, b) => Number(a.endsSession ?? false) - Number(b.endsSession ?? false));
    for (const row of rows) {
      for (const role of ROLES) {
        const fresh = row.fresh ? await row.fresh(world, callers.session("owner")) : "";
        const { status, json } = await callers.route(role, row.method, row.path(world, fresh), row.body?.(world));
        if (status >= 400 && !json) wrong.push(`${row.method} ${row.route} as ${role}: ${status} is not a JSON error`);
        if (status !== row.expect[role])
          wrong.push(
            `${row.method} ${row.route}${row.label ? ` (${row.label})` : ""} as ${role}: ${status}, expected ${row.expect[role]}`,
          );
        if (row.endsSession) await callers.renew(role);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it("server actions answer each role as the table says", async () => {
    expect(builtActions()).toEqual(ACTIONS.map((row) => `${row.file}#${row.exportedName}`).sort());
    const wrong: string[] = [];
    for (const row of ACTIONS) {
      for (const role of ROLES) {
        const fresh = row.fresh ? await row.fresh(world, callers.session("owner")) : "";
        const status = await callers.action(role, row, row.page(world), row.args(world, fresh));
        if (status !== row.expect[role])
          wrong.push(`${row.exportedName} as ${role}: ${status}, expected ${row.expect[role]}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("socket events answer each role as the table says", async () => {
    const wrong: string[] = [];
    for (const row of SOCKET_EVENTS) {
      for (const role of ROLES) {
        const { status, data } = await callers.socketEvent(role, row.event, row.payload(world));
        const name = `${row.event}${row.label ? ` (${row.label})` : ""} as ${role}`;
        if (status !== row.expect[role]) wrong.push(`${name}: ${status}, expected ${row.expect[role]}`);
        const staff = row.staff?.[role];
        if (staff !== undefined && (data as { staff?: boolean } | undefined)?.staff !== staff)
          wrong.push(`${name}: staff ${String((data as { staff?: boolean } | undefined)?.staff)}, expected ${staff}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
