"""Zygote: PID 1 of one long-lived sandbox slot (see docs/sandbox.md).

It imports and prewarms the harness once, then for every request read from stdin: runs the static
tamper scan and prepares the run (resets, compile) itself, forks a fresh child that runs the
student's program (zygote_child.py), supervises it (wall clock, bounded private event channel with
a per-run HMAC key; zygote_supervise.py), kills everything the run left behind, wipes the scratch
directory (zygote_cleanup.py) and writes ONE result message on stdout. Node treats everything
written here as untrusted and validates it again.

Wire format both ways: 4-byte big-endian length + UTF-8 JSON.
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
from zygote_child import EVENT_FD, child_main, make_emit, request_limits, request_seed, write_all
from zygote_supervise import supervise_child

HEADER = struct.Struct(">I")
MAX_REQUEST_BYTES = 1 << 20
PR_SET_DUMPABLE = 4

UNSAFE_LOCAL = "--unsafe-local" in sys.argv
ONCE = "--once" in sys.argv
WORKDIR = sys.argv[sys.argv.index("--workdir") + 1] if "--workdir" in sys.argv else "/tmp"

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
    payload = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "replace")
    write_all(1, HEADER.pack(len(payload)) + payload)


def read_request():
    header = read_exact(0, HEADER.size)
    if header is None:
        return None
    (length,) = HEADER.unpack(header)
    if length > MAX_REQUEST_BYTES:
        raise ValueError("request too large")
    body = read_exact(0, length)
    if body is None:
        return None
    return json.loads(body.decode("utf-8"))


def harden_self():
    libc = ctypes.CDLL(None, use_errno=True)
    # Non-dumpable: a same-uid student process can neither ptrace us nor open /proc/1/fd or /mem.
    libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE, signal.SIGUSR1,
                signal.SIGUSR2, signal.SIGQUIT, signal.SIGTSTP, signal.SIGTTIN, signal.SIGTTOU):
        signal.signal(sig, signal.SIG_IGN)


def scan_submission(static_scan, code):
    """The static tamper scan, run here in the zygote (which student code cannot reach): its reason
    then reaches the result even when the run is killed (CPU, wall, os._exit) before the harness
    could report anything, and the forked child does not pay for it."""
    try:
        return static_scan(code) if isinstance(code, str) else None
    except Exception as exc:  # noqa: BLE001 - a scanner bug must not crash the slot; hold for review
        return "the static scan could not check this program (%s)" % type(exc).__name__


def prepare_before_fork(harness, request, emit):
    """Resets and compile done here, before the fork: pages the zygote writes while it is alone
    are not copied, the same work in the child costs a copy-on-write fault per page."""
    try:
        return harness.prepare_run(request.get("code"), seed=request_seed(request),
                                   limits=request_limits(request), emit=emit, scan=False)
    except Exception:  # noqa: BLE001 - e.g. RecursionError in the compiler: the child redoes it under its limits
        return None


def serve(harness):
    baseline = knobs()
    while True:
        request = read_request()
        if request is None:
            return
        # Before the fork: once a child shares our pages, every page we write costs a copy.
        static_reason = scan_submission(harness.static_scan, request.get("code"))
        key = os.urandom(32)
        channel = make_emit(key, EVENT_FD)
        prepared = prepare_before_fork(harness, request, channel[0])
        ev_r, ev_w = os.pipe()
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:
            child_main(request, prepared, channel, (ev_w, out_w, err_w), harness, WORKDIR)
        del prepared, channel
        for fd in (ev_w, out_w, err_w):
            os.close(fd)
        outcome = supervise_child(pid, key, ev_r, out_r, err_r, request_limits(request),
                                  kill_all=not UNSAFE_LOCAL, workdir=WORKDIR, started=started,
                                  static_tamper=static_reason)
        outcome["recycle"] = outcome.get("recycle", False) or knobs() != baseline
        send({"type": "result", "id": request.get("id"), "wallMs": (time.monotonic() - started) * 1000,
              **outcome})
        if ONCE:
            return


class Harness:
    """The harness entry points the zygote uses, imported once before any fork."""

    def __init__(self, *, prewarm):
        from interleave import runner, tamper
        self.prepare_run, self.run_prepared = runner.prepare_run, runner.run_prepared
        self.static_scan = tamper.static_scan
        if prewarm:
            # First-use costs (lazy imports, caches), the run-independent tamper snapshot and a
            # gc.freeze() are paid once here, not in every fork (pointless for a one-shot zygote).
            runner.prewarm()
            self.static_scan("import asyncio\n")


def main():
    harden_self()
    os.chdir(WORKDIR)
    try:
        harness = Harness(prewarm=not ONCE)
    except BaseException:  # noqa: BLE001 - Node turns this into a sandbox_error naming the cause
        send({"type": "fatal", "message": "cannot import interleave.runner: " + traceback.format_exc()[-2000:]})
        return 1
    send({"type": "ready", "pid": os.getpid(), "uid": os.getuid(), "python": sys.version.split()[0]})
    serve(harness)
    return 0


if __name__ == "__main__":
    sys.exit(main())
