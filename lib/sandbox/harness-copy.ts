import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The harness handed to the sandbox from a neutral place. The checkout may sit where the slot uids
 * cannot enter (root's 0700 home, a `mktemp -d` folder), and a bind mount of it would show the
 * app's install path in the sandbox's /proc/self/mountinfo. So Node, which can read the checkout,
 * copies the harness (zygote*.py and the `interleave` package, no tests) into a fresh 0755 folder
 * under the system temp dir, and bwrap binds that at /opt/interleave.
 */
export interface HarnessCopy {
  /** The folder to bind (re-created if something removed it). */
  ensure(): string;
  remove(): void;
}

function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true, mode: 0o755 });
  chmodSync(to, 0o755);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name === "tests" || entry.name === "__pycache__") continue;
      copyTree(path.join(from, entry.name), path.join(to, entry.name));
    } else if (entry.isFile() && entry.name.endsWith(".py")) {
      const target = path.join(to, entry.name);
      copyFileSync(path.join(from, entry.name), target);
      chmodSync(target, 0o644);
    }
  }
}

export function createHarnessCopy(sourceDir: string): HarnessCopy {
  let dir: string | null = null;
  return {
    ensure() {
      if (dir && existsSync(path.join(dir, "zygote.py"))) return dir;
      if (!existsSync(path.join(sourceDir, "zygote.py"))) {
        throw new Error(`the sandbox harness is missing: ${path.join(sourceDir, "zygote.py")} does not exist`);
      }
      // mkdtemp: created exclusively, so nobody can have planted it in the shared temp dir.
      dir = mkdtempSync(path.join(os.tmpdir(), "interleave-harness-"));
      copyTree(sourceDir, dir);
      return dir;
    },
    remove() {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
  };
}

const shared = new Map<string, HarnessCopy>();

/** One copy per source folder for the life of the process (cold runs, tools): removed at exit. */
export function sharedHarnessCopy(sourceDir: string): HarnessCopy {
  let copy = shared.get(sourceDir);
  if (!copy) {
    const created = createHarnessCopy(sourceDir);
    copy = created;
    shared.set(sourceDir, created);
    process.once("exit", () => created.remove());
  }
  return copy;
}
