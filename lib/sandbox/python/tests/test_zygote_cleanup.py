"""The zygote's wipe of /tmp between runs: never follows a link, never raises, says when it failed.

Run: cd lib/sandbox/python && /usr/bin/python3 -m unittest tests.test_zygote_cleanup
"""
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import zygote_cleanup  # noqa: E402


class WipeWorkdirTest(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="interleave-wipe-")
        self.work = os.path.join(self.root, "tmp")
        self.outside = os.path.join(self.root, "outside")
        os.makedirs(self.work)
        os.makedirs(os.path.join(self.outside, "dir"))
        with open(os.path.join(self.outside, "dir", "keep.txt"), "w") as handle:
            handle.write("host file")

    def tearDown(self):
        for path, _, _ in os.walk(self.root):
            os.chmod(path, 0o700)
        shutil.rmtree(self.root, ignore_errors=True)

    def test_empty_directory_is_clean(self):
        self.assertTrue(zygote_cleanup._wipe_tree(self.work))

    def test_symlink_tricks_are_wiped_without_following_links(self):
        # The layout of tests/fixtures/hostile/symlink-tricks.py (which once crashed the zygote:
        # shutil.rmtree's onerror got os.open, and calling it with one argument raised TypeError).
        w = self.work
        os.symlink(self.outside, os.path.join(w, "outside-link"))
        os.symlink(os.path.join(self.outside, "dir", "keep.txt"), os.path.join(w, "file-link"))
        os.symlink(os.path.join(w, "loop-b"), os.path.join(w, "loop-a"))
        os.symlink(os.path.join(w, "loop-a"), os.path.join(w, "loop-b"))
        os.mkfifo(os.path.join(w, "fifo"))
        os.makedirs(os.path.join(w, "locked", "inner"))
        open(os.path.join(w, "locked", "inner", "file"), "w").close()
        os.symlink(self.outside, os.path.join(w, "locked", "inner", "bin"))
        os.chmod(os.path.join(w, "locked", "inner"), 0)
        os.chmod(os.path.join(w, "locked"), 0o500)
        os.chmod(w, 0o500)

        self.assertTrue(zygote_cleanup._wipe_tree(w))
        self.assertEqual(os.listdir(w), [])
        with open(os.path.join(self.outside, "dir", "keep.txt")) as handle:
            self.assertEqual(handle.read(), "host file")

    def test_a_tree_deeper_than_the_walk_asks_for_a_recycle_instead_of_raising(self):
        path = self.work
        for _ in range(zygote_cleanup.MAX_DEPTH + 3):
            path = os.path.join(path, "d")
        os.makedirs(path)
        self.assertFalse(zygote_cleanup._wipe_tree(self.work))

    def test_a_missing_workdir_asks_for_a_recycle(self):
        self.assertFalse(zygote_cleanup._wipe_tree(os.path.join(self.root, "gone")))

    def test_a_workdir_replaced_by_a_link_is_not_followed(self):
        os.rmdir(self.work)
        os.symlink(self.outside, self.work)
        self.assertFalse(zygote_cleanup._wipe_tree(self.work))
        self.assertTrue(os.path.exists(os.path.join(self.outside, "dir", "keep.txt")))


class SysvIpcTest(unittest.TestCase):
    """The wipe removes SysV objects the runs created, never anyone else's (outside a sandbox the
    IPC namespace is the host's: PostgreSQL keeps a segment there)."""

    def setUp(self):
        self.removed = []
        removed = self.removed

        class FakeLibc:
            def shmctl(self, ident, cmd, buf):
                removed.append(("shm", ident, cmd))
                return 0

            def semctl(self, ident, num, cmd, buf):
                removed.append(("sem", ident, cmd))
                return 0

        self.saved = (zygote_cleanup._read_table, os.getuid, list(zygote_cleanup._libc))
        zygote_cleanup._libc[:] = [FakeLibc()]
        tables = {"shm": [{"shmid": "4", "cuid": "101"}, {"shmid": "9", "cuid": "61000"}],
                  "msg": [], "sem": [{"semid": "2", "cuid": "61000"}]}
        zygote_cleanup._read_table = lambda name: tables[name]

    def tearDown(self):
        zygote_cleanup._read_table, os.getuid, libc = self.saved
        zygote_cleanup._libc[:] = libc

    def test_only_objects_created_by_our_uid_are_removed(self):
        os.getuid = lambda: 61000
        self.assertTrue(zygote_cleanup._remove_sysv_ipc())
        self.assertEqual(self.removed, [("shm", 9, zygote_cleanup.IPC_RMID), ("sem", 2, zygote_cleanup.IPC_RMID)])

    def test_root_never_removes_anything(self):
        os.getuid = lambda: 0
        self.assertTrue(zygote_cleanup._remove_sysv_ipc())
        self.assertEqual(self.removed, [])

    def test_the_real_table_parses(self):
        zygote_cleanup._read_table = self.saved[0]
        for name in ("shm", "msg", "sem"):
            for row in zygote_cleanup._read_table(name):
                self.assertIn("cuid", row)


if __name__ == "__main__":
    unittest.main()
