"""Static scan of a submission for code that reaches into the interpreter or the harness.

Student code runs in the same interpreter as the harness, so nothing here is a security boundary
(bubblewrap + seccomp are): it is *evidence*. A finding marks the result for instructor review
instead of awarding points, so every rule must stay quiet on ordinary tutorial code (asyncio,
greenlet, threading, concurrent.futures, time, random, collections, functools, typing,
dataclasses, contextlib, itertools, json, math). `inspect` is allowed (iscoroutinefunction,
isawaitable, signature, getgeneratorstate are teaching tools); only its frame-walking functions
are flagged.

The traversal is iterative (`ast.walk`) because a compile bomb such as "1+" * 10**5 builds an AST
deep enough to overflow a recursive visitor.
"""

import ast

MODULE_REASONS = {
    "gc": "uses gc (can reach the harness's objects)",
    "ctypes": "uses ctypes (can rewrite the interpreter's memory)",
    "_ctypes": "uses ctypes (can rewrite the interpreter's memory)",
    "interleave": "imports the harness (interleave)",
    "signal": "uses signal (can disarm the harness's time limits)",
    "_signal": "uses signal (can disarm the harness's time limits)",
    "resource": "uses resource (can change the sandbox's limits)",
    "faulthandler": "uses faulthandler (writes to raw descriptors)",
    "_asyncio": "imports asyncio's C internals (_asyncio)",
    "subprocess": "starts other processes (outside the scheduler)",
    "_posixsubprocess": "starts other processes (outside the scheduler)",
    "multiprocessing": "starts other processes (outside the scheduler)",
    "pty": "starts other processes (outside the scheduler)",
    "posix": "uses the posix module directly",
    "_testcapi": "uses CPython's test internals",
    "_testinternalcapi": "uses CPython's test internals",
    "_xxsubinterpreters": "uses CPython's subinterpreter internals",
}

# Attribute names that only matter for reaching frames, code objects or the harness's globals.
ATTR_REASONS = {
    "f_back": "walks interpreter frames (f_back)",
    "f_globals": "reads a frame's globals (f_globals)",
    "f_locals": "reads a frame's locals (f_locals)",
    "f_builtins": "reads a frame's builtins (f_builtins)",
    "f_code": "reads a frame's code (f_code)",
    "f_trace": "sets a frame tracer (f_trace)",
    "tb_frame": "reaches interpreter frames through a traceback (tb_frame)",
    "gi_frame": "reaches a generator's frame (gi_frame)",
    "cr_frame": "reaches a coroutine's frame (cr_frame)",
    "ag_frame": "reaches an async generator's frame (ag_frame)",
    "__code__": "reads or replaces a function's code (__code__)",
    "__globals__": "reads a function's globals (__globals__)",
    "__closure__": "reads a function's closure (__closure__)",
    "__subclasses__": "enumerates every class in the interpreter (__subclasses__)",
    "__builtins__": "touches __builtins__",
    "_getframe": "uses sys._getframe (can reach the harness's frames)",
    "_current_frames": "uses sys._current_frames (can reach the harness's frames)",
    "settrace": "installs a tracer (settrace)",
    "setprofile": "installs a profiler (setprofile)",
    "addaudithook": "installs an audit hook",
    "get_objects": "uses gc.get_objects (can reach the harness's objects)",
    "get_referrers": "uses gc.get_referrers (can reach the harness's objects)",
    "currentframe": "uses inspect.currentframe (can reach the harness's frames)",
    "getouterframes": "walks interpreter frames (inspect.getouterframes)",
    "getclosurevars": "reads a function's globals (inspect.getclosurevars)",
    "__stdout__": "writes to the raw stdout (sys.__stdout__), bypassing the trace",
    "__stderr__": "writes to the raw stderr (sys.__stderr__), bypassing the trace",
    "set_event_loop_policy": "replaces the event-loop policy (escapes virtual time)",
}
GENERATOR_FRAMES = {"gi_frame", "cr_frame", "ag_frame"}
# `inspect.stack()`/`inspect.trace()` are common words elsewhere, so they count only on inspect.
INSPECT_FRAME_FUNCS = {"stack", "trace", "getinnerframes", "getframeinfo"}

OS_REASONS = {
    **{name: "writes to raw file descriptors (os.%s)" % name
       for name in ("write", "writev", "pwrite", "sendfile", "dup", "dup2", "open", "fdopen",
                    "openpty", "set_inheritable")},
    **{name: "closes file descriptors (os.%s)" % name for name in ("close", "closerange")},
    **{name: "starts processes outside the scheduler (os.%s)" % name
       for name in ("fork", "forkpty", "system", "popen", "register_at_fork", "posix_spawn",
                    "posix_spawnp", "execv", "execve", "execl", "execle", "execlp", "execlpe",
                    "execvp", "execvpe", "spawnv", "spawnve", "spawnl", "spawnle", "spawnlp",
                    "spawnlpe", "spawnvp", "spawnvpe")},
    **{name: "signals other processes (os.%s)" % name for name in ("kill", "killpg")},
    **{name: "changes process scheduling or session (os.%s)" % name
       for name in ("setsid", "setpgid", "setpgrp", "setpriority", "nice", "sched_setaffinity",
                    "sched_setscheduler", "sched_setparam")},
}
SYS_REASONS = {"modules": "manipulates sys.modules (can reach the harness)",
               "meta_path": "manipulates the import system (sys.meta_path)",
               "path_hooks": "manipulates the import system (sys.path_hooks)"}
RAW_PATH_PREFIXES = ("/proc/", "/dev/fd", "/dev/stdout", "/dev/stderr", "/dev/tty")


def scan(code):
    """Return "line N: reason" for the first finding in source order, or None."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None  # the harness reports syntax errors and compile bombs itself
    nodes = list(ast.walk(tree))  # walked once: each pass below costs as much as the parse
    aliases = _import_aliases(nodes)
    allowed = _none_checks(nodes)
    findings = []
    for node in nodes:
        reason = None if id(node) in allowed else _check(node, aliases)
        if reason:
            findings.append((getattr(node, "lineno", 0), reason))
    if not findings:
        return None
    line, reason = min(findings)
    return "line %d: %s" % (line, reason)


def _none_checks(nodes):
    """ids of `gen.gi_frame is None` operands: the documented way to ask whether a generator has
    finished, which hands out no frame."""
    allowed = set()
    for node in nodes:
        if (isinstance(node, ast.Compare) and all(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops)
                and all(isinstance(c, ast.Constant) and c.value is None for c in node.comparators)
                and isinstance(node.left, ast.Attribute) and node.left.attr in GENERATOR_FRAMES):
            allowed.add(id(node.left))
    return allowed


def _import_aliases(nodes):
    """Map each name bound by an import to the dotted module path it stands for."""
    aliases = {}
    for node in nodes:
        if isinstance(node, ast.Import):
            for item in node.names:
                if item.asname:
                    aliases[item.asname] = item.name
                else:
                    top = item.name.split(".")[0]
                    aliases[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for item in node.names:
                if item.name != "*":
                    aliases[item.asname or item.name] = node.module + "." + item.name
    return aliases


def _dotted(node, aliases):
    """Resolve `sys.stdout` / `from os import write; write` to a dotted path, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in aliases:
        return None
    return ".".join([aliases[node.id]] + parts[::-1])


def _module_reason(name):
    top = name.split(".")[0]
    if top in MODULE_REASONS:
        return MODULE_REASONS[top]
    if top == "os" and name.count(".") >= 1 and name.split(".")[1] in OS_REASONS:
        return OS_REASONS[name.split(".")[1]]
    return None


def _check(node, aliases):
    if isinstance(node, ast.Import):
        for item in node.names:
            reason = _module_reason(item.name)
            if reason:
                return reason
    elif isinstance(node, ast.ImportFrom):
        return _check_import_from(node)
    elif isinstance(node, ast.Attribute):
        return _check_attribute(node, aliases)
    elif isinstance(node, ast.Name) and node.id == "__builtins__":
        return ATTR_REASONS["__builtins__"]
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        if node.value in ATTR_REASONS:
            return "names %r in a string (dynamic access): %s" % (node.value, ATTR_REASONS[node.value])
    elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
        return _check_store(node, aliases)
    elif isinstance(node, ast.Call):
        return _check_call(node, aliases)
    elif isinstance(node, ast.MatchClass):
        for attr in node.kwd_attrs:
            if attr in ATTR_REASONS:
                return ATTR_REASONS[attr]
    return None


# Reflection by a name the scan cannot read: the one way left to reach `__globals__` & co. without
# spelling them (CPython does not audit `__globals__`/`__closure__` reads).
_NAME_ARG_CALLS = {"getattr": 1, "setattr": 1, "delattr": 1, "hasattr": 1,
                   "operator.attrgetter": 0, "operator.methodcaller": 0, "inspect.getattr_static": 1}
_REFLECTION_CALLS = {"inspect.getmembers", "inspect.getmembers_static", "inspect.getclosurevars"}


def _computed_reflection(node, name, path):
    if path in _REFLECTION_CALLS:
        return "lists an object's attributes (%s)" % path
    key = name if name in _NAME_ARG_CALLS else path
    index = _NAME_ARG_CALLS.get(key) if key else None
    if index is not None and len(node.args) > index:
        arg = node.args[index]
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
            return "reads an attribute by a computed name (%s)" % key
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in ("__getattribute__", "__getattr__", "__dict__"):
        return "reads attributes through %s" % func.attr
    if (isinstance(func, ast.Attribute) and func.attr in ("format", "format_map")
            and not isinstance(func.value, ast.Constant)):
        return "formats with a computed template (can read attributes by name)"
    return None


def _check_import_from(node):
    module = node.module or ""
    if node.level:
        return None  # a single-file submission has no package to import from
    reason = _module_reason(module)
    if reason:
        return reason
    for item in node.names:
        reason = _module_reason(module + "." + item.name) or ATTR_REASONS.get(item.name)
        if module == "inspect" and item.name in INSPECT_FRAME_FUNCS:
            reason = "walks interpreter frames (inspect.%s)" % item.name
        if module == "sys" and item.name in SYS_REASONS:
            reason = SYS_REASONS[item.name]
        if item.name == "*" and module in ("sys", "os", "inspect", "builtins"):
            reason = "star-imports %s (hides what it uses)" % module
        if _is_private(item.name):
            reason = "imports the private name %s.%s" % (module, item.name)
        if reason:
            return reason
    return None


def _is_private(name):
    return name.startswith("_") and not name.startswith("__")


def _check_attribute(node, aliases):
    if node.attr in ATTR_REASONS:
        return ATTR_REASONS[node.attr]
    path = _dotted(node, aliases)
    if path is None:
        return None
    module, _, attr = path.rpartition(".")
    if module == "inspect" and attr in INSPECT_FRAME_FUNCS:
        return "walks interpreter frames (inspect.%s)" % attr
    if module == "sys" and attr in SYS_REASONS:
        return SYS_REASONS[attr]
    if module == "os" and attr in OS_REASONS:
        return OS_REASONS[attr]
    if _is_private(attr) and module.split(".")[0] in _STDLIB_ROOTS:
        return "reaches the private internals %s" % path
    return None


# Private attributes of these modules are the harness's and the event loop's internals.
_STDLIB_ROOTS = {"sys", "os", "asyncio", "threading", "time", "builtins", "concurrent", "greenlet",
                 "io", "inspect", "types", "functools", "contextvars", "_thread", "socket"}


def _check_store(node, aliases):
    targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
    for target in targets:
        for sub in ast.walk(target):
            if isinstance(sub, ast.Attribute):
                path = _dotted(sub, aliases)
                if path is not None:
                    return "replaces %s (monkeypatches the runtime)" % path
            if (isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name)
                    and sub.func.id == "vars" and sub.args and _dotted(sub.args[0], aliases)):
                return "replaces entries of vars(%s) (monkeypatches the runtime)" % _dotted(sub.args[0], aliases)
    return None


def _check_call(node, aliases):
    func = node.func
    name = func.id if isinstance(func, ast.Name) else None
    path = _dotted(func, aliases)
    first = node.args[0] if node.args else None
    literal = first.value if isinstance(first, ast.Constant) else None
    if name in ("setattr", "delattr") and first is not None and _dotted(first, aliases):
        return "replaces attributes of %s (monkeypatches the runtime)" % _dotted(first, aliases)
    if name == "__import__" or path == "importlib.import_module":
        if isinstance(literal, str):
            return _module_reason(literal)
        return "imports a module by a computed name"
    computed = _computed_reflection(node, name, path)
    if computed:
        return computed
    if name in ("exec", "eval", "compile"):
        if isinstance(literal, str):
            return scan(literal)  # a literal is just more source: scan it the same way
        return "runs dynamically built code (%s)" % name
    if name == "open" or path in ("io.open", "io.FileIO", "os.open", "_io.open", "_io.FileIO"):
        if isinstance(literal, int):
            return "opens the raw file descriptor %d" % literal
        if isinstance(literal, str) and literal.startswith(RAW_PATH_PREFIXES):
            return "opens %s (raw descriptors or other processes)" % literal
    if path in ("socket.fromfd", "socket.socket") and any(k.arg == "fileno" for k in node.keywords):
        return "wraps a raw file descriptor in a socket"
    if path == "socket.fromfd":
        return "wraps a raw file descriptor in a socket"
    return None
