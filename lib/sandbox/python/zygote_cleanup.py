"""After each run: nothing the run started or wrote may survive into the next run of this slot."""
import ctypes
import os
import shutil
import signal
import stat
import time

REAP_SECONDS = 2.0
IPC_RMID = 0


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


def _make_writable(path):
    try:
        os.chmod(path, stat.S_IRWXU)
    except OSError:
        pass


def _remove(path):
    def retry(func, target, _exc):
        _make_writable(os.path.dirname(target))
        _make_writable(target)
        func(target)

    if os.path.isdir(path) and not os.path.islink(path):
        _make_writable(path)
        shutil.rmtree(path, onerror=retry)
    else:
        os.unlink(path)


def wipe_workdir(workdir):
    """Empty the run's scratch directory and SysV IPC. False (→ recycle the slot) if anything stays."""
    ok = True
    try:
        os.chmod(workdir, 0o700)
        for entry in os.listdir(workdir):
            try:
                _remove(os.path.join(workdir, entry))
            except OSError:
                ok = False
        ok = ok and not os.listdir(workdir)
    except OSError:
        ok = False
    return _remove_sysv_ipc() and ok


def _remove_sysv_ipc():
    """SysV objects outlive processes; the slot's IPC namespace is shared by its successive runs."""
    if not os.path.isdir("/proc/sysvipc"):
        return True
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    ok = True
    for name, call in (("shm", "shmctl"), ("msg", "msgctl"), ("sem", "semctl")):
        try:
            with open("/proc/sysvipc/" + name) as table:
                rows = table.read().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if len(fields) < 2:
                continue
            ident = int(fields[1])
            if name == "sem":
                result = getattr(libc, call)(ident, 0, IPC_RMID, None)
            else:
                result = getattr(libc, call)(ident, IPC_RMID, None)
            ok = ok and result == 0
    return ok
