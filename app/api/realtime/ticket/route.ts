import { issueRealtimeTicket } from "@/lib/realtime/issue-realtime-ticket";
import { withRoute } from "@/app/api/_lib/route";

/**
 * A signed ticket for the live socket: `?classId=` for a class room (member or owner, else 404),
 * none for the connection itself. `{ ticket, classId, staff, expiresAt }`; valid for a minute.
 */
export const GET = withRoute({ auth: "user" }, async ({ user, request }) => {
  const classId = new URL(request.url).searchParams.get("classId") ?? undefined;
  return issueRealtimeTicket({ userId: user.id, classId: classId || undefined });
});
