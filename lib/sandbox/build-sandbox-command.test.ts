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
  seccomp: true,
};

describe("buildSandboxCommand", () => {
  it("drops to the slot uid under an empty environment before bwrap, with every namespace unshared", () => {
    const { command, args, env } = buildSandboxCommand({ ...base, mode: "bwrap" });
    const argv = [command, ...args];
    expect(env).toEqual({});
    expect(command).toBe("/usr/bin/setpriv");
    expect(argv.indexOf("--reuid=61003")).toBeLessThan(argv.indexOf("/usr/bin/bwrap"));
    expect(argv.indexOf("/usr/bin/prlimit")).toBeLessThan(argv.indexOf("/usr/bin/bwrap"));
    for (const flag of ["--unshare-all", "--unshare-user", "--disable-userns", "--as-pid-1", "--clearenv", "--die-with-parent"]) {
      expect(argv).toContain(flag);
    }
    expect(argv.slice(argv.indexOf("--size"), argv.indexOf("--size") + 4)).toEqual(["--size", String(16 * 1024 * 1024), "--tmpfs", "/tmp"]);
    expect(argv.slice(argv.indexOf("--seccomp"), argv.indexOf("--seccomp") + 2)).toEqual(["--seccomp", "3"]);
    expect(argv).toContain("/opt/interleave/zygote.py");
    // -I would imply -E and silently drop PYTHONHASHSEED.
    expect(argv).not.toContain("-I");
  });

  it("joins the slot cgroups first and only then execs the chain", () => {
    const { command, args } = buildSandboxCommand({ ...base, mode: "bwrap", cgroupProcsFiles: ["/cg/pids/x/cgroup.procs"] });
    expect(command).toBe("/bin/sh");
    expect(args.slice(3, 5)).toEqual(["/cg/pids/x/cgroup.procs", "--"]);
    expect(args[5]).toBe("/usr/bin/setpriv");
  });

  it("runs unsafe-local without bwrap, in its own scratch folder", () => {
    const { args, env } = buildSandboxCommand({ ...base, mode: "unsafe-local", workdir: "/tmp/run-1" });
    expect(args).not.toContain("/usr/bin/bwrap");
    expect(args.slice(-3)).toEqual(["--unsafe-local", "--workdir", "/tmp/run-1"]);
    expect(env.PYTHONHASHSEED).toBe("0");
  });
});
