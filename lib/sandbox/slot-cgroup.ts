import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CGROUP_ROOT, detectCgroupVersion, parentDir, type CgroupVersion } from "./cgroup-layout";
import { enableSubtreeControllers, mayMoveProcessesOf } from "./cgroup-v2-delegation";

/**
 * The cgroups of one slot. The whole sandbox lives in the slot's group (pids.max for all of it);
 * each run's child moves itself into the slot's "run" group, whose memory limit Node sets to the
 * exercise's memoryMb before every run. That one bound covers every process, thread, memfd and
 * tmpfs page of the run and counts memory really used, not address space. v1 and v2 are both
 * supported; without a writable memory controller the child falls back to RLIMIT_AS and
 * /api/health says so.
 */
export interface SlotCgroup {
  version: CgroupVersion;
  pids: boolean;
  memory: boolean;
  /** cgroup.procs files the launcher joins before anything else runs. */
  procsFiles: string[];
  /** Re-creates the groups if something removed them; returns the run group's cgroup.procs fd. */
  ensure(): number | null;
  /** Sets the run group's limit; false when it could not be set (the run then uses RLIMIT_AS). */
  setRunMemory(bytes: number): boolean;
  /** OOM kills in the run group so far. */
  oomKills(): number;
  remove(): Promise<void>;
}

const MIB = 1024 * 1024;
/** The zygote itself, on top of the largest run limit (4096 MiB). */
const SLOT_MEMORY_BYTES = (4096 + 1024) * MIB;

function write(dir: string, file: string, value: string): boolean {
  try {
    writeFileSync(path.join(dir, file), value);
    return true;
  } catch {
    return false;
  }
}

function makeGroup(dir: string, settings: Array<[string, string]>, optional: Array<[string, string]> = []): boolean {
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    return false;
  }
  if (!settings.every(([file, value]) => write(dir, file, value))) {
    tryRemove(dir);
    return false;
  }
  for (const [file, value] of optional) write(dir, file, value);
  return true;
}

function tryRemove(dir: string): boolean {
  try {
    rmdirSync(dir);
    return true;
  } catch {
    return !existsSync(dir);
  }
}

async function removeWhenEmpty(dirs: string[]): Promise<void> {
  // Deepest first; SIGKILLed sandbox processes leave a few milliseconds after bwrap's pipes close.
  for (const dir of dirs) {
    for (let attempt = 0; attempt < 50 && !tryRemove(dir); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function readOomKills(file: string): number {
  try {
    const match = /^oom_kill (\d+)$/m.exec(readFileSync(file, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

interface Layout {
  pidsDir: string | null;
  memoryDir: string | null;
  runDir: string | null;
  procsFiles: string[];
  limitFiles: string[];
  oomFile: string | null;
  create(): void;
}

function v1Layout(name: string, maxPids: number): Layout {
  const pidsParent = parentDir("v1", "pids");
  const memoryParent = parentDir("v1", "memory");
  const pidsDir = pidsParent ? path.join(pidsParent, name) : null;
  const memoryDir = memoryParent ? path.join(memoryParent, name) : null;
  const runDir = memoryDir ? path.join(memoryDir, "run") : null;
  const layout: Layout = {
    pidsDir,
    memoryDir,
    runDir,
    procsFiles: [],
    // memsw (memory + swap) must stay >= memory: Node writes them in the safe order.
    limitFiles: ["memory.limit_in_bytes", "memory.memsw.limit_in_bytes"],
    oomFile: runDir ? path.join(runDir, "memory.oom_control") : null,
    create() {
      if (pidsDir && !makeGroup(pidsDir, [["pids.max", String(maxPids)]])) layout.pidsDir = null;
      if (
        memoryDir &&
        !(
          makeGroup(memoryDir, [["memory.limit_in_bytes", String(SLOT_MEMORY_BYTES)]]) &&
          makeGroup(path.join(memoryDir, "run"), [["memory.limit_in_bytes", String(512 * MIB)]])
        )
      ) {
        layout.memoryDir = layout.runDir = layout.oomFile = null;
      }
      layout.procsFiles = [layout.pidsDir, layout.memoryDir]
        .filter((d): d is string => d !== null)
        .map((d) => path.join(d, "cgroup.procs"));
    },
  };
  return layout;
}

function v2Layout(name: string, maxPids: number): Layout {
  const parent = parentDir("v2", "memory");
  const slotDir = parent ? path.join(parent, name) : null;
  const layout: Layout = {
    pidsDir: slotDir,
    memoryDir: slotDir,
    runDir: slotDir ? path.join(slotDir, "run") : null,
    procsFiles: [],
    limitFiles: ["memory.max"],
    oomFile: slotDir ? path.join(slotDir, "run", "memory.events") : null,
    create() {
      // "No internal processes": the zygote lives in slot/zygote, each run in slot/run.
      const ok =
        parent !== null &&
        slotDir !== null &&
        enableSubtreeControllers(parent, ["memory", "pids"], {
          moveProcesses: mayMoveProcessesOf(`/${path.relative(CGROUP_ROOT, parent)}`),
        }) &&
        makeGroup(slotDir, [
          ["pids.max", String(maxPids)],
          ["memory.max", String(SLOT_MEMORY_BYTES)],
        ]) &&
        write(slotDir, "cgroup.subtree_control", "+memory +pids") &&
        makeGroup(path.join(slotDir, "zygote"), []) &&
        makeGroup(
          path.join(slotDir, "run"),
          [["memory.max", String(512 * MIB)]],
          [
            ["memory.swap.max", "0"],
            ["memory.oom.group", "1"],
          ],
        );
      if (!ok) {
        layout.pidsDir = layout.memoryDir = layout.runDir = layout.oomFile = null;
        layout.procsFiles = [];
      } else layout.procsFiles = [path.join(slotDir, "zygote", "cgroup.procs")];
    },
  };
  return layout;
}

export function createSlotCgroup(options: { name: string; maxPids: number; enabled: boolean }): SlotCgroup {
  const version = options.enabled ? detectCgroupVersion() : "none";
  const layout =
    version === "v2"
      ? v2Layout(options.name, options.maxPids)
      : version === "v1"
        ? v1Layout(options.name, options.maxPids)
        : null;
  layout?.create();
  let runFd: number | null = null;
  let currentLimit = 512 * MIB;
  let oomSeen = 0;
  const cgroup: SlotCgroup = {
    version: layout && (layout.pidsDir || layout.memoryDir) ? version : "none",
    get pids() {
      return layout?.pidsDir != null;
    },
    get memory() {
      return layout?.runDir != null;
    },
    get procsFiles() {
      return layout?.procsFiles ?? [];
    },
    ensure() {
      if (!layout) return null;
      if ((layout.pidsDir && !existsSync(layout.pidsDir)) || (layout.runDir && !existsSync(layout.runDir)))
        layout.create();
      if (runFd !== null) closeSync(runFd);
      runFd = null;
      if (!layout.runDir) return null;
      try {
        runFd = openSync(path.join(layout.runDir, "cgroup.procs"), "w");
        oomSeen = layout.oomFile ? readOomKills(layout.oomFile) : 0;
        currentLimit =
          Number(readFileSync(path.join(layout.runDir, layout.limitFiles[0]), "utf8").trim()) || currentLimit;
      } catch {
        runFd = null;
      }
      return runFd;
    },
    setRunMemory(bytes) {
      if (!layout?.runDir || runFd === null) return false;
      if (bytes === currentLimit) return true;
      // Raising: the outer (memsw) limit first; lowering: the inner one first.
      const files = bytes > currentLimit ? [...layout.limitFiles].reverse() : layout.limitFiles;
      const runDir = layout.runDir;
      const ok = files.every(
        (file, index) => write(runDir, file, String(bytes)) || (index > 0 && !existsSync(path.join(runDir, file))),
      );
      if (ok) currentLimit = bytes;
      return ok;
    },
    oomKills() {
      if (!layout?.oomFile) return 0;
      const now = readOomKills(layout.oomFile);
      const fresh = now - oomSeen;
      oomSeen = now;
      return fresh;
    },
    async remove() {
      if (runFd !== null) closeSync(runFd);
      runFd = null;
      if (!layout) return;
      const dirs = [
        layout.runDir,
        layout.memoryDir && layout.memoryDir !== layout.pidsDir ? layout.memoryDir : null,
        layout.pidsDir && path.join(layout.pidsDir, "zygote"),
        layout.pidsDir,
      ];
      await removeWhenEmpty(dirs.filter((d): d is string => d !== null && existsSync(d)));
    },
  };
  return cgroup;
}
