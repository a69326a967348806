/**
 * Descriptors of a sandbox, mirrored in lib/sandbox/python/zygote_fds.py. Node opens all of them
 * when it spawns the launcher; they are inherited through setpriv, prlimit and bwrap.
 */
export const FD = {
  controlIn: 0,
  controlOut: 1,
  stderr: 2,
  seccomp: 3,
  code: 4,
  events: 5,
  stdout: 6,
  stderrRun: 7,
  cgroup: 8,
} as const;
