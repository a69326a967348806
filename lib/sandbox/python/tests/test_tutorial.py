"""The tutorial's own examples (seed/coroutines-tutorial.zh.md), with exact traces."""
import unittest

from helpers import output, run

ASYNC_14 = '''
import asyncio

async def func_1():
    print(1)
    await asyncio.sleep(2)
    print(2)

async def func_2():
    print(3)
    await asyncio.sleep(2)
    print(4)

task = [asyncio.ensure_future(func_1()), asyncio.ensure_future(func_2())]
loop = asyncio.get_event_loop()
loop.run_until_complete(asyncio.wait(task))
'''

FUNC = '''
import asyncio

async def func():
    print('test')
    response = await asyncio.sleep(2)
    print('任务完成')
    return f'执行_____完成： {response}'
'''


class TutorialTest(unittest.TestCase):
    def test_31_greenlet_lines_are_attributed_to_greenlets(self):
        result, events = run('''
            from greenlet import greenlet

            def func_1():
                print(1)
                gr2.switch()
                print(2)
                gr2.switch()

            def func_2():
                print(3)
                gr1.switch()
                print(4)

            gr1 = greenlet(func_1)
            gr2 = greenlet(func_2)
            gr1.switch()
        ''')
        self.assertEqual(result["status"], "ok")
        self.assertEqual(output(events), [(0.0, "func_1", "1"), (0.0, "func_2", "3"),
                                          (0.0, "func_1", "2"), (0.0, "func_2", "4")])
        switches = [e["text"] for e in events if e["stream"] == "switch"]
        self.assertEqual(switches[:4], ["main -> func_1", "func_1 -> func_2", "func_2 -> func_1",
                                        "func_1 -> func_2"])

    def test_32_yield_from(self):
        result, events = run('''
            def func_1():
                yield 1
                yield from func_2()
                yield 2

            def func_2():
                yield 3
                yield 4

            for i in func_1():
                print(i)
        ''')
        self.assertEqual(output(events), [(0.0, "main", x) for x in "1342"])

    def test_33_legacy_coroutine_decorator_runs_and_is_noted(self):
        code = ASYNC_14.replace("async def", "@asyncio.coroutine\ndef").replace(
            "await asyncio", "yield from asyncio")
        result, events = run(code)
        self.assertEqual(result["status"], "ok")
        self.assertEqual(output(events), [(0.0, "Task-1", "1"), (0.0, "Task-2", "3"),
                                          (2.0, "Task-1", "2"), (2.0, "Task-2", "4")])
        self.assertEqual(result["notes"], ["legacy @asyncio.coroutine used (removed in Python 3.11)"])
        self.assertIn("note", [e["stream"] for e in events])

    def test_14_ensure_future_before_a_loop_exists(self):
        result, events = run(ASYNC_14)
        self.assertEqual(output(events), [(0.0, "Task-1", "1"), (0.0, "Task-2", "3"),
                                          (2.0, "Task-1", "2"), (2.0, "Task-2", "4")])
        self.assertEqual(result["virtualTime"], 2.0)
        self.assertEqual(result["notes"], [])

    def test_53_example_3_sequential_awaits_take_four_seconds(self):
        result, events = run(FUNC.replace("print('test')", "print('test')", 1) + '''
async def main():
    print('main')
    await func()
    print('main结束')
    print('main2')
    await func()
    print('main结束2')

asyncio.run(main())
''')
        self.assertEqual(output(events, with_task=False), [
            (0.0, "main"), (0.0, "test"), (2.0, "任务完成"), (2.0, "main结束"), (2.0, "main2"),
            (2.0, "test"), (4.0, "任务完成"), (4.0, "main结束2")])
        self.assertEqual(result["virtualTime"], 4.0)

    def test_54_example_1_create_task_runs_concurrently(self):
        result, events = run(FUNC + '''
async def main():
    print('main')
    ret1 = asyncio.create_task(func())
    ret2 = asyncio.create_task(func())
    await ret1
    await ret2
    print('主线程运行')

asyncio.run(main())
''')
        self.assertEqual(output(events), [
            (0.0, "Task-1", "main"), (0.0, "Task-2", "test"), (0.0, "Task-3", "test"),
            (2.0, "Task-2", "任务完成"), (2.0, "Task-3", "任务完成"), (2.0, "Task-1", "主线程运行")])

    def test_54_example_2_done_set_prints_in_creation_order(self):
        result, events = run(FUNC + '''
async def main():
    task_list = [asyncio.create_task(func(), name='n1'), asyncio.create_task(func(), name='n2')]
    done, padding = await asyncio.wait(task_list, timeout=3)
    print([t.get_name() for t in done])
    print(done)
    print(padding)

asyncio.run(main())
''')
        lines = output(events)
        self.assertEqual(lines[4], (2.0, "Task-1", "['n1', 'n2']"))
        self.assertEqual(lines[5][2], "{<Task finished name='n1' coro=<func() done, defined at "
                         "main.py:4> result='执行_____完成： None'>, <Task finished name='n2' "
                         "coro=<func() done, defined at main.py:4> result='执行_____完成： None'>}")
        self.assertEqual(lines[6], (2.0, "Task-1", "set()"))

    def test_54_example_3_passing_coroutines_is_a_type_error(self):
        result, events = run(FUNC + '''
task_list = [func(), func()]
done, padding = asyncio.run(asyncio.wait(task_list))
''')
        self.assertEqual(result["status"], "error")
        self.assertEqual(result["error"]["type"], "TypeError")
        self.assertEqual(result["error"]["message"],
                         "Passing coroutines is forbidden, use tasks explicitly.")
        self.assertEqual(result["error"]["line"], 11)
        self.assertNotIn("base_events", result["error"]["traceback"])
        self.assertEqual(result["error"]["traceback"].count('File "'), 1)
        self.assertEqual(output(events), [
            (0.0, "main", "sys:1: RuntimeWarning: coroutine 'func' was never awaited")])

    def test_55_future_never_set_is_a_deadlock(self):
        result, events = run('''
            import asyncio

            async def main():
                loop = asyncio.get_running_loop()
                fut = loop.create_future()
                print('waiting')
                await fut

            asyncio.run(main())
        ''')
        self.assertEqual(result["status"], "deadlock")
        self.assertEqual(result["deadlock"], [{"task": "Task-1", "waitingOn": "<Future pending>"}])
        self.assertEqual(output(events), [(0.0, "Task-1", "waiting")])


if __name__ == "__main__":
    unittest.main()
