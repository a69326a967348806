"""Shared helpers: run a program in-process through the public entry point."""
import os
import sys
import textwrap

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import guard  # noqa: E402,F401  (rlimits: the programs below run in this process, unsandboxed)

from interleave.runner import run_program  # noqa: E402


def run(code, seed=0, limits=None):
    events = []
    result = run_program(textwrap.dedent(code), seed=seed, limits=limits or {}, emit=events.append)
    return result, events


def output(events, with_task=True):
    """(t, task, text) of every stdout/stderr line."""
    rows = [e for e in events if e["stream"] in ("stdout", "stderr")]
    if with_task:
        return [(e["t"], e["task"], e["text"]) for e in rows]
    return [(e["t"], e["text"]) for e in rows]


def texts(events):
    return [e["text"] for e in events if e["stream"] == "stdout"]
