"""The virtual-time asyncio event loop, its tasks/futures and the policy that makes every entry
point (asyncio.run, Runner, get_event_loop, new_event_loop, ensure_future) use it.

Policies are deprecated from Python 3.14; the runtime is pinned to 3.11 and this is the only module
that touches them.
"""
import asyncio
import heapq
import sys
import weakref
from asyncio import base_events, events

from .cpustretch import next_step, step_end, watch
from .lifecycle import current_parent, lifecycle
from .output import trace
from .schedule import schedule
from .vserving import ServingMixin
from .vtransport import NetLoopMixin
from .world import LATE, world

_counters = {"seq": 0, "task": 0}


def reset_counters():
    _counters["seq"] = 0
    _counters["task"] = 0


def _next_seq():
    _counters["seq"] += 1
    return _counters["seq"]


class Task(asyncio.Task):
    """C Task whose hash is the schedule's: creation order at seed 0 (sets of tasks such as
    asyncio.wait's `done` iterate the same way in every process), random under other seeds, as
    CPython's address-based hashes are. Hashes by the program are counted (a choice dimension)."""

    def __init__(self, *args, **kwargs):
        self._vhash = schedule.object_hash(_next_seq())  # before super(): registering hashes it
        self._vlive = None  # None: not started yet, True: running, False: end reported
        self._vseen = True  # asyncio's own registration (all_tasks) does not count
        super().__init__(*args, **kwargs)
        self._vseen = False

    def __hash__(self):
        if not self._vseen:
            _seen_by_program(self)
        return self._vhash


def _seen_by_program(obj):
    """The first hash of a task/future outside asyncio's own bookkeeping: the program may iterate a
    set holding it (asyncio.wait's done/pending, as_completed, {t1, t2}). gather's dict only
    deduplicates its arguments, its result order is defined."""
    if sys._getframe(2).f_code is not _GATHER_CODE:
        obj._vseen = True
        schedule.hashed += 1


_GATHER_CODE = asyncio.tasks.gather.__code__


class Future(asyncio.Future):
    """C Future hashing like Task."""

    def __init__(self, *args, **kwargs):
        self._vhash = schedule.object_hash(_next_seq())
        self._vseen = False
        super().__init__(*args, **kwargs)

    def __hash__(self):
        if not self._vseen:
            _seen_by_program(self)
        return self._vhash


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


class VirtualEventLoop(NetLoopMixin, ServingMixin, base_events.BaseEventLoop):
    def __init__(self, selector=None):
        # `asyncio.SelectorEventLoop(selectors.EpollSelector())`: the selector is not used (the
        # loop's "select" is the virtual world's), only closed with the loop, as CPython does.
        self._vselector = selector
        super().__init__()
        self._vactor = None
        self._vwaiting = False
        self._vstep = 0  # the number of the step running now, 0 between steps (cpustretch.py)
        self._vagen_order = weakref.WeakKeyDictionary()
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

    def _call_at_any_thread(self, when, callback, *args):
        """`call_at` for bytes arriving (possibly from another virtual thread), as
        call_soon_threadsafe is to call_soon: no debug-mode thread check, a loop sitting in its
        "select" wakes up, and the timer runs after every other timer due at the same instant (a
        real response comes a hair after its latency: a timeout of exactly that length wins)."""
        timer = _Timer(when, callback, args, self, None)
        timer._vseq += LATE
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        self._write_to_self()
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

    def _asyncgen_firstiter_hook(self, agen):
        super()._asyncgen_firstiter_hook(agen)
        self._vagen_order[agen] = _next_seq()

    async def shutdown_asyncgens(self):
        """CPython closes the still-open async generators in the order of a WeakSet, i.e. of their
        addresses: first-iteration order at seed 0, a choice point under other schedules."""
        self._asyncgens_shutdown_called = True
        if not len(self._asyncgens):
            return
        order = self._vagen_order
        closing_agens = sorted(self._asyncgens, key=lambda agen: order.get(agen, 0))
        self._asyncgens.clear()
        schedule.permute(closing_agens)
        results = await asyncio.gather(*[ag.aclose() for ag in closing_agens], return_exceptions=True)
        for result, agen in zip(results, closing_agens):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    "message": f"an error occurred during closing of asynchronous generator {agen!r}",
                    "exception": result,
                    "asyncgen": agen,
                })

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
            if len(due) > 1:
                _permute_equal_deadlines(due)
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
                step = self._vstep = next_step()
                handle._run()
                self._vstep = 0
                if watch.open or watch.pending:  # only steps the CPU sampler saw
                    step_end(self, step)
                continue
            if owner._vlive is None:  # first step: the name is final by now (create_task(name=))
                owner._vlive = True
                trace.timeline("task_start", owner.get_name(), _coro_name(owner))
            lifecycle.step_begin(owner, world.now)
            step = self._vstep = next_step()
            handle._run()
            self._vstep = 0
            if watch.open or watch.pending:
                step_end(self, step)
            lifecycle.step_end(owner, world.now)
            if owner._vlive and owner.done():
                owner._vlive = False
                _task_ended(owner)
        handle = owner = None  # Needed to break cycles when an exception occurs (as in CPython).

    def _virtual_select(self, deadline):
        self._vactor = world.current
        self._vwaiting = True
        try:
            late = bool(self._scheduled) and self._scheduled[0]._vseq > LATE
            world.block(deadline, what="event loop", late=late)
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


def _permute_equal_deadlines(due):
    """Timers due at exactly the same instant: their order is a choice point (FIFO at seed 0).
    CPython orders them by real deadlines that differ by the microseconds between the calls."""
    start = 0
    for i in range(1, len(due) + 1):
        if i == len(due) or due[i]._when != due[start]._when:
            if i - start > 1:
                group = due[start:i]
                schedule.permute(group, [_handle_key(h) for h in group])
                due[start:i] = group
            start = i


def _handle_key(handle):
    """Who a handle runs for (PCT gives priorities to tasks, not to individual callbacks)."""
    owner = getattr(handle._callback, "__self__", None)
    return id(owner if owner is not None else handle)  # id: hashing a Task would count as the program's


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
