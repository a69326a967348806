import IORedis from "ioredis";
import type { SubmissionGradedPayload } from "@/lib/realtime/events";
import { submissionGradedPayloadSchema } from "./submission-graded-payload.types";

/**
 * How a grader tells the web nodes that a verdict is stored. In one process it is a direct call;
 * with Redis, graders (`npm run worker`, possibly on other machines) publish on a channel and every
 * web node delivers to its own sockets.
 */
export interface GradedEventChannel {
  publish(event: SubmissionGradedPayload): void;
  subscribe(handler: (event: SubmissionGradedPayload) => void): Promise<void>;
  close(): Promise<void>;
}

export function createLocalGradedEventChannel(): GradedEventChannel {
  const handlers: ((event: SubmissionGradedPayload) => void)[] = [];
  return {
    publish: (event) => handlers.forEach((handler) => handler(event)),
    subscribe: async (handler) => {
      handlers.push(handler);
    },
    close: async () => undefined,
  };
}

export function createRedisGradedEventChannel(
  redisUrl: string,
  channel = "interleave:submission:graded",
): GradedEventChannel {
  const pub = new IORedis(redisUrl, { lazyConnect: true });
  let sub: IORedis | null = null;
  return {
    publish(event) {
      pub.publish(channel, JSON.stringify(event)).catch((error: unknown) => {
        // The verdict is stored; a lost notification only delays what the browser shows.
        console.error("[grading] could not publish submission:graded", error);
      });
    },
    async subscribe(handler) {
      sub ??= new IORedis(redisUrl);
      sub.on("message", (from, message) => {
        if (from !== channel) return;
        const parsed = safeParse(message);
        if (parsed) handler(parsed);
      });
      await sub.subscribe(channel);
    },
    async close() {
      pub.disconnect();
      sub?.disconnect();
    },
  };
}

function safeParse(message: string): SubmissionGradedPayload | null {
  try {
    const result = submissionGradedPayloadSchema.safeParse(JSON.parse(message));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
