"""The virtual world: one virtual clock and one scheduler of *actors*.

An actor is the main program or a virtual thread. Each actor is a greenlet; at most one runs at a
time, so "blocking" means handing control to the next actor instead of blocking the OS thread. An
asyncio loop is just code running inside an actor: its `select()` becomes `block(timeout)` here, so
loop timers, `time.sleep` and thread wake-ups all live on the same clock.

Canonical order (seed 0): runnable actors FIFO, wake-ups by (time, sequence). Other schedules
(schedule.py) choose which of several runnable actors goes first and which of several wake-ups at
the same instant comes first: real CPython leaves both to the OS.
"""
import heapq
from collections import deque

from asyncio import events as _events
from greenlet import getcurrent

from .lifecycle import lifecycle
from .schedule import schedule

RUNNING, RUNNABLE, BLOCKED, DONE = range(4)
LATE = 1 << 52  # added to the sequence of a wake-up (or loop timer) that is a network arrival


class StopRun(Exception):
    """Why the run stopped early (limit or deadlock); carried to the runner, never to students."""

    def __init__(self, status, limit=None, deadlock=None):
        super().__init__(status)
        self.status = status
        self.limit = limit
        self.deadlock = deadlock


class LineBuf:
    """A partial output line (text printed without its newline yet)."""
    __slots__ = ("parts", "size")

    def __init__(self):
        self.parts = []
        self.size = 0


class Actor:
    __slots__ = ("name", "ident", "base", "resume", "state", "gen", "woken", "loop", "what",
                 "thread", "sentinel", "out", "err", "__weakref__")

    def __init__(self, name, ident, base):
        self.name = name
        self.ident = ident
        self.base = base  # the actor's own greenlet (student greenlets run on top of it)
        self.resume = base  # the greenlet to switch to when this actor runs again
        self.state = RUNNABLE
        self.gen = 0  # bumped on every block/wake so stale timeouts are ignored
        self.woken = False
        self.loop = None  # the asyncio running loop of this actor while it is switched out
        self.what = ""  # what the actor blocks on (for deadlock reports)
        self.thread = None  # the threading.Thread object of a virtual thread
        self.sentinel = None  # the thread's "tstate lock", released when the thread ends
        self.out = LineBuf()
        self.err = LineBuf()


class World:
    """Module-level singleton; `reset()` starts a new run (a forked zygote child inherits it)."""

    def __init__(self):
        self.reset(0, {})

    def reset(self, seed, limits):
        self.now = 0.0
        self.seed = seed
        self.runnable = deque()
        self.sleepers = []  # heap of (when, seq, gen, actor)
        self.seq = 0
        self.steps = 0
        self.max_steps = int(limits.get("maxSteps", 200_000))
        self.max_time = float(limits.get("maxVirtualSeconds", 3600.0))
        self.actors = {}
        self.current = None
        self.root = getcurrent()
        self.stop = None
        self.loops = []  # virtual loops created in this run (deadlock reports walk them)
        self.internal_switch = False
        self.tracing = False
        self.graveyard = []  # greenlets abandoned by an early stop: never collected mid-process
        lifecycle.reset()

    # ---- actors -------------------------------------------------------------------------------

    def add_actor(self, actor):
        lifecycle.actor_spawned(actor, self.now, first=self.current is None)
        self.actors[actor.ident] = actor
        return actor

    def spawn(self, actor):
        """Make a new actor runnable (it starts when the scheduler reaches it, FIFO)."""
        self.add_actor(actor)
        actor.state = RUNNABLE
        self.runnable.append(actor)

    def current_ident(self):
        cur = self.current
        return cur.ident if cur is not None else 0

    # ---- limits -------------------------------------------------------------------------------

    def tick(self, n=1):
        self.steps += n
        if self.steps > self.max_steps:
            self.abort(StopRun("limit", limit="steps"))

    def advance(self, when):
        if when > self.now:
            if when > self.max_time:
                self.abort(StopRun("limit", limit="virtual_time"))
            self.now = when

    def abort(self, stop):
        """Stop the whole run at once: no student `finally` runs, nothing more is printed."""
        if self.stop is None:
            self.stop = stop
        self.graveyard.append(getcurrent())
        if getcurrent() is self.root:
            raise stop
        self.root.switch()
        raise stop  # only reached if someone switched back into an aborted greenlet

    # ---- blocking -----------------------------------------------------------------------------

    def block(self, deadline=None, what="lock", late=False):
        """Block the current actor until `wake()` or the virtual `deadline`; True if woken.

        Deadlines are absolute so a loop timer fires at exactly its `when` (no float drift).
        `late`: the deadline is a network arrival, which really comes a hair after anything else
        due at the same instant (a sleep, a timeout): it wakes after them."""
        me = self.current
        me.gen += 1
        me.state = BLOCKED
        me.woken = False
        me.what = what
        me.resume = getcurrent()
        if deadline is not None:
            self.seq += 1
            seq = self.seq + LATE if late else self.seq
            heapq.heappush(self.sleepers, (max(self.now, deadline), seq, me.gen, me))
        lifecycle.actor_blocked(me, self.now, what, deadline)
        self._schedule(me)
        lifecycle.actor_resumed(me, self.now)
        return me.woken

    def sleep(self, secs):
        self.tick()
        self.block(self.now + secs, what="time.sleep")

    def wake(self, actor):
        if actor.state == BLOCKED:
            actor.state = RUNNABLE
            actor.woken = True
            actor.gen += 1
            self.runnable.append(actor)

    def yield_now(self):
        """Let other runnable actors go first (used when a thread starts another one)."""
        if self.runnable:
            me = self.current
            me.gen += 1
            me.state = RUNNABLE
            me.resume = getcurrent()
            self.runnable.append(me)
            self._schedule(me)

    def preemption_point(self):
        """A point where CPython may switch threads (the GIL is released or the switch interval
        expires): some schedules let another runnable actor run here, a bounded number of times."""
        if self.runnable and self.current is not None and schedule.may_preempt(self.current, list(self.runnable)):
            self.yield_now()

    def _schedule(self, me):
        nxt = self._next_actor()
        if nxt is me:
            me.state = RUNNING
            return
        self._switch_to(nxt)

    def _next_actor(self):
        self.tick()
        runnable = self.runnable
        if runnable:
            if len(runnable) > 1:
                pick = schedule.choose(len(runnable), runnable)
                if pick:
                    actor = runnable[pick]
                    del runnable[pick]
                    return actor
            return runnable.popleft()
        nxt = self._pop_sleeper()
        if nxt is None:
            self.abort(StopRun("deadlock", deadlock=self.describe_waiters()))
        return nxt

    def _pop_sleeper(self):
        heap = self.sleepers
        while heap and heap[0][2] != heap[0][3].gen:
            heapq.heappop(heap)
        if not heap:
            return None
        entry = heapq.heappop(heap)
        if heap and heap[0][0] == entry[0]:
            entry = self._choose_same_instant(entry)
        self.advance(entry[0])
        actor = entry[3]
        actor.gen += 1
        actor.state = RUNNABLE
        return actor

    def _choose_same_instant(self, entry):
        heap = self.sleepers
        same = [entry]
        while heap and heap[0][0] == entry[0]:
            e = heapq.heappop(heap)
            if e[2] == e[3].gen:
                same.append(e)
        pick = schedule.choose(len(same), [e[3] for e in same])
        for i, e in enumerate(same):
            if i != pick:
                heapq.heappush(heap, e)
        return same[pick]

    def _switch_to(self, nxt):
        me = self.current
        if me is not None:
            me.loop = _events._get_running_loop()
        self.current = nxt
        nxt.state = RUNNING
        _events._set_running_loop(nxt.loop)
        # The greenlet tracer (greenlets.py) skips our own switches and clears the flag.
        self.internal_switch = self.tracing
        nxt.resume.switch()

    def finish_current(self):
        """Called as the last act of a virtual thread's greenlet: hand over to the next actor.

        Returning from the greenlet switches to its parent, so the next actor becomes the parent.
        """
        me = self.current
        me.state = DONE
        lifecycle.actor_finished(me, self.now)
        self.actors.pop(me.ident, None)
        nxt = self._next_actor()
        me.loop = None
        self.current = nxt
        nxt.state = RUNNING
        _events._set_running_loop(nxt.loop)
        self.internal_switch = self.tracing
        getcurrent().parent = nxt.resume

    # ---- deadlock report ----------------------------------------------------------------------

    def describe_waiters(self):
        from .describe import describe_waiters  # late: keeps this module free of asyncio details
        return describe_waiters(self)


world = World()
