/**
 * A class opening its lesson: many real socket.io clients join the class room at once on a
 * realtime server wired as server.ts wires it (no tickets: the access check reads the database).
 * The joins pending together cost one read per class, not one per socket, and every socket gets
 * the answer the one-join rule gives it: members yes, the owner as staff, removed students,
 * outsiders and a missing class NOT_FOUND.
 */
import { createServer, type Server } from "node:http";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createClassRoomAccessLookup } from "@/lib/auth/create-class-room-access-lookup";
import { findClassRoomAccess } from "@/lib/auth/find-class-room-access";
import type { SessionUser } from "@/lib/auth/session-user";
import { findClassAccessForUsers } from "@/lib/db/class-access-for-users";
import { insertClass } from "@/lib/db/classes";
import { insertEnrollment, markEnrollmentRemoved } from "@/lib/db/enrollments";
import type { AckResponse, ClientToServerEvents, RoomJoined, ServerToClientEvents } from "@/lib/realtime/events";
import { createClassJoinAuthorizer } from "@/lib/realtime/authorize-class-join";
import { createRealtimeServer, type RealtimeServer } from "@/lib/realtime/create-realtime-server";
import { createRoomRevocations } from "@/lib/realtime/room-revocations";
import { createTestUser, describeEachProvider, useTestDatabase } from "@/tests/helpers/db";

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describeEachProvider("class room joins, batched", (provider) => {
  useTestDatabase(provider);
  let http: Server;
  let realtime: RealtimeServer;
  let url: string;
  const users = new Map<string, SessionUser>();
  const reads: { classId: string; users: number }[] = [];
  const open: ClientSocket[] = [];
  let classId: string;
  let otherClassId: string;
  const ids = { owner: "", members: [] as string[], removed: [] as string[], outsiders: [] as string[] };

  beforeAll(async () => {
    const make = async (role: "INSTRUCTOR" | "STUDENT") => {
      const user = await createTestUser({ role });
      const sessionRole = role === "INSTRUCTOR" ? "instructor" : "student";
      users.set(user.id, { id: user.id, email: user.email, name: user.name, role: sessionRole, isAdmin: false });
      return user.id;
    };
    ids.owner = await make("INSTRUCTOR");
    classId = (await insertClass({ name: "Lesson", joinCode: `JOIN-${provider}`, ownerId: ids.owner })).id;
    otherClassId = (await insertClass({ name: "Other", joinCode: `OTHR-${provider}`, ownerId: ids.owner })).id;
    for (let i = 0; i < 40; i += 1) {
      const id = await make("STUDENT");
      await insertEnrollment(classId, id);
      ids.members.push(id);
    }
    for (let i = 0; i < 3; i += 1) {
      const id = await make("STUDENT");
      await insertEnrollment(classId, id);
      await markEnrollmentRemoved(classId, id);
      ids.removed.push(id);
    }
    for (let i = 0; i < 3; i += 1) {
      const id = await make("STUDENT");
      await insertEnrollment(otherClassId, id);
      ids.outsiders.push(id);
    }
    const revocations = createRoomRevocations();
    const lookup = createClassRoomAccessLookup({
      readMany: async (readClassId, userIds) => {
        reads.push({ classId: readClassId, users: userIds.length });
        return findClassAccessForUsers(readClassId, userIds);
      },
    });
    http = createServer();
    realtime = await createRealtimeServer(http, {
      authenticate: async (request) =>
        users.get(new URL(request.url ?? "/", "http://x").searchParams.get("uid") ?? "") ?? null,
      authorizeJoin: createClassJoinAuthorizer({
        revocations,
        lookup: ({ user, classId: joined }) => lookup({ actor: user, classId: joined }),
      }),
      revocations,
      eventRate: { burst: 20, perSecond: 5 },
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const address = http.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  }, 60_000);

  afterAll(async () => {
    for (const socket of open) socket.disconnect();
    await realtime?.close();
    await new Promise((resolve) => http?.close(resolve));
  });

  async function connectAs(userId: string): Promise<ClientSocket> {
    const socket: ClientSocket = connect(url, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      query: { uid: userId },
    });
    open.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    return socket;
  }

  const join = (socket: ClientSocket, room: string) =>
    new Promise<AckResponse<RoomJoined>>((resolve) => socket.emit("class:join-room", { classId: room }, resolve));

  it("answers a burst of joins with one read per class, each as the one-join rule does", async () => {
    const everyone = [ids.owner, ...ids.members, ...ids.removed, ...ids.outsiders];
    const sockets = await Promise.all(everyone.map(connectAs));
    reads.length = 0;
    // All at once, plus two joins of another class and one of a class that does not exist.
    const [answers, other, missing] = await Promise.all([
      Promise.all(sockets.map((socket) => join(socket, classId))),
      Promise.all([join(sockets[1], otherClassId), join(sockets.at(-1)!, otherClassId)]),
      join(sockets[2], "no-such-class"),
    ]);
    const outcome = (answer: AckResponse<RoomJoined>) =>
      answer.ok ? (answer.data.staff ? "staff" : "member") : answer.error.code;
    expect(answers.map(outcome)).toEqual([
      "staff",
      ...ids.members.map(() => "member"),
      ...ids.removed.map(() => "NOT_FOUND"),
      ...ids.outsiders.map(() => "NOT_FOUND"),
    ]);
    expect(other.map(outcome)).toEqual(["NOT_FOUND", "member"]);
    expect(outcome(missing)).toBe("NOT_FOUND");
    // The same answers as the one-join rule, user by user.
    for (const [i, userId] of everyone.entries()) {
      const single = await findClassRoomAccess({ actor: users.get(userId)!, classId });
      expect(outcome(answers[i]), userId).toBe(single ? (single.staff ? "staff" : "member") : "NOT_FOUND");
    }
    // 50 joins of the lesson, 2 of the other class, 1 of a missing one: a read per class per batch,
    // not per join. A join that finds no company goes alone (a lone call is not delayed); the
    // batches the rest form depend on when the frames arrive, so the bound is loose.
    const lessonReads = reads.filter((read) => read.classId === classId);
    expect(lessonReads.length).toBeGreaterThanOrEqual(1);
    expect(lessonReads.length).toBeLessThanOrEqual(5);
    expect(lessonReads.reduce((sum, read) => sum + read.users, 0)).toBeGreaterThanOrEqual(everyone.length - 5);
    expect(reads.length).toBeLessThanOrEqual(9);
  }, 60_000);
});
