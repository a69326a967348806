import { accessSync, constants, mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Optional cgroup v1 confinement of one slot (pids and memory controllers), nested under the
 * cgroup this process already lives in. Everything here is best effort: on hosts without writable
 * cgroups the slot runs with rlimits only and /api/health says so.
 */
export interface SlotCgroup {
  procsFiles: string[];
  pids: boolean;
  memory: boolean;
  remove(): void;
}

const ROOT = "/sys/fs/cgroup";

function ownCgroupPath(controller: string): string | null {
  try {
    for (const line of readFileSync("/proc/self/cgroup", "utf8").split("\n")) {
      const [, controllers, cgroupPath] = line.split(":");
      if (controllers?.split(",").includes(controller) && cgroupPath !== undefined) return cgroupPath;
    }
  } catch {
    return null;
  }
  return null;
}

/** Whether a slot cgroup could be created under this process's own cgroup (for health checks). */
export function cgroupWritable(controller: "pids" | "memory"): boolean {
  const parent = ownCgroupPath(controller);
  if (parent === null) return false;
  try {
    accessSync(path.join(ROOT, controller, parent), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function createGroup(controller: string, name: string, settings: Record<string, string>): string | null {
  const parent = ownCgroupPath(controller);
  if (parent === null) return null;
  const dir = path.join(ROOT, controller, parent, name);
  try {
    mkdirSync(dir, { recursive: true });
    for (const [file, value] of Object.entries(settings)) writeFileSync(path.join(dir, file), value);
    return dir;
  } catch {
    try {
      rmdirSync(dir);
    } catch {
      // not created, or not empty: nothing to undo
    }
    return null;
  }
}

export function createSlotCgroup(options: { name: string; maxPids: number; memoryBytes: number; enabled: boolean }): SlotCgroup {
  if (!options.enabled || process.platform !== "linux") {
    return { procsFiles: [], pids: false, memory: false, remove: () => undefined };
  }
  const pidsDir = createGroup("pids", options.name, { "pids.max": String(options.maxPids) });
  const memoryDir = createGroup("memory", options.name, { "memory.limit_in_bytes": String(options.memoryBytes) });
  const dirs = [pidsDir, memoryDir].filter((dir): dir is string => dir !== null);
  return {
    procsFiles: dirs.map((dir) => path.join(dir, "cgroup.procs")),
    pids: pidsDir !== null,
    memory: memoryDir !== null,
    remove() {
      for (const dir of dirs) {
        try {
          rmdirSync(dir);
        } catch {
          // still has a dying process: the kernel frees it once empty, a later start reuses it
        }
      }
    },
  };
}
