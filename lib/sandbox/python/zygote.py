"""Zygote: PID 1 of one long-lived sandbox slot (see docs/sandbox.md).

It imports the harness once, then for every request read from stdin forks a fresh child that runs
the student's program, supervises it (wall clock, bounded private event channel with a per-run HMAC
key), kills everything the run left behind, wipes the scratch directory and writes ONE result
message on stdout. Node treats everything written here as untrusted and validates it again.

Wire format both ways: 4-byte big-endian length + UTF-8 JSON.
"""
import ctypes
import hmac
import json
import os
import random
import resource
import signal
import struct
import sys
import time
import traceback

from zygote_supervise import supervise_child  # noqa: E402  (same folder, on sys.path[0])

HEADER = struct.Struct(">I")
MAX_REQUEST_BYTES = 1 << 20
EVENT_FD = 3
MIB = 1024 * 1024
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


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


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


def make_emit(key, fd):
    """Frames: length, HMAC-SHA256(key, seq || payload), payload. Only holders of the key forge."""
    state = {"seq": 0}
    digest, dumps, pack = hmac.digest, json.dumps, HEADER.pack

    def write_frame(obj):
        payload = dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "replace")
        mac = digest(key, state["seq"].to_bytes(8, "big") + payload, "sha256")
        state["seq"] += 1
        write_all(fd, pack(len(mac) + len(payload)) + mac + payload)

    def emit(event):
        write_frame({"k": "e", "e": event})

    def finish(result):
        write_frame({"k": "end", "r": result})

    return emit, finish


def apply_run_limits(limits):
    cpu = max(1, int(-(-float(limits.get("cpuSeconds", 5)) // 1)))
    memory = int(limits.get("memoryMb", 512)) * MIB
    for res, soft, hard in (
        (resource.RLIMIT_CPU, cpu, cpu + 1),
        (resource.RLIMIT_AS, memory, memory),
        (resource.RLIMIT_FSIZE, 8 * MIB, 8 * MIB),
        (resource.RLIMIT_NOFILE, 64, 64),
        (resource.RLIMIT_NPROC, 32, 32),
        (resource.RLIMIT_CORE, 0, 0),
        (resource.RLIMIT_MSGQUEUE, 0, 0),
    ):
        resource.setrlimit(res, (soft, hard))


def child_main(request, key, ev_w, out_w, err_w, run_program):
    """Runs in the forked child; never returns."""
    code = 70
    try:
        os.setpgid(0, 0)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2,
                    signal.SIGQUIT, signal.SIGTSTP, signal.SIGTTIN, signal.SIGTTOU):
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        devnull = os.open("/dev/null", os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        os.dup2(ev_w, EVENT_FD)
        os.closerange(EVENT_FD + 1, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
        os.chdir(WORKDIR)
        limits = request.get("limits") or {}
        seed = int(request.get("seed") or 0)
        apply_run_limits(limits)
        random.seed(seed)
        emit, finish = make_emit(key, EVENT_FD)
        del key
        try:
            result = run_program(request["code"], seed=seed, limits=limits, emit=emit, scan=False)
        except MemoryError:
            code = 86
            result = {"status": "limit", "limit": "memory", "virtualTime": 0, "error": None}
        finish(result)
        code = 0
    except MemoryError:
        code = 86
    except BaseException:  # noqa: BLE001 - report a harness crash through stderr, exit non-zero
        try:
            os.write(2, traceback.format_exc().encode("utf-8", "replace")[-4000:])
        except BaseException:  # noqa: BLE001
            pass
    os._exit(code)


def scan_submission(static_scan, code):
    """The static tamper scan, run here in the zygote (which student code cannot reach): its reason
    then reaches the result even when the run is killed (CPU, wall, os._exit) before the harness
    could report anything, and the forked child does not pay for it."""
    try:
        return static_scan(code) if isinstance(code, str) else None
    except Exception as exc:  # noqa: BLE001 - a scanner bug must not crash the slot; hold for review
        return "the static scan could not check this program (%s)" % type(exc).__name__


def serve(run_program, static_scan):
    baseline = knobs()
    while True:
        request = read_request()
        if request is None:
            return
        # Before the fork: once a child shares our pages, every page we write costs a copy.
        static_reason = scan_submission(static_scan, request.get("code"))
        key = os.urandom(32)
        ev_r, ev_w = os.pipe()
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:
            child_main(request, key, ev_w, out_w, err_w, run_program)
        for fd in (ev_w, out_w, err_w):
            os.close(fd)
        outcome = supervise_child(pid, key, ev_r, out_r, err_r, request.get("limits") or {},
                                  kill_all=not UNSAFE_LOCAL, workdir=WORKDIR, started=started,
                                  static_tamper=static_reason)
        outcome["recycle"] = outcome.get("recycle", False) or knobs() != baseline
        send({"type": "result", "id": request.get("id"), "wallMs": (time.monotonic() - started) * 1000,
              **outcome})
        if ONCE:
            return


def main():
    harden_self()
    os.chdir(WORKDIR)
    try:
        from interleave.runner import prewarm, run_program
        from interleave.tamper import static_scan
        # First-use costs (lazy imports, caches) and a gc.freeze() are paid once here, not per fork.
        prewarm()
        static_scan("import asyncio\n")
    except BaseException:  # noqa: BLE001 - Node turns this into a sandbox_error naming the cause
        send({"type": "fatal", "message": "cannot import interleave.runner: " + traceback.format_exc()[-2000:]})
        return 1
    send({"type": "ready", "pid": os.getpid(), "uid": os.getuid(), "python": sys.version.split()[0]})
    serve(run_program, static_scan)
    return 0


if __name__ == "__main__":
    sys.exit(main())
