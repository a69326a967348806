import type { AuthenticateSocket } from "@/lib/realtime/server.types";
import { verifyRealtimeTicket } from "@/lib/realtime/realtime-ticket";

/**
 * The fan-out node's handshake: socket.io's `auth: { ticket }` must hold a valid connection ticket
 * (classId null) from an app node, which checked the session. The node learns only the user id;
 * what the user may see comes with each room ticket. A user whose sessions were revoked loses
 * the sockets (disconnectUser through Redis) and gets no new ticket.
 */
export function createTicketAuthenticator(secret: string): AuthenticateSocket {
  return async (_request, auth) => {
    const ticket = verifyRealtimeTicket(secret, auth.ticket);
    if (!ticket || ticket.classId !== null) return null;
    return { id: ticket.userId, email: "", name: "", role: "student", isAdmin: false };
  };
}
