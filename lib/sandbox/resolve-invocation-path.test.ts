import { describe, expect, it } from "vitest";
import { resolveInvocationPath } from "./resolve-invocation-path";

describe("resolveInvocationPath", () => {
  it("resolves a relative path against npm's INIT_CWD, not the package root", () => {
    expect(resolveInvocationPath("prog.py", { INIT_CWD: "/home/ana/exercises" }, "/repo")).toBe(
      "/home/ana/exercises/prog.py",
    );
    expect(resolveInvocationPath("../x/prog.py", { INIT_CWD: "/home/ana/exercises" }, "/repo")).toBe(
      "/home/ana/x/prog.py",
    );
  });

  it("keeps absolute paths and falls back to the working directory without INIT_CWD", () => {
    expect(resolveInvocationPath("/tmp/prog.py", { INIT_CWD: "/home/ana" }, "/repo")).toBe("/tmp/prog.py");
    expect(resolveInvocationPath("prog.py", {}, "/repo")).toBe("/repo/prog.py");
    expect(resolveInvocationPath("prog.py", { INIT_CWD: "relative/dir" }, "/repo")).toBe("/repo/prog.py");
  });
});
