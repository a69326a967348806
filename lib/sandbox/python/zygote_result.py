"""Turn what one run left behind (verified events, end frame, exit status, raw bytes) into a result."""
import os
import signal

MEMORY_EXIT = 86
RAW_CAP = 64 * 1024
STATUSES = ("ok", "error", "deadlock", "limit")


def _crash(error_type, message):
    return {"type": error_type, "message": message, "line": None, "traceback": ""}


def _signal_name(number):
    try:
        return signal.Signals(number).name
    except ValueError:
        return "signal %d" % number


def _without_end(wait_status, usage, limits, *, wall_killed, output_killed):
    """(status, limit, error) for a child that never sent its end frame."""
    if wall_killed:
        return "limit", "wall", None
    if output_killed:
        return "limit", "output", None
    cpu_used = usage.ru_utime + usage.ru_stime
    if os.WIFSIGNALED(wait_status):
        sig = os.WTERMSIG(wait_status)
        if sig == signal.SIGXCPU or (sig == signal.SIGKILL and cpu_used >= float(limits.get("cpuSeconds", 5))):
            return "limit", "cpu", None
        return "error", None, _crash("Crash", "the program was killed by %s" % _signal_name(sig))
    code = os.WEXITSTATUS(wait_status)
    if code == MEMORY_EXIT:
        return "limit", "memory", None
    return "error", None, _crash(
        "ProcessExit", "the program ended its process with exit code %d before the run finished" % code)


def _raw_events(raws, t):
    events, notes = [], []
    for raw in raws:
        if not raw.total:
            continue
        text = bytes(raw.data).decode("utf-8", "replace")
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        events.extend({"t": t, "task": "raw", "stream": raw.stream, "text": line} for line in lines)
        fd = 1 if raw.stream == "stdout" else 2
        note = "%d bytes were written directly to file descriptor %d (shown as task \"raw\")" % (raw.total, fd)
        if raw.total > RAW_CAP:
            note += "; only the first %d bytes are kept" % RAW_CAP
        notes.append(note)
    return events, notes


def assemble(channel, raws, wait_status, usage, limits, *, wall_killed, output_killed, static_tamper=None):
    end = channel.end if isinstance(channel.end, dict) else None
    last_t = max((e.get("t", 0) for e in channel.events if isinstance(e.get("t", 0), (int, float))), default=0)
    if end is not None and end.get("status") in STATUSES and not wall_killed:
        status, limit, error = end.get("status"), end.get("limit"), end.get("error")
        if status == "error" and isinstance(error, dict) and error.get("type") == "MemoryError":
            status, limit = "limit", "memory"
        if output_killed and status == "ok":
            status, limit = "limit", "output"
        virtual_time = end.get("virtualTime", last_t)
    else:
        status, limit, error = _without_end(wait_status, usage, limits,
                                            wall_killed=wall_killed, output_killed=output_killed)
        virtual_time = last_t
        end = {}
    if not isinstance(virtual_time, (int, float)) or virtual_time < 0:
        virtual_time = last_t
    raw_events, raw_notes = _raw_events(raws, virtual_time)
    notes = [n for n in (end.get("notes") or []) if isinstance(n, str)] + raw_notes
    if channel.overflow:
        notes.append("trace output beyond the limits was dropped")
    # Most specific first: a forged frame, then the zygote's static scan (survives any death of
    # the child), then what the harness' runtime checks reported in the end frame.
    tamper = end.get("tamper") if isinstance(end.get("tamper"), dict) else None
    if static_tamper:
        tamper = {"reason": static_tamper}
    if channel.tamper:
        tamper = {"reason": channel.tamper}
    return {
        "status": status,
        "events": channel.events + raw_events,
        "virtualTime": virtual_time,
        "error": error,
        "limit": limit,
        "deadlock": end.get("deadlock"),
        "notes": notes,
        "tamper": tamper,
        # Task lanes and wait spans for the timeline picture (interleave/lifecycle.py); display only.
        "lifecycle": end.get("lifecycle") if isinstance(end.get("lifecycle"), dict) else None,
    }
