"""Deadlock reports: which task or thread waits on what, in a short stable form."""
import asyncio
import os
import sys

from greenlet import getcurrent

from .output import mask_addresses

_HARNESS_DIR = os.path.dirname(os.path.abspath(__file__))


def describe_awaitable(fut):
    """A concise, address-free description of what a task is blocked on."""
    if fut is None:
        return "nothing (task is not scheduled)"
    state = fut._state.lower()
    if isinstance(fut, asyncio.Task):
        return "<Task %s name=%r>" % (state, fut.get_name())
    return mask_addresses("<%s %s>" % (type(fut).__name__, state))


def describe_waiters(world):
    waiters = []
    for ref in world.loops:
        loop = ref()
        if loop is None or loop.is_closed():
            continue
        tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
        tasks.sort(key=hash)  # tasks hash by creation order (see vloop.Task)
        for task in tasks:
            waiters.append({"task": task.get_name(),
                            "waitingOn": describe_awaitable(getattr(task, "_fut_waiter", None))})
    for actor in sorted(world.actors.values(), key=lambda a: a.ident):
        if actor.state != 3 and actor.what != "event loop":  # DONE actors are gone already
            name = actor.thread.name if actor.thread is not None else actor.name
            waiters.append({"task": name, "waitingOn": describe_blocked_actor(actor)})
    if not waiters:
        waiters.append({"task": "main", "waitingOn": "event loop with nothing scheduled"})
    return waiters


def describe_blocked_actor(actor):
    """The blocking API the student called, e.g. "Future.result() at main.py:6"."""
    # A suspended greenlet exposes its frame; the one detecting the deadlock is running.
    frame = sys._getframe() if actor.resume is getcurrent() else actor.resume.gr_frame
    api = innermost = None
    while frame is not None:
        code = frame.f_code
        if code.co_filename == "main.py":
            return "%s at main.py:%d" % (api + "()" if api else actor.what, frame.f_lineno)
        if not code.co_filename.startswith(_HARNESS_DIR):
            api = code.co_qualname
            innermost = innermost or api
        frame = frame.f_back
    return innermost + "()" if innermost else actor.what
