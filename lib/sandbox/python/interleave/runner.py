"""`run_program`: run one student program under the virtual-time world and report a RunResult.

Importing this module pre-imports everything heavy (asyncio, greenlet, concurrent.futures, the loop
classes) so a forking zygote pays for it once; all per-run state is reset by `run_program` itself.
"""
import asyncio
import asyncio.base_events
import asyncio.runners
import builtins
import concurrent.futures
import concurrent.futures.thread
import gc
import io
import linecache
import logging
import queue
import random
import sys
import threading
import time
import traceback
import types
import warnings

from asyncio import events as _events
from greenlet import greenlet

from . import netpatch
from . import cpustretch, greenlets, legacy, loopblock, tamper, vdatetime, vthreads
from .errors import FILENAME, describe_error
from .lifecycle import lifecycle
from .output import CaptureStream, trace
from .schedule import schedule
from .vloop import LOOP_PATCHES, VirtualEventLoopPolicy, reset_counters
from .world import RUNNING, Actor, StopRun, world

# The networking libraries (requests, aiohttp, urllib, cryptography for TLS: ~20 MB and ~170 ms) are
# not imported here: only the networked zygote preloads them (`prewarm(networked=True)`); anywhere
# else a program that imports them loads them itself, as plain CPython would.
_preloaded = (asyncio.runners, concurrent.futures.thread, logging, queue, threading, time, traceback)
# Local time is UTC in every run, whatever the host's zone (unsafe-local, unit tests).
vdatetime.pin_utc()
GC_THRESHOLD = 100_000
_DEFAULT_WARNING_FILTERS = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]
_STREAMS = ("stdout", "stderr", "__stdout__", "__stderr__", "stdin")


def run_program(code, *, seed, limits, emit, scan=True, network=None):
    """Run `code` as `__main__` from main.py; `emit(event)` gets each trace event as it happens.

    `scan=False` skips the static tamper scan: the zygote runs it in its own (untouchable) process
    so the reason survives a run that dies before reporting, and the forked child saves its cost."""
    return run_prepared(prepare_run(code, seed=seed, limits=limits, emit=emit, scan=scan, network=network))


class PreparedRun:
    __slots__ = ("code", "seed", "codeobj", "module", "result", "network")

    def __init__(self, code, seed, codeobj, module, result, network=None):
        self.code, self.seed, self.codeobj, self.module, self.result = code, seed, codeobj, module, result
        self.network = network  # the exercise's network.json (None: no host resolves)


def prepare_run(code, *, seed, limits, emit, scan=True, network=None):
    """Everything before the program's first line that a forking zygote can do before it forks:
    per-run resets, the scan, compiling. In a fresh fork the same work costs ~0.6 ms more, because
    every page it writes is copied first. Raises only what `compile` raises beyond syntax errors
    (RecursionError, MemoryError): a zygote then leaves the whole preparation to its child."""
    result = {"status": "ok", "virtualTime": 0.0, "error": None, "limit": None,
              "deadlock": None, "notes": [], "tamper": None}
    reason = tamper.static_scan(code) if scan else None
    if reason:
        result["tamper"] = {"reason": reason}
    world.reset(seed, limits or {})
    schedule.reset(seed)
    loopblock.reset()
    cpustretch.reset(limits or {})
    trace.reset(emit, limits or {})
    reset_counters()
    try:
        codeobj = compile(code, FILENAME, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        result["status"] = "error"
        result["error"] = describe_error(exc)
        return PreparedRun(code, seed, None, None, result)
    linecache.cache[FILENAME] = (len(code), None, code.splitlines(True), FILENAME)
    module = types.ModuleType("__main__")
    module.__file__ = FILENAME
    module.__builtins__ = builtins
    return PreparedRun(code, seed, codeobj, module, result, network)


def run_prepared(prepared):
    """Run a prepared program (once: it runs in this process's harness state)."""
    result = prepared.result
    if prepared.codeobj is None:
        return result
    # Here, not in prepare_run: `random` re-seeds itself from the OS in every forked child.
    random.seed(prepared.seed)
    # Everything alive now belongs to the harness: the end-of-run collection then only scans the
    # program's own objects (a full collection of the asyncio import graph costs ~2 ms).
    gc.freeze()
    saved = _enter(prepared.module, result["notes"], uses_greenlet="greenlet" in prepared.code,
                   network=prepared.network)
    try:
        cpustretch.arm()
        outcome = _run_main_actor(prepared.codeobj, prepared.module, result)
    finally:
        cpustretch.disarm()
        _leave(saved)
    result.update(outcome)
    result["virtualTime"] = world.now
    result["notes"].extend(loopblock.notes())
    result["notes"].extend(cpustretch.notes())
    result["schedule"] = schedule.report()
    result["lifecycle"] = lifecycle.snapshot(world.now, result["status"])
    return result


def _run_main_actor(codeobj, module, result):
    main_glet = greenlet(_main_body, parent=world.root)
    actor = world.add_actor(Actor("main", vthreads.MAIN_IDENT, main_glet))
    actor.state = RUNNING
    world.current = actor
    snap = tamper.snapshot()
    world.internal_switch = world.tracing
    outcome = main_glet.switch(codeobj, module)
    stop = world.stop
    if stop is not None:
        outcome = {"status": stop.status, "limit": stop.limit, "deadlock": stop.deadlock,
                   "error": None}
    reason = tamper.runtime_check(snap)
    if reason and result["tamper"] is None:
        result["tamper"] = {"reason": reason}
    trace.flush_partial([actor] + [a for a in world.actors.values() if a is not actor])
    trace.closed = True
    world.current = None
    return outcome


def _main_body(codeobj, module):
    outcome = {"status": "ok", "error": None, "limit": None}
    try:
        exec(codeobj, module.__dict__)
    except SystemExit as exc:
        outcome = _system_exit(exc)
    except MemoryError:
        outcome = {"status": "limit", "limit": "memory", "error": None}
    except BaseException as exc:  # the student's uncaught exception is the run's result
        outcome = {"status": "error", "error": describe_error(exc), "limit": None}
    _interpreter_shutdown(module, outcome)
    return outcome


def _interpreter_shutdown(module, outcome):
    """What CPython does after `__main__` ends: join non-daemon threads, then tear the module down
    (never-awaited coroutines and unretrieved task exceptions are reported here)."""
    try:
        vthreads.shutdown_threads()
        greenlets.uninstall()  # teardown switches (GreenletExit) are not part of the program
        # A greenlet running a C function has no Python frame, so warnings raised while the module
        # dies say "sys:1"; and like CPython's finalization they print without the tracemalloc hint.
        warnings._showwarnmsg = _show_warning_at_exit
        try:
            greenlet(module.__dict__.clear).switch()
            greenlet(gc.collect).switch()
        finally:
            warnings._showwarnmsg = _python_showwarnmsg
    except SystemExit:
        pass
    except MemoryError:
        outcome.update(status="limit", limit="memory", error=None)
    except BaseException as exc:
        if outcome["status"] == "ok":
            outcome.update(status="error", error=describe_error(exc))


_python_showwarnmsg = warnings._showwarnmsg


def _show_warning_at_exit(msg):
    text = "%s:%s: %s: %s\n" % (msg.filename, msg.lineno, msg.category.__name__, msg.message)
    line = linecache.getline(msg.filename, msg.lineno).strip()
    if line:
        text += "  %s\n" % line
    sys.stderr.write(text)


def _system_exit(exc):
    code = exc.code
    if code is None or code == 0:
        return {"status": "ok", "error": None, "limit": None}
    error = describe_error(exc)
    error["message"] = str(code)
    return {"status": "error", "error": error, "limit": None}


def _enter(module, notes, uses_greenlet, network=None):
    saved = {name: getattr(sys, name) for name in _STREAMS}
    saved["main"] = sys.modules.get("__main__")
    saved["argv"] = sys.argv
    saved["policy"] = _events._event_loop_policy
    saved["agen"] = sys.get_asyncgen_hooks()
    saved["gc"] = gc.get_threshold()
    # The harness allocates more than the bare program, so CPython's default threshold (700) would
    # collect cycles (and print "Task exception was never retrieved") at other moments than a real
    # run does; small programs then see their cycles collected at exit, as in CPython.
    gc.set_threshold(GC_THRESHOLD, 50, 50)
    out, err = CaptureStream("stdout"), CaptureStream("stderr")
    sys.stdout = sys.__stdout__ = out
    sys.stderr = sys.__stderr__ = err
    sys.stdin = io.StringIO("")  # stdin is closed in the sandbox: input() raises EOFError
    sys.modules["__main__"] = module
    sys.argv = [FILENAME]
    sys.__dict__.pop("__warningregistry__", None)
    warnings.onceregistry.clear()
    saved["warnings"] = warnings.filters[:]
    warnings.filters[:] = _DEFAULT_WARNING_FILTERS  # as a plain `python3 main.py`, whatever our flags
    warnings._filters_mutated()
    saved["loops"] = [(mod, name, getattr(mod, name)) for mod, name, _ in LOOP_PATCHES]
    for mod, name, value in LOOP_PATCHES:
        setattr(mod, name, value)
    asyncio.set_event_loop_policy(VirtualEventLoopPolicy())
    vthreads.install()
    netpatch.install(network)
    legacy.install(notes)
    if uses_greenlet:
        greenlets.install()
    return saved


def _leave(saved):
    greenlets.uninstall()
    legacy.uninstall()
    netpatch.uninstall()
    vthreads.uninstall()
    _events._set_running_loop(None)  # an early stop can leave a loop marked as running
    sys.set_asyncgen_hooks(*saved["agen"])
    warnings.filters[:] = saved["warnings"]
    warnings._filters_mutated()
    gc.set_threshold(*saved["gc"])
    _events._event_loop_policy = saved["policy"]
    for mod, name, value in saved["loops"]:
        setattr(mod, name, value)
    for name in _STREAMS:
        setattr(sys, name, saved[name])
    if saved["main"] is not None:
        sys.modules["__main__"] = saved["main"]
    sys.argv = saved["argv"]
    world.current = None


_NETWORK_PREWARM = """import asyncio, aiohttp, requests, urllib.request
requests.get("http://warm.example/").text
urllib.request.urlopen("http://warm.example/").read()
async def m():
    async with aiohttp.ClientSession() as s:
        async with s.get("http://warm.example/") as r:
            await r.text()
    r, w = await asyncio.open_connection("warm.example", 80)
    w.close()
asyncio.run(m())
"""
_PREWARM_HOSTS = {"hosts": {"warm.example": {"routes": {"GET /": {"body": "warm"}}}}}


def prewarm(networked=False):
    """Run a tiny program once so first-use costs are paid before a zygote starts forking, and
    take the run-independent part of the tamper snapshot. Only for a process that forks a child
    per run: never call it after untrusted code ran in this interpreter. `networked`: the zygote
    for runs that use the network also preloads the networking libraries and pays their first-use
    costs (lazy imports, parsers, pools, the TLS authority); a lean zygote's forks stay half as big."""
    run_program("import asyncio\nasync def m():\n    await asyncio.sleep(1)\nasyncio.run(m())\n",
                seed=0, limits={}, emit=lambda event: None)
    if networked:
        from . import vtls  # the program below imports aiohttp, requests and urllib.request
        run_program(_NETWORK_PREWARM, seed=0, limits={}, emit=lambda event: None, network=_PREWARM_HOSTS)
        vtls.prepare()
    tamper.prepare()
    gc.collect()
    gc.freeze()  # forked children then never scan (nor copy-on-write) the harness's objects
