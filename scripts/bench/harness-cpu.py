"""Harness CPU per run, in-process, for a baseline harness and this one, in alternating rounds.

    /usr/bin/python3 scripts/bench/harness-cpu.py BASELINE_HARNESS_DIR [THIS_HARNESS_DIR] [--runs N]

Each harness runs in its own child process (the two `interleave` packages cannot share one); the
figure is the thread CPU of `run_program` (not wall time: the machine is shared), median of N runs,
for the bench:sandbox program and a 10 000-step program where a per-step cost would show.
Baseline: `git archive main lib/sandbox/python | tar -x -C /tmp/base`.
"""
import json
import os
import subprocess
import sys

PROGRAMS = {
    "create_task (bench:sandbox program)": "import asyncio\nasync def w(n):\n    await asyncio.sleep(2)\n"
    "async def main():\n    a = asyncio.create_task(w(1)); b = asyncio.create_task(w(2))\n    await a; await b\n"
    "asyncio.run(main())\n",
    "10 000 loop steps (100 tasks x 100 sleep(0))": "import asyncio\nasync def w():\n    for _ in range(100):\n"
    "        await asyncio.sleep(0)\nasync def main():\n    await asyncio.gather(*(w() for _ in range(100)))\n"
    "asyncio.run(main())\n",
}
CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from interleave.runner import run_program, prewarm
prewarm()
out = {}
for name, code in json.loads(sys.argv[3]).items():
    times = []
    for _ in range(int(sys.argv[2])):
        start = time.thread_time()
        run_program(code, seed=0, limits={}, emit=lambda event: None)
        times.append(time.thread_time() - start)
    out[name] = sorted(times)[len(times) // 2] * 1000
print(json.dumps(out))
"""


def measure(harness, runs):
    text = subprocess.check_output([sys.executable, "-c", CHILD, harness, str(runs), json.dumps(PROGRAMS)])
    return json.loads(text)


def main(argv):
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 30
    dirs = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--runs")]
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib", "sandbox", "python")
    base, this = dirs[0], dirs[1] if len(dirs) > 1 else here
    rounds = {"baseline": [], "this": []}
    for _ in range(3):
        rounds["baseline"].append(measure(base, runs))
        rounds["this"].append(measure(this, runs))
    print("| program | baseline ms CPU/run | this ms CPU/run | difference |")
    print("| --- | --- | --- | --- |")
    for name in PROGRAMS:
        b = sorted(r[name] for r in rounds["baseline"])[1]
        t = sorted(r[name] for r in rounds["this"])[1]
        print("| %s | %.3f | %.3f | %+.1f %% |" % (name, b, t, (t - b) / b * 100))
    print("load average: %s" % " / ".join(open("/proc/loadavg").read().split()[:3]))


if __name__ == "__main__":
    main(sys.argv[1:])
