import { AppError } from "@/lib/errors/app-error";
import type { AuthorizeClassJoin } from "@/lib/realtime/authorize-class-join";
import { classRoomPayloadSchema } from "@/lib/realtime/class-room.types";
import { classRoom, classStaffRoom } from "@/lib/realtime/events";
import type { InterleaveSocket } from "@/lib/realtime/server.types";
import { socketEvent } from "@/lib/realtime/socket-event";

export interface ClassRoomHandlerDeps {
  authorizeJoin: AuthorizeClassJoin;
  /** A socket joined a class room (the leaderboard feed loads that class's board). */
  onJoined?: (classId: string) => void;
}

/**
 * `class:join-room` / `class:leave-room`: a socket receives a class's live events only after a
 * room ticket or the policy said the user belongs to the class. "No access" answers NOT_FOUND,
 * like the HTTP API, so a probe cannot tell a foreign class from a missing one.
 */
export function registerClassRoomHandlers(socket: InterleaveSocket, deps: ClassRoomHandlerDeps): void {
  const user = socket.data.user;

  socket.on(
    "class:join-room",
    socketEvent(classRoomPayloadSchema, async ({ classId, ticket }) => {
      const access = await deps.authorizeJoin({ user, classId, ticket });
      if (!access) throw new AppError("NOT_FOUND", "Class not found", { key: "class.notFound" });
      const room = classRoom(classId);
      await socket.join(access.staff ? [room, classStaffRoom(classId)] : room);
      deps.onJoined?.(classId);
      return { classId, room, staff: access.staff };
    }),
  );

  socket.on(
    "class:leave-room",
    socketEvent(classRoomPayloadSchema, async ({ classId }) => {
      const room = classRoom(classId);
      await socket.leave(room);
      await socket.leave(classStaffRoom(classId));
      return { classId, room };
    }),
  );
}
