import { readFileSync } from "node:fs";

function readSysctl(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
}

/**
 * Turns what a failed sandbox start said (bwrap's or setpriv's stderr, the zygote's fatal report,
 * a missing package) into what is wrong and how to fix it. Pure apart from two sysctl reads.
 */
export function diagnoseSandboxFailure(
  message: string,
  host: { uid: number | null } = { uid: process.getuid?.() ?? null },
): string {
  const lines: string[] = [];
  if (/apt-get install/.test(message))
    lines.push("Install the missing Debian packages named above (as root: bash scripts/install-system-packages.sh).");
  if (host.uid !== null && host.uid !== 0) {
    lines.push(
      "The sandbox drops to one unprivileged uid per slot (SANDBOX_UID_BASE…), which needs root: start the app, setup and tests as root, or use SANDBOX=unsafe-local for development only (never in production).",
    );
  }
  if (
    readSysctl("/proc/sys/user/max_user_namespaces") === "0" ||
    readSysctl("/proc/sys/kernel/unprivileged_userns_clone") === "0" ||
    /No permission to create new namespace|setting up uid map|Creating new namespace failed|unshare/i.test(message)
  ) {
    lines.push(
      "bubblewrap cannot create user namespaces here: set sysctl user.max_user_namespaces=15000 and kernel.unprivileged_userns_clone=1; in a container, allow unshare/clone (e.g. docker run --security-opt seccomp=unconfined --security-opt apparmor=unconfined).",
    );
  }
  if (/Can't find source path|Permission denied/.test(message) && /bwrap/.test(message)) {
    lines.push(
      "bubblewrap cannot read a folder it binds (the slot uids must be able to reach it): check the system temp dir (TMPDIR) is world-traversable (mode 1777).",
    );
  }
  if (/greenlet/.test(message))
    lines.push("Debian's python3-greenlet is missing for /usr/bin/python3: apt-get install python3-greenlet.");
  if (/cgroup/.test(message))
    lines.push("A cgroup could not be joined: set SANDBOX_CGROUPS=off to run with rlimits only (see /api/health).");
  if (lines.length === 0)
    lines.push('Unexpected: see the message above and docs/sandbox-security.md ("When the sandbox does not start").');
  return lines.join("\n");
}
