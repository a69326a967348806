"""A long CPU stretch on an event loop's thread is visible (issue 16, point 3), like a blocking call
(loopblock.py): one loop step that computes for a long time stops every other task of that loop.
CPU costs no virtual time, so the trace cannot show it; the harness adds a note an exercise can
forbid (`forbiddenNotes`, matched on the stable words "held the event loop"):

    a CPU stretch of 0.42 s at line 9 held the event loop — split the work or run it with await loop.run_in_executor(None, ...)

The rule is CPython's debug-mode `loop.slow_callback_duration` (0.1 s): one loop step (a callback or
one step of a task) that runs for at least the threshold of CPU time — thread CPU, not wall time,
so a busy machine does not invent stretches. A *stretch* is a step's CPU without a switch to
another virtual thread in between (a step that waits on a lock or `time.sleep` ends its stretch;
those waits have their own note).

Measuring without a per-step clock read (one `thread_time()` costs ~1.5 µs on a VM, more than the
rest of a step): a profiling timer (ITIMER_PROF, every 10 ms of CPU) samples which loop step runs
and the student's line. Two samples in the same step and segment mean the step held the CPU in
between. A C-level call (`sum(range(10**8))`) delays the Python-level handler until it returns:
then everything after the first missed tick belongs to that call, in the sampled step. The end of a
sampled step is read exactly (one clock read, only for sampled steps); its start is up to one
interval before its first sample, so a stretch is measured low by at most 10 ms. Near the
threshold a verdict may therefore differ between runs; far from it (an ordinary step costs well
under 1 ms, a deliberate stretch hundreds) it does not (docs/sandbox.md).

The note names the line that got the most sampled CPU. The timer is armed only during a run.
"""
import itertools
import signal
from asyncio import events as _events
from time import thread_time as _cpu  # bound before any run patches `time`

from .errors import FILENAME
from .output import current_name, trace
from .world import world

INTERVAL = 0.01
DEFAULT_THRESHOLD_MS = 100
HINT = "split the work or run it with await loop.run_in_executor(None, ...)"

next_step = itertools.count(1).__next__  # loop steps are numbered so two samples can compare


class _Watch:
    __slots__ = ("armed", "busy", "open", "threshold", "last_key", "last_cpu", "key", "cpu", "lines",
                 "t", "name", "pending", "records", "order")

    def __init__(self):
        self.armed = False
        self.open = False
        self.pending = []
        self.records = {}
        self.order = []
        self.reset(DEFAULT_THRESHOLD_MS)

    def reset(self, threshold_ms):
        self.armed = False
        self.busy = False  # main code is updating the watch: a sample must not interleave
        self.open = False  # a sampled stretch whose end is not known yet
        self.threshold = threshold_ms / 1000.0 if threshold_ms > 0 else None
        self.last_key = None
        self.last_cpu = 0.0
        self.key = None
        self.cpu = 0.0
        self.lines = {}
        self.t = 0.0
        self.name = "main"
        self.pending.clear()
        self.records.clear()
        self.order.clear()

    def start(self, key, t, name):
        self.open = True
        self.key = key
        self.cpu = 0.0
        self.lines = {}
        self.t = t
        self.name = name

    def add(self, seconds, line):
        self.cpu += seconds
        if line is not None:
            # Every sample counts a little, so a line is named even when all its CPU came first.
            self.lines[line] = self.lines.get(line, 0.0) + seconds + 1e-6

    def close(self):
        if not self.open:
            return
        self.open = False
        if self.threshold is not None and self.cpu >= self.threshold:
            line = max(self.lines, key=self.lines.get) if self.lines else None
            self.pending.append((line, self.cpu, self.t, self.name))


watch = _Watch()


def reset(limits):
    try:
        threshold = float(limits.get("cpuStretchMs", DEFAULT_THRESHOLD_MS))
    except (TypeError, ValueError):
        threshold = DEFAULT_THRESHOLD_MS
    disarm()
    watch.reset(threshold)


_installed = []


def arm():
    """Start sampling (just before the program's first line). Needs the main OS thread, where the
    harness always runs; anywhere else the watch stays off."""
    if watch.threshold is None:
        return
    try:
        if not _installed:  # once per process (a forked child inherits it): each call is a syscall
            signal.signal(signal.SIGPROF, _sample)
            signal.siginterrupt(signal.SIGPROF, False)  # SA_RESTART: C code never sees an EINTR
            _installed.append(True)
        watch.last_cpu = _cpu()
        watch.armed = True
        signal.setitimer(signal.ITIMER_PROF, INTERVAL, INTERVAL)
    except (ValueError, OSError):
        watch.armed = False


def disarm():
    """Stop the timer. Our handler stays installed: a tick already pending would otherwise reach
    CPython's "Signal ignored due to race condition" path; unarmed, the handler returns at once."""
    if watch.armed:
        watch.armed = False
        signal.setitimer(signal.ITIMER_PROF, 0, 0)


def _sample(signum, frame):
    w = watch
    if not w.armed or w.busy:
        return
    w.busy = True
    try:
        now = _cpu()
        loop = _events._get_running_loop()
        step = getattr(loop, "_vstep", 0)
        if not step:  # between steps, or a thread without a loop: not the loop's CPU
            w.close()
            w.last_key = None
        else:
            key = (id(loop), step, world.steps)  # world.steps moves at every switch of actor
            if key == w.last_key:
                gained = now - w.last_cpu
            else:
                w.close()
                # A tick was due at most INTERVAL after the previous sample; a handler later than
                # that waited for one C call of this step, which held the CPU all along.
                gained = max(0.0, now - w.last_cpu - INTERVAL)
                w.start(key, world.now, current_name())
            w.add(gained, _student_line(frame))
            w.last_key = key
        w.last_cpu = now
    except Exception:  # noqa: BLE001 - a sample must never raise into the program
        w.open = False
    finally:
        w.busy = False


def _student_line(frame):
    while frame is not None:
        if frame.f_code.co_filename == FILENAME:
            return frame.f_lineno
        frame = frame.f_back
    return None


def step_end(loop, step):
    """After a loop step that was sampled (the loop checks `watch.open or watch.pending` first):
    its end is read exactly, then finished stretches become notes."""
    w = watch
    w.busy = True
    try:
        if w.open and w.key[0] == id(loop) and w.key[1] == step:
            if w.key[2] == world.steps and w.last_key == w.key:  # still the sampled segment
                now = _cpu()
                w.cpu += now - w.last_cpu
                w.last_cpu = now
            w.last_key = None
            w.close()
        _flush()
    finally:
        w.busy = False


def _flush():
    w = watch
    while w.pending:
        line, seconds, t, name = w.pending.pop(0)
        key = line
        entry = w.records.get(key)
        if entry is None:
            entry = w.records[key] = [0, 0.0]
            w.order.append(key)
            trace.timeline("note", name, _text(line, 1, seconds), t=t)
        entry[0] += 1
        entry[1] += seconds


def notes():
    """The run's CPU-stretch notes, one per line of the student's file (stretches summed)."""
    disarm()
    w = watch
    w.busy = True
    try:
        w.close()
        _flush()
    finally:
        w.busy = False
    return [_text(line, *w.records[line]) for line in w.order]


def _text(line, count, seconds):
    where = " at line %d" % line if line is not None else ""
    if count == 1:
        return "a CPU stretch of %.2f s%s held the event loop — %s" % (seconds, where, HINT)
    return "%d CPU stretches%s held the event loop for %.2f s in total — %s" % (count, where, seconds, HINT)
