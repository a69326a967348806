"""The pre-forked spare child: it runs exactly the request and key the zygote hands it, and a spare
that is never used ends quietly when its pipe closes.

Run: cd lib/sandbox/python && /usr/bin/python3 -m unittest tests.test_zygote_spare
"""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import zygote_spare  # noqa: E402


class SpareTest(unittest.TestCase):
    def setUp(self):
        self.saved = zygote_spare.child_main, zygote_spare.child_prelude
        self.read_fd, self.write_fd = os.pipe()
        write_fd = self.write_fd

        def fake_child_main(request, key, harness, drop_privileges, workdir, *, prelude_done):
            os.write(write_fd, json.dumps([request, key.hex(), harness, workdir, prelude_done]).encode())
            os._exit(7)
        zygote_spare.child_main = fake_child_main
        zygote_spare.child_prelude = lambda: None

    def tearDown(self):
        zygote_spare.child_main, zygote_spare.child_prelude = self.saved
        os.close(self.read_fd)
        os.close(self.write_fd)

    def test_runs_the_request_and_key_it_is_handed(self):
        spare = zygote_spare.fork_spare("harness", None, "/work")
        self.assertIsNotNone(spare)
        key = bytes(range(32))
        request = {"type": "run", "id": 4, "codeBytes": 12, "limits": {"cpuSeconds": 1}}
        self.assertEqual(zygote_spare.start_spare(spare, request, key), spare.pid)
        _, status = os.waitpid(spare.pid, 0)
        self.assertEqual(os.waitstatus_to_exitcode(status), 7)
        self.assertEqual(json.loads(os.read(self.read_fd, 1 << 16)), [request, key.hex(), "harness", "/work", True])

    def test_an_unused_spare_ends_quietly(self):
        spare = zygote_spare.fork_spare("harness", None, "/work")
        zygote_spare.discard_spare(spare)  # closes its pipe: the spare exits; reaped here
        with self.assertRaises(ChildProcessError):
            os.waitpid(spare.pid, os.WNOHANG)
        self.assertEqual(os.read(self.read_fd, 1) if _readable(self.read_fd) else b"", b"")  # it ran nothing

    def test_a_dead_spare_is_reported_so_the_run_forks_its_own(self):
        spare = zygote_spare.fork_spare("harness", None, "/work")
        os.kill(spare.pid, 9)
        os.waitpid(spare.pid, 0)
        self.assertIsNone(zygote_spare.start_spare(spare, {"type": "run", "id": 1, "pad": "x" * 70_000}, bytes(32)))


def _readable(fd):
    import select
    return bool(select.select([fd], [], [], 0)[0])


if __name__ == "__main__":
    unittest.main()
