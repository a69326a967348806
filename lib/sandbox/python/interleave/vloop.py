"""The virtual-time asyncio event loop, its tasks/futures and the policy that makes every entry
point (asyncio.run, Runner, get_event_loop, new_event_loop, ensure_future) use it.

Policies are deprecated from Python 3.14; the runtime is pinned to 3.11 and this is the only module
that touches them.
"""
import asyncio
import heapq
import weakref
from asyncio import base_events, events

from .lifecycle import current_parent, lifecycle
from .output import trace
from .world import world

_counters = {"seq": 0, "task": 0}


def reset_counters():
    _counters["seq"] = 0
    _counters["task"] = 0


def _next_seq():
    _counters["seq"] += 1
    return _counters["seq"]


class Task(asyncio.Task):
    """C Task that hashes by creation order: sets of tasks (asyncio.wait, as_completed) iterate in
    the same order in every process, unlike address-based hashes."""

    def __init__(self, *args, **kwargs):
        self._vseq = _next_seq()  # before super(): registering the task hashes it
        self._vlive = None  # None: not started yet, True: running, False: end reported
        super().__init__(*args, **kwargs)

    def __hash__(self):
        return self._vseq


class Future(asyncio.Future):
    """C Future hashing by creation order (see Task)."""

    def __init__(self, *args, **kwargs):
        self._vseq = _next_seq()
        super().__init__(*args, **kwargs)

    def __hash__(self):
        return self._vseq


class _Timer(events.TimerHandle):
    """Timer ordered by (when, creation sequence): CPython's heap is not FIFO for equal deadlines;
    we define FIFO as the canonical schedule."""

    __slots__ = ("_vseq",)

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        self._vseq = _next_seq()

    def __lt__(self, other):
        if self._when == other._when:
            return self._vseq < other._vseq
        return self._when < other._when


class VirtualEventLoop(base_events.BaseEventLoop):
    def __init__(self):
        super().__init__()
        self._vactor = None
        self._vwaiting = False
        world.loops.append(weakref.ref(self))  # weak: a loop dies when the program drops it

    def time(self):
        return world.now

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = _Timer(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is not None:
            return super().create_task(coro, name=name, context=context)
        if name is None:
            # Mirror CPython's own counter (which asyncio.run's shutdown tasks also consume).
            _counters["task"] += 1
            name = "Task-%d" % _counters["task"]
        task = Task(coro, loop=self, name=name, context=context)
        lifecycle.task_created(task, world.now, current_parent())
        if task._source_traceback:
            del task._source_traceback[-1]
        return task

    def _write_to_self(self):
        # call_soon_threadsafe from a virtual thread: wake the loop if it sits in its "select".
        if self._vwaiting:
            world.wake(self._vactor)

    def _process_events(self, event_list):
        pass

    def _run_once(self):
        scheduled = self._scheduled
        while scheduled and scheduled[0]._cancelled:
            self._timer_cancelled_count -= 1
            heapq.heappop(scheduled)._scheduled = False

        if not self._ready and not self._stopping:
            deadline = scheduled[0]._when if scheduled else None
            if deadline is None or deadline > world.now:
                self._virtual_select(deadline)

        end_time = world.now + self._clock_resolution
        due = []
        while scheduled and scheduled[0]._when < end_time:
            handle = heapq.heappop(scheduled)
            handle._scheduled = False
            due.append(handle)
        if due:
            if world.rng is not None and len(due) > 1:
                _permute_equal_deadlines(due, world.rng)
            self._ready.extend(due)

        ready = self._ready
        ntodo = len(ready)
        world.tick(ntodo)
        for _ in range(ntodo):
            handle = ready.popleft()
            if handle._cancelled:
                continue
            owner = getattr(handle._callback, "__self__", None)
            if owner.__class__ is not Task:
                handle._run()
                continue
            if owner._vlive is None:  # first step: the name is final by now (create_task(name=))
                owner._vlive = True
                trace.timeline("task_start", owner.get_name(), _coro_name(owner))
            lifecycle.step_begin(owner, world.now)
            handle._run()
            lifecycle.step_end(owner, world.now)
            if owner._vlive and owner.done():
                owner._vlive = False
                _task_ended(owner)
        handle = owner = None  # Needed to break cycles when an exception occurs (as in CPython).

    def _virtual_select(self, deadline):
        self._vactor = world.current
        self._vwaiting = True
        try:
            world.block(deadline, what="event loop")
        finally:
            self._vwaiting = False


def _coro_name(task):
    return getattr(task.get_coro(), "__qualname__", "task")


# Programs print their loop (`<_UnixSelectorEventLoop running=True closed=False debug=False>`).
VirtualEventLoop.__name__ = VirtualEventLoop.__qualname__ = "_UnixSelectorEventLoop"


def _task_ended(task):
    # Read private fields: task.exception() would mark the error as retrieved and silence
    # CPython's "Task exception was never retrieved".
    if task._state == "CANCELLED":
        text = "cancelled"
    elif task._exception is not None:
        text = "failed: %s" % type(task._exception).__name__
    else:
        text = "done"
    trace.timeline("task_end", task.get_name(), text)


def _permute_equal_deadlines(due, rng):
    """Seeded schedules: shuffle only runs of timers with exactly the same deadline."""
    start = 0
    for i in range(1, len(due) + 1):
        if i == len(due) or due[i]._when != due[start]._when:
            if i - start > 1:
                group = due[start:i]
                rng.shuffle(group)
                due[start:i] = group
            start = i


class _Local:
    __slots__ = ("_loop", "_set_called")

    def __init__(self):
        self._loop = None
        self._set_called = False


class VirtualEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
    """Per-actor (virtual thread) current loop instead of per OS thread."""

    _loop_factory = VirtualEventLoop

    def __init__(self):
        self._locals = {}

    @property
    def _local(self):
        key = world.current_ident()
        local = self._locals.get(key)
        if local is None:
            local = self._locals[key] = _Local()
        return local


# Loops a program may construct without the policy: they must be virtual too (applied per run).
LOOP_PATCHES = [
    (asyncio, "SelectorEventLoop", VirtualEventLoop),
    (asyncio, "DefaultEventLoopPolicy", VirtualEventLoopPolicy),
]
