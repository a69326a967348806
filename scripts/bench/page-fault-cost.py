"""The machine's price of one copy-on-write page fault, for reading sandbox figures.

    /usr/bin/python3 scripts/bench/page-fault-cost.py [--forks N] [--pages N]

A forked sandbox run pays ~1500 minor faults, so its CPU time follows this price: ~3 µs each on a
healthy VM, 15-20 µs on a guest whose freed memory is handed back to the host at once (free page
reporting), where every page the guest hands out again costs a host fault. Forks N children that
each write one byte into every page of a buffer the parent touched first; prints one JSON line
with the children's CPU microseconds per minor fault (from wait4's rusage) and the fault count.
"""
import json
import os
import sys


def _flag(name, default):
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def main():
    forks, pages = _flag("--forks", 30), _flag("--pages", 5120)
    buffer = bytearray(pages * 4096)
    for offset in range(0, len(buffer), 4096):
        buffer[offset] = 1
    cpu_seconds, faults = 0.0, 0
    for _ in range(forks):
        pid = os.fork()
        if pid == 0:
            for offset in range(0, len(buffer), 4096):
                buffer[offset] = 2
            os._exit(0)
        _, _, usage = os.wait4(pid, 0)
        cpu_seconds += usage.ru_utime + usage.ru_stime
        faults += usage.ru_minflt
    print(json.dumps({"cowFaultUs": round(cpu_seconds * 1e6 / max(1, faults), 2), "faults": faults}))


main()
