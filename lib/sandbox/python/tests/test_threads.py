"""Virtual threads: executors, threading.Thread, locks and blocking waits in virtual time."""
import unittest

from helpers import output, run, texts

DOWNLOAD = '''
import asyncio, threading, time
from concurrent.futures import ThreadPoolExecutor

def download(n):
    print("start", n)
    time.sleep(1)
    print("end", n)
    return n
'''


class ThreadsTest(unittest.TestCase):
    def test_two_executor_jobs_run_in_parallel(self):
        result, events = run(DOWNLOAD + '''
async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.gather(loop.run_in_executor(None, download, 1),
                               asyncio.to_thread(download, 2)))
asyncio.run(main())
''')
        self.assertEqual(result["status"], "ok")
        self.assertEqual(output(events), [
            (0.0, "asyncio_0", "start 1"), (0.0, "asyncio_1", "start 2"),
            (1.0, "asyncio_0", "end 1"), (1.0, "asyncio_1", "end 2"), (1.0, "Task-1", "[1, 2]")])
        self.assertEqual(result["virtualTime"], 1.0)

    def test_thread_pool_reuses_workers_and_blocks_main_in_virtual_time(self):
        result, events = run(DOWNLOAD + '''
with ThreadPoolExecutor(max_workers=2) as ex:
    futures = [ex.submit(download, i) for i in range(3)]
    print([f.result() for f in futures])
print("after", time.monotonic())
''')
        self.assertEqual(output(events), [
            (0.0, "ThreadPoolExecutor-0_0", "start 0"), (0.0, "ThreadPoolExecutor-0_1", "start 1"),
            (1.0, "ThreadPoolExecutor-0_0", "end 0"), (1.0, "ThreadPoolExecutor-0_0", "start 2"),
            (1.0, "ThreadPoolExecutor-0_1", "end 1"), (2.0, "ThreadPoolExecutor-0_0", "end 2"),
            (2.0, "main", "[0, 1, 2]"), (2.0, "main", "after 2.0")])

    def test_as_completed_and_map(self):
        result, events = run('''
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED
def job(d):
    time.sleep(d)
    return d
with ThreadPoolExecutor() as ex:
    fs = [ex.submit(job, d) for d in (3, 1, 2)]
    print([f.result() for f in as_completed(fs)])
    done, pending = wait([ex.submit(job, 5), ex.submit(job, 0.5)], return_when=FIRST_COMPLETED)
    print([f.result() for f in done], len(pending))
    print(list(ex.map(job, [0.25, 0.25])), ex._max_workers)
''')
        self.assertEqual(texts(result and events), ["[1, 2, 3]", "[0.5] 1", "[0.25, 0.25] 6"])
        self.assertEqual(result["virtualTime"], 8.0)  # shutdown waits for the 5 s job (from t=3)

    def test_threading_thread_join_and_names(self):
        result, events = run('''
import threading, time
def work(n):
    time.sleep(n)
    print(threading.current_thread().name, "slept", n)
threads = [threading.Thread(target=work, args=(n,)) for n in (2, 1)]
for t in threads:
    t.start()
print("started", threading.active_count())
for t in threads:
    t.join()
print("joined", threading.active_count())
''')
        self.assertEqual(output(events), [
            (0.0, "main", "started 3"), (1.0, "Thread-2 (work)", "Thread-2 (work) slept 1"),
            (2.0, "Thread-1 (work)", "Thread-1 (work) slept 2"), (2.0, "main", "joined 1")])

    def test_lock_and_condition_between_threads(self):
        result, events = run('''
import threading, time
lock = threading.Lock()
cond = threading.Condition()
items = []
def holder():
    with lock:
        time.sleep(2)
        print("holder releases")
def taker():
    time.sleep(0.5)
    with lock:
        print("taker got the lock")
def consumer():
    with cond:
        cond.wait_for(lambda: items)
        print("consumed", items.pop())
threads = [threading.Thread(target=f) for f in (holder, taker, consumer)]
for t in threads:
    t.start()
time.sleep(3)
with cond:
    items.append("x")
    cond.notify()
for t in threads:
    t.join()
''')
        self.assertEqual(output(events, with_task=False), [
            (2.0, "holder releases"), (2.0, "taker got the lock"), (3.0, "consumed x")])

    def test_non_daemon_threads_finish_after_main_ends(self):
        result, events = run('''
import threading, time
def late():
    time.sleep(5)
    print("late")
threading.Thread(target=late).start()
threading.Thread(target=lambda: (time.sleep(9), print("daemon")), daemon=True).start()
print("main ends")
''')
        self.assertEqual(output(events, with_task=False), [(0.0, "main ends"), (5.0, "late")])
        self.assertEqual(result["virtualTime"], 5.0)

    def test_partial_lines_are_buffered_per_thread(self):
        result, events = run('''
import threading, time
def chatty(tag):
    for i in range(3):
        print(tag, end="")
        time.sleep(0.25)
    print()
ts = [threading.Thread(target=chatty, args=(c,), name=c) for c in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
''')
        self.assertEqual(output(events), [(0.75, "a", "aaa"), (0.75, "b", "bbb")])

    def test_thread_exception_goes_to_stderr(self):
        result, events = run('''
import threading
def boom():
    raise ValueError("in thread")
t = threading.Thread(target=boom, name="bad")
t.start()
t.join()
print("main survives")
''')
        lines = output(events)
        self.assertEqual(lines[0], (0.0, "bad", "Exception in thread bad:"))
        self.assertEqual(lines[-2], (0.0, "bad", "ValueError: in thread"))
        self.assertEqual(lines[-1], (0.0, "main", "main survives"))
        self.assertEqual(result["status"], "ok")

    def test_thread_waiting_forever_is_a_deadlock(self):
        result, events = run('''
import threading
ev = threading.Event()
t = threading.Thread(target=ev.wait, name="waiter")
t.start()
t.join()
''')
        self.assertEqual(result["status"], "deadlock")
        self.assertEqual(result["deadlock"], [
            {"task": "main", "waitingOn": "Thread.join() at main.py:6"},
            {"task": "waiter", "waitingOn": "Condition.wait()"}])

    def test_thread_local_is_per_virtual_thread(self):
        result, events = run('''
import threading, time
data = threading.local()
def work(n):
    data.value = n
    time.sleep(1)
    print(threading.current_thread().name, data.value)
data.value = "main"
ts = [threading.Thread(target=work, args=(n,), name=f"t{n}") for n in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(data.value)
''')
        self.assertEqual(texts(events), ["t0 0", "t1 1", "main"])

    def test_run_coroutine_threadsafe_from_a_thread(self):
        result, events = run('''
import asyncio, time
async def add(a, b):
    await asyncio.sleep(1)
    return a + b
def in_thread(loop):
    time.sleep(0.5)
    return asyncio.run_coroutine_threadsafe(add(1, 2), loop).result()
async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, in_thread, loop), loop.time())
asyncio.run(main())
''')
        self.assertEqual(texts(events), ["3 1.5"])


if __name__ == "__main__":
    unittest.main()
