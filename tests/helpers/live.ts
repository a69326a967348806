/**
 * Helpers for the live-class tests: a signed-in socket.io client on the real server, waiting for
 * a typed event, and a class with a published predict-the-output exercise (graded without the
 * sandbox, so verdicts are cheap).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import type { AckResponse, ClientToServerEvents, RoomJoined, ServerToClientEvents } from "@/lib/realtime/events";
import { REPO_ROOT } from "@/scripts/production-build";
import { HttpSession, uniqueEmail } from "@/tests/helpers/http-session";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const PREDICT = "13-predict-sequential-await";
const answer = JSON.parse(
  readFileSync(path.join(REPO_ROOT, "content", "exercises", PREDICT, "answer.json"), "utf8"),
) as { lines: string[] };
export const RIGHT = answer.lines.join("\n");
export const WRONG = [...answer.lines.slice(0, 2), "main结束", ...answer.lines.slice(3)].join("\n");

export function liveSocket(url: string, session: HttpSession, options: { reconnection?: boolean } = {}): ClientSocket {
  return connect(url, {
    transports: ["websocket"],
    reconnection: options.reconnection ?? false,
    forceNew: true,
    extraHeaders: { cookie: session.cookieHeader() },
  });
}

export function connected(socket: ClientSocket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

export function joinRoom(socket: ClientSocket, classId: string): Promise<AckResponse<RoomJoined>> {
  return new Promise((resolve) => socket.emit("class:join-room", { classId }, resolve));
}

/** Resolves with the first `event` whose payload satisfies `match` (rejects after `ms`). */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  match: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  ms = 30_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const on = socket.on as (
      event: string,
      listener: (payload: Parameters<ServerToClientEvents[E]>[0]) => void,
    ) => void;
    const off = socket.off as (
      event: string,
      listener: (payload: Parameters<ServerToClientEvents[E]>[0]) => void,
    ) => void;
    const timer = setTimeout(() => {
      off.call(socket, event, listener);
      reject(new Error(`no ${String(event)} within ${ms} ms`));
    }, ms);
    function listener(payload: Parameters<ServerToClientEvents[E]>[0]) {
      if (!match(payload)) return;
      clearTimeout(timer);
      off.call(socket, event, listener);
      resolve(payload);
    }
    on.call(socket, event, listener);
  });
}

/** A new signed-in account (password "password 123", a unique email made from its name) and its id. */
export async function newUserWithId(
  url: string,
  role: "instructor" | "student",
  name: string,
): Promise<{ session: HttpSession; id: string }> {
  const session = new HttpSession(url);
  const id = await session.signUpAndSignIn({
    email: uniqueEmail(name.toLowerCase().replace(/[^a-z0-9]+/g, "-")),
    password: "password 123",
    name,
    role,
  });
  return { session, id };
}

export async function newUser(url: string, role: "instructor" | "student", name: string): Promise<HttpSession> {
  return (await newUserWithId(url, role, name)).session;
}

/** A class owned by `teacher` with the predict-the-output exercise published; returns ids. */
export async function classWithExercise(
  teacher: HttpSession,
  name: string,
): Promise<{ classId: string; joinCode: string; exerciseId: string; points: number }> {
  const created = await teacher.json<{ class: { id: string; joinCode: string } }>("POST", "/api/classes", { name });
  const classId = created.body.class.id;
  const imported = await teacher.json<{ created: number }>("POST", `/api/classes/${classId}/exercises/import`, {
    slugs: [PREDICT],
    publish: true,
  });
  if (imported.status !== 200) throw new Error(`import failed: ${JSON.stringify(imported.body)}`);
  const list = await teacher.json<{ exercises: { id: string; points: number }[] }>(
    "GET",
    `/api/classes/${classId}/exercises`,
  );
  return {
    classId,
    joinCode: created.body.class.joinCode,
    exerciseId: list.body.exercises[0].id,
    points: list.body.exercises[0].points,
  };
}

export async function waitForGraded(
  session: HttpSession,
  submissionId: string,
): Promise<{
  status: string;
  firstDivergence: unknown;
  verdict: unknown;
  withheldUntilRoundEnds?: boolean;
  trace?: { events: { stream: string; text: string }[] } | null;
}> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await session.json<Awaited<ReturnType<typeof waitForGraded>>>(
      "GET",
      `/api/submissions/${submissionId}`,
    );
    if (!["queued", "running", "infra_error"].includes(response.body.status)) return response.body;
    if (Date.now() > deadline) throw new Error(`submission ${submissionId} still ${response.body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
