import { buildSeccompFilter } from "./seccomp";

/**
 * The seccomp program handed to bwrap (`--seccomp FD`), built by lib/sandbox/seccomp.ts. On by
 * default; SANDBOX_SECCOMP=off disables it (for diagnosing a syscall a program legitimately needs).
 * A generator failure (e.g. an unsupported architecture) runs without the filter rather than not at
 * all: it is defence in depth on top of the uid, capability and namespace isolation.
 */
export async function loadSeccompProgram(env: NodeJS.ProcessEnv = process.env): Promise<Buffer | null> {
  if (env.SANDBOX_SECCOMP === "off") return null;
  try {
    const program = buildSeccompFilter();
    return program.length > 0 ? program : null;
  } catch {
    return null;
  }
}
