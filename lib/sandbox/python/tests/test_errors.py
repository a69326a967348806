"""Errors, exits, stderr, masking and the student-facing environment."""
import unittest

from helpers import output, run, texts


class ErrorsTest(unittest.TestCase):
    def test_uncaught_exception_in_asyncio_run_points_at_the_students_line(self):
        result, events = run('''
import asyncio

async def inner():
    await asyncio.sleep(1)
    return {}["missing"]

async def main():
    print("start")
    await inner()

asyncio.run(main())
''')
        self.assertEqual(result["status"], "error")
        error = result["error"]
        self.assertEqual((error["type"], error["message"], error["line"]), ("KeyError", "'missing'", 6))
        self.assertEqual(error["traceback"].splitlines(), [
            "Traceback (most recent call last):",
            '  File "main.py", line 12, in <module>',
            "    asyncio.run(main())",
            '  File "main.py", line 10, in main',
            "    await inner()",
            '  File "main.py", line 6, in inner',
            '    return {}["missing"]',
            "           ~~^^^^^^^^^^^",
            "KeyError: 'missing'"])
        self.assertEqual(result["virtualTime"], 1.0)
        self.assertEqual(texts(events), ["start"])

    def test_syntax_error_has_its_line(self):
        result, events = run('print("ok")\ndef broken(:\n    pass\n')
        self.assertEqual(result["status"], "error")
        self.assertEqual(result["error"]["type"], "SyntaxError")
        self.assertEqual(result["error"]["line"], 2)
        self.assertIn('File "main.py", line 2', result["error"]["traceback"])
        self.assertEqual(events, [])

    def test_sys_exit_zero_is_ok_and_nonzero_is_an_error(self):
        ok, _ = run('import sys\nprint("bye")\nsys.exit()\nprint("never")\n')
        self.assertEqual((ok["status"], ok["error"]), ("ok", None))
        failed, _ = run('import sys\nsys.exit(3)\n')
        self.assertEqual(failed["status"], "error")
        self.assertEqual((failed["error"]["type"], failed["error"]["message"]), ("SystemExit", "3"))
        self.assertEqual(failed["error"]["line"], 2)

    def test_unretrieved_task_exception_is_reported_on_stderr(self):
        result, events = run('''
import asyncio
async def boom():
    raise RuntimeError("nobody awaits me")
async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0.1)
    print("main done")
asyncio.run(main())
''')
        self.assertEqual(result["status"], "ok")
        lines = output(events)
        # Logged by the loop after the task's last step, outside any task: attributed to "main".
        self.assertEqual(lines[0], (0.0, "main", "Task exception was never retrieved"))
        self.assertTrue(lines[1][2].startswith("future: <Task finished name='Task-2' coro=<boom() done"))
        self.assertEqual(lines[-2], (0.0, "main", "RuntimeError: nobody awaits me"))
        self.assertEqual(lines[-1], (0.1, "Task-1", "main done"))

    def test_stderr_prints_and_partial_lines(self):
        result, events = run('import sys\nprint("oops", file=sys.stderr)\nprint("no newline", end="")\n')
        self.assertEqual([(e["stream"], e["text"]) for e in events],
                         [("stderr", "oops"), ("stdout", "no newline")])

    def test_addresses_are_masked_consistently(self):
        result, events = run('a, b = object(), object()\nprint(a)\nprint(b)\nprint(a)\n')
        self.assertEqual(texts(events), ["<object object at 0xADDR1>", "<object object at 0xADDR2>",
                                         "<object object at 0xADDR1>"])

    def test_stdin_is_empty(self):
        result, events = run('try:\n    input()\nexcept EOFError as e:\n    print("eof", e)\n')
        self.assertEqual(texts(events), ["eof EOF when reading a line"])

    def test_main_module_identity(self):
        result, events = run('import sys\nprint(__name__, __file__, sys.argv, __name__ in sys.modules)\n')
        self.assertEqual(texts(events), ["__main__ main.py ['main.py'] True"])

    def test_runs_do_not_leak_into_each_other(self):
        first, _ = run('import asyncio\nx = 1\nasyncio.get_event_loop().run_until_complete(asyncio.sleep(3))\n')
        result, events = run('''
import asyncio
print("x" in globals())
print(asyncio.get_event_loop().time())
''')
        self.assertEqual(first["virtualTime"], 3.0)
        self.assertEqual(texts(events), ["False", "0.0"])


if __name__ == "__main__":
    unittest.main()
