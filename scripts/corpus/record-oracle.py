"""Record the real-CPython oracle of every program of the fidelity corpus.

Usage (from the repository root, real time, about a minute):
    /usr/bin/python3 scripts/corpus/record-oracle.py            # every program
    /usr/bin/python3 scripts/corpus/record-oracle.py 05 12-x    # programs whose name starts so

Each tests/fixtures/corpus/NN-name.py runs in a fresh `/usr/bin/python3 -I` (PYTHONHASHSEED=0) under
oracle-child.py, which stamps every output line with the real time elapsed since the program started.
Times are rounded to 0.1 s (the corpus spaces events >= 0.1 s apart); a run whose raw times sit too far
from a 0.1 s step (machine load) is retried, and the program is reported if it never settles.
Writes tests/fixtures/corpus/NN-name.oracle.json.

Programs that hang in real CPython carry a hand-written expectation in a magic comment,
`# oracle-deadlock-at: T` (virtual time of the deadlock): they are run with a short wall timeout, the
lines printed before it are kept, and the status is recorded as "deadlock".
"""

import json
import os
import platform
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "fixtures", "corpus")
CHILD = os.path.join(ROOT, "scripts", "corpus", "oracle-child.py")
PYTHON = "/usr/bin/python3"
# How far a raw real time may drift from its 0.1 s step before the run is considered too noisy.
MAX_DRIFT = 0.04
ATTEMPTS = 4
RUN_TIMEOUT = 30.0
DEADLOCK_WAIT = 1.5

ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
# `defined at /abs/path/x.py:12` in task reprs, `File "/abs/x.py"` in tracebacks, `/abs/x.py:3: Warning`.
PATH = re.compile(r"(?<![\w.])/[^\s\"'<>:]+\.py")
TASK_SET = re.compile(r"^\{(<Task .*>)\}$")


def normalise(text):
    """Mask what varies between machines and processes. Mirrored in sandbox-fidelity.test.ts."""
    text = PATH.sub("<file>", ADDRESS.sub("0xADDR", text))
    match = TASK_SET.match(text)
    if match:  # a printed set of tasks iterates in hash (address) order: compare it sorted
        items = match.group(1)[len("<Task ") : -1].split(">, <Task ")
        text = "{" + ", ".join(f"<Task {item}>" for item in sorted(items)) + "}"
    return text


def deadlock_time(source):
    match = re.search(r"^# oracle-deadlock-at: ([0-9.]+)\s*$", source, re.MULTILINE)
    return float(match.group(1)) if match else None


def run_child(path, timeout):
    env = {"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    proc = subprocess.Popen(
        [PYTHON, "-I", CHILD, path],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=CORPUS,
    )
    timed_out = False
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        proc.kill()
        out, err = proc.communicate()
    records = [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]
    return records, err.decode("utf-8", "replace"), timed_out


def step(value):
    return round(round(value * 10) / 10, 1)


def drift(records):
    return max((abs(r["t"] - step(r["t"])) for r in records if "t" in r), default=0.0)


def build_oracle(name, source, records, timed_out):
    lines = [r for r in records if r["kind"] == "line"]
    ends = [r for r in records if r["kind"] == "end"]
    oracle = {"program": name}
    expected_deadlock = deadlock_time(source)
    if expected_deadlock is not None:
        if not timed_out:
            raise RuntimeError(f"{name}: expected to hang in real CPython but it ended")
        oracle.update(status="deadlock", errorType=None, errorMessage=None, errorLine=None)
        end_time = expected_deadlock
        oracle["note"] = "real CPython hangs here; status and endTime are hand-written (oracle-deadlock-at)"
    elif timed_out or not ends:
        raise RuntimeError(f"{name}: hung or crashed without an end record")
    else:
        end = ends[0]
        message = end["errorMessage"]
        oracle.update(
            status=end["status"],
            errorType=end["errorType"],
            errorMessage=normalise(message) if message is not None else None,
            errorLine=end["errorLine"],
        )
        end_time = step(end["t"])
    oracle["lines"] = [
        {"t": step(r["t"]), "stream": r["stream"], "text": normalise(r["text"])}
        for r in lines
    ]
    oracle["endTime"] = end_time
    oracle["recordedWith"] = f"CPython {platform.python_version()} real time"
    return oracle


def record(name):
    path = os.path.join(CORPUS, name)
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    hangs = deadlock_time(source) is not None
    for attempt in range(1, ATTEMPTS + 1):
        records, stderr, timed_out = run_child(path, DEADLOCK_WAIT if hangs else RUN_TIMEOUT)
        if stderr.strip():
            print(f"  {name}: child wrote outside the recorders:\n{stderr}", file=sys.stderr)
        noise = drift(records)
        if noise <= MAX_DRIFT:
            break
        print(f"  {name}: attempt {attempt} too noisy (drift {noise:.3f} s), retrying", file=sys.stderr)
        time.sleep(0.5)
    else:
        raise RuntimeError(f"{name}: real times never settled within {MAX_DRIFT} s of a 0.1 s step")
    oracle = build_oracle(name, source, records, timed_out)
    target = os.path.join(CORPUS, name[: -len(".py")] + ".oracle.json")
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(oracle, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return oracle


def main(prefixes):
    names = sorted(n for n in os.listdir(CORPUS) if re.match(r"^\d\d-.*\.py$", n))
    if prefixes:
        names = [n for n in names if any(n.startswith(p) for p in prefixes)]
    failures = 0
    started = time.monotonic()
    for name in names:
        try:
            oracle = record(name)
            print(f"{name:45} {oracle['status']:8} end={oracle['endTime']:<5} lines={len(oracle['lines'])}")
        except RuntimeError as exc:
            failures += 1
            print(f"FAILED {exc}", file=sys.stderr)
    print(f"{len(names) - failures}/{len(names)} recorded in {time.monotonic() - started:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
