"""Virtual time for the `time` module: sleeps block the current actor in virtual time, clocks read
the virtual clock. Installed only for the duration of a run (see vthreads.install)."""
import functools
import operator
import time

from . import loopblock
from .world import world

# time.time() = EPOCH + virtual seconds (2023-11-14 22:13:20 UTC): fixed so output is reproducible.
EPOCH = 1_700_000_000.0


def vsleep(secs):
    if not isinstance(secs, float):
        secs = operator.index(secs)  # same TypeError as time.sleep("1")
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    if not loopblock.loop_running():
        world.sleep(secs)
        return
    start, line = world.now, loopblock.student_line()
    world.sleep(secs)
    loopblock.record(loopblock.sleep_label(secs), line, world.now - start, loopblock.SLEEP_HINT, start)


def vmonotonic():
    return world.now


def vmonotonic_ns():
    return int(world.now * 1e9)


def vtime():
    return EPOCH + world.now


def vtime_ns():
    return int(EPOCH * 1e9) + int(world.now * 1e9)


_real_time = {name: getattr(time, name) for name in (
    "sleep", "time", "time_ns", "monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns",
    "localtime", "gmtime", "ctime", "asctime", "strftime")}


def _now_default(real):
    @functools.wraps(real)
    def wrapper(secs=None):
        return real(vtime() if secs is None else secs)
    return wrapper


def _vasctime(t=None):
    return _real_time["asctime"](_real_time["localtime"](vtime()) if t is None else t)


def _vstrftime(fmt, t=None):
    return _real_time["strftime"](fmt, _real_time["localtime"](vtime()) if t is None else t)


TIME_PATCHES = [
    (time, "sleep", vsleep), (time, "time", vtime), (time, "time_ns", vtime_ns),
    (time, "monotonic", vmonotonic), (time, "monotonic_ns", vmonotonic_ns),
    (time, "perf_counter", vmonotonic), (time, "perf_counter_ns", vmonotonic_ns),
    (time, "localtime", _now_default(_real_time["localtime"])),
    (time, "gmtime", _now_default(_real_time["gmtime"])),
    (time, "ctime", _now_default(_real_time["ctime"])),
    (time, "asctime", _vasctime), (time, "strftime", _vstrftime),
]
