"""Every order CPython leaves open varies under exploration; seed 0 stays canonical.

For each varied order: a program relying on it passes seed 0 and is caught by exploring the
program's schedules (the same depth-first walk of the choice tree as lib/grading/
explore-schedules.ts), and a correct program prints the same under every explored schedule.
Also: the blocking-the-loop notes.
"""
import unittest

from helpers import run, texts
from interleave.schedule import PCT_BASE, PCT_K_STEP

BOUND = 64


def explore(code, bound=BOUND, pct_runs=12):
    """{schedule number: printed lines} over the choice tree (and PCT runs when it is too big or
    tasks are hashed), as the host does."""
    result, events = run(code)
    outputs = {0: texts(events)}
    report = result["schedule"]
    stack = _children([], report["points"])
    while stack and len(outputs) < bound:
        choices, arities = stack.pop()
        seed, weight = 0, 1
        for c, a in zip(choices, arities):
            seed += c * weight
            weight *= a
        res, ev = run(code, seed=seed)
        outputs[seed] = texts(ev)
        points = res["schedule"]["points"]
        stack.extend(_children(choices, points))
    if stack or report["hashed"] >= 2:
        k = max(1, len(report["points"]))
        for i in range(1, pct_runs + 1):
            seed = PCT_BASE + k * PCT_K_STEP + i
            outputs[seed] = texts(run(code, seed=seed)[1])
    return outputs


def _children(prefix, points):
    out = []
    for i in range(len(prefix), len(points)):
        for c in range(1, points[i]):
            out.append((prefix + [0] * (i - len(prefix)) + [c], points[:i + 1]))
    return out


HASH_RELIES = '''
import asyncio
async def step(name, secs):
    await asyncio.sleep(secs)
    return name
async def main():
    tasks = [asyncio.create_task(step(n, 1)) for n in "abc"]
    done, _ = await asyncio.wait(tasks)
    print([t.result() for t in done])
asyncio.run(main())
'''
HASH_CORRECT = HASH_RELIES.replace("for t in done]", "for t in tasks]")

SAME_INSTANT_RELIES = '''
import threading, time
def worker(name):
    time.sleep(1)
    print(name, "woke")
threads = [threading.Thread(target=worker, args=(n,)) for n in "ab"]
for t in threads: t.start()
for t in threads: t.join()
'''
SAME_INSTANT_CORRECT = '''
import threading, time
def worker(name, before, after):
    time.sleep(1)
    before.wait()
    print(name, "woke")
    after.set()
first, second, last = threading.Event(), threading.Event(), threading.Event()
first.set()
threads = [threading.Thread(target=worker, args=("a", first, second)),
           threading.Thread(target=worker, args=("b", second, last))]
for t in threads: t.start()
for t in threads: t.join()
'''

THREAD_RACE = '''
import threading
counter = 0
def work(name):
    global counter
    for i in range(2):
        value = counter
        print(name, i)
        counter = value + 1
threads = [threading.Thread(target=work, args=(n,)) for n in "ab"]
for t in threads: t.start()
for t in threads: t.join()
print("counter", counter)
'''
THREAD_LOCKED = THREAD_RACE.replace("counter = 0\n", "counter = 0\nlock = threading.Lock()\n").replace(
    "        value = counter\n        print(name, i)\n        counter = value + 1\n",
    "        with lock:\n            value = counter\n            print(name, i)\n            counter = value + 1\n")

AGEN_RELIES = '''
import asyncio
async def ticker(name):
    try:
        while True:
            yield name
            await asyncio.sleep(0)
    finally:
        print("closing", name)
async def main():
    gens = [ticker(n) for n in "abc"]
    for g in gens:
        await g.__anext__()
    main.gens = gens  # left open: asyncio.run closes them at shutdown
asyncio.run(main())
'''
AGEN_CORRECT = AGEN_RELIES.replace("    main.gens = gens  # left open: asyncio.run closes them at shutdown\n",
                                   "    for g in gens:\n        await g.aclose()\n")


class ExplorationTest(unittest.TestCase):
    def assert_caught(self, relies, correct, canonical):
        outputs = explore(relies)
        self.assertEqual(outputs[0], canonical)
        self.assertTrue(any(out != canonical for out in outputs.values()), outputs)
        correct_outputs = explore(correct)
        self.assertEqual(correct_outputs[0], canonical)
        self.assertEqual({tuple(out) for out in correct_outputs.values()}, {tuple(canonical)})

    def test_hash_order_of_tasks_in_a_set(self):
        self.assert_caught(HASH_RELIES, HASH_CORRECT, ["['a', 'b', 'c']"])

    def test_same_instant_wake_ups(self):
        self.assert_caught(SAME_INSTANT_RELIES, SAME_INSTANT_CORRECT, ["a woke", "b woke"])

    def test_runnable_threads_and_bounded_preemption(self):
        canonical = ["a 0", "a 1", "b 0", "b 1", "counter 4"]
        outputs = explore(THREAD_RACE)
        self.assertEqual(outputs[0], canonical)
        self.assertTrue(any(out[-1] != "counter 4" for out in outputs.values()))
        for out in explore(THREAD_LOCKED).values():
            self.assertEqual(out[-1], "counter 4")

    def test_async_generator_finalisation_order(self):
        self.assert_caught(AGEN_RELIES, AGEN_CORRECT, ["closing a", "closing b", "closing c"])

    def test_each_schedule_number_replays_the_same_run(self):
        outputs = explore(THREAD_RACE)
        for seed in list(outputs)[:8]:
            self.assertEqual(texts(run(THREAD_RACE, seed=seed)[1]), outputs[seed])

    def test_choice_points_are_reported_at_seed_0(self):
        result, _ = run(HASH_RELIES)
        self.assertEqual(result["schedule"]["mode"], "canonical")
        self.assertEqual(result["schedule"]["hashed"], 3)
        result, _ = run("print('no choices')")
        self.assertEqual(result["schedule"]["points"], [])
        self.assertEqual(result["schedule"]["hashed"], 0)


BLOCKING = '''
import asyncio, time
async def main():
    print("start")
    time.sleep(1)
    print("end")
asyncio.run(main())
'''


class LoopBlockingTest(unittest.TestCase):
    def test_time_sleep_on_the_loop_is_a_note_with_line_and_duration(self):
        result, events = run(BLOCKING)
        self.assertEqual(result["notes"], ["time.sleep(1) at line 5 blocked the event loop for 1 s — use await asyncio.sleep"])
        notes = [e for e in events if e["stream"] == "note"]
        self.assertEqual([(e["t"], e["task"]) for e in notes], [(0.0, "Task-1")])
        self.assertEqual(result["virtualTime"], 1.0)

    def test_repeated_blocking_calls_are_summed_per_line(self):
        code = BLOCKING.replace("    time.sleep(1)\n", "    for _ in range(3):\n        time.sleep(0.5)\n")
        result, _ = run(code)
        self.assertEqual(result["notes"], ["time.sleep(0.5) at line 6 blocked the event loop 3 times, for 1.5 s in total — use await asyncio.sleep"])

    def test_waiting_on_a_thread_from_a_coroutine_is_noted(self):
        code = '''
import asyncio, concurrent.futures, time
async def main():
    with concurrent.futures.ThreadPoolExecutor() as pool:
        future = pool.submit(time.sleep, 2)
        future.result()
asyncio.run(main())
'''
        result, _ = run(code)
        self.assertEqual(len(result["notes"]), 1)
        self.assertRegex(result["notes"][0], r"^future\.result\(\) at line 6 blocked the event loop for 2 s — run blocking code")

    def test_sleeping_outside_the_loop_or_in_an_executor_is_not_noted(self):
        code = '''
import asyncio, time
time.sleep(1)
async def main():
    await asyncio.get_running_loop().run_in_executor(None, time.sleep, 1)
    await asyncio.to_thread(time.sleep, 1)
asyncio.run(main())
'''
        result, _ = run(code)
        self.assertEqual(result["notes"], [])
        self.assertEqual(result["virtualTime"], 3.0)


if __name__ == "__main__":
    unittest.main()
