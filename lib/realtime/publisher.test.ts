import { afterEach, describe, expect, it } from "vitest";
import { publishRosterChanged } from "@/lib/realtime/publish-roster-changed";
import { getRealtimePublisher, setRealtimePublisher, type RealtimePublisher } from "@/lib/realtime/publisher";

afterEach(() => setRealtimePublisher(undefined));

function fakePublisher(): RealtimePublisher & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    toClass: (classId, event, ..._payload) => void calls.push(`toClass ${classId} ${event}`),
    toUser: (userId, event, ..._payload) => void calls.push(`toUser ${userId} ${event}`),
    toClassStaff: (classId, event, ..._payload) => void calls.push(`toClassStaff ${classId} ${event}`),
    removeUserFromClass: (userId, classId) => void calls.push(`leave ${userId} ${classId}`),
    disconnectUser: (userId) => void calls.push(`disconnect ${userId}`),
  };
}

describe("realtime publisher registry", () => {
  it("is a no-op before server.ts registers one", () => {
    expect(() =>
      getRealtimePublisher().toClass("c1", "round:ended", { classId: "c1", roundId: "r", endedAt: "now" }),
    ).not.toThrow();
  });

  it("removes a removed student from the room before announcing the change", () => {
    const publisher = fakePublisher();
    setRealtimePublisher(publisher);
    publishRosterChanged({ classId: "c1", change: "removed", studentId: "s1", studentCount: 0 });
    expect(publisher.calls).toEqual(["leave s1 c1", "toClass c1 roster:changed"]);
  });

  it("uses an injected publisher and notifier over the registered ones", () => {
    const registered = fakePublisher();
    setRealtimePublisher(registered);
    const injected = fakePublisher();
    const notified: string[] = [];
    const deps = {
      publisher: injected,
      notifyLeaderboard: (classId: string, userId: string) => void notified.push(`${classId}/${userId}`),
    };
    publishRosterChanged({ classId: "c2", change: "joined", studentId: "s2", studentCount: 3 }, deps);
    expect(injected.calls).toEqual(["toClass c2 roster:changed"]);
    expect(registered.calls).toEqual([]);
    expect(notified).toEqual(["c2/s2"]);
  });

  it("only announces a join", () => {
    const publisher = fakePublisher();
    setRealtimePublisher(publisher);
    publishRosterChanged({ classId: "c1", change: "joined", studentId: "s1", studentCount: 1 });
    expect(publisher.calls).toEqual(["toClass c1 roster:changed"]);
  });
});
