"""Blocking the event loop is visible: a blocking call made while an asyncio loop runs on the same
(virtual) thread stops every task of that loop. With one task the trace looks exactly like the
non-blocking version, so the harness adds a note an exercise can forbid (`forbiddenNotes`):

    time.sleep(1) at line 7 blocked the event loop for 1 s — use await asyncio.sleep

One note per line of the student's file (repeated calls are summed), plus a timeline note at the
virtual time the line first blocked.
"""
import sys
from asyncio import events as _events

from .errors import FILENAME
from .output import current_name, trace

_records = {}  # (label, line) -> [count, seconds, hint]
_order = []

SLEEP_HINT = "use await asyncio.sleep"
CALL_HINT = "run blocking code with await loop.run_in_executor(None, ...) or asyncio.to_thread(...)"


def reset():
    _records.clear()
    _order.clear()


def loop_running():
    return _events._get_running_loop() is not None


def student_line():
    """The innermost line of the student's file on the current stack (None if not theirs)."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename == FILENAME:
            return frame.f_lineno
        frame = frame.f_back
    return None


def record(label, line, seconds, hint, t):
    """A call on the loop's thread blocked it for `seconds` of virtual time, from `t`."""
    if seconds <= 0:
        return
    key = (label, line)
    entry = _records.get(key)
    if entry is None:
        entry = _records[key] = [0, 0.0, hint]
        _order.append(key)
        trace.timeline("note", current_name(), _text(label, line, 1, seconds, hint), t=t)
    entry[0] += 1
    entry[1] += seconds


def notes():
    return [_text(label, line, *_records[(label, line)]) for label, line in _order]


def _text(label, line, count, seconds, hint):
    where = " at line %d" % line if line is not None else ""
    if count == 1:
        how = "for %s" % _seconds(seconds)
    else:
        how = "%d times, for %s in total" % (count, _seconds(seconds))
    return "%s%s blocked the event loop %s — %s" % (label, where, how, hint)


def _seconds(value):
    return "%s s" % ("%.3f" % value).rstrip("0").rstrip(".")


def sleep_label(secs):
    return "time.sleep(%s)" % ("%.3f" % secs).rstrip("0").rstrip(".") if isinstance(secs, float) else "time.sleep(%d)" % secs


def call_label(line):
    """The student's source line that made a blocking call (e.g. `fut.result()`)."""
    import linecache
    text = linecache.getline(FILENAME, line).strip() if line is not None else ""
    if len(text) > 60:
        text = text[:57] + "..."
    return text or "a blocking call"
