import type { TimelineLabels } from "./timeline.types";

const WAIT_WORDS: Record<string, string> = {
  sleep: "sleeping",
  future: "awaiting a future",
  task: "awaiting task",
  gather: "awaiting gather()",
  wait: "awaiting asyncio.wait()",
  wait_for: "awaiting wait_for()",
  timeout: "in a timeout",
  lock: "waiting for a lock",
  event: "waiting for an event",
  condition: "waiting on a condition",
  semaphore: "waiting for a semaphore",
  barrier: "waiting at a barrier",
  queue: "waiting on a queue",
  thread: "waiting for a thread",
  network: "waiting for",
  loop: "running the event loop",
  other: "waiting",
};

/** The picture's texts in English (the CLI; the page passes its own translated labels). */
export const ENGLISH_TIMELINE_LABELS: TimelineLabels = {
  title: "Timeline of the run",
  axis: "virtual seconds",
  waiting: (on, detail) => `${WAIT_WORDS[on] ?? WAIT_WORDS.other}${detail ? ` ${detail}` : ""}`,
  outcome: (outcome, error) => (outcome === "failed" && error ? `failed: ${error}` : outcome),
};
