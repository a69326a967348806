import type { RateLimiter } from "@/lib/rate-limit/rate-limiter.types";
import type { SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";
import type { GradingQueue } from "./grading-queue.types";

/**
 * What the submit/run use cases need from the running process: the queue to enqueue into, the
 * sandbox for "Run", and the rate limiters. server.ts and the worker register them once. Next's
 * route bundles are separate module instances in the same process, so the registration lives on
 * globalThis (a module variable would be a different copy inside Next's bundle).
 */
export interface GradingServices {
  queue: GradingQueue;
  runner: SandboxRunner;
  submitLimiter: RateLimiter;
  runLimiter: RateLimiter;
}

const KEY = Symbol.for("interleave.grading.services");
type Registry = typeof globalThis & { [KEY]?: GradingServices };

export function setGradingServices(services: GradingServices | undefined): void {
  (globalThis as Registry)[KEY] = services;
}

/** The registered services, or undefined in a process that grades nothing (CLI, some tests). */
export function findGradingServices(): GradingServices | undefined {
  return (globalThis as Registry)[KEY];
}

export function getGradingServices(): GradingServices {
  const services = findGradingServices();
  if (!services) throw new Error("Grading services are not registered: start the app through server.ts");
  return services;
}
