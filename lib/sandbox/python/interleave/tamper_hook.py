"""The audit hook of the runtime tamper evidence (installed by tamper_runtime; see its docstring).

The stdlib reads frames on its own (`collections.namedtuple`, `typing`, `traceback` call
`sys._getframe`; `inspect.iscoroutinefunction` reads `__code__`), so introspection events count
only when the *immediate* Python caller is student code. Process and descriptor events count when
the nearest non-stdlib caller is student code. Two things count whoever the caller is, because the
harness never does them during a run and a program can route a call through a harness frame (a
loop callback, a thread target): giving a harness or library function a new `__code__`, and opening
another process's memory or descriptors (or a directory from which a relative open reaches them).

The hook never runs a program's code: every argument it inspects is first reduced to an exact
`str`/`int`/`bytes` (a subclass could otherwise answer `==`, `hash` or `%s` with anything) or to a
stdlib path object whose text it reads without calling a method a program could override.
"""

import os
import pathlib
import re
import sys
import sysconfig

HARNESS_DIR = os.path.dirname(os.path.abspath(__file__))
TRUSTED_DIRS = tuple(sorted({
    p for p in (sysconfig.get_paths().get("stdlib"), sysconfig.get_paths().get("platstdlib"),
                sysconfig.get_paths().get("purelib"), sysconfig.get_paths().get("platlib"),
                "/usr/lib/python3/dist-packages", HARNESS_DIR,
                # The zygote (zygote*.py next to the package) forks the run and stays on its stack.
                os.path.join(os.path.dirname(HARNESS_DIR), "zygote")) if p}))

# Events whose immediate caller must be student code to count.
DIRECT_EVENTS = {
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
FRAME_ATTRS = {"tb_frame", "gi_frame", "cr_frame", "ag_frame", "f_code", "__code__"}
GENERATOR_FRAMES = {"gi_frame", "cr_frame", "ag_frame"}
# Stdlib functions that hand frames to their caller: a student calling one of them is reaching
# frames as surely as calling sys._getframe (namedtuple/typing/traceback.print_exc only look).
FRAME_RELAYS = {"currentframe", "stack", "trace", "getouterframes", "getinnerframes", "walk_stack", "walk_tb"}
# Events that count when the nearest non-stdlib caller is student code.
PROCESS_EVENTS = {
    "os.fork": "forked a process", "os.forkpty": "forked a process", "os.exec": "exec'd a program",
    "os.posix_spawn": "spawned a process", "os.spawn": "spawned a process",
    "os.system": "ran a shell command", "subprocess.Popen": "spawned a process",
    "resource.setrlimit": "changed a resource limit", "resource.prlimit": "changed a resource limit",
}
# Checked on the resolved path (symlinks, "..", "self" and relative paths resolved): another
# process's or our own memory and descriptors, anything of PID 1 (the zygote), and the directories
# from which `os.open(..., dir_fd=)` could reach them with a relative name (the "open" event does
# not carry dir_fd). Reading /proc/self/status or /proc/cpuinfo is not tampering.
RAW_PATH = re.compile(
    r"^/proc/1(/|$)"
    r"|^/proc/\d+(/task/\d+)?/(mem|fd|fdinfo|map_files|root|cwd)(/|$)"
    r"|^/proc/\d+(/task(/\d+)?)?/?$|^/proc/?$|^/$"
    r"|^/dev/(fd|std)")
# Events worth a look at all; everything else returns after one set lookup (the hook sees every
# audit event of the run: imports, compiles, object.__getattr__ of the stdlib...).
WATCHED_EVENTS = frozenset(DIRECT_EVENTS) | frozenset(PROCESS_EVENTS) | {
    "object.__getattr__", "object.__setattr__", "open", "os.kill", "os.killpg"}
MAX_RECORDED = 20


def make_hook(report, is_armed):
    """An audit hook that depends on nothing a program can reach later: every function, table and
    flag it uses is bound here, in its own closure (not looked up in a module a program could
    rewrite), and nothing but the interpreter's hook list refers to it. CPython offers no way to
    remove an audit hook. `report(reason)` is called at once for every finding, so a sealed run
    writes it to Node before the operation even returns. `is_armed()` None: always armed."""
    getframe, str_, int_, bytes_, type_, isinstance_ = sys._getframe, str, int, bytes, type, isinstance
    to_str, to_int, to_bytes = str.__str__, int.__int__, bytes.__bytes__
    trusted_dirs, harness_dir = TRUSTED_DIRS, HARNESS_DIR
    direct_events, process_events, watched = dict(DIRECT_EVENTS), dict(PROCESS_EVENTS), WATCHED_EVENTS
    frame_attrs, generator_frames, relays = frozenset(FRAME_ATTRS), frozenset(GENERATOR_FRAMES), frozenset(FRAME_RELAYS)
    raw_path, own_pid, getattr_ = RAW_PATH.match, os.getpid, getattr
    fsdecode, getcwd, join, normpath, realpath = os.fsdecode, os.getcwd, os.path.join, os.path.normpath, os.path.realpath
    path_types = (pathlib.PurePosixPath, pathlib.PosixPath)
    # open() rendered a pathlib path through __fspath__ -> __str__ -> the `_str` slot before the
    # event: read that slot through the original descriptor, unless a program patched the class.
    pure_dict, fspath_orig, str_orig = pathlib.PurePath.__dict__, pathlib.PurePath.__fspath__, pathlib.PurePath.__str__
    str_slot = pure_dict["_str"]

    def stdlib_path_text(path):
        if pure_dict.get("_str") is not str_slot or pure_dict.get("__fspath__") is not fspath_orig \
                or pure_dict.get("__str__") is not str_orig:
            return None
        for cls in type_(path).__mro__[:-2]:  # PosixPath, Path, PurePosixPath: none may shadow them
            own = cls.__dict__
            if "_str" in own or "__fspath__" in own or "__str__" in own:
                return None
        try:
            text = str_slot.__get__(path)
        except AttributeError:
            return None
        return exact(text) if isinstance_(text, str_) else None
    cache, busy, seen = {}, [False], [0]

    def exact(value):
        """`value` as an exact str/int/bytes (no method of a subclass is called), else unchanged."""
        kind = type_(value)
        if kind is str_ or kind is int_ or kind is bytes_:
            return value
        if isinstance_(value, str_):
            return to_str(value)
        if isinstance_(value, int_):
            return to_int(value)
        if isinstance_(value, bytes_):
            return to_bytes(value)
        return value

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

    def opened_path_reason(path):
        """A reason (whoever the caller) when an opened path reaches process memory or descriptors."""
        kind = type_(path)
        if kind in path_types:
            path = stdlib_path_text(path)
            if path is None:
                return "opened a file through a patched path class"
        elif kind is bytes_:
            path = fsdecode(path)
        elif kind is not str_:
            return "opened a file through a custom path object (%s)" % kind.__name__
        if "\0" in path:
            return None  # open() refuses it
        absolute = normpath(join(getcwd(), path))
        if raw_path(absolute):
            return "opened %s" % path if path == absolute else "opened %s (%s)" % (path, absolute)
        resolved = realpath(absolute)
        if raw_path(resolved):
            return "opened %s (%s)" % (path, resolved)
        return None

    def descriptor_reason(event, args):
        if event == "open":
            path = exact(args[0])
            if type_(path) is int_:
                return "opened the raw file descriptor %d" % path
        elif event == "os.kill" and exact(args[0]) not in (own_pid(), 0):
            return "sent a signal to process %s" % (exact(args[0]),)
        elif event == "os.killpg":
            return "sent a signal to a process group"
        return None

    def code_swap_reason(target):
        code = getattr_(target, "__code__", None)
        if code is not None and trusted(code.co_filename):
            return "replaced the code of %s (%s)" % (exact(code.co_name), exact(code.co_filename))
        return None

    def hook(event, args):
        if busy[0] or event not in watched and not event.startswith("ctypes."):
            return
        if is_armed is not None and not is_armed():
            return
        busy[0] = True  # our own frame reads below raise audit events too
        try:
            reason = classify(event, args)
            if reason is not None and seen[0] < MAX_RECORDED:
                seen[0] += 1
                report(reason)
        finally:
            busy[0] = False

    def classify(event, args):
        if event.startswith("ctypes."):
            return "used ctypes (%s)" % event  # any ctypes call during a run is foreign to the harness
        direct = direct_events.get(event)
        if event == "object.__getattr__":
            name = exact(args[1])
            if name in frame_attrs:
                direct = "read %s" % name
                if name in generator_frames and idle_student_generator(args[0], name[:2]):
                    return None  # `gen.gi_frame is None` idiom: a suspended student generator leads nowhere
        elif event == "object.__setattr__" and exact(args[1]) == "__code__":
            swapped = code_swap_reason(args[0])
            if swapped is not None:
                return swapped
            direct = "replaced a function's __code__"
        elif event == "open":
            opened = opened_path_reason(exact(args[0]))
            if opened is not None:
                return opened
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
