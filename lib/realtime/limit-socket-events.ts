import type { InterleaveSocket } from "@/lib/realtime/server.types";
import { createTokenBucket } from "@/lib/realtime/token-bucket";

/** A socket refused this many events in a row is a runaway script: it is disconnected. */
const MAX_REFUSED_IN_A_ROW = 50;

/**
 * Per-socket rate limit on client → server events. A refused event never reaches its handler; its
 * acknowledgement (when there is one) gets `RATE_LIMITED`, so a well-behaved client can back off.
 */
export function limitSocketEvents(socket: InterleaveSocket, rate: { burst: number; perSecond: number }): void {
  const bucket = createTokenBucket(rate);
  let refused = 0;
  socket.use((packet, next) => {
    if (bucket.take()) {
      refused = 0;
      return next();
    }
    refused += 1;
    const ack = packet[packet.length - 1];
    if (typeof ack === "function") {
      ack({
        ok: false,
        error: {
          code: "RATE_LIMITED",
          message: "Too many live events from this tab: slow down.",
          key: "rate.liveEvents",
        },
      });
    }
    if (refused >= MAX_REFUSED_IN_A_ROW) socket.disconnect(true);
  });
}
