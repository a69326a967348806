"""Parent side of one run inside the zygote: wait for the child, kill it on the wall limit or when
Node asks (output budget), kill and reap whatever the run left, then mark the end of the run's
output streams. It never reads what the run wrote: the trace, stdout and stderr go from the child
straight to Node, so nothing of a run's output ever lands in the zygote's memory.
"""
import fcntl
import os
import select
import signal
import time

import zygote_fds as fds
from zygote_cleanup import kill_and_reap

MARKER_BYTES = 16


def supervise_child(pid, limits, *, kill_all, started, read_control):
    """Process facts of the run. `read_control()` returns a pending control message or None
    (Node's "kill" when the run overflows its output budget)."""
    deadline = started + float(limits.get("wallSeconds", 10))
    pidfd = os.pidfd_open(pid)
    poller = select.poll()
    poller.register(pidfd, select.POLLIN)
    poller.register(fds.CONTROL_IN, select.POLLIN)
    wall_killed = node_killed = False
    exited = False
    while not exited:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            os.kill(pid, signal.SIGKILL)
            wall_killed = True
            break
        for fd, _ in poller.poll(max(1, int(remaining * 1000))):
            if fd == pidfd:
                exited = True
            elif fd == fds.CONTROL_IN:
                message = read_control()
                if message is None:
                    os.kill(pid, signal.SIGKILL)  # Node went away: stop the run, then exit
                    raise EOFError("control pipe closed")
                if message.get("type") == "kill" and not node_killed:
                    os.kill(pid, signal.SIGKILL)
                    node_killed = True
    _, wait_status, usage = os.wait4(pid, 0)
    os.close(pidfd)
    clean = kill_and_reap(pid, kill_all)
    return {
        "exitCode": os.WEXITSTATUS(wait_status) if os.WIFEXITED(wait_status) else None,
        "signal": os.WTERMSIG(wait_status) if os.WIFSIGNALED(wait_status) else None,
        "cpuSeconds": usage.ru_utime + usage.ru_stime,
        "maxRssKb": usage.ru_maxrss,
        "wallKilled": wall_killed,
        "killedOnRequest": node_killed,
        "clean": clean,
    }


def mark_end_of_run(marker):
    """After every process of the run is gone: append the marker (made now, after the run, so the
    run could not have known it) to each output stream. Node treats the run's output as complete
    once every stream ends with it. A run may have made the shared sockets non-blocking, or shut
    one down (Node then sees its end): False means "recycle the slot", never a crash."""
    intact = True
    for fd in fds.RUN_OUTPUTS:
        try:
            flags = fcntl.fcntl(fd, fcntl.F_GETFL)
            if flags & os.O_NONBLOCK:
                fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
            view = memoryview(marker)
            while view:
                view = view[os.write(fd, view):]
        except OSError:
            intact = False
    return intact


def code_pipe_drained():
    """True when the child consumed all of its program and left the code socket as it was (else
    the slot is recycled: the next run must never read a byte of this one's code, nor find the
    socket shut down). poll() looks without reading: POLLIN = bytes left, POLLRDHUP/HUP = shut."""
    poller = select.poll()
    poller.register(fds.CODE, select.POLLIN | select.POLLRDHUP)
    try:
        return not poller.poll(0)
    except OSError:
        return False
