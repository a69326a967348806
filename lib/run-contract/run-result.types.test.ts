import { describe, expect, it } from "vitest";
import { runResultSchema } from "./run-result.types";

const base = { status: "ok", events: [], virtualTime: 1, error: null, limit: null, wallMs: 3 };

describe("runResultSchema.schedule", () => {
  it("keeps a well-formed choice-point report", () => {
    const schedule = { mode: "enumerated", points: [3, 2], taken: [1, 0], truncated: false, unused: false, hashed: 0 };
    expect(runResultSchema.parse({ ...base, schedule }).schedule).toEqual(schedule);
  });

  it("drops a malformed report instead of failing the run (it comes from inside the sandbox)", () => {
    const parsed = runResultSchema.parse({
      ...base,
      schedule: { mode: "enumerated", points: [1, "x"], taken: [], truncated: false, unused: false, hashed: -1 },
    });
    expect(parsed.schedule).toBeNull();
    expect(parsed.status).toBe("ok");
    expect(runResultSchema.parse(base).schedule).toBeUndefined();
  });
});
