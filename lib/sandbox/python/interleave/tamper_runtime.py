"""Runtime tamper evidence: identities that student code must not change, plus an audit hook.

`snapshot()` runs just before the student's code and `check(snap)` just after, in the forked
child that runs one submission (the audit hook, which cannot be removed, therefore dies with it).
Both must stay cheap: the whole warm run is a few milliseconds, so the snapshot is a handful of
shallow dict copies and identity comparisons (tens of microseconds), and the hook returns at once
for events it does not watch.

The stdlib reads frames on its own (`collections.namedtuple`, `typing`, `traceback` call
`sys._getframe`; `inspect.iscoroutinefunction` reads `__code__`), so introspection events count
only when the *immediate* Python caller is student code. Process and descriptor events count when
the nearest non-stdlib caller is student code. Anything outside the stdlib, the harness package
and site packages is "student code".
"""

import builtins
import os
import re
import sys
import sysconfig
import threading
import time

_HARNESS_DIR = os.path.dirname(os.path.abspath(__file__))
_TRUSTED_DIRS = tuple(sorted({
    p for p in (sysconfig.get_paths().get("stdlib"), sysconfig.get_paths().get("platstdlib"),
                sysconfig.get_paths().get("purelib"), sysconfig.get_paths().get("platlib"),
                "/usr/lib/python3/dist-packages", _HARNESS_DIR,
                # The zygote (zygote*.py next to the package) forks the run and stays on its stack.
                os.path.join(os.path.dirname(_HARNESS_DIR), "zygote")) if p}))

# Events whose immediate caller must be student code to count.
_DIRECT_EVENTS = {
    "sys._getframe": "used sys._getframe",
    "sys._current_frames": "used sys._current_frames",
    "sys.settrace": "installed a tracer",
    "sys.setprofile": "installed a profiler",
    "sys.addaudithook": "installed an audit hook",
    "gc.get_objects": "used gc.get_objects",
    "gc.get_referrers": "used gc.get_referrers",
    "gc.get_referents": "used gc.get_referents",
    "function.__new__": "built a function from a code object",
    "code.__new__": "built a code object",
}
_FRAME_ATTRS = {"tb_frame", "gi_frame", "cr_frame", "ag_frame", "f_code", "__code__"}
_GENERATOR_FRAMES = {"gi_frame", "cr_frame", "ag_frame"}
# Stdlib functions that hand frames to their caller: a student calling one of them is reaching
# frames as surely as calling sys._getframe (namedtuple/typing/traceback.print_exc only look).
_FRAME_RELAYS = {"currentframe", "stack", "trace", "getouterframes", "getinnerframes", "walk_stack",
                 "walk_tb"}
# Events that count when the nearest non-stdlib caller is student code.
_PROCESS_EVENTS = {
    "os.fork": "forked a process", "os.forkpty": "forked a process", "os.exec": "exec'd a program",
    "os.posix_spawn": "spawned a process", "os.spawn": "spawned a process",
    "os.system": "ran a shell command", "subprocess.Popen": "spawned a process",
    "resource.setrlimit": "changed a resource limit", "resource.prlimit": "changed a resource limit",
}
_MAX_RECORDED = 20
# Another process's memory or descriptors, our own raw descriptors, or anything of PID 1 (the
# zygote): reading /proc/self/status or /proc/cpuinfo is not tampering.
_RAW_PATH = re.compile(r"^/proc/(1/|(self|thread-self|\d+)/(mem|fd|fdinfo|task/\d+/mem)(/|$))|^/dev/(fd|std)")

_recorded = []
# "armed": count events (between snapshot and check in-process); "sealed": a forked run's hook,
# armed for good. Module state only for the in-process hook; a sealed hook keeps its own.
_state = {"armed": False, "installed": False}


def _make_hook(report, sealed):
    """An audit hook that depends on nothing a program can reach later: every function, table and
    flag it uses is bound here, in its own closure (not looked up in a module a program could
    rewrite), and nothing but the interpreter's hook list refers to it. CPython offers no way to
    remove an audit hook. `report(reason)` is called at once for every finding, so a sealed run
    writes it to Node before the operation even returns."""
    getframe, is_str, is_int = sys._getframe, str, int
    isinstance_, len_ = isinstance, len
    trusted_dirs, harness_dir = _TRUSTED_DIRS, _HARNESS_DIR
    direct_events, process_events = dict(_DIRECT_EVENTS), dict(_PROCESS_EVENTS)
    frame_attrs, generator_frames, relays = frozenset(_FRAME_ATTRS), frozenset(_GENERATOR_FRAMES), frozenset(_FRAME_RELAYS)
    raw_path, own_pid, getattr_ = _RAW_PATH.match, os.getpid, getattr
    cache, busy, seen = {}, [False], [0]

    def trusted(filename):
        hit = cache.get(filename)
        if hit is None:
            hit = filename.startswith("<frozen") or filename.startswith(trusted_dirs)
            cache[filename] = hit
        return hit

    def idle_student_generator(obj, prefix):
        code = getattr_(obj, prefix + "_code", None)
        running = getattr_(obj, prefix + "_running", True)
        return not running and code is not None and not trusted(code.co_filename)

    def reached_by_student(frame):
        code = frame.f_code
        if not trusted(code.co_filename):
            return True
        if code.co_name in relays and frame.f_back is not None:
            return not trusted(frame.f_back.f_code.co_filename)
        return False

    def descriptor_reason(event, args):
        if event == "open":
            path = args[0]
            if isinstance_(path, is_int):
                return "opened the raw file descriptor %d" % path
            if isinstance_(path, is_str) and raw_path(path):
                return "opened %s" % path
        if event == "os.kill" and args[0] not in (own_pid(), 0):
            return "sent a signal to process %s" % (args[0],)
        if event == "os.killpg":
            return "sent a signal to a process group"
        return None

    def hook(event, args):
        if busy[0] or not (sealed or _state["armed"]):
            return
        busy[0] = True  # our own frame reads below raise audit events too
        try:
            reason = classify(event, args)
            if reason is not None and seen[0] < _MAX_RECORDED:
                seen[0] += 1
                report(reason)
        finally:
            busy[0] = False

    def classify(event, args):
        if event.startswith("ctypes."):
            return "used ctypes (%s)" % event  # any ctypes call during a run is foreign to the harness
        direct = direct_events.get(event)
        if direct is None and event == "object.__getattr__" and args[1] in frame_attrs:
            direct = "read %s" % args[1]
            if args[1] in generator_frames and idle_student_generator(args[0], args[1][:2]):
                return None  # `gen.gi_frame is None` idiom: a suspended student generator leads nowhere
        if direct is None and event == "object.__setattr__" and args[1] == "__code__":
            direct = "replaced a function's __code__"
        process = process_events.get(event) or descriptor_reason(event, args)
        if direct is None and process is None:
            return None
        frame = getframe(2)
        if direct is not None and reached_by_student(frame):
            return direct
        if process is not None:
            while frame is not None and trusted(frame.f_code.co_filename):
                if frame.f_code.co_filename.startswith(harness_dir):
                    return None  # the harness itself
                frame = frame.f_back
            if frame is not None:
                return process
        return None

    return hook


def _record(reason):
    if len(_recorded) < _MAX_RECORDED:
        _recorded.append(reason)


def arm(report):
    """For a forked run: install the sealed hook. Findings go to `report` at once *and* to the
    in-process record read by `check`."""
    def both(reason):
        _record(reason)
        report(reason)
    sys.addaudithook(_make_hook(both, sealed=True))
    _state["installed"] = True


def _watched_objects(extra):
    """(label, owner, attribute) triples whose identity must survive the student's code."""
    pairs = [("sys.%s" % name, sys, name) for name in
             ("stdout", "stderr", "stdin", "__stdout__", "__stderr__", "excepthook",
              "displayhook", "unraisablehook", "meta_path", "path_hooks", "modules")]
    pairs += [("time.%s" % name, time, name) for name in
              ("sleep", "time", "monotonic", "perf_counter", "time_ns", "monotonic_ns")]
    pairs += [("threading.%s" % name, threading, name) for name in ("Thread", "_trace_hook", "_profile_hook")]
    asyncio = sys.modules.get("asyncio")
    if asyncio is not None:
        pairs += [("asyncio.%s" % name, asyncio, name) for name in
                  ("sleep", "run", "Runner", "get_event_loop", "new_event_loop", "ensure_future",
                   "create_task", "wait", "wait_for", "gather", "coroutine")]
        pairs.append(("asyncio event-loop policy", asyncio.events, "_event_loop_policy"))
    for index, obj in enumerate(extra):
        pairs.append(("watched object %d" % index, _Holder(obj), "obj"))
    return pairs


class _Holder:
    def __init__(self, obj):
        self.obj = obj


def _harness_callables():
    """(label, container, key, object, code) for every function/class of the harness modules,
    and every method of the harness's own classes."""
    found = []
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "interleave" or name.startswith("interleave.")):
            continue
        for key, value in list(vars(module).items()):
            if not callable(value) or key.startswith("__"):
                continue
            found.append(("%s.%s" % (name, key), module, key, value, getattr(value, "__code__", None)))
            if isinstance(value, type) and getattr(value, "__module__", "") == name:
                for attr, member in list(vars(value).items()):
                    if callable(member):
                        found.append(("%s.%s.%s" % (name, key, attr), value, attr, member,
                                      getattr(member, "__code__", None)))
    return found


def prepare():
    """For a forking zygote, before it forks: take the run-independent part of the snapshot (the
    builtins and every harness function) once. In a fresh fork, walking them costs ~1 ms of
    copy-on-write faults per run. Only call it while nothing untrusted has run in this process."""
    _prepared["builtins"] = dict(vars(builtins))
    _prepared["harness"] = _harness_callables()


_prepared = {}


def snapshot(*extra):
    """Record what must not change and arm the audit hook. `extra` objects (e.g. the emit
    function) are watched too, including their `__code__`."""
    if not _state["installed"]:
        sys.addaudithook(_make_hook(_record, sealed=False))
        _state["installed"] = True
    del _recorded[:]
    watched = [(label, owner, attr, getattr(owner, attr, None)) for label, owner, attr in _watched_objects(extra)]
    codes = [(label, obj, getattr(obj, "__code__", None)) for label, obj in
             [("watched object %d" % i, obj) for i, obj in enumerate(extra)]]
    snap = {
        "builtins": _prepared.get("builtins") or dict(vars(builtins)),
        "watched": watched,
        "codes": codes,
        "harness": _prepared.get("harness") or _harness_callables(),
        "trace": (sys.gettrace(), sys.getprofile()),
        "stdout_type": (type(sys.stdout), type(sys.stderr)),
    }
    _state["armed"] = True
    return snap


def check(snap):
    """Disarm the hook and return the first sign of tampering, or None."""
    _state["armed"] = False
    if _recorded:
        return "runtime: " + _recorded[0]
    now = vars(builtins)
    for key, value in snap["builtins"].items():
        if now.get(key, _MISSING) is not value:
            return "runtime: replaced builtins.%s" % key
    for key in now.keys() - snap["builtins"].keys():
        return "runtime: added builtins.%s" % key
    for label, owner, attr, value in snap["watched"]:
        if getattr(owner, attr, None) is not value:
            return "runtime: replaced %s" % label
    for label, obj, code in snap["codes"]:
        if getattr(obj, "__code__", None) is not code:
            return "runtime: replaced the code of %s" % label
    if (type(sys.stdout), type(sys.stderr)) != snap["stdout_type"]:
        return "runtime: replaced the output streams' class"
    if (sys.gettrace(), sys.getprofile()) != snap["trace"]:
        return "runtime: installed a tracer or profiler"
    for label, container, key, obj, code in snap["harness"]:
        if vars(container).get(key, _MISSING) is not obj or getattr(obj, "__code__", None) is not code:
            return "runtime: modified the harness (%s)" % label
    return None


_MISSING = object()
