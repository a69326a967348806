import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enableSubtreeControllers, SERVER_LEAF } from "@/lib/sandbox/cgroup-v2-delegation";

/**
 * Against the real kernel: a cgroup v2 hierarchy (the unified one on a v2 host, or the hybrid
 * `/sys/fs/cgroup/unified` of a v1 host such as the CI machine, which offers hugetlb), with a
 * controller this root may hand down. v1 hosts keep memory and pids in v1, so the controller used
 * here may not be memory; the kernel rule under test ("no internal processes") is the same for all.
 */
function findCgroup2(): { mount: string; controller: string } | null {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return null;
  const mounts = readFileSync("/proc/self/mountinfo", "utf8").split("\n");
  for (const line of mounts) {
    const [before, after] = line.split(" - ");
    if (!after?.startsWith("cgroup2 ")) continue;
    const mount = before.split(" ")[4];
    const controllers = readFileSync(path.join(mount, "cgroup.controllers"), "utf8").trim().split(/\s+/);
    const controller = ["memory", "pids", "hugetlb"].find((c) => controllers.includes(c)) ?? controllers[0];
    if (controller) return { mount, controller };
  }
  return null;
}

const found = findCgroup2();
if (!found)
  console.warn("\n*** no writable cgroup v2 hierarchy with a controller here: skipping the delegation test ***\n");

describe.skipIf(!found)("cgroup v2 delegation on the real kernel", () => {
  const { mount, controller } = found ?? { mount: "", controller: "" };
  const group = path.join(mount, `interleave-test-${process.pid}`);
  const rootControl = path.join(mount, "cgroup.subtree_control");
  let rootHadController = false;
  let sleeper: ChildProcess;

  beforeAll(() => {
    rootHadController = readFileSync(rootControl, "utf8").split(/\s+/).includes(controller);
    // The root group may hold processes and still enable controllers: the rule binds below it.
    if (!rootHadController) writeFileSync(rootControl, `+${controller}`);
    mkdirSync(group);
    sleeper = spawn("sleep", ["120"], { stdio: "ignore" });
    writeFileSync(path.join(group, "cgroup.procs"), String(sleeper.pid));
  });

  afterAll(async () => {
    sleeper?.kill("SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const dir of [path.join(group, "slot1"), path.join(group, SERVER_LEAF), group]) {
      if (existsSync(dir)) rmdirSync(dir);
    }
    if (!rootHadController) writeFileSync(rootControl, `-${controller}`);
  });

  it("leaves a group it may not reorganise as it is", () => {
    // The kernel rule this works around, as a department's systemd service or container meets it.
    expect(() => writeFileSync(path.join(group, "cgroup.subtree_control"), `+${controller}`)).toThrow(/EBUSY/);

    expect(enableSubtreeControllers(group, [controller], { moveProcesses: false })).toBe(false);
    expect(readFileSync(path.join(group, "cgroup.procs"), "utf8").trim()).toBe(String(sleeper.pid));
    expect(existsSync(path.join(group, SERVER_LEAF))).toBe(false);
  });

  it("moves the group's processes into the server leaf, then enables the controller for slots", () => {
    expect(enableSubtreeControllers(group, [controller], { moveProcesses: true })).toBe(true);

    expect(readFileSync(path.join(group, "cgroup.subtree_control"), "utf8").trim().split(/\s+/)).toContain(controller);
    expect(readFileSync(path.join(group, "cgroup.procs"), "utf8").trim()).toBe("");
    expect(readFileSync(path.join(group, SERVER_LEAF, "cgroup.procs"), "utf8").trim()).toBe(String(sleeper.pid));
    // A slot created beside the leaf gets the controller.
    mkdirSync(path.join(group, "slot1"));
    expect(
      readFileSync(path.join(group, "slot1", "cgroup.controllers"), "utf8")
        .trim()
        .split(/\s+/),
    ).toContain(controller);
  });

  it("is idempotent once delegated", () => {
    expect(enableSubtreeControllers(group, [controller], { moveProcesses: true })).toBe(true);
    expect(readFileSync(path.join(group, SERVER_LEAF, "cgroup.procs"), "utf8").trim()).toBe(String(sleeper.pid));
  });

  it("answers false for a controller the group cannot have, moving nothing else", () => {
    expect(enableSubtreeControllers(group, ["no-such-controller"], { moveProcesses: true })).toBe(false);
    expect(readFileSync(path.join(group, "cgroup.procs"), "utf8").trim()).toBe("");
  });
});
