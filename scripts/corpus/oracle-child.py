"""Runs ONE corpus program in real time under real CPython and reports what it printed, and when.

Started by record-oracle.py as `/usr/bin/python3 -I oracle-child.py CHANNEL_FD PROGRAM.py [NET_JSON]`. The
program's sys.stdout/sys.stderr are replaced by line recorders; every complete line becomes one JSON
record on CHANNEL_FD (a private pipe back to the recorder), stamped with the real seconds elapsed since
the program started. Whole lines are emitted per thread, because real threads interleave mid-line.

Records (one JSON object per line on CHANNEL_FD):
  {"kind": "line", "t": 0.1234, "stream": "stdout", "text": "..."}
  {"kind": "end", "t": 2.0012, "status": "ok" | "error", "errorType": ..., "errorMessage": ...,
   "errorLine": ...}
"""

import io
import json
import os
import sys
import threading
import time
import traceback

# Pre-import what the corpus uses so the first program line is not delayed by imports (the virtual
# clock of the harness starts at 0 regardless of import cost; the oracle must do the same).
import asyncio  # noqa: F401
import concurrent.futures  # noqa: F401
import types

try:
    import greenlet  # noqa: F401
except ImportError:  # only 3.1 needs it; that program will then fail loudly
    pass

if len(sys.argv) > 3:  # a networked corpus program (issue 15): resolve its hosts to the real server
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # -I left the script's folder out
    import net_resolver

    del sys.path[0]
    net_resolver.install(json.loads(sys.argv[3]))

CHANNEL = os.fdopen(int(sys.argv[1]), "w", encoding="utf-8", buffering=1)
CHANNEL_LOCK = threading.Lock()
T0 = 0.0


def emit(record):
    with CHANNEL_LOCK:
        CHANNEL.write(json.dumps(record, ensure_ascii=False) + "\n")
        CHANNEL.flush()


class LineRecorder(io.TextIOBase):
    """A text stream that turns writes into timestamped whole lines, one partial buffer per thread."""

    def __init__(self, stream_name):
        super().__init__()
        self.stream_name = stream_name
        self.partial = {}
        self.lock = threading.Lock()

    @property
    def encoding(self):
        return "utf-8"

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, text):
        now = time.monotonic() - T0
        key = threading.get_ident()
        with self.lock:
            buf = self.partial.get(key, "") + text
            *complete, rest = buf.split("\n")
            self.partial[key] = rest
        for line in complete:
            emit({"kind": "line", "t": now, "stream": self.stream_name, "text": line})
        return len(text)

    def flush_partials(self):
        now = time.monotonic() - T0
        with self.lock:
            leftovers = [text for text in self.partial.values() if text]
            self.partial.clear()
        for text in leftovers:
            emit({"kind": "line", "t": now, "stream": self.stream_name, "text": text})


def install_shims(source):
    # 3.3 of the tutorial uses @asyncio.coroutine, removed in 3.11. Opt-in per program (marked in the
    # corpus README) so that no other program silently benefits from it.
    if "# oracle-shim: asyncio.coroutine" in source:
        asyncio.coroutine = types.coroutine


def innermost_line_in(tb, path):
    line = None
    for frame in traceback.extract_tb(tb):
        if os.path.abspath(frame.filename) == path:
            line = frame.lineno
    return line


def main():
    global T0
    path = os.path.abspath(sys.argv[2])
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    install_shims(source)
    code = compile(source, path, "exec")
    out, err = LineRecorder("stdout"), LineRecorder("stderr")
    sys.stdout, sys.stderr = out, err
    sys.argv = [path]
    # Run the program as the real __main__ module so that what CPython does with its globals at
    # interpreter shutdown (e.g. "sys:1: RuntimeWarning: coroutine ... was never awaited") happens
    # exactly as in a plain `python3 FILE.py`.
    program = types.ModuleType("__main__")
    program.__file__ = path
    sys._oracle_child = sys.modules["__main__"]  # keep this script's own globals alive
    sys.modules["__main__"] = program
    module_globals = program.__dict__
    end = {"kind": "end", "status": "ok", "errorType": None, "errorMessage": None, "errorLine": None}
    T0 = time.monotonic()
    try:
        exec(code, module_globals)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            end.update(status="error", errorType="SystemExit", errorMessage=str(exc.code))
    except BaseException as exc:  # noqa: BLE001 - we record every way the program can end
        end.update(
            status="error",
            errorType=type(exc).__name__,
            errorMessage=str(exc),
            errorLine=innermost_line_in(exc.__traceback__, path),
        )
    end["t"] = time.monotonic() - T0
    out.flush_partials()
    err.flush_partials()
    emit(end)
    CHANNEL.close()
    # Whatever the interpreter prints while shutting down goes to the real fds 1 and 2 (CPython resets
    # sys.stdout/sys.stderr to the __stdout__/__stderr__ first); the recorder appends it at the end.
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__


main()
