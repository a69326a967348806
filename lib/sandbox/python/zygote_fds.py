"""Descriptor layout shared by the zygote, its forked children and Node (lib/sandbox/zygote-fds.ts).

Node opens every one of these before bwrap starts; they are inherited through setpriv, prlimit and
bwrap. The zygote itself only ever *reads* the control pipe and *writes* the control pipe and the
end-of-run markers: it never reads a byte a run wrote, nor the code of a run.
"""
CONTROL_IN = 0      # Node -> zygote: run / kill requests (never code)
CONTROL_OUT = 1     # zygote -> Node: ready, started (per-run key), done (process facts)
SECCOMP = 3         # the seccomp program (read once at start; installed in every child)
CODE = 4            # Node -> child: the program's source, read by the forked child only
EVENTS = 5          # child -> Node: authenticated trace frames
STDOUT = 6          # child -> Node: raw stdout of the run
STDERR = 7          # child -> Node: raw stderr of the run
CGROUP = 8          # cgroup.procs of the run's memory cgroup (write-only; absent without cgroups)

RUN_OUTPUTS = (EVENTS, STDOUT, STDERR)
