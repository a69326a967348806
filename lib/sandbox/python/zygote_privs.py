"""Privileges of the zygote and its children.

The zygote keeps CAP_SYS_ADMIN (and CAP_SETPCAP, to empty its children's bounding set) inside the sandbox's own user namespace (bwrap --cap-add) for one
reason: to mount a fresh, size- and inode-limited tmpfs on /tmp for every run and to make the device
nodes read-only. The forked child gives that up before it reads a single line of student code:
ambient and permitted capabilities cleared, no_new_privs set (execve can never grant anything
back), then the seccomp filter Node built (lib/sandbox/seccomp.ts), which also denies mount.
"""
import ctypes
import os

PR_CAPBSET_DROP = 24
PR_SET_NO_NEW_PRIVS = 38
PR_CAP_AMBIENT = 47
PR_CAP_AMBIENT_CLEAR_ALL = 4
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
_LINUX_CAPABILITY_VERSION_3 = 0x20080522
SYS_CAPSET = {"x86_64": 126, "aarch64": 91}
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND = 1, 2, 4, 8, 32, 4096
MNT_DETACH = 2
DEVICES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom")

_libc = ctypes.CDLL(None, use_errno=True)
PR_CAPBSET_READ = 23
# False only in unsafe-local mode (no sandbox, maybe not root): there is nothing to drop there.
STRICT = True


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _check(result, what):
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, "%s: %s" % (what, os.strerror(errno)))


def prepare_drop(seccomp_program):
    """In the zygote, once: a `drop()` for every forked child — no capability left (bounding set
    included), no way to gain one, then the seccomp filter. Everything it needs (the bounding set,
    which the zygote never changes and every child inherits; the ctypes structures; the bound libc
    functions) is built here: built in each child, it cost ~90 copy-on-write page faults per run."""
    prctl, syscall, check, strict = _libc.prctl, _libc.syscall, _check, STRICT
    bounding = tuple(cap for cap in range(64) if prctl(PR_CAPBSET_READ, cap, 0, 0, 0) == 1)
    header = _CapHeader(_LINUX_CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()  # all zero: no effective, permitted or inheritable capability
    header_ref, data_ref = ctypes.byref(header), ctypes.byref(data)
    capset = SYS_CAPSET.get(os.uname().machine)
    prog_ref = None
    if seccomp_program:
        buffer = ctypes.create_string_buffer(seccomp_program, len(seccomp_program))
        prog = _SockFprog(len(seccomp_program) // 8, ctypes.addressof(buffer))
        prog_ref = ctypes.byref(prog)

    def drop():
        for cap in bounding:
            if prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 and strict:
                raise OSError(ctypes.get_errno(), "cannot drop capability %d from the bounding set" % cap)
        check(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0), "clear ambient capabilities")
        if capset is not None:
            check(syscall(capset, header_ref, data_ref), "capset")
        check(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
        if prog_ref is not None:
            check(prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, prog_ref, 0, 0), "seccomp")

    # byref() keeps its structure alive, not the program buffer the structure points into.
    drop.keep = (header, data, buffer if seccomp_program else None)
    return drop


def mount_run_tmp(path, size_mb, inodes):
    """A fresh tmpfs for one run: nothing of an earlier run (files, inodes, xattrs, times) exists
    in it. False when the zygote may not mount (no capability): the caller wipes instead."""
    options = "size=%dm,nr_inodes=%d,mode=0700" % (size_mb, inodes)
    return _libc.mount(b"tmpfs", path.encode(), b"tmpfs", MS_NOSUID | MS_NODEV,
                       options.encode()) == 0


def unmount_run_tmp(path):
    return _libc.umount2(path.encode(), MNT_DETACH) == 0


def seal_devices():
    """bwrap binds the host's device nodes; read-only binds stop utime()/chmod on the host inode
    while reads and writes of the device itself keep working. True when every one is sealed."""
    ok = True
    for device in DEVICES:
        if os.path.exists(device):
            flags = MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID
            ok = _libc.mount(None, device.encode(), None, flags, None) == 0 and ok
    return ok
