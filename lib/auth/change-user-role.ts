import { z } from "zod";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { parseInput } from "@/lib/config/parse-input";
import { updateUserRole } from "@/lib/db/users";
import { AppError } from "@/lib/errors/app-error";
import { getRealtimePublisher } from "@/lib/realtime/publisher";
import { loadActor } from "./load-actor";

export const changeUserRoleInput = z.object({
  userId: z.string().min(1),
  targetUserId: z.string().min(1),
  role: z.preprocess(
    (v) => (typeof v === "string" ? v.toUpperCase() : v),
    z.enum(["INSTRUCTOR", "STUDENT"], { message: "Choose instructor or student." }),
  ),
});

/**
 * An administrator changes an account's role. It takes effect at once: every request re-reads the
 * role (lib/auth/resolve-session-user.ts) and the account's live connections are closed so that
 * they reconnect with the new rights.
 */
export async function changeUserRole(input: z.input<typeof changeUserRoleInput>) {
  const { userId, targetUserId, role } = parseInput(changeUserRoleInput, input);
  const actor = await loadActor(userId);
  if (!actor.isAdmin)
    throw new AppError("FORBIDDEN", "Only administrators can change roles.", { key: "admin.rolesOnly" });
  const updated = await updateUserRole(targetUserId, role);
  if (!updated) throw new AppError("NOT_FOUND", "User not found", { key: "admin.userNotFound" });
  getRealtimePublisher().disconnectUser(updated.id);
  await recordAuditEntry({ userId, action: "user.role.change", target: updated.id, details: { role } });
  return { id: updated.id, role: updated.role.toLowerCase() as "instructor" | "student" };
}
