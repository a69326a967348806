import { AppError } from "@/lib/errors/app-error";
import { classRoomPayloadSchema } from "@/lib/realtime/class-room.types";
import { classRoom, classStaffRoom } from "@/lib/realtime/events";
import type { CanAccessClass, InterleaveSocket } from "@/lib/realtime/server.types";
import { socketEvent } from "@/lib/realtime/socket-event";

export interface ClassRoomHandlerDeps {
  canAccessClass: CanAccessClass;
  /** A socket joined a class room (the leaderboard feed loads that class's board). */
  onJoined?: (classId: string) => void;
}

/**
 * `class:join-room` / `class:leave-room`: a socket receives a class's live events only after the
 * policy said the user belongs to the class. "No access" answers NOT_FOUND, like the HTTP API, so
 * a probe cannot tell a foreign class from a missing one.
 */
export function registerClassRoomHandlers(socket: InterleaveSocket, deps: ClassRoomHandlerDeps): void {
  const user = socket.data.user;

  socket.on(
    "class:join-room",
    socketEvent(classRoomPayloadSchema, async ({ classId }) => {
      const allowed = await deps.canAccessClass({ userId: user.id, classId });
      if (!allowed) throw new AppError("NOT_FOUND", "Class not found");
      const room = classRoom(classId);
      const staff = await deps.canAccessClass({ userId: user.id, classId, action: "class.manage" });
      await socket.join(staff ? [room, classStaffRoom(classId)] : room);
      deps.onJoined?.(classId);
      return { classId, room, staff };
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
