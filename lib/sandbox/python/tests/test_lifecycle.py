"""The `lifecycle` field: one lane per task / thread, wait spans in virtual time, outcomes."""
import unittest

from helpers import run


def lanes(result):
    return [(l["name"], l["kind"], l["parent"], l["start"], l["end"], l["outcome"], l["error"])
            for l in result["lifecycle"]["lanes"]]


def waits(result, name):
    index = [l["name"] for l in result["lifecycle"]["lanes"]].index(name)
    return [(w["from"], w["to"], w["on"], w["detail"]) for w in result["lifecycle"]["waits"]
            if w["lane"] == index]


class LifecycleTest(unittest.TestCase):
    def test_tasks_get_lanes_with_parents_outcomes_and_what_they_waited_on(self):
        result, _ = run('''
import asyncio

async def boom():
    await asyncio.sleep(0.5)
    raise ValueError("no")

async def consumer(q):
    print(await q.get())

async def main():
    q = asyncio.Queue()
    c = asyncio.create_task(consumer(q), name="consumer")
    b = asyncio.create_task(boom())
    s = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(1)
    s.cancel()
    await q.put("hi")
    await c
    try:
        await b
    except ValueError:
        pass

asyncio.run(main())
''')
        self.assertEqual(lanes(result), [
            ("main", "main", None, 0.0, 1.0, "done", None),
            ("Task-1", "task", "main", 0.0, 1.0, "done", None),
            ("consumer", "task", "Task-1", 0.0, 1.0, "done", None),
            ("Task-3", "task", "Task-1", 0.0, 0.5, "failed", "ValueError"),
            ("Task-4", "task", "Task-1", 0.0, 1.0, "cancelled", None),
        ])
        self.assertEqual(waits(result, "consumer"), [(0.0, 1.0, "queue", None)])
        self.assertEqual(waits(result, "Task-3"), [(0.0, 0.5, "sleep", "0.5 s")])
        self.assertEqual(waits(result, "Task-1"), [(0.0, 1.0, "sleep", "1 s")])
        self.assertFalse(result["lifecycle"]["truncated"])

    def test_threads_and_a_deadlock_leave_open_waits(self):
        result, _ = run('''
import threading, time

lock = threading.Lock()
def work():
    time.sleep(2)
    lock.acquire()

lock.acquire()
t = threading.Thread(target=work)
t.start()
t.join()
''')
        self.assertEqual(result["status"], "deadlock")
        names = [l["name"] for l in result["lifecycle"]["lanes"]]
        self.assertEqual(names, ["main", "Thread-1 (work)"])
        worker = result["lifecycle"]["lanes"][1]
        self.assertEqual((worker["kind"], worker["parent"], worker["outcome"]), ("thread", "main", "unfinished"))
        last = [w for w in result["lifecycle"]["waits"] if w["lane"] == 1][-1]
        self.assertEqual((last["from"], last["to"], last["on"], last.get("open")), (2.0, 2.0, "lock", True))
        self.assertIn((0.0, 2.0, "sleep", "2 s"), waits(result, "Thread-1 (work)"))

    def test_lanes_and_waits_are_bounded(self):
        result, _ = run('''
import asyncio

async def tick():
    await asyncio.sleep(0.001)

async def main():
    for _ in range(3):
        await asyncio.gather(*(tick() for _ in range(300)))

asyncio.run(main())
''', limits={"maxSteps": 1_000_000})
        life = result["lifecycle"]
        self.assertTrue(life["truncated"])
        self.assertEqual(len(life["lanes"]), 200)
        self.assertLessEqual(len(life["waits"]), 2000)


if __name__ == "__main__":
    unittest.main()
