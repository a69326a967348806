"""Uncaught exceptions as RunResult errors: type, message, line in main.py and a traceback trimmed
to the student's own frames (no harness or asyncio internals)."""
import traceback

from .output import mask_addresses

FILENAME = "main.py"


def _trim(te, seen):
    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list(
        [frame for frame in te.stack if frame.filename == FILENAME])
    _trim(te.__cause__, seen)
    _trim(te.__context__, seen)
    for sub in getattr(te, "exceptions", None) or ():
        _trim(sub, seen)


def _student_line(exc):
    if isinstance(exc, SyntaxError) and exc.filename == FILENAME:
        return exc.lineno
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == FILENAME:
            line = frame.lineno
    return line


def describe_error(exc):
    te = traceback.TracebackException(type(exc), exc, exc.__traceback__, compact=True)
    _trim(te, set())
    text = "".join(te.format())
    if isinstance(exc, SyntaxError):
        message = exc.msg or ""
    else:
        message = str(exc)
    return {
        "type": type(exc).__name__,
        "message": mask_addresses(message),
        "line": _student_line(exc),
        "traceback": mask_addresses(text.rstrip("\n")),
    }
