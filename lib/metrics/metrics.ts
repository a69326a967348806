import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { findGradingServices } from "@/lib/grading/grading-services";

/**
 * Every Prometheus metric of one process, registered once. Kept on globalThis because Next's route
 * bundles are separate module copies in the same process (like the grading services): the admin
 * page and /metrics must read the very counters server.ts and the grader update.
 */
export interface InterleaveMetrics {
  registry: Registry;
  submissions: Counter<"status">;
  gradingDuration: Histogram;
  httpDuration: Histogram<"method" | "route" | "status">;
  socketConnections: Gauge;
}

const KEY = Symbol.for("interleave.metrics");
type Holder = typeof globalThis & { [KEY]?: InterleaveMetrics };

export function getMetrics(): InterleaveMetrics {
  const holder = globalThis as Holder;
  holder[KEY] ??= createMetrics();
  return holder[KEY];
}

function createMetrics(): InterleaveMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const metrics: InterleaveMetrics = {
    registry,
    submissions: new Counter({
      name: "interleave_submissions_total",
      help: "Submissions graded by this process, by outcome.",
      labelNames: ["status"],
      registers,
    }),
    gradingDuration: new Histogram({
      name: "interleave_grading_duration_seconds",
      help: "Wall time to grade one submission (every schedule), from claim to stored verdict.",
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers,
    }),
    httpDuration: new Histogram({
      name: "interleave_http_request_duration_seconds",
      help: "HTTP request durations, by method, route pattern and status.",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    socketConnections: new Gauge({
      name: "interleave_socket_connections",
      help: "Open socket.io connections on this node.",
      registers,
    }),
  };
  registerQueueAndSandboxGauges(registers);
  return metrics;
}

/** Read when scraped, from the queue and sandbox pool this process registered. */
function registerQueueAndSandboxGauges(registers: Registry[]): void {
  new Gauge({
    name: "interleave_queue_depth",
    help: "Grading jobs by state (waiting, active, delayed) in the queue this node uses.",
    labelNames: ["state"],
    registers,
    async collect() {
      const services = findGradingServices();
      if (!services) return;
      const stats = await services.queue.stats().catch(() => null);
      if (!stats) return;
      for (const state of ["waiting", "active", "delayed"] as const) this.set({ state }, stats[state]);
    },
  });
  new Gauge({
    name: "interleave_sandbox_slots",
    help: "Sandbox pool slots of this process, by state (busy, ready, total).",
    labelNames: ["state"],
    registers,
    collect() {
      const status = findGradingServices()?.runner.status();
      if (!status) return;
      this.set({ state: "busy" }, status.busySlots);
      this.set({ state: "ready" }, status.readySlots);
      this.set({ state: "total" }, status.poolSize);
    },
  });
  new Counter({
    name: "interleave_sandbox_recycles_total",
    help: "Sandbox slots restarted (crash, hang, tampered state) since this process started.",
    registers,
    collect() {
      const status = findGradingServices()?.runner.status();
      if (!status) return;
      this.reset();
      this.inc(status.restarts);
    },
  });
}
