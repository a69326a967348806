"""A pre-forked spare child per slot: the zygote forks the next run's child as soon as the previous
run is cleaned up, so the fork (copying the page tables of the whole zygote) and the child's first
steps are off the next run's critical path. The spare holds nothing of any run: it is forked after
every process of the previous run is gone and its /tmp unmounted, and it waits for its request on a
pipe of its own. Node's program still goes from Node to the child alone (the code pipe); the zygote
writes the spare only what it already knows (the request, without code, and the run's key).

Cost, documented in docs/sandbox-security.md ("Timing channels not closed"): a run can read when its
process was forked (/proc/self/stat), i.e. roughly when the previous run in its slot ended.
"""
import json
import os

from zygote_child import child_main, child_prelude

KEY_BYTES = 32


class Spare:
    __slots__ = ("pid", "fd")

    def __init__(self, pid, fd):
        self.pid, self.fd = pid, fd


def fork_spare(harness, drop_privileges, workdir):
    """A waiting child, or None when it cannot be forked now (the run then forks its own)."""
    try:
        read_fd, write_fd = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:
        os.close(write_fd)
        child_prelude()
        data = _read_to_end(read_fd)
        if len(data) <= KEY_BYTES:
            os._exit(0)  # the zygote went away (or gave up on this spare) before using it
        os.close(read_fd)
        child_main(json.loads(data[KEY_BYTES:].decode("utf-8")), data[:KEY_BYTES], harness, drop_privileges,
                   workdir, prelude_done=True)
    os.close(read_fd)
    return Spare(pid, write_fd)


def start_spare(spare, request, key):
    """Hand the run to the spare; its pid, or None when the spare is gone (reaped here)."""
    view = memoryview(key + json.dumps(request, separators=(",", ":")).encode("utf-8"))
    try:
        while view:
            view = view[os.write(spare.fd, view):]
        return spare.pid
    except OSError:
        discard_spare(spare)
        return None
    finally:
        _close(spare.fd)


def discard_spare(spare):
    """Stop a spare that will not run (EOF on its pipe ends it) and reap it."""
    _close(spare.fd)
    try:
        os.waitpid(spare.pid, 0)
    except ChildProcessError:
        pass


def _close(fd):
    try:
        os.close(fd)
    except OSError:
        pass


def _read_to_end(fd):
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 1 << 16)
        except OSError:
            return b""
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
