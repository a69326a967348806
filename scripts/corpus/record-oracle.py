"""Record the real-CPython oracle of every program of the fidelity corpus.

Usage (from the repository root, real time, about a minute):
    /usr/bin/python3 scripts/corpus/record-oracle.py            # every program
    /usr/bin/python3 scripts/corpus/record-oracle.py 05 12-x    # programs whose name starts so
    /usr/bin/python3 scripts/corpus/record-oracle.py --check    # re-record, compare, write nothing

Each tests/fixtures/corpus/NN-name.py runs in a fresh `/usr/bin/python3 -I` (PYTHONHASHSEED=0) under
oracle-child.py, which stamps every output line with the real time elapsed since the program started.
Times are rounded to 0.1 s (the corpus spaces events >= 0.1 s apart); a run whose raw times sit too far
after (or before) a 0.1 s step (machine load) is retried, and the program is reported if it never settles.
Writes tests/fixtures/corpus/NN-name.oracle.json.

Programs that hang in real CPython carry a hand-written expectation in a magic comment,
`# oracle-deadlock-at: T` (virtual time of the deadlock): they are run with a short wall timeout, the
lines printed before it are kept, and the status is recorded as "deadlock".

Networked corpus (issue 15), `--net` (npm run corpus:record -- --net [PREFIX…] [--check]): each
tests/fixtures/corpus-net/NAME/program.py runs against a real local server serving its network.json
(net_server.py; see net_oracle.py) and its oracle is written to NAME/oracle.json.
`--net-program FILE.py NETWORK.json [--json]` prints the real-server oracle of any one program (e.g. an
exercise's solution, to derive its expected trace) and writes nothing.
"""

import json
import os
import platform
import re
import subprocess
import sys
import threading
import time

import net_oracle

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "fixtures", "corpus")
CHILD = os.path.join(ROOT, "scripts", "corpus", "oracle-child.py")
PYTHON = "/usr/bin/python3"
# Real events come late, never early (sleeps do not return early): a raw time may sit at most 0.04 s
# after its 0.1 s step, or 0.01 s before it; anything else means machine load, and the run is retried.
MAX_LATE = 0.04
MAX_EARLY = 0.01
ATTEMPTS = 4
RUN_TIMEOUT = 30.0
DEADLOCK_WAIT = 1.5

# Real addresses, and the sandbox's stable placeholders (0xADDR1, 0xADDR2, ...).
ADDRESS = re.compile(r"0x(?:ADDR\d*|[0-9a-fA-F]+)")
# Any *.py path, absolute or relative: `defined at /abs/x.py:12` in task reprs, `File "main.py"` in
# tracebacks, `x.py:3: RuntimeWarning`. The oracle runs programs from the corpus folder, the harness
# from its own fixed path: both become <file>.
PATH = re.compile(r"(?<![\w.\-/])(?:/?[\w.\-]+/)*[\w.\-]+\.py(?!\w)", re.ASCII)
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


def run_child(path, timeout, net=None):
    """Run one program; return (records from the private channel, stdout, stderr, timed_out).

    net: for a networked program, the running net_server's ready record (ports, CA, hosts).
    """
    env = {"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    extra = []
    if net is not None:
        env.update(SSL_CERT_FILE=net["ca"], REQUESTS_CA_BUNDLE=net["ca"])
        extra = [json.dumps({key: net[key] for key in ("hosts", "http", "https")})]
    channel_read, channel_write = os.pipe()
    proc = subprocess.Popen(
        [PYTHON, "-I", CHILD, str(channel_write), path, *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=os.path.dirname(path),
        pass_fds=(channel_write,),
    )
    os.close(channel_write)
    chunks = []
    reader = threading.Thread(target=lambda: chunks.append(read_all(channel_read)))
    reader.start()
    timed_out = False
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        proc.kill()
        out, err = proc.communicate()
    reader.join()
    text = b"".join(chunks).decode("utf-8")
    records = [json.loads(line) for line in text.splitlines() if line.strip()]
    return records, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), timed_out


def read_all(fd):
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


def step(value):
    return round(round(value * 10) / 10, 1)


def settled(records, max_late=MAX_LATE):
    return all(-MAX_EARLY <= r["t"] - step(r["t"]) <= max_late for r in records if "t" in r)


def build_oracle(name, source, records, timed_out, shutdown_output):
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
    # Printed by the interpreter after the program ended (shutdown-time warnings, __del__ output):
    # stamped with the end time, stdout before stderr (we cannot know their real interleaving).
    if not timed_out:
        for stream, text in zip(("stdout", "stderr"), shutdown_output):
            oracle["lines"] += [
                {"t": end_time, "stream": stream, "text": normalise(line)} for line in text.splitlines()
            ]
    oracle["endTime"] = end_time
    oracle["recordedWith"] = f"CPython {platform.python_version()} real time"
    return oracle


def record(name, check):
    path = os.path.join(CORPUS, name)
    target = os.path.join(CORPUS, name[: -len(".py")] + ".oracle.json")
    return record_program(name, path, target, check)


def record_program(name, path, target, check, net=None, max_late=MAX_LATE, attempts=ATTEMPTS):
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    if net is None:
        oracle = measure(name, path, source, None, max_late, attempts)
    else:
        oracle = measure_twice(name, path, source, net, max_late, attempts)
    text = json.dumps(oracle, ensure_ascii=False, indent=2) + "\n"
    if check:
        with open(target, encoding="utf-8") as handle:
            stored = json.load(handle)
        # realElapsed is the raw measurement: it differs on every run by design.
        if without_raw(stored) != without_raw(oracle):
            raise RuntimeError(f"{name}: a fresh recording differs from {os.path.basename(target)}")
    else:
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(text)
    return oracle


def measure(name, path, source, net, max_late, attempts):
    """One settled real run of the program, as an oracle."""
    hangs = deadlock_time(source) is not None
    for attempt in range(1, attempts + 1):
        records, *shutdown_output, timed_out = run_child(path, DEADLOCK_WAIT if hangs else RUN_TIMEOUT, net)
        if settled(records, max_late):
            break
        print(f"  {name}: attempt {attempt} too noisy (machine load?), retrying", file=sys.stderr)
        time.sleep(0.5)
    else:
        raise RuntimeError(f"{name}: real times never settled near a 0.1 s step")
    oracle = build_oracle(name, source, records, timed_out, shutdown_output)
    if net is not None:  # the raw real elapsed time, to show how close to its 0.1 s step it was
        oracle["realElapsed"] = round(next(r["t"] for r in records if r["kind"] == "end"), 3)
    return oracle


def measure_twice(name, path, source, net, max_late, attempts):
    """Two settled runs that agree. A networked run pays real overhead at every request; on a loaded
    machine it can pile up past a 0.1 s step and shift every later time while each one still looks
    settled. Two independent runs drifting identically is unlikely, so agreement is required."""
    for _ in range(3):
        first = measure(name, path, source, net, max_late, attempts)
        second = measure(name, path, source, net, max_late, attempts)
        if without_raw(first) == without_raw(second):
            return min(first, second, key=lambda oracle: oracle["realElapsed"])
        print(f"  {name}: two runs disagree (machine load?), measuring again", file=sys.stderr)
    raise RuntimeError(f"{name}: no two consecutive real runs agreed")


def without_raw(oracle):
    return {key: value for key, value in oracle.items() if key != "realElapsed"}


def main(args):
    if args[:1] == ["--net-program"] and len(args) in (3, 4):
        return net_oracle.try_program(args[1], args[2], record_program, as_json="--json" in args)
    check = "--check" in args
    net = "--net" in args
    prefixes = [a for a in args if a not in ("--check", "--net")]
    if net:
        names = net_oracle.program_names()
        recorder = lambda name: net_oracle.record_net(name, check, record_program)  # noqa: E731
    else:
        names = sorted(n for n in os.listdir(CORPUS) if re.match(r"^\d\d-.*\.py$", n))
        recorder = lambda name: record(name, check)  # noqa: E731
    if prefixes:
        names = [n for n in names if any(n.startswith(p) for p in prefixes)]
    failures = 0
    started = time.monotonic()
    for name in names:
        try:
            oracle = recorder(name)
            print(f"{name:45} {oracle['status']:8} end={oracle['endTime']:<5} lines={len(oracle['lines'])}")
        except RuntimeError as exc:
            failures += 1
            print(f"FAILED {exc}", file=sys.stderr)
    verb = "reproduced" if check else "recorded"
    print(f"{len(names) - failures}/{len(names)} {verb} in {time.monotonic() - started:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
