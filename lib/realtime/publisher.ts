import { defineService, provideService, useService } from "@/lib/config/process-services";
import type { ServerToClientEvents } from "@/lib/realtime/events";
import { classRoom, classStaffRoom, userRoom } from "@/lib/realtime/events";
import type { RoomRevocations } from "@/lib/realtime/room-revocations";
import type { InterleaveServer } from "@/lib/realtime/server.types";

/**
 * How use cases push live events without holding the socket.io server: the socket server provides
 * the real publisher in the process registry (lib/config/process-services.ts); a use case takes
 * it as an optional dependency (tests inject their own), defaulting to the registered one.
 */
export interface RealtimePublisher {
  toClass<E extends keyof ServerToClientEvents>(
    classId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
  toUser<E extends keyof ServerToClientEvents>(
    userId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
  /** The class's instructor sockets only (dashboards): e.g. a verdict other students must not see. */
  toClassStaff<E extends keyof ServerToClientEvents>(
    classId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
  /** Removes every socket of a user from a class room (e.g. after the student was removed). */
  removeUserFromClass(userId: string, classId: string): void;
  /** Closes every socket of a user (signed out everywhere, role changed): they must authenticate again. */
  disconnectUser(userId: string): void;
}

const noopPublisher: RealtimePublisher = {
  toClass: () => undefined,
  toUser: () => undefined,
  toClassStaff: () => undefined,
  removeUserFromClass: () => undefined,
  disconnectUser: () => undefined,
};

/** Without a socket.io server (CLI, unit tests) publishing is a no-op. */
export const REALTIME_PUBLISHER = defineService<RealtimePublisher>("realtime-publisher", () => noopPublisher);

export function setRealtimePublisher(publisher: RealtimePublisher | undefined): void {
  provideService(REALTIME_PUBLISHER, publisher);
}

export function getRealtimePublisher(): RealtimePublisher {
  return useService(REALTIME_PUBLISHER);
}

/**
 * `acrossNodes` (the Redis adapter is attached): removals are also told to the other nodes, whose
 * sockets may hold a still-valid room ticket of the removed student.
 */
export function createSocketPublisher(
  io: InterleaveServer,
  options: { revocations?: RoomRevocations; acrossNodes?: boolean } = {},
): RealtimePublisher {
  return {
    toClass: (classId, event, ...args) => {
      io.to(classRoom(classId)).emit(event, ...args);
    },
    toUser: (userId, event, ...args) => {
      io.to(userRoom(userId)).emit(event, ...args);
    },
    toClassStaff: (classId, event, ...args) => {
      io.to(classStaffRoom(classId)).emit(event, ...args);
    },
    removeUserFromClass: (userId, classId) => {
      const at = Math.floor(Date.now() / 1000);
      options.revocations?.revoke(userId, classId, at);
      if (options.acrossNodes) io.serverSideEmit("class:member-removed", { userId, classId, at });
      io.in(userRoom(userId)).socketsLeave([classRoom(classId), classStaffRoom(classId)]);
    },
    disconnectUser: (userId) => {
      io.in(userRoom(userId)).disconnectSockets(true);
    },
  };
}
