"""Tamper evidence for the harness: a static scan before the run, runtime checks around it.

The harness (interleave.runner) calls `static_scan(code)` before running a submission,
`snap = snapshot()` just before the student's code and `runtime_check(snap)` just after; a
non-None reason becomes `result["tamper"] = {"reason": ...}` so grading holds the run for an
instructor instead of awarding points. This is evidence, not a boundary: the sandbox (bubblewrap,
seccomp, rlimits, an authenticated event channel) is what keeps the host safe.
See docs/sandbox-security.md for what each check catches and what it cannot.
"""

from . import tamper_runtime, tamper_scan


def static_scan(code):
    """A short reason ("line 3: uses gc (...)") when the source reaches into the interpreter or
    the harness; None for ordinary code and for code that does not parse."""
    return tamper_scan.scan(code)


def prepare():
    """A forking zygote calls this once before forking: snapshots then reuse the run-independent
    part (builtins, harness functions) instead of walking them in every child."""
    tamper_runtime.prepare()


def arm(channel):
    """A forked run, before its program: install the audit hook for good, reporting every finding
    on the run's trace channel the moment it happens (see tamper_runtime.arm)."""
    tamper_runtime.arm(channel.tamper)


def snapshot(*extra):
    """Record the identities student code must not change and arm the audit hook.
    Pass the emit function (and any other harness callable) as `extra` to watch its code too."""
    return tamper_runtime.snapshot(*extra)


def runtime_check(snap):
    """Disarm the audit hook; a reason when the run showed signs of tampering, else None."""
    return tamper_runtime.check(snap)
