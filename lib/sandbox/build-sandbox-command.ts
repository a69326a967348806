import type { SandboxBinaries } from "./find-missing-packages";

/** Where the harness folder appears inside the sandbox (a fixed path keeps tracebacks stable). */
export const SANDBOX_HARNESS_DIR = "/opt/interleave";
/** Device nodes bound from the host (read-only binds: the zygote seals them at start). */
const DEVICES = ["null", "zero", "full", "random", "urandom"];

/** Environment of the sandboxed Python: the only variables a student can ever see. */
export const SANDBOX_ENV: Record<string, string> = {
  PYTHONHASHSEED: "0",
  // Each thread's malloc arena counts against RLIMIT_AS: two arenas keep ThreadPoolExecutor usable.
  MALLOC_ARENA_MAX: "2",
  PYTHONUTF8: "1",
  PYTHONDONTWRITEBYTECODE: "1",
  LANG: "C.UTF-8",
  PATH: "/usr/bin:/bin",
  HOME: "/tmp",
};

export interface SandboxCommandOptions {
  mode: "bwrap" | "unsafe-local";
  binaries: SandboxBinaries;
  /** Unprivileged uid/gid of this slot (dropped to only when we are root). */
  uid: number;
  harnessDir: string;
  tmpSizeMb: number;
  /** cgroup.procs files the launcher joins before anything else runs. */
  cgroupProcsFiles: string[];
  /** Cold mode: the zygote serves one request and exits. */
  once: boolean;
  /** The zygote preloads the networking libraries (runs that need them; see needs-network-zygote.ts). */
  networked?: boolean;
  /** Benchmark only: zygote-side steps to leave out (see SandboxRunnerOptions.isolationOff). */
  isolationOff?: string[];
  /** unsafe-local only: the host directory that plays /tmp (wiped after each run). */
  workdir?: string;
}

export interface SandboxCommand {
  command: string;
  args: string[];
  /** Environment for spawn: empty in bwrap mode so /proc/1/environ leaks nothing. */
  env: Record<string, string>;
}

const MIB = 1024 * 1024;

/** Generous limits for the long-lived zygote; each run lowers its own in the forked child. */
function zygoteLimits(binaries: SandboxBinaries): string[] {
  return [
    binaries.prlimitPath,
    "--nproc=128",
    "--nofile=256",
    `--fsize=${64 * MIB}`,
    `--as=${(4096 + 1024) * MIB}`,
    "--core=0",
    "--msgqueue=0",
    "--",
  ];
}

function dropPrivileges(binaries: SandboxBinaries, uid: number): string[] {
  return [
    binaries.setprivPath,
    `--reuid=${uid}`,
    `--regid=${uid}`,
    "--clear-groups",
    "--inh-caps=-all",
    "--bounding-set=-all",
    "--",
  ];
}

const CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

function bwrapArgs(options: SandboxCommandOptions): string[] {
  const env = Object.entries(SANDBOX_ENV).flatMap(([name, value]) => ["--setenv", name, value]);
  const devices = DEVICES.flatMap((name) => ["--dev-bind", `/dev/${name}`, `/dev/${name}`]);
  return [
    options.binaries.bwrapPath,
    "--unshare-all",
    "--unshare-user",
    // Only inside the sandbox's own user namespace, and only for the zygote: it mounts a fresh
    // tmpfs on /tmp per run and seals the device binds; every forked child drops it (and all
    // others) and sets no_new_privs before student code, then installs the seccomp filter.
    // (No --disable-userns: it nests a second user namespace that may not mount; the child's
    // seccomp filter refuses CLONE_NEWUSER/unshare instead.)
    "--cap-drop",
    "ALL",
    "--cap-add",
    "CAP_SYS_ADMIN",
    "--cap-add",
    "CAP_SETPCAP",
    "--die-with-parent",
    "--new-session",
    "--as-pid-1",
    "--clearenv",
    ...env,
    "--ro-bind",
    "/usr",
    "/usr",
    "--symlink",
    "usr/lib",
    "/lib",
    "--symlink",
    "usr/lib64",
    "/lib64",
    "--symlink",
    "usr/bin",
    "/bin",
    "--proc",
    "/proc",
    // Not --dev: it needs devpts, which makes bwrap nest a user namespace the zygote cannot mount in.
    "--tmpfs",
    "/dev",
    ...devices,
    "--symlink",
    "/proc/self/fd",
    "/dev/fd",
    "--symlink",
    "/proc/self/fd/0",
    "/dev/stdin",
    "--symlink",
    "/proc/self/fd/1",
    "/dev/stdout",
    "--symlink",
    "/proc/self/fd/2",
    "/dev/stderr",
    "--size",
    String(options.tmpSizeMb * MIB),
    "--tmpfs",
    "/tmp",
    // The public CA bundle (no secret): requests refuses https without it. The hosts a run reaches are
    // virtual and signed by the sandbox's own authority (interleave/vtls.py), trusted on top of it.
    "--ro-bind-try",
    CA_BUNDLE,
    CA_BUNDLE,
    "--ro-bind",
    options.harnessDir,
    SANDBOX_HARNESS_DIR,
    "--remount-ro",
    "/dev",
    "--remount-ro",
    "/",
    "--chdir",
    "/",
    "--hostname",
    "sandbox",
    "--",
  ];
}

function python(options: SandboxCommandOptions, harnessDir: string): string[] {
  const off = options.isolationOff ?? [];
  const flags = [
    ...(options.once ? ["--once"] : []),
    ...(options.networked ? ["--networked"] : []),
    ...(off.includes("freshTmp") ? ["--no-fresh-tmp"] : []),
    ...(off.includes("auditHook") ? ["--no-audit-hook"] : []),
    ...(off.includes("spareChild") ? ["--no-spare"] : []),
    "--tmp-mb",
    String(options.tmpSizeMb),
  ];
  // Not -I: it implies -E, which would ignore PYTHONHASHSEED (set hashes must not vary per slot).
  return [options.binaries.pythonPath, "-s", "-B", `${harnessDir}/zygote.py`, ...flags];
}

/** Joins the cgroups first, then execs the rest: every later process is born inside them. */
function cgroupJoin(files: string[]): string[] {
  if (files.length === 0) return [];
  const script = 'while [ "$1" != "--" ]; do echo $$ > "$1" || exit 125; shift; done; shift; exec "$@"';
  return ["/bin/sh", "-c", script, "sh", ...files, "--"];
}

export function buildSandboxCommand(options: SandboxCommandOptions): SandboxCommand {
  let argv: string[];
  let env: Record<string, string>;
  if (options.mode === "bwrap") {
    argv = [
      ...cgroupJoin(options.cgroupProcsFiles),
      ...dropPrivileges(options.binaries, options.uid),
      ...zygoteLimits(options.binaries),
      ...bwrapArgs(options),
      ...python(options, SANDBOX_HARNESS_DIR),
    ];
    env = {};
  } else {
    const asRoot = process.getuid?.() === 0;
    argv = [
      ...cgroupJoin(options.cgroupProcsFiles),
      ...(asRoot ? dropPrivileges(options.binaries, options.uid) : []),
      ...zygoteLimits(options.binaries),
      ...python(options, options.harnessDir),
      "--unsafe-local",
      "--workdir",
      options.workdir ?? "/nonexistent",
    ];
    env = { ...SANDBOX_ENV, HOME: options.workdir ?? "/nonexistent" };
  }
  const [command, ...args] = argv;
  return { command, args, env };
}
