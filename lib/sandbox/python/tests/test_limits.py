"""Limits end the run with status "limit", name the limit, and keep what was printed before."""
import unittest

from helpers import output, run, texts


class LimitsTest(unittest.TestCase):
    def test_virtual_time_limit(self):
        result, events = run('''
import asyncio
async def main():
    while True:
        print("tick")
        await asyncio.sleep(40)
asyncio.run(main())
''', limits={"maxVirtualSeconds": 100})
        self.assertEqual((result["status"], result["limit"]), ("limit", "virtual_time"))
        self.assertEqual(output(events, with_task=False), [(0.0, "tick"), (40.0, "tick"), (80.0, "tick")])
        self.assertEqual(result["virtualTime"], 80.0)

    def test_blocking_sleep_counts_against_virtual_time(self):
        result, events = run('import time\nprint("a")\ntime.sleep(10**6)\nprint("b")\n',
                             limits={"maxVirtualSeconds": 60})
        self.assertEqual((result["status"], result["limit"]), ("limit", "virtual_time"))
        self.assertEqual(texts(events), ["a"])

    def test_step_limit_stops_a_busy_event_loop(self):
        result, events = run('''
import asyncio
async def spin():
    print("spinning")
    while True:
        await asyncio.sleep(0)
asyncio.run(spin())
''', limits={"maxSteps": 500})
        self.assertEqual((result["status"], result["limit"]), ("limit", "steps"))
        self.assertEqual(texts(events), ["spinning"])

    def test_event_limit(self):
        result, events = run('i = 0\nwhile True:\n    print(i)\n    i += 1\n', limits={"maxEvents": 50})
        self.assertEqual((result["status"], result["limit"]), ("limit", "output"))
        self.assertEqual(texts(events), [str(i) for i in range(50)])

    def test_output_bytes_limit_on_one_huge_line(self):
        result, events = run('print("x" * 5000, end="")\nprint("y" * 10**6, end="")\n',
                             limits={"maxOutputBytes": 8000})
        self.assertEqual((result["status"], result["limit"]), ("limit", "output"))
        self.assertEqual(texts(events), ["x" * 5000])  # the partial line printed before is kept

    def test_memory_error_is_the_memory_limit(self):
        result, events = run('print("before")\nraise MemoryError()\n')
        self.assertEqual((result["status"], result["limit"]), ("limit", "memory"))
        self.assertEqual(texts(events), ["before"])

    def test_limit_in_a_thread_stops_everything(self):
        result, events = run('''
import threading
def flood():
    while True:
        print("flood")
threading.Thread(target=flood, name="flooder").start()
''', limits={"maxEvents": 3})
        self.assertEqual((result["status"], result["limit"]), ("limit", "output"))
        self.assertEqual(output(events), [(0.0, "flooder", "flood")] * 3)

    def test_no_student_finally_runs_after_a_stop(self):
        result, events = run('''
import asyncio
async def main():
    try:
        await asyncio.get_running_loop().create_future()
    finally:
        print("finally ran")
asyncio.run(main())
''')
        self.assertEqual(result["status"], "deadlock")
        self.assertEqual(texts(events), [])


if __name__ == "__main__":
    unittest.main()
