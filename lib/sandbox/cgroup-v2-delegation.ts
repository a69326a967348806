import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Where this server's own processes go on a cgroup v2 host. v2's "no internal processes" rule: a
 * group that is not the root and holds processes cannot enable controllers for its children (the
 * kernel answers EBUSY). That is the usual case — a systemd service (Delegate=yes) or a container
 * with its own cgroup namespace starts in the group it was given — so, as systemd asks of delegated
 * services, the server moves the group's processes into this leaf and then enables the controllers;
 * the sandbox slots become the leaf's siblings.
 */
export const SERVER_LEAF = "interleave-server";

/**
 * Whether the group at `groupPath` (relative to the hierarchy's root) is ours to reorganise: a
 * systemd service (its processes are this server and its launchers; the controllers are only there
 * with `Delegate=`), or the root of a container's cgroup namespace. Never a login session's scope
 * or a slice: moving a user's shell into our leaf is not ours to do; such a host runs without the
 * per-run bound and /api/health says so.
 */
export function mayMoveProcessesOf(groupPath: string): boolean {
  return groupPath === "/" || path.posix.basename(groupPath).endsWith(".service");
}

/** The delegated group for a v2 cgroup path: the parent of our leaf once we have moved into it. */
export function delegationRoot(ownPath: string): string {
  return path.posix.basename(ownPath) === SERVER_LEAF ? path.posix.dirname(ownPath) : ownPath;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

function tryEnable(dir: string, controllers: readonly string[]): "ok" | "busy" | "failed" {
  try {
    writeFileSync(path.join(dir, "cgroup.subtree_control"), controllers.map((c) => `+${c}`).join(" "));
    return "ok";
  } catch (error) {
    return errorCode(error) === "EBUSY" ? "busy" : "failed";
  }
}

function moveProcesses(from: string, to: string): void {
  const pids = readFileSync(path.join(from, "cgroup.procs"), "utf8").split("\n").filter(Boolean);
  for (const pid of pids) {
    try {
      // One write per process: the kernel takes one pid per write to cgroup.procs.
      writeFileSync(path.join(to, "cgroup.procs"), pid);
    } catch {
      // It exited meanwhile (ESRCH), or cannot move: the retry's EBUSY then says so.
    }
  }
}

/**
 * Enables `controllers` for the children of `dir`, moving `dir`'s processes into the
 * {@link SERVER_LEAF} leaf when the kernel refuses because of them (and `moveProcesses` allows it). A process forked between the
 * read and the retry lands in `dir` again, so a few rounds are tried. False when the controllers
 * are not available or the group is not writable: the caller then runs without them.
 */
export function enableSubtreeControllers(
  dir: string,
  controllers: readonly string[],
  options: { moveProcesses: boolean },
): boolean {
  for (let round = 0; round < 4; round += 1) {
    const outcome = tryEnable(dir, controllers);
    if (outcome !== "busy" || !options.moveProcesses) return outcome === "ok";
    const leaf = path.join(dir, SERVER_LEAF);
    try {
      mkdirSync(leaf, { recursive: true });
      moveProcesses(dir, leaf);
    } catch {
      return false;
    }
  }
  return false;
}
