import { accessSync, constants, existsSync } from "node:fs";

export interface SandboxBinaries {
  bwrapPath: string;
  pythonPath: string;
  setprivPath: string;
  prlimitPath: string;
}

export const DEFAULT_BINARIES: SandboxBinaries = {
  bwrapPath: "/usr/bin/bwrap",
  pythonPath: "/usr/bin/python3",
  setprivPath: "/usr/bin/setpriv",
  prlimitPath: "/usr/bin/prlimit",
};

/** Where Debian's python3-greenlet puts the package (the pyenv python on PATH does not have it). */
const GREENLET_DIRS = ["/usr/lib/python3/dist-packages/greenlet", "/usr/local/lib/python3.11/dist-packages/greenlet"];

/** The harness pre-imports these (issue 15, the virtual network): Debian package → its module folder. */
const NETWORK_PACKAGES: [string, string][] = [
  ["python3-requests", "requests"],
  ["python3-aiohttp", "aiohttp"],
  ["python3-cryptography", "cryptography"],
];
const DIST_PACKAGES = ["/usr/lib/python3/dist-packages", "/usr/local/lib/python3.11/dist-packages"];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Debian packages the sandbox needs and that are missing, checked with the filesystem only (cheap
 * enough for /api/health). bwrap mode needs all of them; unsafe-local needs no bubblewrap.
 */
export function findMissingPackages(binaries: SandboxBinaries, mode: "bwrap" | "unsafe-local"): string[] {
  const missing: string[] = [];
  if (mode === "bwrap" && !isExecutable(binaries.bwrapPath)) missing.push("bubblewrap");
  if (!isExecutable(binaries.pythonPath)) missing.push("python3");
  else {
    if (!GREENLET_DIRS.some((dir) => existsSync(dir))) missing.push("python3-greenlet");
    for (const [pkg, module] of NETWORK_PACKAGES) {
      if (!DIST_PACKAGES.some((dir) => existsSync(`${dir}/${module}`))) missing.push(pkg);
    }
  }
  const needsUtilLinux = mode === "bwrap" || process.getuid?.() === 0;
  if (needsUtilLinux && !(isExecutable(binaries.setprivPath) && isExecutable(binaries.prlimitPath))) {
    missing.push("util-linux");
  }
  return missing;
}
