"""After each run: nothing the run started or wrote may survive into the next run of this slot.

Every function here answers True (clean) or False (the slot must be recycled) and never raises:
whatever a student leaves in /tmp (links, FIFOs, chmod 000 directories, deep trees) may at worst
cost a slot restart, never a crash of the zygote (which would be a sandbox_error).
"""
import ctypes
import os
import signal
import stat
import time

REAP_SECONDS = 2.0
IPC_RMID = 0
# Deeper trees are not walked: the slot is recycled (a fresh tmpfs) instead. This also bounds the
# open descriptors (the zygote's RLIMIT_NOFILE is 256) and the recursion.
MAX_DEPTH = 32
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_libc = []


def kill_and_reap(pid, kill_all):
    """Kill every process the run left (setsid'd ones too) and reap them. False if some survived."""
    try:
        if kill_all:
            # As PID 1 of the sandbox's PID namespace, kill(-1) reaches every other process in it.
            os.kill(-1, signal.SIGKILL)
        else:
            os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    deadline = time.monotonic() + REAP_SECONDS
    while True:
        try:
            reaped, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return True
        if reaped == 0:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.0005)


def wipe_workdir(workdir):
    """Empty the run's scratch directory (when no fresh tmpfs could be mounted). False (→ recycle
    the slot) if anything stays."""
    return _wipe_tree(workdir)


def remove_sysv_ipc():
    """SysV objects outlive processes; the slot's IPC namespace is shared by its successive runs."""
    return _remove_sysv_ipc()


def _wipe_tree(workdir):
    try:
        # The student may have chmod'ed /tmp itself; as its owner we can always restore it.
        os.chmod(workdir, 0o700)
        fd = os.open(workdir, _DIR_FLAGS)
    except Exception:  # noqa: BLE001 - any failure means "recycle", never a zygote crash
        return False
    try:
        if not os.listdir(fd):
            return True  # the common case: one getdents, nothing to walk
        return _empty_dir(fd, 0) and not os.listdir(fd)
    except Exception:  # noqa: BLE001
        return False
    finally:
        os.close(fd)


def _empty_dir(dirfd, depth):
    """Remove everything inside the directory open at `dirfd`. Links are unlinked, never followed:
    every call is relative to a descriptor opened with O_NOFOLLOW."""
    ok = True
    for name in os.listdir(dirfd):
        try:
            mode = os.stat(name, dir_fd=dirfd, follow_symlinks=False).st_mode
            if stat.S_ISDIR(mode):
                ok = _remove_dir(dirfd, name, depth + 1) and ok
            else:
                os.unlink(name, dir_fd=dirfd)
        except Exception:  # noqa: BLE001
            ok = False
    return ok


def _remove_dir(parent_fd, name, depth):
    if depth > MAX_DEPTH:
        return False
    # chmod has no no-follow variant on Linux, but it only runs after kill_and_reap (no process of
    # the run is left to swap a link in), inside the sandbox, as the student's own uid: it cannot do
    # anything the student could not have done himself.
    os.chmod(name, 0o700, dir_fd=parent_fd)
    fd = os.open(name, _DIR_FLAGS, dir_fd=parent_fd)
    try:
        ok = _empty_dir(fd, depth)
    finally:
        os.close(fd)
    os.rmdir(name, dir_fd=parent_fd)
    return ok


def _remove_sysv_ipc():
    """SysV objects outlive processes; the slot's IPC namespace is shared by its successive runs."""
    try:
        return _remove_sysv_objects()
    except Exception:  # noqa: BLE001
        return False


def _read_table(name):
    """Rows of /proc/sysvipc/<name> as {column: value}; raw reads (no buffered text file: this
    runs after every run and nearly always finds only the header)."""
    try:
        fd = os.open("/proc/sysvipc/" + name, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return []  # no SysV support in this kernel: nothing can leak through it
    try:
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(fd)
    lines = b"".join(chunks).decode("ascii", "replace").splitlines()
    if len(lines) < 2:
        return []
    header = lines[0].split()
    return [dict(zip(header, line.split())) for line in lines[1:]]


def _remove_sysv_objects():
    """Only objects created by our own uid, and never as root: in the sandbox's private IPC
    namespace that is everything the runs made; in unsafe-local mode (the host's namespace) it
    must not touch anyone else's (a root zygote once marked PostgreSQL's segment for removal)."""
    uid = str(os.getuid())
    if uid == "0":
        return True
    ok = True
    for name, call in (("shm", "shmctl"), ("msg", "msgctl"), ("sem", "semctl")):
        for row in _read_table(name):
            if row.get("cuid") != uid:
                continue
            ident = int(row.get("shmid") or row.get("msqid") or row.get("semid") or -1)
            function = getattr(_load_libc(), call)
            result = function(ident, 0, IPC_RMID, None) if name == "sem" else function(ident, IPC_RMID, None)
            ok = ok and result == 0
    return ok


def _load_libc():
    """Loaded on first need: most runs leave no SysV object."""
    if not _libc:
        _libc.append(ctypes.CDLL(None, use_errno=True))
    return _libc[0]
