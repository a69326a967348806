"""Greenlet programs (the tutorial's 3.1): name each student greenlet after its function and record
every switch between them as a `switch` timeline event."""
import greenlet as _greenlet_module

from .output import greenlet_names, trace
from .world import world


_real_greenlet = _greenlet_module.greenlet


class greenlet(_real_greenlet):  # noqa: N801 - stands in for greenlet.greenlet during a run
    """Remembers the function name at creation: the tracer only sees greenlets once `run` is gone."""

    def __init__(self, run=None, parent=None):
        super().__init__(run, parent)
        target = run if run is not None else getattr(self, "run", None)
        name = getattr(target, "__name__", None)
        greenlet_names[self] = type(self).__name__ if name in (None, "run") else name


greenlet.__module__ = "greenlet"


def _name_of(g):
    name = greenlet_names.get(g)
    if name is not None:
        return name
    actor = world.current
    for a in world.actors.values():
        if a.base is g:
            return a.thread.name if a.thread is not None else a.name
    return actor.name if actor is not None else "main"


def _tracer(event, args):
    if world.internal_switch:  # our scheduler's own switches between actors
        world.internal_switch = False
        return
    if event not in ("switch", "throw"):
        return
    origin, target = args
    source = _name_of(origin)
    dest = _name_of(target)
    if origin.dead:
        trace.timeline("task_end", source, "greenlet finished")
    trace.timeline("switch", dest, "%s -> %s" % (source, dest))


def install():
    world.tracing = True
    _greenlet_module.greenlet = greenlet
    _greenlet_module.settrace(_tracer)


def uninstall():
    world.tracing = False
    _greenlet_module.greenlet = _real_greenlet
    _greenlet_module.settrace(None)
