import { describe, expect, it } from "vitest";
import { buildSandboxCommand } from "./build-sandbox-command";
import { DEFAULT_BINARIES } from "./find-missing-packages";

const base = {
  binaries: DEFAULT_BINARIES,
  uid: 61003,
  harnessDir: "/srv/app/lib/sandbox/python",
  tmpSizeMb: 16,
  cgroupProcsFiles: [],
  once: false,
};

describe("buildSandboxCommand", () => {
  it("drops to the slot uid under an empty environment before bwrap, with every namespace unshared", () => {
    const { command, args, env } = buildSandboxCommand({ ...base, mode: "bwrap" });
    const argv = [command, ...args];
    expect(env).toEqual({});
    expect(command).toBe("/usr/bin/setpriv");
    expect(argv.indexOf("--reuid=61003")).toBeLessThan(argv.indexOf("/usr/bin/bwrap"));
    expect(argv.indexOf("/usr/bin/prlimit")).toBeLessThan(argv.indexOf("/usr/bin/bwrap"));
    for (const flag of ["--unshare-all", "--unshare-user", "--as-pid-1", "--clearenv", "--die-with-parent"]) {
      expect(argv).toContain(flag);
    }
    // Inside the sandbox's user namespace only, for the zygote (per-run tmpfs; children drop all).
    expect(argv.slice(argv.indexOf("--cap-drop"), argv.indexOf("--cap-drop") + 6)).toEqual([
      "--cap-drop",
      "ALL",
      "--cap-add",
      "CAP_SYS_ADMIN",
      "--cap-add",
      "CAP_SETPCAP",
    ]);
    expect(argv.slice(argv.indexOf("--size"), argv.indexOf("--size") + 4)).toEqual([
      "--size",
      String(16 * 1024 * 1024),
      "--tmpfs",
      "/tmp",
    ]);
    // The seccomp program goes to the zygote, which installs it in every child (not bwrap).
    expect(argv).not.toContain("--seccomp");
    // Device nodes are bound one by one (no devpts: see build-sandbox-command.ts), /dev read-only.
    expect(argv).not.toContain("--dev");
    expect(argv.slice(argv.indexOf("/dev/null") - 1, argv.indexOf("/dev/null") + 2)).toEqual([
      "--dev-bind",
      "/dev/null",
      "/dev/null",
    ]);
    const harness = argv.indexOf("/opt/interleave");
    expect(argv.slice(harness - 2, harness + 1)).toEqual([
      "--ro-bind",
      "/srv/app/lib/sandbox/python",
      "/opt/interleave",
    ]);
    expect(argv).toContain("/opt/interleave/zygote.py");
    expect(argv.slice(-2)).toEqual(["--tmp-mb", "16"]);
    // -I would imply -E and silently drop PYTHONHASHSEED.
    expect(argv).not.toContain("-I");
  });

  it("joins the slot cgroups first and only then execs the chain", () => {
    const { command, args } = buildSandboxCommand({
      ...base,
      mode: "bwrap",
      cgroupProcsFiles: ["/cg/pids/x/cgroup.procs"],
    });
    expect(command).toBe("/bin/sh");
    expect(args.slice(3, 5)).toEqual(["/cg/pids/x/cgroup.procs", "--"]);
    expect(args[5]).toBe("/usr/bin/setpriv");
  });

  it("runs unsafe-local without bwrap, in its own scratch folder", () => {
    const { args, env } = buildSandboxCommand({ ...base, mode: "unsafe-local", workdir: "/tmp/run-1" });
    expect(args).not.toContain("/usr/bin/bwrap");
    expect(args.slice(-3)).toEqual(["--unsafe-local", "--workdir", "/tmp/run-1"]);
    expect(args).not.toContain("--cap-add");
    expect(env.PYTHONHASHSEED).toBe("0");
  });
});
