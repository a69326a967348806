import { afterEach, describe, expect, it } from "vitest";
import { defineService, findService, provideService, useService } from "./process-services";

const COUNTER = defineService<{ n: number }>("test-counter", () => ({ n: 0 }));
const REQUIRED = defineService<string>("test-required", () => {
  throw new Error("not provided");
});

afterEach(() => {
  provideService(COUNTER, undefined);
  provideService(REQUIRED, undefined);
});

describe("process services", () => {
  it("falls back once and keeps the fallback (a fallback limiter keeps its counts)", () => {
    expect(findService(COUNTER)).toBeUndefined();
    useService(COUNTER).n += 1;
    expect(useService(COUNTER).n).toBe(1);
  });

  it("prefers what the process provided, also over a fallback already used", () => {
    useService(COUNTER);
    provideService(COUNTER, { n: 42 });
    expect(useService(COUNTER).n).toBe(42);
    provideService(COUNTER, undefined);
    expect(useService(COUNTER).n).toBe(0);
  });

  it("refuses clearly when a required service is missing", () => {
    expect(() => useService(REQUIRED)).toThrow("not provided");
    provideService(REQUIRED, "here");
    expect(useService(REQUIRED)).toBe("here");
  });

  it("shares one slot across module copies (Next's route bundles)", () => {
    provideService(COUNTER, { n: 7 });
    const copy = defineService<{ n: number }>("test-counter", () => ({ n: -1 }));
    expect(useService(copy).n).toBe(7);
  });
});
