"""Zygote: PID 1 of one long-lived sandbox slot (see docs/sandbox.md, docs/sandbox-security.md).

It imports and prewarms the harness once (with the networking libraries only when started with
--networked: a slot keeps a lean zygote and, once a run needs it, a networked one), then for every request read from the control pipe:
mounts a fresh tmpfs on /tmp, makes a per-run key, hands the run to a child (zygote_child.py; forked
ahead of the request, right after the previous run was cleaned up: zygote_spare.py) that reads its
own program from Node and writes its trace straight to Node, supervises it (wall clock, Node's kill
request), kills everything the run left, unmounts the tmpfs, marks the end of the run's streams and
reports the process facts. **The zygote never holds a run's source, compiled code, output or
result**: the next child, forked from it, cannot find any of them in its memory.

Control wire format both ways: 4-byte big-endian length + UTF-8 JSON.
"""
import ctypes
import json
import os
import resource
import signal
import struct
import sys
import time
import traceback

# Same folder, on sys.path[0].
import zygote_fds as fds
from zygote_child import child_main, request_limits
from zygote_privs import prepare_drop
from zygote_cleanup import remove_sysv_ipc, wipe_workdir
from zygote_supervise import MARKER_BYTES, code_pipe_drained, mark_end_of_run, supervise_child
from zygote_spare import KEY_BYTES, fork_spare, start_spare

HEADER = struct.Struct(">I")
MAX_CONTROL_BYTES = 64 * 1024
PR_SET_DUMPABLE = 4
TMP_INODES = 4096

UNSAFE_LOCAL = "--unsafe-local" in sys.argv
ONCE = "--once" in sys.argv
WORKDIR = sys.argv[sys.argv.index("--workdir") + 1] if "--workdir" in sys.argv else "/tmp"
NO_FRESH_TMP = "--no-fresh-tmp" in sys.argv  # benchmark only (npm run bench:sandbox)
NO_AUDIT_HOOK = "--no-audit-hook" in sys.argv  # benchmark only
# A pre-forked child waits for the next run (zygote_spare.py); a one-shot zygote has no next run.
SPARE = not ONCE and "--no-spare" not in sys.argv  # --no-spare: benchmark only
# The zygote for runs that use the network: it preloads requests, aiohttp, urllib and the TLS
# authority. Without it (the lean zygote) a fork is half as big and a run that imports them anyway
# loads them itself (slower, same result). Node picks the zygote per run (needs-network-zygote.ts).
NETWORKED = "--networked" in sys.argv
TMP_MB = int(sys.argv[sys.argv.index("--tmp-mb") + 1]) if "--tmp-mb" in sys.argv else 16

# Knobs a same-uid student process can change on this long-lived process (prlimit, setpriority,
# sched_setaffinity): snapshot them and ask Node to recycle the slot if a run changed any.
WATCHED_RLIMITS = [getattr(resource, n) for n in (
    "RLIMIT_CPU", "RLIMIT_AS", "RLIMIT_FSIZE", "RLIMIT_NOFILE", "RLIMIT_NPROC", "RLIMIT_CORE",
    "RLIMIT_STACK", "RLIMIT_DATA", "RLIMIT_MSGQUEUE", "RLIMIT_MEMLOCK", "RLIMIT_NICE",
    "RLIMIT_RTPRIO", "RLIMIT_SIGPENDING", "RLIMIT_RSS", "RLIMIT_RTTIME") if hasattr(resource, n)]


def knobs():
    return (
        [resource.getrlimit(r) for r in WATCHED_RLIMITS],
        os.getpriority(os.PRIO_PROCESS, 0),
        sorted(os.sched_getaffinity(0)),
        os.sched_getscheduler(0),
    )


def read_exact(fd, n):
    chunks, left = [], n
    while left:
        data = os.read(fd, min(left, 1 << 16))
        if not data:
            return None
        chunks.append(data)
        left -= len(data)
    return b"".join(chunks)


def send(obj):
    payload = json.dumps(obj, separators=(",", ":")).encode("utf-8")
    view = memoryview(HEADER.pack(len(payload)) + payload)
    while view:
        view = view[os.write(fds.CONTROL_OUT, view):]


def read_control():
    header = read_exact(fds.CONTROL_IN, HEADER.size)
    if header is None:
        return None
    (length,) = HEADER.unpack(header)
    if length > MAX_CONTROL_BYTES:
        raise ValueError("control message too large")
    body = read_exact(fds.CONTROL_IN, length)
    return None if body is None else json.loads(body.decode("utf-8"))


def read_seccomp_program():
    """Read once at start (Node closes its end after writing); installed by every child."""
    if UNSAFE_LOCAL:
        return None
    try:
        data = b""
        while True:
            chunk = os.read(fds.SECCOMP, 1 << 16)
            if not chunk:
                break
            data += chunk
        os.close(fds.SECCOMP)
        return data or None
    except OSError:
        return None


def harden_self():
    libc = ctypes.CDLL(None, use_errno=True)
    # Non-dumpable: a same-uid student process can neither ptrace us nor open /proc/1/fd or /mem.
    libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE, signal.SIGUSR1,
                signal.SIGUSR2, signal.SIGQUIT, signal.SIGTSTP, signal.SIGTTIN, signal.SIGTTOU):
        signal.signal(sig, signal.SIG_IGN)


class Sandbox:
    """What this zygote could set up for its runs (reported in the ready message)."""

    def __init__(self):
        import zygote_privs
        from zygote_privs import mount_run_tmp, seal_devices, unmount_run_tmp
        zygote_privs.STRICT = not UNSAFE_LOCAL
        self._mount, self._unmount = mount_run_tmp, unmount_run_tmp
        self.devices_sealed = (not UNSAFE_LOCAL) and seal_devices()
        self.fresh_tmp = not (UNSAFE_LOCAL or NO_FRESH_TMP) and self._mount(WORKDIR, TMP_MB, TMP_INODES)
        if self.fresh_tmp:
            self._unmount(WORKDIR)

    def before_run(self):
        return self.fresh_tmp and self._mount(WORKDIR, TMP_MB, TMP_INODES)

    def after_run(self, mounted):
        """True when nothing of the run is left in /tmp or SysV IPC."""
        tmp_clean = self._unmount(WORKDIR) if mounted else wipe_workdir(WORKDIR)
        return remove_sysv_ipc() and tmp_clean


def serve(harness, sandbox, drop_privileges):
    baseline = knobs()
    spare = None
    while True:
        if spare is None and SPARE:
            spare = fork_spare(harness, drop_privileges, WORKDIR)
        request = read_control()
        if request is None:
            return
        if request.get("type") != "run":
            continue  # a late "kill" for a run that already ended
        key = os.urandom(KEY_BYTES)
        mounted = sandbox.before_run()
        send({"type": "started", "id": request.get("id"), "key": key.hex()})
        started = time.monotonic()
        pid = start_spare(spare, request, key) if spare is not None else None
        spare = None
        if pid is None:
            pid = os.fork()
            if pid == 0:
                child_main(request, key, harness, drop_privileges, WORKDIR)
        facts = supervise_child(pid, request_limits(request), kill_all=not UNSAFE_LOCAL,
                                started=started, read_control=read_control)
        clean = sandbox.after_run(mounted) and facts.pop("clean") and code_pipe_drained()
        # Made only now: no process of the run is alive to learn it.
        marker = os.urandom(MARKER_BYTES)
        clean = mark_end_of_run(marker) and clean
        send({"type": "done", "id": request.get("id"), "marker": marker.hex(),
              "wallMs": (time.monotonic() - started) * 1000,
              "recycle": not clean or knobs() != baseline, **facts})
        if ONCE:
            return


class Harness:
    """The harness entry points the child uses, imported (and prewarmed) once before any fork."""

    def __init__(self, *, prewarm):
        from interleave import runner, tamper
        self.prepare_run, self.run_prepared = runner.prepare_run, runner.run_prepared
        self.scan = tamper.static_scan
        self.arm = (lambda channel: None) if NO_AUDIT_HOOK else tamper.arm
        if prewarm:
            # First-use costs (lazy imports, caches), the run-independent tamper snapshot and a
            # gc.freeze() are paid once here, not in every fork (pointless for a one-shot zygote).
            runner.prewarm(networked=NETWORKED)
            self.scan("import asyncio\n")


def main():
    harden_self()
    os.chdir("/" if not UNSAFE_LOCAL else WORKDIR)
    seccomp_program = read_seccomp_program()
    try:
        sandbox = Sandbox()
        harness = Harness(prewarm=not ONCE)
        drop_privileges = prepare_drop(seccomp_program)
    except BaseException:  # noqa: BLE001 - Node turns this into a sandbox_error naming the cause
        send({"type": "fatal", "message": "cannot start the harness: " + traceback.format_exc()[-2000:]})
        return 1
    send({"type": "ready", "pid": os.getpid(), "uid": os.getuid(), "python": sys.version.split()[0],
          "freshTmp": bool(sandbox.fresh_tmp), "devicesSealed": bool(sandbox.devices_sealed),
          "seccomp": seccomp_program is not None, "networked": NETWORKED})
    try:
        serve(harness, sandbox, drop_privileges)
    except EOFError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
