import { describe, expect, it } from "vitest";
import { delegationRoot, mayMoveProcessesOf, SERVER_LEAF } from "./cgroup-v2-delegation";

describe("delegationRoot", () => {
  it("is our own group until we have moved into the server leaf", () => {
    expect(delegationRoot("/system.slice/interleave.service")).toBe("/system.slice/interleave.service");
    expect(delegationRoot(`/system.slice/interleave.service/${SERVER_LEAF}`)).toBe("/system.slice/interleave.service");
    expect(delegationRoot(`/${SERVER_LEAF}`)).toBe("/");
    expect(delegationRoot("/")).toBe("/");
  });

  it("only recognises the exact leaf name", () => {
    expect(delegationRoot(`/a/${SERVER_LEAF}-2`)).toBe(`/a/${SERVER_LEAF}-2`);
    expect(delegationRoot(`/a/x${SERVER_LEAF}`)).toBe(`/a/x${SERVER_LEAF}`);
  });
});

describe("mayMoveProcessesOf", () => {
  it("reorganises a systemd service's group or a container's namespace root", () => {
    expect(mayMoveProcessesOf("/system.slice/interleave.service")).toBe(true);
    expect(mayMoveProcessesOf("/")).toBe(true);
  });

  it("never a login session's scope or a slice, where a user's shell lives", () => {
    expect(mayMoveProcessesOf("/user.slice/user-0.slice/session-3.scope")).toBe(false);
    expect(mayMoveProcessesOf("/user.slice")).toBe(false);
    expect(mayMoveProcessesOf("/system.slice/interleave.service.d")).toBe(false);
  });
});
