import { z } from "zod";

/** Client payload of `class:join-room` and `class:leave-room`: never trust the browser's shape. */
export const classRoomPayloadSchema = z.object({
  classId: z.string().trim().min(1, "classId is required").max(100),
});
