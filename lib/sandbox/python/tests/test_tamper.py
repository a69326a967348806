"""Tamper evidence: ordinary tutorial code is never flagged, every known technique is.

Run: cd lib/sandbox/python && /usr/bin/python3 -m unittest tests.test_tamper
"""
import glob
import os
import sys
import textwrap
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import guard  # noqa: E402,F401  (rlimits: hostile programs run in this process, unsandboxed)

from interleave import tamper  # noqa: E402
from interleave.runner import run_program  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))

# The tutorial's own programs (../shared/seed/coroutines-tutorial.zh.md), repaired only where the
# tutorial text is not valid Python, plus everyday stdlib the exercises lean on.
LEGITIMATE = {
    "greenlet": """
        from greenlet import greenlet
        def func_1():
            print(1); gr2.switch(); print(2); gr2.switch()
        def func_2():
            print(3); gr1.switch(); print(4)
        gr1 = greenlet(func_1); gr2 = greenlet(func_2)
        gr1.switch()
    """,
    "yield from": """
        def func_1():
            yield 1
            yield from func_2()
            yield 2
        def func_2():
            yield 3
            yield 4
        for i in func_1():
            print(i)
    """,
    "asyncio.coroutine": """
        import asyncio
        @asyncio.coroutine
        def func_1():
            print(4)
            yield from asyncio.sleep(2)
            print(2)
        task = [asyncio.ensure_future(func_1())]
        loop = asyncio.get_event_loop()
        loop.run_until_complete(asyncio.wait(task))
    """,
    "create_task names + wait timeout": """
        import asyncio
        async def func():
            print('test')
            response = await asyncio.sleep(2)
            return f'done {response}'
        async def main():
            task_list = [asyncio.create_task(func(), name='n1'), asyncio.create_task(func(), name='n2')]
            done, pending = await asyncio.wait(task_list, timeout=3)
            print(done, pending)
        asyncio.run(main())
    """,
    "future + executor + threads": """
        import asyncio, concurrent.futures, threading, time
        def blocking(n):
            time.sleep(1)
            return n * 2
        async def main():
            loop = asyncio.get_running_loop()
            fut = loop.create_future()
            loop.call_later(1, fut.set_result, 'ok')
            print(await fut)
            with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
                print(await asyncio.gather(*(loop.run_in_executor(pool, blocking, i) for i in range(2))))
            t = threading.Thread(target=print, args=('thread',)); t.start(); t.join()
        asyncio.run(main())
    """,
    "everyday stdlib": """
        import asyncio, collections, contextlib, dataclasses, functools, inspect, itertools
        import json, math, random, sys, time, typing, traceback
        P = collections.namedtuple('P', 'x y')
        class Q(typing.NamedTuple):
            a: int
        @dataclasses.dataclass
        class D:
            x: int = 1
        @functools.lru_cache
        def sq(n): return n * n
        async def c(): pass
        def g(): yield 1
        gen = g(); next(gen, None); next(gen, None)
        print(inspect.iscoroutinefunction(c), inspect.isawaitable(c()), inspect.getgeneratorstate(gen))
        print('finished:', gen.gi_frame is None)
        print(json.dumps([P(1, 2), D().x, sq(3), math.pi, random.random() < 2, list(itertools.islice(itertools.count(1), 3))]))
        print(time.time() > 0, file=sys.stderr)
        sys.stdout.write('direct\\n'); sys.stdout.flush()
        with contextlib.suppress(ZeroDivisionError):
            1 / 0
        try:
            raise ValueError('x')
        except ValueError:
            traceback.print_exc()
        if __name__ == '__main__':
            print('main')
    """,
    "async iterator + queue": """
        import asyncio
        class Ticker:
            def __init__(self, n): self.n = n
            def __aiter__(self): return self
            async def __anext__(self):
                if self.n == 0: raise StopAsyncIteration
                self.n -= 1
                await asyncio.sleep(1)
                return self.n
        async def main():
            q = asyncio.Queue()
            async for i in Ticker(2):
                await q.put(i)
            print(q.qsize())
        asyncio.run(main())
    """,
}

# (technique, code): each must be flagged by the static scan.
STATIC_TAMPER = [
    ("gc", "import gc\nprint(len(gc.get_objects()))"),
    ("from gc", "from gc import get_objects"),
    ("ctypes", "import ctypes"),
    ("harness import", "import interleave.runner"),
    ("harness from-import", "from interleave import tamper"),
    ("sys._getframe", "import sys\nf = sys._getframe(0)"),
    ("frame walk", "def f(tb):\n    return tb.tb_frame.f_back.f_globals"),
    ("coroutine frame", "async def c(): pass\nx = c().cr_frame.f_locals"),
    ("__globals__", "print.__globals__"),
    ("__closure__", "def f(g): return g.__closure__"),
    ("__code__ swap", "def a(): pass\ndef b(): pass\na.__code__ = b.__code__"),
    ("__subclasses__", "print(object.__subclasses__())"),
    ("__builtins__", "__builtins__.print = len"),
    ("builtins.print", "import builtins\nbuiltins.print = lambda *a: None"),
    ("setattr builtins", "import builtins\nsetattr(builtins, 'print', len)"),
    ("vars(builtins)", "import builtins\nvars(builtins)['print'] = len"),
    ("sys.stdout", "import sys, io\nsys.stdout = io.StringIO()"),
    ("sys.stderr", "import sys\nsys.stderr = None"),
    ("sys.__stdout__", "import sys\nsys.__stdout__.write('x')"),
    ("sys.modules", "import sys\nrunner = sys.modules['interleave.runner']"),
    ("settrace", "import sys\nsys.settrace(lambda *a: None)"),
    ("threading.setprofile", "import threading\nthreading.setprofile(print)"),
    ("addaudithook", "import sys\nsys.addaudithook(print)"),
    ("inspect.currentframe", "import inspect\nf = inspect.currentframe()"),
    ("inspect.stack", "import inspect\nprint(inspect.stack())"),
    ("os.write", "import os\nos.write(3, b'frame')"),
    ("from os import write", "from os import write\nwrite(3, b'x')"),
    ("os.dup2", "import os\nos.dup2(1, 3)"),
    ("os.open", "import os\nfd = os.open('/tmp/x', os.O_WRONLY)"),
    ("open(fd)", "f = open(3, 'wb')"),
    ("/proc mem", "open('/proc/self/mem', 'rb')"),
    ("os.fork", "import os\nos.fork()"),
    ("os.kill", "import os\nos.kill(1, 9)"),
    ("signal", "import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)"),
    ("resource", "import resource\nresource.setrlimit(resource.RLIMIT_CPU, (100, 100))"),
    ("subprocess", "import subprocess\nsubprocess.run(['true'])"),
    ("event-loop policy", "import asyncio\nasyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())"),
    ("time.sleep patch", "import time\ntime.sleep = lambda s: None"),
    ("asyncio private", "import asyncio\nprint(asyncio.events._event_loop_policy)"),
    ("computed import", "m = __import__('g' + 'c')"),
    ("literal __import__", "m = __import__('ctypes')"),
    ("importlib", "import importlib\nimportlib.import_module('gc')"),
    ("exec built string", "exec('imp' + 'ort gc')"),
    ("exec literal", "exec('import gc')"),
    ("getattr string", "import sys\ngetattr(sys, '_getframe')(0)"),
    ("gi_frame used", "def g(): yield\nprint(g().gi_frame.f_back)"),
]

# Techniques that evade the static scan (computed names) but must be caught at runtime.
RUNTIME_TAMPER = [
    ("computed _getframe", "import sys\nf = getattr(sys, '_get' + 'frame')(0)"),
    ("computed _current_frames", "import sys\nf = getattr(sys, '_current' + '_frames')()"),
    ("builtins via computed name", "import builtins\nf = setattr\nf(builtins, 'pr' + 'int', len)"),
    ("sys.stdout via computed name", "import sys, io\nf = setattr\nf(sys, 'std' + 'out', io.StringIO())"),
    ("traceback frame",
     "try:\n    1/0\nexcept Exception as x:\n    e = x\nf = getattr(e.__traceback__, 'tb_' + 'frame')"),
    ("inspect relay", "import inspect\ngetattr(inspect, 'current' + 'frame')()"),
    ("traceback relay", "import traceback\nfor f, n in traceback.walk_tb(None):\n    pass\n"
     "try:\n    1/0\nexcept Exception as x:\n    print(len(list(getattr(traceback, 'walk' + '_tb')(x.__traceback__))))"),
    ("time patch", "import time\nf = setattr\nf(time, 'sl' + 'eep', abs)"),
    ("raw fd open", "n = 3\nopen(n, 'wb', closefd=False)"),
    ("code swap", "def a(): pass\ndef b(): pass\nf = setattr\nf(a, '__co' + 'de__', getattr(b, '__co' + 'de__'))"),
]

# Routed through a harness frame (a loop callback, a virtual thread's target) or disguised (a str
# subclass that answers ==/hash/str with anything, a relative path, a symlink, pathlib): the hook
# must still see what is really opened or swapped, whoever the immediate caller is.
_OPEN_QUIETLY = "def quietly(f, *a):\n    try:\n        f(*a)\n    except Exception:\n        pass\n"
HIDDEN_TAMPER = [
    ("open through a loop callback",
     "import asyncio\nasync def m():\n    asyncio.get_running_loop().call_soon(open, '/proc/se' + 'lf/mem', 'rb')\n"
     "    await asyncio.sleep(0)\nasyncio.run(m())", "opened /proc/self/mem"),
    ("open through a thread target",
     "import threading\nt = threading.Thread(target=open, args=('/proc/se' + 'lf/mem', 'rb'))\nt.start()\nt.join()",
     "opened /proc/self/mem"),
    ("str subclass path", "class S(str):\n    def __eq__(self, other): return False\n"
     "    def __hash__(self): return 0\n    def __str__(self): return 'harmless'\n"
     + _OPEN_QUIETLY + "quietly(open, S('/proc/se' + 'lf/mem'), 'rb')", "opened /proc/self/mem"),
    ("relative path after chdir", "import os\n" + _OPEN_QUIETLY + "os.chdir('/proc/se' + 'lf')\n"
     "quietly(open, 'mem', 'rb')", "opened mem (/proc/"),
    ("symlink to /proc/self", "import os, tempfile\n" + _OPEN_QUIETLY + "d = tempfile.mkdtemp()\n"
     "os.symlink('/proc/se' + 'lf', d + '/p')\nquietly(open, d + '/p/mem', 'rb')", "/p/mem"),
    ("pathlib path", "import pathlib\n" + _OPEN_QUIETLY + "quietly(pathlib.Path('/proc/se' + 'lf/mem').open, 'rb')",
     "opened /proc/self/mem"),
    ("bytes path", _OPEN_QUIETLY + "quietly(open, b'/proc/se' + b'lf/mem', 'rb')", "opened /proc/self/mem"),
    ("custom path object", "class P:\n    def __fspath__(self): return '/proc/se' + 'lf/mem'\n"
     + _OPEN_QUIETLY + "quietly(open, P(), 'rb')", "opened /proc/self/mem"),
    ("directory for dir_fd", "import os\nfd = os.open('/proc/se' + 'lf', os.O_RDONLY)", "opened /proc/self"),
    ("library code swapped by a thread", "import colorsys, threading\n"
     "t = threading.Thread(target=setattr, args=(colorsys.rgb_to_yiq, '__co' + 'de__', compile(\"''\", 'm', 'eval')))\n"
     "t.start()\nt.join()", "replaced the code of rgb_to_yiq"),
]


def scan(code):
    return tamper.static_scan(textwrap.dedent(code))


def run(code, scan=True):
    """In-process run. In the sandbox each run is a fresh fork; here the tampering programs would
    leak into later tests, so builtins are put back afterwards."""
    import builtins
    saved = dict(vars(builtins))
    events = []
    try:
        result = run_program(textwrap.dedent(code), seed=0, limits={}, emit=events.append, scan=scan)
    finally:
        vars(builtins).update(saved)
    return result, events


class StaticScanTest(unittest.TestCase):
    def test_tutorial_programs_are_not_flagged(self):
        for name, code in LEGITIMATE.items():
            with self.subTest(name):
                self.assertIsNone(scan(code))

    def test_fidelity_corpus_is_not_flagged(self):
        files = sorted(glob.glob(os.path.join(REPO, "tests", "fixtures", "corpus", "*.py")))
        for path in files:
            with self.subTest(os.path.basename(path)), open(path, encoding="utf-8") as handle:
                self.assertIsNone(tamper.static_scan(handle.read()))

    def test_each_technique_is_flagged_with_its_line(self):
        for name, code in STATIC_TAMPER:
            with self.subTest(name):
                reason = scan(code)
                self.assertIsNotNone(reason)
                self.assertRegex(reason, r"^line \d+: \S")

    def test_reason_names_the_first_finding(self):
        self.assertEqual(scan("x = 1\nimport gc\nimport ctypes"),
                         "line 2: uses gc (can reach the harness's objects)")

    def test_syntax_errors_and_compile_bombs_are_left_to_the_harness(self):
        self.assertIsNone(scan("def f(:\n"))
        self.assertIsNone(scan("x = " + "(" * 300 + ")" * 300))
        self.assertIsNone(scan("x = " + "1+" * 100_000 + "1"))


class RuntimeCheckTest(unittest.TestCase):
    def test_tutorial_programs_run_clean(self):
        for name, code in LEGITIMATE.items():
            with self.subTest(name):
                result, events = run(code)
                self.assertIn(result["status"], ("ok", "error"))
                self.assertIsNone(result["tamper"], result)
                self.assertTrue(events)

    def test_computed_techniques_are_caught_at_runtime(self):
        for name, code in RUNTIME_TAMPER:
            with self.subTest(name):
                # Some of these are flagged statically too (computed getattr, issue 8); the runtime
                # must catch every one on its own, so the static scan is left out here.
                result, _ = run(code, scan=False)
                self.assertIsNotNone(result["tamper"], result)
                self.assertTrue(result["tamper"]["reason"].startswith("runtime: "))

    def test_hidden_and_trampolined_techniques_are_caught(self):
        import colorsys
        saved = colorsys.rgb_to_yiq.__code__  # the in-process run's swap would outlive it
        for name, code, reason in HIDDEN_TAMPER:
            with self.subTest(name):
                try:
                    result, _ = run(code, scan=False)
                finally:
                    colorsys.rgb_to_yiq.__code__ = saved
                self.assertIsNotNone(result["tamper"], result)
                self.assertIn(reason, result["tamper"]["reason"])

    def test_ordinary_file_use_is_not_flagged(self):
        code = ("import os, pathlib, tempfile\nd = tempfile.mkdtemp()\np = pathlib.Path(d) / 'a.txt'\n"
                "p.write_text('x')\nprint(open(str(p)).read(), p.read_text(), open(os.fsencode(p)).read())\n"
                "os.chdir(d)\nprint(open('a.txt').read())\nprint(open('/proc/self/status').readline().split()[0])")
        result, _ = run(code, scan=False)
        self.assertEqual(result["status"], "ok", result)
        self.assertIsNone(result["tamper"], result)

    def test_snapshot_watches_extra_callables(self):
        from interleave import tamper_runtime

        def emit(event):
            return event
        replacement = (lambda event: None).__code__
        snap = tamper.snapshot(emit)
        emit.__code__ = replacement
        tamper_runtime._recorded.clear()  # the audit hook saw it too; test the identity check alone
        self.assertEqual(tamper.runtime_check(snap), "runtime: replaced the code of watched object 0")

    def test_check_is_cheap(self):
        import time
        started = time.perf_counter()
        for _ in range(20):
            tamper.runtime_check(tamper.snapshot())
        self.assertLess((time.perf_counter() - started) / 20, 0.005)


if __name__ == "__main__":
    unittest.main()
