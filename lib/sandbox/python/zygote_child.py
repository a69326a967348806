"""The forked child of one run. It reads its own program from Node (the zygote never sees it),
joins the run's memory cgroup, drops every privilege, then runs the program and writes its
authenticated trace straight to Node. Runs once and exits; see zygote.py for the parent side."""
import os
import resource
import signal
import traceback

import zygote_fds as fds
from zygote_channel import make_channel

MIB = 1024 * 1024


def read_code(count):
    """Exactly `count` bytes from the code pipe (Node wrote them for this run only)."""
    chunks, left = [], count
    while left > 0:
        data = os.read(fds.CODE, min(left, 1 << 16))
        if not data:
            raise EOFError("the code pipe closed early")
        chunks.append(data)
        left -= len(data)
    return b"".join(chunks).decode("utf-8", "replace")


def apply_run_limits(limits, *, cgroup_memory):
    cpu = max(1, int(-(-float(limits.get("cpuSeconds", 5)) // 1)))
    memory = int(limits.get("memoryMb", 512)) * MIB
    settings = [
        (resource.RLIMIT_CPU, cpu, cpu + 1),
        (resource.RLIMIT_FSIZE, 8 * MIB, 8 * MIB),
        (resource.RLIMIT_NOFILE, 64, 64),
        (resource.RLIMIT_NPROC, 32, 32),
        (resource.RLIMIT_CORE, 0, 0),
        (resource.RLIMIT_MSGQUEUE, 0, 0),
    ]
    if not cgroup_memory:
        # Without a memory cgroup only the per-process address-space limit is left (see /api/health).
        settings.append((resource.RLIMIT_AS, memory, memory))
    for res, soft, hard in settings:
        resource.setrlimit(res, (soft, hard))


def _join_cgroup():
    try:
        os.write(fds.CGROUP, b"0")
        return True
    except OSError:
        return False


def _setup_descriptors():
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(fds.STDOUT, 1)
    os.dup2(fds.STDERR, 2)
    os.dup2(fds.EVENTS, 3)


def child_prelude():
    """The first steps of a child, independent of its run (a spare takes them before its request)."""
    os.setpgid(0, 0)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2,
                signal.SIGQUIT, signal.SIGTSTP, signal.SIGTTIN, signal.SIGTTOU, signal.SIGPIPE):
        signal.signal(sig, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)


def child_main(request, key, harness, drop_privileges, tmpdir, *, prelude_done=False):
    """Never returns. Everything before `run_prepared` is harness code; the student's code runs
    only after privileges, limits and the seccomp filter are in place."""
    code = 70
    try:
        if not prelude_done:
            child_prelude()
        source = read_code(int(request.get("codeBytes") or 0))
        joined = request.get("cgroupMemory") is True and _join_cgroup()
        _setup_descriptors()
        os.closerange(4, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
        os.chdir(tmpdir)
        apply_run_limits(request_limits(request), cgroup_memory=joined)
        drop_privileges()
        channel = make_channel(key, 3)
        _run(harness, source, request, channel)
        code = 0
    except MemoryError:
        code = 86
    except BaseException:  # noqa: BLE001 - report a harness crash through stderr, exit non-zero
        try:
            os.write(2, traceback.format_exc().encode("utf-8", "replace")[-4000:])
        except BaseException:  # noqa: BLE001
            pass
    os._exit(code)


def _run(harness, source, request, channel):
    # The static scan runs before any student code: its finding is on its way to Node before the
    # program could try to hide it.
    reason = harness.scan(source)
    if reason:
        channel.tamper(reason)
    try:
        prepared = harness.prepare_run(source, seed=request_seed(request), limits=request_limits(request),
                                       emit=channel.emit, scan=False, network=request_network(request))
        harness.arm(channel)
        result = harness.run_prepared(prepared)
    except MemoryError:
        result = {"status": "limit", "limit": "memory", "virtualTime": 0, "error": None}
    channel.finish(result)


def request_limits(request):
    limits = request.get("limits")
    return limits if isinstance(limits, dict) else {}


def request_network(request):
    network = request.get("network")
    return network if isinstance(network, dict) else None


def request_seed(request):
    try:
        return int(request.get("seed") or 0)
    except (TypeError, ValueError):
        return 0
