"""Runtime tamper evidence: identities that student code must not change, plus an audit hook
(tamper_hook.py: what it reports and why).

`snapshot()` runs just before the student's code and `check(snap)` just after, in the forked
child that runs one submission (the audit hook, which cannot be removed, therefore dies with it).
Both must stay cheap: the whole warm run is a few milliseconds and, in a fresh fork, every page the
check writes (a reference count is a write) is a copy-on-write fault. So the run-independent part
(builtins, every harness function) is recorded in the zygote before it forks, and compared by
identity (`operator.is_`, never `==`, which a replaced object could answer) without reading any
code object: in a sealed run the hook itself reports any new `__code__` on a harness or library
function, whoever the caller.
"""

import builtins
import operator
import sys
import threading
import time

from .tamper_hook import MAX_RECORDED, make_hook

_recorded = []
# "armed": count events (between snapshot and check in-process); "sealed": a forked run's hook,
# armed for good (and the reason `check` need not re-read code objects).
_state = {"armed": False, "installed": False, "sealed": False}


def _record(reason):
    if len(_recorded) < MAX_RECORDED:
        _recorded.append(reason)


def arm(report):
    """For a forked run: install the sealed hook. Findings go to `report` at once *and* to the
    in-process record read by `check`."""
    def both(reason):
        _record(reason)
        report(reason)
    sys.addaudithook(make_hook(both, None))
    _state["installed"] = _state["sealed"] = True


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


def _identity_table(entries):
    """From (label, mapping, key, object): one row per mapping, (mapping, getter, objects, labels),
    so a check is one C-level `itemgetter` call and identity comparisons per mapping: it touches the
    watched objects' headers (reference counts) but never reads their code or builds a string."""
    rows = {}
    for label, mapping, key, obj in entries:
        row = rows.setdefault(id(mapping), (mapping, [], [], []))
        row[1].append(key)
        row[2].append(obj)
        row[3].append(label)
    table = []
    for mapping, keys, objs, labels in rows.values():
        getter = operator.itemgetter(*keys) if len(keys) > 1 else (lambda m, k=keys[0]: (m[k],))
        table.append((mapping, getter, tuple(objs), tuple(labels)))
    return tuple(table)


def _changed(table):
    """The label of the first watched object that is gone or not the same object, else None."""
    is_ = operator.is_
    for mapping, getter, objs, labels in table:
        try:
            if all(map(is_, getter(mapping), objs)):
                continue
        except KeyError:
            pass
        for label, obj, key in zip(labels, objs, _keys(getter, len(objs))):
            if mapping.get(key, _MISSING) is not obj:
                return label
    return None


def _keys(getter, count):
    """The keys an identity-table getter reads (slow path, only after a change was found)."""
    if isinstance(getter, operator.itemgetter):
        return getter.__reduce__()[1]
    return getter.__defaults__ * count


def _builtins_table():
    now = vars(builtins)
    return len(now), _identity_table([("builtins.%s" % key, now, key, value) for key, value in now.items()])


def _harness_table():
    return _identity_table([(label, vars(container), key, obj) for label, container, key, obj, _ in _harness_callables()])


def prepare():
    """For a forking zygote, before it forks: take the run-independent part of the snapshot (the
    builtins and every harness function) once. In a fresh fork, walking them costs ~1 ms of
    copy-on-write faults per run. Only call it while nothing untrusted has run in this process."""
    _prepared["builtins"] = _builtins_table()
    _prepared["harness"] = _harness_table()
    _prepared["codes"] = _harness_callables()


_prepared = {}


def snapshot(*extra):
    """Record what must not change and arm the audit hook. `extra` objects (e.g. the emit
    function) are watched too, including their `__code__`."""
    if not _state["installed"]:
        sys.addaudithook(make_hook(_record, lambda: _state["armed"]))
        _state["installed"] = True
    del _recorded[:]
    watched = [(label, owner, attr, getattr(owner, attr, None)) for label, owner, attr in _watched_objects(extra)]
    codes = [(label, obj, getattr(obj, "__code__", None)) for label, obj in
             [("watched object %d" % i, obj) for i, obj in enumerate(extra)]]
    snap = {
        "builtins": _prepared.get("builtins") or _builtins_table(),
        "watched": watched,
        "codes": codes,
        "harness": _prepared.get("harness") or _harness_table(),
        # A sealed run's hook reports every new __code__ of a harness function: no re-read needed.
        "harness_codes": () if _state["sealed"] else (_prepared.get("codes") or _harness_callables()),
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
    count, table = snap["builtins"]
    replaced = _changed(table)
    if replaced is not None:
        return "runtime: replaced %s" % replaced
    if len(now) != count:
        for key in now.keys() - set(_keys(table[0][1], count)):
            return "runtime: added builtins.%s" % key
    for label, owner, attr, value in snap["watched"]:
        if getattr(owner, attr, None) is not value:
            return "runtime: replaced %s" % label
    for label, obj, code in snap["codes"]:
        if getattr(obj, "__code__", None) is not code:
            return "runtime: replaced the code of %s" % label
    if type(sys.stdout) is not snap["stdout_type"][0] or type(sys.stderr) is not snap["stdout_type"][1]:
        return "runtime: replaced the output streams' class"
    if sys.gettrace() is not snap["trace"][0] or sys.getprofile() is not snap["trace"][1]:
        return "runtime: installed a tracer or profiler"
    modified = _changed(snap["harness"])
    if modified is not None:
        return "runtime: modified the harness (%s)" % modified
    for label, _, _, obj, code in snap["harness_codes"]:
        if getattr(obj, "__code__", None) is not code:
            return "runtime: modified the harness (%s)" % label
    return None


_MISSING = object()
