"""The forked child of one run: private descriptors, per-run limits, the authenticated event
channel, then the prepared program. Runs once and exits; see zygote.py for the parent side."""
import hmac
import json
import os
import resource
import signal
import struct
import traceback

HEADER = struct.Struct(">I")
EVENT_FD = 3
MIB = 1024 * 1024


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


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


def child_main(request, prepared, channel, pipes, harness, workdir):
    """Runs in the forked child; never returns. `prepared` is the run the zygote prepared before
    forking, or None when the zygote left that to the child (the code did not compile there)."""
    code = 70
    ev_w, out_w, err_w = pipes
    emit, finish = channel
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
        os.chdir(workdir)
        apply_run_limits(request_limits(request))
        try:
            if prepared is None:
                prepared = harness.prepare_run(request["code"], seed=request_seed(request),
                                               limits=request_limits(request), emit=emit, scan=False)
            result = harness.run_prepared(prepared)
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


def request_limits(request):
    limits = request.get("limits")
    return limits if isinstance(limits, dict) else {}


def request_seed(request):
    return int(request.get("seed") or 0)


