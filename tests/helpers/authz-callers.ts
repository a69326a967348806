/**
 * One signed-in caller per role of the authorization matrix, over real HTTP and real socket.io
 * clients: route calls, server-action calls (the same POST a browser's form makes, with the
 * action id from the production build's manifest) and socket events. Every answer is reduced to
 * an HTTP-like status so one table format serves all three.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { APP_ERROR_STATUS, type AppErrorCode } from "@/lib/errors/app-error";
import { REPO_ROOT } from "@/scripts/production-build";
import { HttpSession } from "@/tests/helpers/http-session";
import { liveSocket, type ClientSocket } from "@/tests/helpers/live";
import { PASSWORD, ROLES, type Role, type World } from "@/tests/helpers/authz-world";

export type Expect = Record<Role, number>;

export class Callers {
  private readonly sessions = new Map<Role, HttpSession>();

  constructor(private readonly world: World) {}

  static async signIn(world: World): Promise<Callers> {
    const callers = new Callers(world);
    for (const role of ROLES) await callers.renew(role);
    return callers;
  }

  session(role: Role): HttpSession {
    const session = this.sessions.get(role);
    if (!session) throw new Error(`no session for ${role}`);
    return session;
  }

  /** A new browser for `role` (after a row ended the role's sessions). */
  async renew(role: Role): Promise<void> {
    const session = new HttpSession(this.world.url);
    if (role !== "anon" && !(await session.signIn(this.world.users[role].email, PASSWORD)))
      throw new Error(`${role} could not sign in`);
    this.sessions.set(role, session);
  }

  /** The status, and for an error whether it came as the API's JSON `{ error: { code } }`. */
  async route(
    role: Role,
    method: string,
    pathname: string,
    body?: unknown,
  ): Promise<{ status: number; json: boolean }> {
    const init: RequestInit = { method };
    if (method !== "GET" && method !== "DELETE")
      Object.assign(init, { headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) });
    const response = await this.session(role).fetch(pathname, init);
    const text = await response.text();
    let json = false;
    try {
      json = typeof (JSON.parse(text) as { error?: { code?: unknown } }).error?.code === "string";
    } catch {
      // not JSON
    }
    return { status: response.status, json };
  }

  /** Calls a server action as the browser does: POST to a page with the action's id. */
  async action(role: Role, ref: ActionRef, pagePath: string, args: unknown[]): Promise<number> {
    const response = await this.session(role).fetch(pagePath, {
      method: "POST",
      headers: {
        "next-action": actionId(ref),
        accept: "text/x-component",
        "content-type": "text/plain;charset=UTF-8",
        origin: this.world.url,
      },
      body: JSON.stringify(args),
    });
    const text = await response.text();
    if (response.status !== 200) return response.status;
    return statusOfActionResult(text);
  }

  /** Connects as `role` and emits `event` once: 401 when the handshake is refused, else the ack's status. */
  async socketEvent(role: Role, event: string, payload: unknown): Promise<{ status: number; data?: unknown }> {
    const socket = liveSocket(this.world.url, this.session(role));
    try {
      const refused = await new Promise<string | null>((resolve) => {
        socket.once("connect", () => resolve(null));
        socket.once("connect_error", (error) => resolve(error.message));
      });
      if (refused) return { status: refused === "UNAUTHENTICATED" ? 401 : 500 };
      const ack = await emitWithAck(socket, event, payload);
      return ack.ok ? { status: 200, data: ack.data } : { status: APP_ERROR_STATUS[ack.error.code] };
    } finally {
      socket.close();
    }
  }
}

type Ack = { ok: true; data: unknown } | { ok: false; error: { code: AppErrorCode } };

function emitWithAck(socket: ClientSocket, event: string, payload: unknown): Promise<Ack> {
  const emit = socket.timeout(10_000).emit as (
    event: string,
    payload: unknown,
    ack: (e: Error, a: Ack) => void,
  ) => void;
  return new Promise((resolve, reject) =>
    emit.call(socket, event, payload, (error: Error | null, ack: Ack) => (error ? reject(error) : resolve(ack))),
  );
}

/** An action's result in the flight response: an ActionResult (`ok`/`error.code`) or `{ ok }`. */
function statusOfActionResult(flight: string): number {
  const code = /"error":\{"code":"([A-Z_]+)"/.exec(flight)?.[1];
  if (code) return APP_ERROR_STATUS[code as AppErrorCode] ?? 500;
  if (/"ok":true/.test(flight)) return 200;
  if (/"ok":false/.test(flight)) return 400;
  throw new Error(`no action result in: ${flight.slice(0, 300)}`);
}

export interface ActionRef {
  /** The file under app/, e.g. "app/classes/[id]/actions.ts". */
  file: string;
  exportedName: string;
}

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
}

function manifest(): Record<string, ManifestEntry> {
  const file = path.join(REPO_ROOT, ".next", "server", "server-reference-manifest.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> }).node;
}

/** Every server action the build knows, as "file#export". */
export function builtActions(): string[] {
  return Object.values(manifest())
    .map((entry) => `${entry.filename}#${entry.exportedName}`)
    .sort();
}

function actionId(ref: ActionRef): string {
  const found = Object.entries(manifest()).find(
    ([, entry]) => entry.filename === ref.file && entry.exportedName === ref.exportedName,
  );
  if (!found) throw new Error(`the build has no action ${ref.file}#${ref.exportedName}`);
  return found[0];
}
