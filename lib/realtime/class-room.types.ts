import { z } from "zod";

/** Client payload of `class:join-room` and `class:leave-room`: never trust the browser's shape. */
export const classRoomPayloadSchema = z.object({
  classId: z.string().trim().min(1, "classId is required").max(100),
  /** A room ticket from `GET /api/realtime/ticket?classId=` (required by fan-out nodes). */
  ticket: z.string().max(2048).optional(),
});
