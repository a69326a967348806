"""Task lifecycle and wait spans in virtual time, for the timeline picture (`lifecycle` in a RunResult).

One *lane* per asyncio task, virtual thread and the main program: when it started, who started it,
when it ended and how (done / cancelled / failed). One *wait* per stretch of virtual time a lane
spent suspended, with what it waited on (a sleep, a future, another task, a lock, a queue, ...).
Everything else of a run (the `events` list) is untouched; the hooks in vloop.py and world.py are
one call each.

Bounded: at most MAX_LANES lanes and MAX_WAITS waits (then `truncated` is true), so a runaway
program cannot make the end frame large.
"""
import weakref
from asyncio import tasks as _tasks

MAX_LANES = 200
MAX_WAITS = 2000

# Innermost coroutine (module, qualified name) -> what a task suspended there waits on.
_AWAIT_KINDS = {
    ("asyncio.tasks", "sleep"): "sleep",
    ("asyncio.tasks", "wait"): "wait",
    ("asyncio.tasks", "_wait"): "wait",
    ("asyncio.tasks", "wait_for"): "wait_for",
    ("asyncio.locks", "Lock.acquire"): "lock",
    ("asyncio.locks", "Event.wait"): "event",
    ("asyncio.locks", "Condition.wait"): "condition",
    ("asyncio.locks", "Semaphore.acquire"): "semaphore",
    ("asyncio.locks", "Barrier.wait"): "barrier",
    ("asyncio.locks", "Barrier._block"): "barrier",
    ("asyncio.locks", "Barrier._wait"): "barrier",
    ("asyncio.queues", "Queue.get"): "queue",
    ("asyncio.queues", "Queue.put"): "queue",
    ("asyncio.queues", "Queue.join"): "queue",
    ("asyncio.threads", "to_thread"): "thread",
    ("asyncio.timeouts", "Timeout.__aexit__"): "timeout",
}
# Blocking calls of virtual threads (world.block's `what`).
_BLOCK_KINDS = {"lock": "lock", "time.sleep": "sleep", "event loop": "loop"}


class _Lane:
    __slots__ = ("index", "name", "ref", "kind", "parent", "start", "end", "outcome", "error", "wait", "internal",
                 "request")

    def __init__(self, index, owner, kind, parent, start):
        self.index = index
        # Weak: holding a task would delay its collection and CPython's warnings that come with it
        # ("Task exception was never retrieved", "coroutine ... was never awaited").
        self.ref = weakref.ref(owner)
        self.name = _name_of(owner, kind)
        self.kind = kind
        self.parent = parent
        self.start = start
        self.end = None
        self.outcome = None
        self.error = None
        self.wait = None  # the open wait: [from, on, detail]
        self.request = None  # (label, finish) of the lane's latest request on the virtual network
        self.internal = _is_internal(getattr(owner.get_coro(), "cr_code", None) if kind == "task" else _thread_code(owner))


class Lifecycle:
    def __init__(self):
        self.reset()

    def reset(self):
        self.lanes = []
        self.waits = []
        self.by_id = {}
        self.truncated = False

    # ---- lanes --------------------------------------------------------------------------------

    def _lane(self, owner, kind, parent, now):
        lane = self._find(owner)
        if lane is not None:
            return lane
        if len(self.lanes) >= MAX_LANES:
            self.truncated = True
            return None
        lane = _Lane(len(self.lanes), owner, kind, parent, now)
        self.lanes.append(lane)
        self.by_id[id(owner)] = lane
        return lane

    def _find(self, owner):
        lane = self.by_id.get(id(owner))
        return lane if lane is not None and lane.ref() is owner else None

    def _open(self, lane, now, on, detail):
        if lane is not None and lane.wait is None:
            request = lane.request
            if request is not None:
                if request[1] > now:  # suspended while its response is on the way
                    on, detail = "network", request[0]
                else:
                    lane.request = None
            lane.wait = [now, on, detail]

    def _close(self, lane, now):
        if lane is None or lane.wait is None:
            return
        start, on, detail = lane.wait
        lane.wait = None
        if now == start:  # an uncontended lock, a sleep(0): no time passed
            return
        if len(self.waits) >= MAX_WAITS:
            self.truncated = True
            return
        self.waits.append({"lane": lane.index, "from": start, "to": now, "on": on, "detail": detail})

    # ---- asyncio tasks (vloop.py) -------------------------------------------------------------

    def task_created(self, task, now, parent):
        self._lane(task, "task", parent, now)

    def step_begin(self, task, now):
        lane = self._lane(task, "task", None, now)
        if lane is not None:
            lane.name = task.get_name()  # set_name() may have renamed it
            self._close(lane, now)

    def step_end(self, task, now):
        lane = self._find(task)
        if lane is None:
            return
        if task.done():
            lane.end = now
            if task._state == "CANCELLED":
                lane.outcome = "cancelled"
            elif task._exception is not None:  # private: exception() would mark it retrieved
                lane.outcome, lane.error = "failed", type(task._exception).__name__
            else:
                lane.outcome = "done"
        else:
            on, detail = _task_waits_on(task)
            self._open(lane, now, on, detail)

    # ---- actors: the main program and virtual threads (world.py) ----------------------------

    def actor_spawned(self, actor, now, first):
        """`first`: the run's main actor (added before anything else runs)."""
        self._lane(actor, "main" if first else "thread", None if first else current_parent(), now)

    def actor_blocked(self, actor, now, what, deadline):
        lane = self._lane(actor, "thread", None, now)
        on = _BLOCK_KINDS.get(what, "other")
        detail = None
        if on == "sleep" and deadline is not None:
            detail = _seconds(deadline - now)
        elif on == "other":
            detail = str(what)[:60]
        self._open(lane, now, on, detail)

    def actor_resumed(self, actor, now):
        lane = self._find(actor)
        if lane is not None:
            self._close(lane, now)

    def actor_finished(self, actor, now):
        lane = self._find(actor)
        if lane is not None:
            lane.name = _name_of(actor, lane.kind)
            self._close(lane, now)
            lane.end, lane.outcome = now, "done"

    # ---- the virtual network (vhttp.py) ------------------------------------------------------

    def request_sent(self, owner, label, finish):
        """`owner` (a task or an actor) sent a request whose response arrives at `finish`: its next
        wait before then is that request ("GET a.example/slow")."""
        lane = self._find(owner)
        if lane is not None:
            lane.request = (label, finish)

    # ---- the result ---------------------------------------------------------------------------

    def snapshot(self, end_time, status="ok"):
        """The `lifecycle` field: lanes in creation order, waits in the order they ended. Waits
        still open at the end (a deadlock, a limit) end at `end_time` with `open: true`."""
        shown = [lane for lane in self.lanes if not lane.internal]
        index = {lane.index: i for i, lane in enumerate(shown)}
        waits = [dict(w, lane=index[w["lane"]]) for w in self.waits if w["lane"] in index]
        lanes = []
        for lane in shown:
            if lane.wait is not None and len(waits) < MAX_WAITS:
                start, on, detail = lane.wait
                waits.append({"lane": index[lane.index], "from": start, "to": end_time, "on": on,
                              "detail": detail, "open": True})
            if lane.kind == "main" and lane.end is None and status == "ok":
                lane.end, lane.outcome = end_time, "done"
            owner = lane.ref()
            if owner is not None:
                lane.name = _name_of(owner, lane.kind)
            lanes.append({"name": lane.name, "kind": lane.kind, "parent": lane.parent,
                          "start": lane.start, "end": lane.end,
                          "outcome": lane.outcome or "unfinished", "error": lane.error})
        return {"lanes": lanes, "waits": waits, "truncated": self.truncated}


_INTERNAL = frozenset(("shutdown_asyncgens", "shutdown_default_executor", "_do_shutdown"))
_INTERNAL_FILES = ("asyncio", "interleave")
_LIBRARY_DIRS = ("/usr/lib/python3/dist-packages/", "/usr/local/lib/python3.11/dist-packages/")


def _is_internal(code):
    """asyncio.run's own clean-up (shutting down async generators and the default executor), also
    when the virtual loop overrides one of those methods; and the tasks a library such as aiohttp
    starts for itself (its DNS look-ups): their names still count, as in CPython."""
    if code is None:
        return False
    if code.co_filename.startswith(_LIBRARY_DIRS):
        return True
    return code.co_name in _INTERNAL and any(part in code.co_filename for part in _INTERNAL_FILES)


def _thread_code(actor):
    # Read when the thread starts: Thread.run deletes `_target` when it returns.
    target = getattr(getattr(actor, "thread", None), "_target", None)
    return getattr(getattr(target, "__func__", target), "__code__", None)


def _name_of(owner, kind):
    if kind == "task":
        return owner.get_name()
    thread = getattr(owner, "thread", None)
    return thread.name if thread is not None else owner.name


def _seconds(value):
    return "%g s" % round(value, 6)


def _task_waits_on(task):
    """(kind, detail) of what a suspended task waits for, read from its innermost coroutine."""
    waiter = getattr(task, "_fut_waiter", None)
    if isinstance(waiter, _tasks.Task):
        return "task", waiter.get_name()
    inner = task.get_coro()
    for _ in range(64):  # awaits nest shallowly; the bound only guards against odd objects
        nxt = getattr(inner, "cr_await", None)
        if nxt is None or not hasattr(nxt, "cr_frame"):
            break
        inner = nxt
    frame = getattr(inner, "cr_frame", None)
    code = getattr(inner, "cr_code", None)
    if frame is None or code is None:
        return "future", None
    kind = _AWAIT_KINDS.get((frame.f_globals.get("__name__"), code.co_qualname))
    if kind == "sleep":
        delay = frame.f_locals.get("delay")
        return "sleep", _seconds(delay) if isinstance(delay, (int, float)) else None
    if kind is not None:
        return kind, None
    if waiter is not None and type(waiter).__name__ == "_GatheringFuture":
        return "gather", None
    return "future", None


def current_parent():
    """Name of whoever is creating a task or thread right now (a task, a thread or "main")."""
    from .output import current_name  # late: output imports world, which imports this module
    return current_name()


lifecycle = Lifecycle()
