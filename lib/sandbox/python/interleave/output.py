"""The trace sink: captured stdout/stderr become one event per line, attributed to who printed it.

Partial lines are buffered per actor (main program or virtual thread) so real-thread-style
interleaving never splits a line; asyncio tasks and greenlets share their actor's buffer, and a line
is attributed to the task / greenlet / thread that completes it.
"""
import io
import re
import weakref

from asyncio import events as _events
from asyncio import tasks as _tasks
from greenlet import getcurrent

from .world import StopRun, world

_ADDR = re.compile(r"0x[0-9a-f]{4,}")
_current_tasks = _tasks._current_tasks

# Student greenlets seen by the greenlet tracer: greenlet -> name (function name of its `run`).
greenlet_names = weakref.WeakKeyDictionary()
_addr_map = {}


def mask_addresses(text):
    """Replace every address by a placeholder stable within the run (0xADDR1, 0xADDR2, ...)."""
    if "0x" not in text:
        return text
    return _ADDR.sub(_placeholder, text)


def _placeholder(match):
    key = match.group(0)
    name = _addr_map.get(key)
    if name is None:
        name = _addr_map[key] = "0xADDR%d" % (len(_addr_map) + 1)
    return name


def current_name():
    loop = _events._get_running_loop()
    if loop is not None:
        task = _current_tasks.get(loop)
        if task is not None:
            return task.get_name()
    actor = world.current
    if actor is None:
        return "main"
    g = getcurrent()
    if g is not actor.base:
        name = greenlet_names.get(g)
        if name is not None:
            return name
    thread = actor.thread
    return thread.name if thread is not None else actor.name


class Trace:
    def __init__(self):
        self.reset(lambda event: None, {})

    def reset(self, emit, limits):
        self.emit = emit
        self.max_events = int(limits.get("maxEvents", 10_000))
        self.max_bytes = int(limits.get("maxOutputBytes", 1024 * 1024))
        self.events = 0
        self.bytes = 0
        self.timeline_left = self.max_events
        self.closed = False
        _addr_map.clear()

    def write(self, stream, text):
        if self.closed:
            return
        actor = world.current
        if actor is None:
            return
        buf = actor.out if stream == "stdout" else actor.err
        if "\n" not in text:
            if text:
                if buf.size + len(text) > self.max_bytes - self.bytes:  # never hold a 20 MB line
                    world.abort(StopRun("limit", limit="output"))
                buf.parts.append(text)
                buf.size += len(text)
            return
        lines = text.split("\n")
        if buf.parts:
            buf.parts.append(lines[0])
            lines[0] = "".join(buf.parts)
            buf.parts = []
            buf.size = 0
        tail = lines.pop()
        for line in lines:
            self.line(stream, line)
        if tail:
            buf.parts.append(tail)
            buf.size = len(tail)
        if world.runnable:
            world.preemption_point()  # writing a line is where a real thread may lose the GIL

    def line(self, stream, text, name=None):
        text = mask_addresses(text)
        try:
            size = len(text) if text.isascii() else len(text.encode("utf-8"))
        except UnicodeEncodeError:  # lone surrogates cannot travel as JSON/UTF-8
            text = text.encode("utf-8", "replace").decode("utf-8")
            size = len(text.encode("utf-8"))
        self.events += 1
        self.bytes += size + 1
        if self.events > self.max_events or self.bytes > self.max_bytes:
            world.abort(StopRun("limit", limit="output"))
        self.emit({"t": world.now, "task": name or current_name(), "stream": stream, "text": text})

    def timeline(self, kind, task, text, t=None):
        """Non-output events (switch, task_start, task_end, note); capped, never a limit."""
        if self.closed or self.timeline_left <= 0:
            return
        self.timeline_left -= 1
        self.emit({"t": world.now if t is None else t, "task": task, "stream": kind, "text": text})

    def flush_partial(self, actors):
        """At the end of a run, a line without its newline still counts as a line."""
        for actor in actors:
            name = actor.thread.name if actor.thread is not None else actor.name
            for stream, buf in (("stdout", actor.out), ("stderr", actor.err)):
                if buf.parts:
                    text = "".join(buf.parts)
                    buf.parts = []
                    buf.size = 0
                    try:
                        self.line(stream, text, name)
                    except StopRun:
                        return


trace = Trace()


class CaptureStream(io.TextIOBase):
    """Stands in for sys.stdout / sys.stderr: never touches a file descriptor."""

    def __init__(self, stream):
        super().__init__()
        self._stream = stream
        self.buffer = _CaptureBuffer(self)

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    @property
    def name(self):
        return "<%s>" % self._stream

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        trace.write(self._stream, s)
        return len(s)

    def flush(self):
        pass


class _CaptureBuffer(io.RawIOBase):
    """`sys.stdout.buffer.write(b"...")` is decoded (invalid UTF-8 replaced) and captured."""

    def __init__(self, text):
        super().__init__()
        self._text = text

    def writable(self):
        return True

    def write(self, b):
        data = bytes(b)
        self._text.write(data.decode("utf-8", "replace"))
        return len(data)
