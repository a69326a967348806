"""The networked fidelity corpus (issue 15): tests/fixtures/corpus-net/NAME/{program.py, network.json}.

For each program, record-oracle.py --net starts net_server.py on that program's network.json (real
sockets, real delays, https with a throwaway CA), runs program.py under oracle-child.py with its hosts
resolved to that server only for this run (net_resolver.py), and writes NAME/oracle.json: the same
format as the plain corpus, plus `realElapsed` (the raw real end time before rounding to 0.1 s).
"""

import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NET_CORPUS = os.path.join(ROOT, "tests", "fixtures", "corpus-net")
SERVER = os.path.join(HERE, "net_server.py")
PYTHON = "/usr/bin/python3"
READY_TIMEOUT = 15.0


def program_names():
    return sorted(
        name
        for name in os.listdir(NET_CORPUS)
        if re.match(r"^\d\d-[a-z0-9-]+$", name) and os.path.isfile(os.path.join(NET_CORPUS, name, "program.py"))
    )


class RealServer:
    """net_server.py as a context manager: yields its ready record, always stops it."""

    def __init__(self, network_path):
        self.network_path = network_path
        self.proc = None

    def __enter__(self):
        self.proc = subprocess.Popen(
            [PYTHON, "-I", SERVER, self.network_path],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.proc.stdout.readline()
        if not line:
            problem = self.proc.stderr.read().strip()
            self.proc.wait()
            raise RuntimeError(f"net_server.py did not start: {problem}")
        return json.loads(line)

    def __exit__(self, *exc):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()
        return False


def record_net(name, check, record_program):
    """Record (or --check) one networked program; record_program is record-oracle.py's recorder."""
    folder = os.path.join(NET_CORPUS, name)
    program = os.path.join(folder, "program.py")
    target = os.path.join(folder, "oracle.json")
    with RealServer(os.path.join(folder, "network.json")) as ready:
        return record_program(name, program, target, check, net=ready)


def try_program(program, network, record_program, as_json=False):
    """`record-oracle.py --net-program FILE NETWORK.json`: real-server oracle of any program (e.g. an
    exercise's solution or wrong solution), printed as `@t [stream] text` lines, nothing written."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="interleave-net-try-") as tmp, RealServer(network) as ready:
        name = os.path.basename(program)
        # A one-off check, not a stored oracle: up to 0.049 s late still rounds to the right 0.1 s step.
        target = os.path.join(tmp, "oracle.json")
        oracle = record_program(name, os.path.abspath(program), target, False, ready, max_late=0.049, attempts=8)
    if as_json:
        print(json.dumps(oracle, ensure_ascii=False))
        return 0
    for line in oracle["lines"]:
        stream = "" if line["stream"] == "stdout" else f"{line['stream']}: "
        print(f"@{line['t']:g} {stream}{line['text']}")
    error = f" {oracle['errorType']}: {oracle['errorMessage']} (line {oracle['errorLine']})" if oracle["errorType"] else ""
    print(f"# status: {oracle['status']}{error}; end t={oracle['endTime']:g} (real {oracle['realElapsed']} s)")
    return 0


if __name__ == "__main__":
    print("run scripts/corpus/record-oracle.py --net instead", file=sys.stderr)
    sys.exit(2)
