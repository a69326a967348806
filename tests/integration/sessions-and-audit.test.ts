/**
 * Account safety over the real stack: "sign out everywhere" ends every session (pages, API,
 * sockets), an admin's role change and a student's removal take effect on the very next request,
 * and instructor actions land in the audit log.
 */
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { getDb, useDatabaseUrl } from "@/lib/db/get-db";
import { HttpSession, uniqueEmail } from "@/tests/helpers/http-session";
import { newUserWithId } from "@/tests/helpers/live";
import { startTestServer, type TestServer } from "@/tests/helpers/server";

type ClassBody = { class: { id: string; name: string; joinCode: string } };
let server: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  await useDatabaseUrl(server.databaseUrl);
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await useDatabaseUrl(null);
  await server?.stop();
});

function openSocket(session: HttpSession): Promise<{ socket: Socket; error?: string }> {
  const socket = connect(server.url, {
    transports: ["websocket"],
    extraHeaders: { cookie: session.cookieHeader() },
    reconnection: false,
  });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ socket }));
    socket.once("connect_error", (error) => resolve({ socket, error: error.message }));
  });
}

describe("sign out everywhere", () => {
  it("ends the sessions of every device: API, pages and live connections", async () => {
    const email = uniqueEmail("everywhere");
    const laptop = new HttpSession(server.url);
    await laptop.signUpAndSignIn({ email, password: "password 123", name: "Lin", role: "student" });
    const phone = new HttpSession(server.url);
    expect(await phone.signIn(email, "password 123")).toBe(true);
    const { socket, error } = await openSocket(phone);
    expect(error).toBeUndefined();
    const dropped = new Promise<string>((resolve) => socket.once("disconnect", resolve));

    expect((await phone.json("GET", "/api/classes")).status).toBe(200);
    expect((await laptop.json("POST", "/api/auth/sign-out-everywhere")).status).toBe(200);

    expect(await dropped).toBe("io server disconnect");
    for (const device of [phone, laptop]) {
      expect((await device.json("GET", "/api/classes")).status).toBe(401);
      const page = await device.fetch("/dashboard");
      expect(page.status).toBe(307);
      expect(page.headers.get("location")).toContain("/sign-in");
    }
    expect((await openSocket(phone)).error).toBe("UNAUTHENTICATED");
    // Signing in again gives a working session.
    const again = new HttpSession(server.url);
    expect(await again.signIn(email, "password 123")).toBe(true);
    expect((await again.json("GET", "/api/classes")).status).toBe(200);
  });
});

describe("role changes and removals take effect at once", () => {
  it("an admin's role change applies to the next request of an existing session, and is audited", async () => {
    const { session: admin, id: adminId } = await newUserWithId(server.url, "instructor", "Admin");
    await getDb().user.update({ where: { id: adminId }, data: { isAdmin: true } });
    const { session: teacher, id: teacherId } = await newUserWithId(server.url, "instructor", "T");
    expect((await teacher.json("POST", "/api/classes", { name: "Before" })).status).toBe(201);

    // Not an admin: refused.
    expect((await teacher.json("POST", `/api/admin/users/${adminId}/role`, { role: "student" })).status).toBe(403);
    const changed = await admin.json<{ user: { role: string } }>("POST", `/api/admin/users/${teacherId}/role`, {
      role: "student",
    });
    expect(changed.status).toBe(200);
    expect(changed.body.user.role).toBe("student");
    // Same cookie as before, new rights.
    expect((await teacher.json("POST", "/api/classes", { name: "After" })).status).toBe(403);
    expect((await admin.json("POST", `/api/admin/users/${teacherId}/role`, { role: "janitor" })).status).toBe(400);
    expect((await admin.json("POST", "/api/admin/users/no-such-user/role", { role: "student" })).status).toBe(404);
    const audit = await listAuditEntries({ userId: adminId });
    expect(audit[0]).toMatchObject({
      actorId: adminId,
      action: "user.role.change",
      target: teacherId,
      details: { role: "STUDENT" },
    });
  });

  it("a removed student loses the class on the next request; removal and code rotation are audited", async () => {
    const { session: instructor, id: instructorId } = await newUserWithId(server.url, "instructor", "Owner");
    const created = (await instructor.json<ClassBody>("POST", "/api/classes", { name: "Audited" })).body.class;
    const { session: student, id: studentId } = await newUserWithId(server.url, "student", "Pupil");
    expect((await student.json("POST", "/api/classes/join", { code: created.joinCode })).status).toBe(201);
    expect((await student.json("GET", `/api/classes/${created.id}`)).status).toBe(200);

    expect((await instructor.json("DELETE", `/api/classes/${created.id}/students/${studentId}`)).status).toBe(200);
    expect((await student.json("GET", `/api/classes/${created.id}`)).status).toBe(404);
    expect((await instructor.json("POST", `/api/classes/${created.id}/rotate-code`)).status).toBe(200);

    const entries = await listAuditEntries({ userId: instructorId, classId: created.id });
    expect(entries.map((entry) => [entry.action, entry.target])).toEqual([
      ["class.code.rotate", created.id],
      ["class.student.remove", studentId],
    ]);
    expect(entries[0]).toMatchObject({ actorId: instructorId, actorName: "Owner", classId: created.id });
    // Only the class's instructor (or an admin) reads its log; the whole log is for admins.
    await expect(listAuditEntries({ userId: studentId, classId: created.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listAuditEntries({ userId: instructorId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("changing the password", () => {
  it("counts wrong current passwords like failed sign-ins: after the limit even the right one waits", async () => {
    const email = uniqueEmail("pw-guess");
    const borrowed = new HttpSession(server.url);
    await borrowed.signUpAndSignIn({ email, password: "password 123", name: "Mei", role: "student" });
    const guess = (currentPassword: string) =>
      borrowed.json<{ error: { code: string; message: string } }>("POST", "/api/account/password", {
        currentPassword,
        newPassword: "a brand new passphrase",
      });
    // SIGN_IN_RATE_LIMIT defaults to 10 failures.
    for (let i = 0; i < 10; i += 1) {
      const wrong = await guess(`guess ${i}`);
      expect(wrong.status).toBe(400);
    }
    const locked = await guess("password 123");
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe("RATE_LIMITED");
    expect(locked.body.error.message).toMatch(/Too many wrong current passwords: try again in \d+ s\./);
    // Nothing changed: the old password still signs in, the guessed-at new one does not.
    expect(await new HttpSession(server.url).signIn(email, "password 123")).toBe(true);
    expect(await new HttpSession(server.url).signIn(email, "a brand new passphrase")).toBe(false);
  }, 120_000);
});
