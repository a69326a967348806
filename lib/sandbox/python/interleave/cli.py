"""Development CLI: `python3 -m interleave FILE.py [--seed N] [--json] [--limits JSON] [--network FILE]`.

Prints exactly one RunResult (with --json: one JSON object) on the real stdout, which is moved to a
private descriptor first so nothing the program writes to fd 1 can corrupt it."""
import argparse
import json
import os
import time

_perf_counter = time.perf_counter  # the real clock: time.* is virtual during a run
_KEYS = ("status", "events", "virtualTime", "error", "limit", "wallMs", "seed", "tamper",
         "deadlock", "notes", "lifecycle")


def _parse(argv):
    parser = argparse.ArgumentParser(prog="python3 -m interleave")
    parser.add_argument("file")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--limits", default="{}", help="RunLimits as JSON (camelCase keys)")
    parser.add_argument("--network", default=None, help="a network.json file (virtual hosts)")
    args = parser.parse_args(argv)
    if args.seed < 0:
        parser.error("--seed must be >= 0")
    return args


def _listing(result):
    lines = []
    for event in result["events"]:
        if event["stream"] in ("stdout", "stderr"):
            mark = "!" if event["stream"] == "stderr" else " "
            lines.append("%8.3f %s %-12s %s" % (event["t"], mark, event["task"], event["text"]))
    lines.append("-- %s at t=%.3f (%.1f ms)" % (result["status"], result["virtualTime"],
                                             result["wallMs"]))
    for key in ("error", "limit", "deadlock", "tamper"):
        if result.get(key):
            lines.append("-- %s: %s" % (key, json.dumps(result[key], ensure_ascii=False)))
    for note in result["notes"]:
        lines.append("-- note: %s" % note)
    return "\n".join(lines) + "\n"


def main(argv):
    args = _parse(argv)
    with open(args.file, "rb") as handle:
        code = handle.read().decode("utf-8", "replace")
    limits = json.loads(args.limits)
    network = None
    if args.network:
        with open(args.network, "rb") as handle:
            network = json.loads(handle.read().decode("utf-8"))
    out_fd = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    from .runner import run_program  # after the redirect: nothing may reach the real stdout

    events = []
    started = _perf_counter()

    def finish(result):
        result["events"] = events
        result["wallMs"] = round((_perf_counter() - started) * 1000, 3)
        result["seed"] = args.seed
        ordered = {key: result.get(key) for key in _KEYS}
        text = json.dumps(ordered, ensure_ascii=False) + "\n" if args.json else _listing(ordered)
        data = text.encode("utf-8")
        while data:
            data = data[os.write(out_fd, data):]
        # Skip interpreter teardown: student objects' __del__ must not run after the result is out.
        real_exit(0)

    real_exit = os._exit
    os._exit = lambda code: finish(_hard_exit_result(code))  # the events so far still count
    finish(run_program(code, seed=args.seed, limits=limits, emit=events.append, network=network))


def _hard_exit_result(code):
    """The program called os._exit(): in the sandbox the launcher sees a dead process; here the
    CLI reports what was printed until then."""
    from .output import trace
    from .world import world

    trace.flush_partial([world.current] if world.current is not None else [])
    error = None
    if code != 0:
        error = {"type": "SystemExit", "message": "os._exit(%s)" % code, "line": None,
                 "traceback": ""}
    return {"status": "ok" if code == 0 else "error", "virtualTime": world.now, "error": error,
            "limit": None, "deadlock": None, "notes": ["os._exit(%s) called" % code], "tamper": None}
