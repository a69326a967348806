import { defineService, findService, provideService, useService } from "@/lib/config/process-services";
import type { RateLimiter } from "@/lib/rate-limit/rate-limiter.types";
import type { SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";
import type { GradingQueue } from "./grading-queue.types";

/**
 * What the submit/run use cases need from the running process: the queue to enqueue into, the
 * sandbox for "Run", and the rate limiters. server.ts and the worker provide them once (the one
 * process registry, lib/config/process-services.ts); without them nothing can be graded, so the
 * fallback is a clear error.
 */
export interface GradingServices {
  queue: GradingQueue;
  runner: SandboxRunner;
  submitLimiter: RateLimiter;
  runLimiter: RateLimiter;
}

export const GRADING_SERVICES = defineService<GradingServices>("grading", () => {
  throw new Error("Grading services are not registered: start the app through server.ts");
});

export function setGradingServices(services: GradingServices | undefined): void {
  provideService(GRADING_SERVICES, services);
}

/** The registered services, or undefined in a process that grades nothing (CLI, some tests). */
export function findGradingServices(): GradingServices | undefined {
  return findService(GRADING_SERVICES);
}

export function getGradingServices(): GradingServices {
  return useService(GRADING_SERVICES);
}
