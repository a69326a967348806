import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import type {
  AckResponse,
  ClientToServerEvents,
  RoomJoined,
  RosterChangedPayload,
  ServerToClientEvents,
} from "@/lib/realtime/events";
import { HttpSession } from "@/tests/helpers/http-session";
import { newUser, newUserWithId } from "@/tests/helpers/live";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let server: TestServer;
let instructor: HttpSession;
let student: HttpSession;
let ownClassId: string;
let otherClassId: string;
let ownJoinCode: string;
const open: ClientSocket[] = [];

function socketFor(cookie: string | undefined): ClientSocket {
  const socket: ClientSocket = connect(server.url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: cookie ? { cookie } : {},
  });
  open.push(socket);
  return socket;
}

function outcome(socket: ClientSocket): Promise<{ connected: true } | { connected: false; message: string }> {
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ connected: true }));
    socket.once("connect_error", (error) => resolve({ connected: false, message: error.message }));
  });
}

function joinRoom(socket: ClientSocket, classId: string): Promise<AckResponse<RoomJoined>> {
  return new Promise((resolve) => socket.emit("class:join-room", { classId }, resolve));
}

async function createClass(session: HttpSession, name: string): Promise<{ id: string; joinCode: string }> {
  const response = await session.json<{ class: { id: string; joinCode: string } }>("POST", "/api/classes", { name });
  expect(response.status).toBe(201);
  return response.body.class;
}

beforeAll(async () => {
  server = await startTestServer();
  instructor = await newUser(server.url, "instructor", "Teach");
  const other = await newUser(server.url, "instructor", "Other");
  student = await newUser(server.url, "student", "Kid");

  const own = await createClass(instructor, "Sockets");
  ownClassId = own.id;
  ownJoinCode = own.joinCode;
  otherClassId = (await createClass(other, "Elsewhere")).id;
  expect((await student.json("POST", "/api/classes/join", { code: ownJoinCode })).status).toBe(201);
});

afterEach(() => {
  while (open.length > 0) open.pop()?.disconnect();
});

afterAll(async () => {
  await server?.stop();
});

describe("socket.io handshake authentication", () => {
  it("refuses a connection without a session cookie", async () => {
    const result = await outcome(socketFor(undefined));
    expect(result).toEqual({ connected: false, message: "UNAUTHENTICATED" });
  });

  it("refuses a forged session cookie", async () => {
    const result = await outcome(socketFor("next-auth.session-token=forged.jwt.value"));
    expect(result).toEqual({ connected: false, message: "UNAUTHENTICATED" });
  });

  it("accepts a connection carrying the pages' session cookie", async () => {
    expect(await outcome(socketFor(student.cookieHeader()))).toEqual({ connected: true });
  });
});

describe("class rooms", () => {
  it("lets a student join their own class's room but not another class's", async () => {
    const socket = socketFor(student.cookieHeader());
    await outcome(socket);
    expect(await joinRoom(socket, ownClassId)).toEqual({
      ok: true,
      // A student is not staff: instructor-only events (review decisions, live dashboard) skip them.
      data: { classId: ownClassId, room: `class:${ownClassId}`, staff: false },
    });
    expect(await joinRoom(socket, otherClassId)).toEqual({
      ok: false,
      error: { code: "NOT_FOUND", message: "Class not found", key: "class.notFound" },
    });
  });

  it("answers an invalid payload with BAD_REQUEST", async () => {
    const socket = socketFor(student.cookieHeader());
    await outcome(socket);
    const reply = await new Promise<AckResponse<RoomJoined>>((resolve) =>
      // Deliberately wrong shape: the server must not trust the client's types.
      socket.emit("class:join-room", { classId: "" }, resolve),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
  });

  it("tells the owner's room when a student joins and drops a removed student from the room", async () => {
    const teacherSocket = socketFor(instructor.cookieHeader());
    await outcome(teacherSocket);
    expect(await joinRoom(teacherSocket, ownClassId)).toMatchObject({ ok: true, data: { staff: true } });

    const { session: newcomer, id: newcomerId } = await newUserWithId(server.url, "student", "New");
    const newcomerSocket = socketFor(newcomer.cookieHeader());
    await outcome(newcomerSocket);

    const joinedEvent = new Promise<RosterChangedPayload>((resolve) => teacherSocket.once("roster:changed", resolve));
    expect((await newcomer.json("POST", "/api/classes/join", { code: ownJoinCode })).status).toBe(201);
    expect(await joinedEvent).toEqual({
      classId: ownClassId,
      change: "joined",
      studentId: newcomerId,
      studentCount: 2,
    });

    expect((await joinRoom(newcomerSocket, ownClassId)).ok).toBe(true);
    const removedEvent = new Promise<RosterChangedPayload>((resolve) => teacherSocket.once("roster:changed", resolve));
    let newcomerHeardRemoval = false;
    newcomerSocket.on("roster:changed", () => (newcomerHeardRemoval = true));
    expect((await instructor.json("DELETE", `/api/classes/${ownClassId}/students/${newcomerId}`)).status).toBe(200);
    expect(await removedEvent).toMatchObject({ change: "removed", studentId: newcomerId, studentCount: 1 });
    // The removed student's sockets left the room before the event went out.
    expect(newcomerHeardRemoval).toBe(false);
    expect(await joinRoom(newcomerSocket, ownClassId)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});
