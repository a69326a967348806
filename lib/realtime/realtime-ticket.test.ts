import { describe, expect, it } from "vitest";
import { createClassJoinAuthorizer } from "@/lib/realtime/authorize-class-join";
import { signRealtimeTicket, verifyRealtimeTicket } from "@/lib/realtime/realtime-ticket";
import { createRoomRevocations } from "@/lib/realtime/room-revocations";

const secret = "ticket-test-secret-0123456789";
const now = Date.UTC(2026, 11, 5, 12, 0, 0);
const user = { id: "u1", email: "", name: "", role: "student" as const, isAdmin: false };
const room = (over: Partial<Parameters<typeof signRealtimeTicket>[0]> = {}) =>
  signRealtimeTicket({ secret, userId: "u1", classId: "c1", staff: false, nowMs: now, ...over });

describe("realtime tickets", () => {
  it("verifies what it signed, until it expires", () => {
    expect(verifyRealtimeTicket(secret, room(), now + 59_000)).toEqual({
      userId: "u1",
      classId: "c1",
      staff: false,
      iat: now / 1000,
      exp: now / 1000 + 60,
    });
    expect(verifyRealtimeTicket(secret, room(), now + 60_000)).toBeNull();
  });

  it("refuses a forged signature, a changed body, another secret and garbage", () => {
    const ticket = room();
    const [prefix, body, signature] = ticket.split(".");
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    expect(verifyRealtimeTicket(secret, `${prefix}.${body}.${flipped}`, now)).toBeNull();
    const promoted = Buffer.from(
      JSON.stringify({ userId: "u1", classId: "c1", staff: true, iat: now / 1000, exp: now / 1000 + 60 }),
    ).toString("base64url");
    expect(verifyRealtimeTicket(secret, `${prefix}.${promoted}.${signature}`, now)).toBeNull();
    expect(verifyRealtimeTicket("another-secret-0123456789", ticket, now)).toBeNull();
    for (const junk of [undefined, 42, "", "rt1..", "rt1.a.b.c", `x${ticket}`])
      expect(verifyRealtimeTicket(secret, junk, now)).toBeNull();
  });
});

describe("class join authorization", () => {
  const lookedUp: string[] = [];
  const lookup = async ({ classId }: { classId: string }) => {
    lookedUp.push(classId);
    return classId === "member-of" ? { staff: false } : null;
  };

  it("admits a valid ticket for this user and class without a query, and no other", async () => {
    const revocations = createRoomRevocations();
    const authorize = createClassJoinAuthorizer({ secret, revocations });
    const fresh = signRealtimeTicket({ secret, userId: "u1", classId: "c1", staff: true });
    expect(await authorize({ user, classId: "c1", ticket: fresh })).toEqual({ staff: true });
    expect(await authorize({ user, classId: "c2", ticket: fresh })).toBeNull();
    expect(await authorize({ user: { ...user, id: "u2" }, classId: "c1", ticket: fresh })).toBeNull();
    const expired = room({ nowMs: Date.now() - 61_000 });
    expect(await authorize({ user, classId: "c1", ticket: expired })).toBeNull();
    const connection = signRealtimeTicket({ secret, userId: "u1", classId: null, staff: false });
    expect(await authorize({ user, classId: "c1", ticket: connection })).toBeNull();
    expect(await authorize({ user, classId: "c1" })).toBeNull();
  });

  it("refuses a ticket issued before the user was removed from the class", async () => {
    const revocations = createRoomRevocations();
    const authorize = createClassJoinAuthorizer({ secret, revocations });
    const before = signRealtimeTicket({ secret, userId: "u1", classId: "c1", staff: false });
    revocations.revoke("u1", "c1");
    expect(await authorize({ user, classId: "c1", ticket: before })).toBeNull();
    const later = signRealtimeTicket({ secret, userId: "u1", classId: "c1", staff: false, nowMs: Date.now() + 2_000 });
    expect(await authorize({ user, classId: "c1", ticket: later })).toEqual({ staff: false });
  });

  it("falls back to one lookup on an app node when there is no usable ticket", async () => {
    const authorize = createClassJoinAuthorizer({ secret, revocations: createRoomRevocations(), lookup });
    lookedUp.length = 0;
    expect(await authorize({ user, classId: "member-of" })).toEqual({ staff: false });
    expect(await authorize({ user, classId: "foreign", ticket: "rt1.forged.sig" })).toBeNull();
    expect(lookedUp).toEqual(["member-of", "foreign"]);
  });
});
