import { defineService, provideService, useService } from "@/lib/config/process-services";

/**
 * "Someone is about to watch this class live": a room ticket was issued. On an app node whose
 * sockets are on fan-out nodes this is the only sign of a join it gets, so the live class loads the
 * class's board here (the next update is then a delta, not every row). No-op without a live class.
 */
export type ClassRoomWatch = (classId: string) => void;

export const CLASS_ROOM_WATCH = defineService<ClassRoomWatch>("class-room-watch", () => () => undefined);

export function setClassRoomWatch(watch: ClassRoomWatch | undefined): void {
  provideService(CLASS_ROOM_WATCH, watch);
}

export function getClassRoomWatch(): ClassRoomWatch {
  return useService(CLASS_ROOM_WATCH);
}
