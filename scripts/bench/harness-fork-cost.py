"""What one run costs the harness in a freshly forked child, as the zygote runs it (issue 15).

    /usr/bin/python3 scripts/bench/harness-fork-cost.py PROGRAM.py [NETWORK.json] [--networked] [--runs N] [--harness DIR]

Outside bwrap: `runner.prewarm()` (which freezes the gc), then per sample one fork whose child runs
the program three times and reports CPU ms and minor page faults of each run. Run 1 is what a pool
pays per run; runs 2-3 are the same work with the zygote's pages already touched. Prints medians.
`--harness DIR` measures another checkout's lib/sandbox/python (e.g. main exported with git archive)
for a before/after in one sitting. Figures: docs/performance.md, "Where a networked run's time goes".
"""
import json
import os
import resource
import sys
import time


def _flag(argv, name, default):
    return argv[argv.index(name) + 1] if name in argv else default


def _child(runner, code, network, out):
    samples = []
    for _ in range(3):
        faults, cpu = resource.getrusage(resource.RUSAGE_SELF).ru_minflt, time.process_time()
        runner.run_program(code, seed=0, limits={}, emit=lambda event: None, network=network)
        samples.append(((time.process_time() - cpu) * 1000, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults))
    os.write(out, json.dumps(samples).encode())
    os._exit(0)


def main(argv):
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    sys.path.insert(0, _flag(argv, "--harness", os.path.join(root, "lib/sandbox/python")))
    from interleave import runner
    files, skip = [], False
    for arg in argv:
        if arg == "--networked":
            continue
        if skip or arg in ("--runs", "--harness"):
            skip = not skip
            continue
        files.append(arg)
    code = open(files[0], encoding="utf-8").read()
    network = json.load(open(files[1], encoding="utf-8")) if len(files) > 1 else None
    # As the pool does: a program with a network (or `--networked`) runs in the networked zygote,
    # whose prewarm preloads requests/aiohttp/urllib and the TLS authority; others in the lean one.
    runner.prewarm(networked=network is not None or "--networked" in argv)
    results = []
    for _ in range(int(_flag(argv, "--runs", "30"))):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            _child(runner, code, network, write)
        os.close(write)
        with os.fdopen(read, "rb") as pipe:
            results.append(json.loads(pipe.read()))
        os.waitpid(pid, 0)
    print("| run in the child | CPU ms (median) | page faults (median) |\n| --- | --- | --- |")
    for index in range(3):
        cpu = sorted(sample[index][0] for sample in results)
        faults = sorted(sample[index][1] for sample in results)
        print("| %d | %.1f | %d |" % (index + 1, cpu[len(cpu) // 2], faults[len(faults) // 2]))


if __name__ == "__main__":
    main(sys.argv[1:])
