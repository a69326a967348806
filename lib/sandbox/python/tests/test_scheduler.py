"""Canonical order, seeded permutations, determinism and every way of starting a loop."""
import json
import unittest

from helpers import output, run, texts

EQUAL_DEADLINES = '''
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for i in range(8):
        loop.call_later(1, print, i)
    await asyncio.sleep(2)

asyncio.run(main())
'''


class SchedulerTest(unittest.TestCase):
    def test_equal_deadlines_are_fifo_at_seed_0(self):
        result, events = run(EQUAL_DEADLINES)
        self.assertEqual(texts(events), [str(i) for i in range(8)])
        self.assertTrue(all(e["t"] == 1.0 for e in events if e["stream"] == "stdout"))
        self.assertEqual(result["virtualTime"], 2.0)

    def test_some_seed_permutes_equal_deadlines_and_each_seed_is_stable(self):
        orders = {}
        for seed in range(1, 11):
            first = texts(run(EQUAL_DEADLINES, seed=seed)[1])
            again = texts(run(EQUAL_DEADLINES, seed=seed)[1])
            self.assertEqual(first, again)
            self.assertEqual(sorted(first), [str(i) for i in range(8)])
            orders[seed] = first
        self.assertTrue(any(order != [str(i) for i in range(8)] for order in orders.values()))

    def test_seed_does_not_reorder_what_cpython_defines(self):
        # call_soon is FIFO by contract and distinct deadlines are ordered: no seed changes them.
        code = '''
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    for i in range(5):
        loop.call_soon(print, "soon", i)
    for i in range(5):
        loop.call_later(0.1 * (i + 1), print, "later", i)
    await asyncio.sleep(1)
asyncio.run(main())
'''
        canonical = texts(run(code)[1])
        for seed in range(1, 6):
            self.assertEqual(texts(run(code, seed=seed)[1]), canonical)

    def test_same_seed_gives_identical_results(self):
        code = '''
import asyncio, random
async def w(i):
    await asyncio.sleep(random.choice([1, 2]))
    print(i, object())
async def main():
    done, _ = await asyncio.wait([asyncio.create_task(w(i)) for i in range(5)])
    print(sorted(t.get_name() for t in done))
asyncio.run(main())
'''
        first = run(code, seed=3)
        second = run(code, seed=3)
        self.assertEqual(json.dumps(first, sort_keys=True), json.dumps(second, sort_keys=True))
        self.assertIn("0xADDR1", texts(first[1])[0])

    def test_task_names_count_like_a_fresh_cpython(self):
        result, events = run('''
import asyncio
async def main():
    print(asyncio.current_task().get_name())
    t = asyncio.create_task(asyncio.sleep(0))
    await t
    print(t.get_name())
asyncio.run(main())
asyncio.run(main())
''')
        # asyncio.run's shutdown (asyncgens + default executor) consumes two names per run.
        self.assertEqual(texts(events), ["Task-1", "Task-2", "Task-5", "Task-6"])

    def test_entry_points_all_use_virtual_time(self):
        result, events = run('''
import asyncio, time
async def nap(tag):
    await asyncio.sleep(5)
    print(tag, asyncio.get_running_loop().time(), time.monotonic())
fut = asyncio.ensure_future(nap("ensure_future"))
asyncio.get_event_loop().run_until_complete(fut)
with asyncio.Runner() as runner:
    runner.run(nap("runner"))
loop = asyncio.new_event_loop()
loop.run_until_complete(nap("new_event_loop"))
loop.close()
''')
        self.assertEqual(texts(events), ["ensure_future 5.0 5.0", "runner 10.0 10.0",
                                         "new_event_loop 15.0 15.0"])
        self.assertEqual(result["virtualTime"], 15.0)

    def test_loops_built_without_the_policy_are_virtual_too(self):
        result, events = run('''
import asyncio
asyncio.set_event_loop_policy(None)
loop = asyncio.SelectorEventLoop()
loop.run_until_complete(asyncio.sleep(7))
print(type(loop).__name__, loop.time())
print(asyncio.run(asyncio.sleep(1, result="policy ok")))
''')
        self.assertEqual(texts(events), ["_UnixSelectorEventLoop 7.0", "policy ok"])

    def test_blocking_time_sleep_blocks_the_loop(self):
        result, events = run('''
import asyncio, time
async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(1)
async def blocker():
    time.sleep(2.5)
    print("blocker done")
async def main():
    await asyncio.gather(ticker(), blocker())
asyncio.run(main())
''')
        self.assertEqual(output(events, with_task=False), [
            (0.0, "tick 0"), (2.5, "blocker done"), (2.5, "tick 1"), (3.5, "tick 2")])
        self.assertEqual(result["virtualTime"], 4.5)

    def test_time_time_is_a_fixed_epoch_plus_virtual_time(self):
        result, events = run('''
import time
start = time.time()
time.sleep(1.5)
print(start, time.time() - start, time.strftime("%Y", time.gmtime()))
''')
        self.assertEqual(texts(events), ["1700000000.0 1.5 2023"])

    def test_task_start_and_end_timeline_events(self):
        result, events = run('''
import asyncio
async def f():
    await asyncio.sleep(1)
async def main():
    await asyncio.create_task(f(), name="worker")
asyncio.run(main())
''')
        timeline = [(e["t"], e["task"], e["stream"], e["text"]) for e in events
                    if e["task"] == "worker"]
        self.assertEqual(timeline, [(0.0, "worker", "task_start", "f"),
                                    (1.0, "worker", "task_end", "done")])


if __name__ == "__main__":
    unittest.main()
