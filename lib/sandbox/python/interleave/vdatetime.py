"""Virtual time for `datetime`: `datetime.now()`/`utcnow()` read the virtual clock.

`date.today()`, `datetime.today()` and `fromtimestamp(time.time())` already do: CPython's C code
calls the (patched) `time.time()`. Only `now`/`utcnow` read the OS clock directly in C, and a C type
cannot be patched, so during a run `datetime.datetime` is a subclass overriding those two class
methods (installed with the time patches, see vthreads.install). CPython 3.11's arithmetic,
`replace`, `astimezone`, `combine`, `strptime`, `fromisoformat`, copy and pickle build `type(self)`
/ `cls`, so values stay of the subclass; `isinstance(x, date)` holds because it is still a
`datetime`. What the C code builds as the base type (`datetime.min`/`max`) is rebuilt here.

The sandbox's local timezone is UTC (bubblewrap binds no /etc/localtime); `pin_utc()` makes a
process outside it (unsafe-local, unit tests on a host with another zone) agree.
"""
import _datetime
import datetime as _datetime_module
import os
import time

from .vclock import vtime

_RealDatetime = _datetime.datetime


class datetime(_RealDatetime):  # noqa: N801 - named and placed like the class it stands for
    """`datetime.datetime` whose clock is the virtual one (repr and pickle as the real class)."""

    __slots__ = ()

    @classmethod
    def now(cls, *args, **kwargs):
        if len(args) + len(kwargs) > 1 or (kwargs and "tz" not in kwargs):
            return _RealDatetime.now(*args, **kwargs)  # raises CPython's own TypeError
        tz = args[0] if args else kwargs.get("tz")
        # CPython defines now(tz) as fromtimestamp(time.time(), tz): same conversions, same errors.
        return super().fromtimestamp(vtime(), tz)

    @classmethod
    def utcnow(cls, *args, **kwargs):
        if args or kwargs:
            return _RealDatetime.utcnow(*args, **kwargs)  # raises CPython's own TypeError
        return super().utcfromtimestamp(vtime())

    def __repr__(self):
        text = _RealDatetime.__repr__(self)
        # The C repr prints tp_name, which for a Python subclass lacks the module prefix.
        return "datetime." + text if type(self) is datetime else text


datetime.__module__ = _RealDatetime.__module__
datetime.min = datetime.combine(_RealDatetime.min.date(), _RealDatetime.min.time())
datetime.max = datetime.combine(_RealDatetime.max.date(), _RealDatetime.max.time())

# Both names a program can import the class from (`_datetime` is what `datetime` re-exports).
DATETIME_PATCHES = [(_datetime_module, "datetime", datetime), (_datetime, "datetime", datetime)]


def pin_utc():
    """Make the process's local timezone UTC unless it already is (inside the sandbox it is, and
    the environment a student sees then stays untouched)."""
    if time.timezone == 0 and time.altzone == 0 and time.daylight == 0 and time.tzname == ("UTC", "UTC"):
        return
    os.environ["TZ"] = "UTC"
    time.tzset()
