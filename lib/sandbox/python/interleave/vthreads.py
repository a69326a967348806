"""Virtual threads and virtual time for blocking code.

CPython's own `threading`, `queue` and `concurrent.futures` code keeps running unchanged; only the
primitives underneath are swapped for the duration of a run: locks become `VLock` (blocking hands
control to the scheduler instead of blocking the OS thread), new threads become greenlet actors,
and the clock functions of `time` (and `datetime.datetime.now`) read the virtual clock. That keeps thread names
(`ThreadPoolExecutor-0_0`, `Thread-1 (work)`, `asyncio_0`), worker reuse and exception output
identical to CPython's.
"""
import _thread
import _threading_local
import concurrent.futures
import concurrent.futures.thread as _cft
import functools
import itertools
import queue
import sys
import threading
import weakref
from collections import deque

from greenlet import greenlet

from . import loopblock
from .errors import FILENAME
from .vclock import TIME_PATCHES, vmonotonic
from .vdatetime import DATETIME_PATCHES
from .world import BLOCKED, Actor, world

# CPython's default is min(32, os.cpu_count() + 4): pinned as if on a 2-CPU machine.
DEFAULT_MAX_WORKERS = 6
_VIRTUAL_IDENT_BASE = 1 << 48
_idents = itertools.count(_VIRTUAL_IDENT_BASE + 1)
MAIN_IDENT = _thread.get_ident()


class VLock:
    """`_thread.lock` whose blocking acquire waits in virtual time."""

    __slots__ = ("_locked", "_waiters", "__weakref__")

    def __init__(self):
        self._locked = False
        self._waiters = deque()

    def acquire(self, blocking=True, timeout=-1):
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            if timeout != -1:
                raise ValueError("can't specify a timeout for a non-blocking call")
            return False
        if timeout == -1:
            deadline = None
        elif timeout < 0:
            raise ValueError("timeout value must be a non-negative number")
        else:
            deadline = world.now + timeout
        me = world.current
        start = world.now
        on_loop = loopblock.loop_running()
        try:
            while self._locked:
                if deadline is not None and world.now >= deadline:
                    return False
                self._waiters.append(me)
                if not world.block(deadline, what="lock"):
                    try:
                        self._waiters.remove(me)
                    except ValueError:
                        pass
            self._locked = True
            return True
        finally:
            if on_loop and world.now > start:
                _note_loop_blocked(start)

    acquire_lock = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False
        while self._waiters:
            actor = self._waiters.popleft()
            if actor.state == BLOCKED:
                world.wake(actor)
                break
        if world.runnable and _called_by_student():
            world.preemption_point()

    release_lock = release

    def locked(self):
        return self._locked

    locked_lock = locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def _at_fork_reinit(self):
        self._locked = False
        self._waiters.clear()

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return "<%s _thread.lock object at %#x>" % (state, id(self))


def _called_by_student():
    """Releases inside threading/queue internals are not preemption points: they would multiply
    the choice points without adding orders the program can observe differently."""
    frame = sys._getframe(2)
    for _ in range(2):  # release() directly, or through `with lock:` (__exit__)
        if frame is None:
            return False
        if frame.f_code.co_filename == FILENAME:
            return True
        frame = frame.f_back
    return False


def _note_loop_blocked(start):
    line = loopblock.student_line()
    loopblock.record(loopblock.call_label(line), line, world.now - start, loopblock.CALL_HINT, start)


def vget_ident():
    cur = world.current
    return cur.ident if cur is not None else MAIN_IDENT


def _vstart_new_thread(func, args, kwargs=None):
    ident = next(_idents)
    actor = Actor("Thread", ident, None)
    owner = getattr(func, "__self__", None)
    if isinstance(owner, threading.Thread):
        actor.thread = owner
    glet = greenlet(functools.partial(_thread_main, actor, func, args, kwargs or {}),
                    parent=world.root)
    actor.base = actor.resume = glet
    world.spawn(actor)
    return ident


def _thread_main(actor, func, args, kwargs, *_finished):
    # `_finished`: a thread that ends hands over by returning into its successor's greenlet, which
    # passes the return value along as an argument when the successor has not started yet.
    try:
        func(*args, **kwargs)
    except SystemExit:
        pass
    finally:
        lock = actor.sentinel
        if lock is not None and lock.locked():
            lock.release()  # what CPython's C code does when the thread state dies: join() returns
        world.finish_current()


def _vset_sentinel():
    lock = VLock()
    world.current.sentinel = lock
    return lock


class ThreadPoolExecutor(_cft.ThreadPoolExecutor):
    """CPython's executor with the default worker count pinned (it depends on the CPU count)."""

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            max_workers = DEFAULT_MAX_WORKERS
        super().__init__(max_workers, thread_name_prefix, initializer, initargs)


ThreadPoolExecutor.__module__ = _cft.ThreadPoolExecutor.__module__

_PATCHES = TIME_PATCHES + DATETIME_PATCHES + [
    (threading, "_allocate_lock", VLock), (threading, "Lock", VLock),
    (threading, "_CRLock", None), (threading, "get_ident", vget_ident),
    (threading, "_start_new_thread", _vstart_new_thread),
    (threading, "_set_sentinel", _vset_sentinel), (threading, "local", _threading_local.local), (threading, "_time", vmonotonic),
    (queue, "SimpleQueue", queue._PySimpleQueue), (queue, "time", vmonotonic),
    (_cft, "ThreadPoolExecutor", ThreadPoolExecutor),
    (concurrent.futures, "ThreadPoolExecutor", ThreadPoolExecutor),
]
_saved = []


def install():
    """Swap the primitives in and reset the per-run counters CPython keeps in module globals."""
    _saved[:] = [(mod, name, mod.__dict__.get(name, _MISSING)) for mod, name, _ in _PATCHES]
    _saved.append((_cft, "_global_shutdown_lock", _cft._global_shutdown_lock))
    for mod, name, value in _PATCHES:
        setattr(mod, name, value)
    threading._counter = itertools.count(1).__next__
    _cft.ThreadPoolExecutor._counter = itertools.count().__next__
    _cft._shutdown = False
    _cft._threads_queues = weakref.WeakKeyDictionary()
    _cft._global_shutdown_lock = VLock()
    _forget_virtual_threads()


def uninstall():
    for mod, name, value in _saved:
        if value is _MISSING:
            mod.__dict__.pop(name, None)
        else:
            setattr(mod, name, value)
    _saved.clear()
    _forget_virtual_threads()


def _forget_virtual_threads():
    """Virtual threads left blocked by a stopped run must not reach the interpreter's own
    shutdown (it would try to join them on a real OS thread)."""
    for ident in [i for i in threading._active if i >= _VIRTUAL_IDENT_BASE]:
        del threading._active[ident]
    for thread in [t for t in threading._limbo if not isinstance(t, threading._MainThread)]:
        del threading._limbo[thread]
    threading._shutdown_locks.difference_update(
        [lock for lock in threading._shutdown_locks if isinstance(lock, VLock)])
    _cft._threads_queues = weakref.WeakKeyDictionary()
    _cft._shutdown = False


_MISSING = object()


def shutdown_threads():
    """What the interpreter does after the main module ends: run threading's exit hooks (the
    executors' join) and wait for every non-daemon thread, in virtual time."""
    for hook in reversed(list(threading._threading_atexits)):
        hook()
    main = threading.main_thread()
    for thread in list(threading._active.values()) + list(threading._limbo):
        if thread is not main and not thread.daemon and thread.is_alive():
            thread.join()
