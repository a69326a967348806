import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
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
  /** Re-creates the groups if something removed them (called before each slot start). */
  ensure(): void;
  /** Waits (briefly) for the slot's last processes to leave, then removes the groups. */
  remove(): Promise<void>;
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

const REMOVE_ATTEMPTS = 50;

/** SIGKILLed sandbox processes leave the group a few milliseconds after bwrap's pipes close. */
async function removeWhenEmpty(dir: string): Promise<void> {
  for (let attempt = 0; attempt < REMOVE_ATTEMPTS; attempt += 1) {
    try {
      rmdirSync(dir);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

export function createSlotCgroup(options: { name: string; maxPids: number; memoryBytes: number; enabled: boolean }): SlotCgroup {
  if (!options.enabled || process.platform !== "linux") {
    return { procsFiles: [], pids: false, memory: false, ensure: () => undefined, remove: () => Promise.resolve() };
  }
  const pidsSettings = { "pids.max": String(options.maxPids) };
  const memorySettings = { "memory.limit_in_bytes": String(options.memoryBytes) };
  const pidsDir = createGroup("pids", options.name, pidsSettings);
  const memoryDir = createGroup("memory", options.name, memorySettings);
  const dirs = [pidsDir, memoryDir].filter((dir): dir is string => dir !== null);
  return {
    procsFiles: dirs.map((dir) => path.join(dir, "cgroup.procs")),
    pids: pidsDir !== null,
    memory: memoryDir !== null,
    ensure() {
      if (pidsDir && !existsSync(pidsDir)) createGroup("pids", options.name, pidsSettings);
      if (memoryDir && !existsSync(memoryDir)) createGroup("memory", options.name, memorySettings);
    },
    async remove() {
      for (const dir of dirs) await removeWhenEmpty(dir);
    },
  };
}
