import { describe, expect, it } from "vitest";
import { routeLabel } from "./route-label";

describe("routeLabel", () => {
  it("folds ids, join codes and assets into a few labels", () => {
    expect(routeLabel("/api/classes/cmiq3x1z90000abcd1234efgh/roster")).toBe("/api/classes/:id/roster");
    expect(routeLabel("/join/TASK-2468")).toBe("/join/:id");
    expect(routeLabel("/_next/static/chunks/abc.js")).toBe("/_next/*");
    expect(routeLabel("/")).toBe("/");
    expect(routeLabel("/dashboard/")).toBe("/dashboard");
    expect(routeLabel("/api/submissions/123")).toBe("/api/submissions/:id");
  });
});
