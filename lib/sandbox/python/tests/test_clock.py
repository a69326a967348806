"""The virtual clock seen through `datetime`: now/utcnow/today follow virtual time, in UTC, from
the epoch of time.time() (1 700 000 000 = 2023-11-14 22:13:20 UTC), identically in every run."""
import _datetime
import datetime
import json
import os
import unittest

from helpers import output, run, texts

from interleave import runner, vdatetime

T0 = "2023-11-14 22:13:20"  # str(datetime.now()) at virtual time 0, documented in the README


class DatetimeClockTest(unittest.TestCase):
    def assert_clean(self, result):
        self.assertEqual(result["status"], "ok", result)
        self.assertIsNone(result["tamper"], result)

    def test_now_advances_exactly_with_asyncio_sleep(self):
        result, events = run('''
            import asyncio
            from datetime import datetime

            async def main():
                start = datetime.now()
                print("started at", start.strftime("%H:%M:%S"))
                await asyncio.sleep(2)
                end = datetime.now()
                print("finished at", end.strftime("%H:%M:%S"))
                print(repr(end - start))
            asyncio.run(main())
        ''')
        self.assert_clean(result)
        self.assertEqual(output(events), [
            (0.0, "Task-1", "started at 22:13:20"), (2.0, "Task-1", "finished at 22:13:22"),
            (2.0, "Task-1", "datetime.timedelta(seconds=2)")])

    def test_time_sleep_in_a_virtual_thread(self):
        result, events = run('''
            import threading, time, datetime

            def work():
                print("thread", datetime.datetime.now())
                time.sleep(1.5)
                print("thread", datetime.datetime.now())
            t = threading.Thread(target=work)
            t.start()
            t.join()
            print("main", datetime.datetime.now().isoformat(timespec="milliseconds"))
        ''')
        self.assert_clean(result)
        self.assertEqual(output(events, with_task=False), [
            (0.0, "thread " + T0), (1.5, "thread 2023-11-14 22:13:21.500000"),
            (1.5, "main 2023-11-14T22:13:21.500")])

    def test_every_clock_agrees_with_time_time_in_utc(self):
        result, events = run('''
            import time
            from datetime import date, datetime, timezone
            print(datetime.now(), datetime.utcnow(), datetime.today())
            print(datetime.fromtimestamp(time.time()), date.today(), repr(date.today()))
            print(time.strftime("%Y-%m-%d %H:%M:%S"), time.localtime().tm_zone, time.tzname)
            print(datetime.now(timezone.utc).timestamp() == time.time(), datetime.now().astimezone().tzname())
            time.sleep(90000)
            print(date.today(), datetime.now().strftime("%a %d %b %H:%M:%S"))
        ''', limits={"maxVirtualSeconds": 100000})
        self.assert_clean(result)
        self.assertEqual(texts(events), [
            "%s %s %s" % (T0, T0, T0), T0 + " 2023-11-14 datetime.date(2023, 11, 14)",
            T0 + " UTC ('UTC', 'UTC')", "True UTC", "2023-11-15 Wed 15 Nov 23:13:20"])

    def test_aware_now(self):
        result, events = run('''
            from datetime import datetime, timedelta, timezone
            print(datetime.now(timezone.utc))
            print(datetime.now(tz=timezone(timedelta(hours=8), "CST")).strftime("%H:%M %Z"))
            print(repr(datetime.now(timezone.utc)))
            print(datetime.now(timezone.utc) - datetime.now(timezone(timedelta(hours=-5))))
        ''')
        self.assert_clean(result)
        self.assertEqual(texts(events), [
            T0 + "+00:00", "06:13 CST",
            "datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=datetime.timezone.utc)", "0:00:00"])

    def test_arithmetic_and_constructors_keep_type_repr_and_isinstance(self):
        result, events = run('''
            import copy, pickle
            import datetime as dt
            from datetime import date, datetime, time, timedelta
            now = datetime.now()
            values = [now + timedelta(hours=1), timedelta(days=1) + now, now - timedelta(seconds=1),
                      now.replace(year=2000), datetime.strptime("2024-02-29 10:00", "%Y-%m-%d %H:%M"),
                      datetime.fromisoformat("2024-01-02T03:04:05"), datetime.combine(date(2024, 1, 1), time(9)),
                      datetime(2024, 5, 6), datetime.min, pickle.loads(pickle.dumps(now)), copy.deepcopy(now)]
            for v in values:
                assert isinstance(v, datetime) and isinstance(v, dt.date) and type(v) is datetime, repr(v)
                assert v == copy.copy(v) and hash(v) == hash(copy.copy(v))
            print(repr(values[0]), values[3], values[4], repr(values[8]))
            print(type(now), type(datetime), datetime.__name__, isinstance(now.date(), date), now.date() == date.today())
            print(now > values[2], sorted(values)[1] == values[3], now - datetime(2023, 11, 14))
            class Stamp(datetime):
                pass
            print(repr(Stamp.now()), type(Stamp.utcnow()).__name__)
        ''')
        self.assert_clean(result)
        self.assertEqual(texts(events), [
            "datetime.datetime(2023, 11, 14, 23, 13, 20) 2000-11-14 22:13:20 2024-02-29 10:00:00 "
            "datetime.datetime(1, 1, 1, 0, 0)",
            "<class 'datetime.datetime'> <class 'type'> datetime True True",
            "True True 22:13:20", "Stamp(2023, 11, 14, 22, 13, 20) Stamp"])

    def test_wrong_arguments_raise_cpythons_errors(self):
        result, events = run('''
            from datetime import datetime
            for call in (lambda: datetime.now(1, 2), lambda: datetime.now(zone=1),
                         lambda: datetime.now("UTC"), lambda: datetime.utcnow(1)):
                try:
                    call()
                except TypeError as exc:
                    print(exc)
        ''')
        self.assert_clean(result)
        self.assertEqual(texts(events), [
            "now() takes at most 1 argument (2 given)", "'zone' is an invalid keyword argument for now()",
            "tzinfo argument must be None or of a tzinfo subclass, not type 'str'",
            "datetime.utcnow() takes no arguments (1 given)"])

    def test_two_runs_print_the_same_and_the_real_class_comes_back(self):
        code = '''
            import time
            from datetime import datetime
            print(datetime.now().isoformat(), datetime.utcnow().timestamp())
            time.sleep(0.123456)
            print(datetime.now().isoformat())
        '''
        first, second = run(code)[1], run(code)[1]
        self.assertEqual(texts(first), ["2023-11-14T22:13:20 1700000000.0", "2023-11-14T22:13:20.123456"])
        self.assertEqual(first, second)
        self.assertIs(datetime.datetime, _datetime.datetime)
        self.assertIs(datetime.datetime, vdatetime._RealDatetime)
        self.assertIs(type(datetime.datetime), type)

    def test_forked_run_from_a_prewarmed_zygote(self):
        """As zygote.py does: prewarm once, prepare before the fork, run in the forked child."""
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the "zygote": never returns into the test runner
            try:
                os.close(read_fd)
                runner.prewarm()
                for _ in range(2):
                    events = []
                    prepared = runner.prepare_run(
                        "import asyncio, datetime\nasync def m():\n    print(datetime.datetime.now())\n"
                        "    await asyncio.sleep(2)\n    print(datetime.datetime.now())\nasyncio.run(m())\n",
                        seed=0, limits={}, emit=events.append, scan=False)
                    child = os.fork()
                    if child == 0:
                        result = runner.run_prepared(prepared)
                        line = json.dumps({"texts": texts(events), "tamper": result["tamper"]}) + "\n"
                        os.write(write_fd, line.encode())
                        os._exit(0)
                    os.waitpid(child, 0)
            finally:
                os._exit(0)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            lines = [json.loads(line) for line in pipe]
        os.waitpid(pid, 0)
        expected = {"texts": [T0, "2023-11-14 22:13:22"], "tamper": None}
        self.assertEqual(lines, [expected, expected])


if __name__ == "__main__":
    unittest.main()
