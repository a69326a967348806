import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { delegationRoot } from "./cgroup-v2-delegation";

/**
 * Which cgroup hierarchy this host gives us: v2 (one unified tree, /sys/fs/cgroup/cgroup.controllers
 * exists), v1 (one tree per controller, /sys/fs/cgroup/<controller>), or none (not Linux, not
 * mounted, or not writable). Detected, never configured.
 */
export type CgroupVersion = "v1" | "v2" | "none";

export const CGROUP_ROOT = "/sys/fs/cgroup";

export function detectCgroupVersion(root = CGROUP_ROOT): CgroupVersion {
  if (process.platform !== "linux") return "none";
  if (existsSync(path.join(root, "cgroup.controllers"))) return "v2";
  if (existsSync(path.join(root, "memory")) || existsSync(path.join(root, "pids"))) return "v1";
  return "none";
}

/** This process's own cgroup for a v1 controller ("memory", "pids") or for v2 ("" = unified). */
export function ownCgroupPath(controller: string): string | null {
  try {
    for (const line of readFileSync("/proc/self/cgroup", "utf8").split("\n")) {
      const [id, controllers, cgroupPath] = line.split(":");
      if (cgroupPath === undefined) continue;
      if (controller === "" ? id === "0" && controllers === "" : controllers?.split(",").includes(controller))
        return cgroupPath;
    }
  } catch {
    return null;
  }
  return null;
}

/** The directory slot groups are created in, or null when it is missing or not writable. */
export function parentDir(version: CgroupVersion, controller: "memory" | "pids"): string | null {
  if (version === "none") return null;
  const own = ownCgroupPath(version === "v2" ? "" : controller);
  if (own === null) return null;
  const dir = version === "v2" ? path.join(CGROUP_ROOT, delegationRoot(own)) : path.join(CGROUP_ROOT, controller, own);
  try {
    accessSync(dir, constants.W_OK);
    return dir;
  } catch {
    return null;
  }
}

/** For /api/health: what a slot would get on this host. */
export function cgroupSupport(): { version: CgroupVersion; pids: boolean; memory: boolean } {
  const version = detectCgroupVersion();
  if (version === "v2") {
    const dir = parentDir(version, "memory");
    let controllers = "";
    try {
      // What our delegated group may hand to its children, not what the host has at its root.
      controllers = dir ? readFileSync(path.join(dir, "cgroup.controllers"), "utf8") : "";
    } catch {
      controllers = "";
    }
    return {
      version,
      pids: dir !== null && controllers.includes("pids"),
      memory: dir !== null && controllers.includes("memory"),
    };
  }
  return { version, pids: parentDir(version, "pids") !== null, memory: parentDir(version, "memory") !== null };
}
