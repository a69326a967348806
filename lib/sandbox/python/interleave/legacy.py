"""`@asyncio.coroutine` (removed in Python 3.11) for the tutorial's 3.3 example.

The decorated generator function gets CO_ITERABLE_COROUTINE (so `yield from asyncio.sleep()` is
allowed inside it) and is wrapped in a native coroutine (so ensure_future / wait /
run_until_complete accept it, as they did before 3.11)."""
import asyncio
import functools
import inspect
import types

from .output import trace

NOTE = "legacy @asyncio.coroutine used (removed in Python 3.11)"
_state = {"notes": None}


def coroutine(func):
    _note()
    if inspect.iscoroutinefunction(func):
        return func
    generator_function = types.coroutine(func)

    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        result = generator_function(*args, **kwargs)
        if inspect.isawaitable(result):
            return await result
        return result

    return wrapper


def _note():
    notes = _state["notes"]
    if notes is not None and NOTE not in notes:
        notes.append(NOTE)
        trace.timeline("note", "main", NOTE)


def install(notes):
    _state["notes"] = notes
    asyncio.coroutine = coroutine


def uninstall():
    _state["notes"] = None
    asyncio.__dict__.pop("coroutine", None)
