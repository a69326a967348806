"""Parent side of one run inside the zygote: watch the child, read its private channel, clean up.

Everything the child writes is untrusted: frames are bounded and HMAC-checked, raw stdout/stderr is
capped, and a missing end frame is a crash, never a success.
"""
import hmac
import json
import os
import select
import signal
import time

from zygote_cleanup import kill_and_reap, wipe_workdir
from zygote_result import assemble

MAC_BYTES = 32
RAW_CAP = 64 * 1024
HEADER_BYTES = 4
MEMORY_EXIT = 86


class ChannelReader:
    """Streams length-prefixed, HMAC-authenticated frames; never holds more than one frame."""

    def __init__(self, key, max_frame, max_events, max_bytes):
        self.key, self.max_frame = key, max_frame
        self.max_events, self.max_bytes = max_events, max_bytes
        self.buf = bytearray()
        self.skip = 0
        self.seq = 0
        self.events = []
        self.text_bytes = 0
        self.end = None
        self.tamper = None
        self.overflow = False

    def feed(self, data):
        if self.skip:
            dropped = min(self.skip, len(data))
            self.skip -= dropped
            data = data[dropped:]
        self.buf += data
        while len(self.buf) >= HEADER_BYTES and not self.skip:
            length = int.from_bytes(self.buf[:HEADER_BYTES], "big")
            if length > self.max_frame or length < MAC_BYTES:
                # Drop the oversize frame without buffering it; the harness never sends one.
                self.overflow = True
                available = len(self.buf) - HEADER_BYTES
                self.skip = max(0, length - available)
                del self.buf[:HEADER_BYTES + min(length, available)]
                continue
            if len(self.buf) < HEADER_BYTES + length:
                return
            frame = bytes(self.buf[HEADER_BYTES:HEADER_BYTES + length])
            del self.buf[:HEADER_BYTES + length]
            self._accept(frame)

    def _accept(self, frame):
        mac, payload = frame[:MAC_BYTES], frame[MAC_BYTES:]
        expected = hmac.digest(self.key, self.seq.to_bytes(8, "big") + payload, "sha256")
        if not hmac.compare_digest(mac, expected):
            self.tamper = self.tamper or "forged trace frame"
            return
        self.seq += 1
        if self.end is not None:
            self.tamper = self.tamper or "trace frame after the end of the run"
            return
        try:
            message = json.loads(payload.decode("utf-8", "replace"))
        except ValueError:
            self.tamper = self.tamper or "malformed trace frame"
            return
        if message.get("k") == "end" and isinstance(message.get("r"), dict):
            self.end = message["r"]
        elif message.get("k") == "e" and isinstance(message.get("e"), dict):
            event = message["e"]
            self.text_bytes += len(str(event.get("text", "")))
            if len(self.events) >= self.max_events or self.text_bytes > self.max_bytes:
                self.overflow = True
                return
            self.events.append(event)


class RawCapture:
    def __init__(self, stream):
        self.stream, self.data, self.total = stream, bytearray(), 0

    def feed(self, data):
        self.total += len(data)
        room = RAW_CAP - len(self.data)
        if room > 0:
            self.data += data[:room]


def budgets(limits):
    max_bytes = int(limits.get("maxOutputBytes", 1 << 20))
    # Slack above the harness' own limits: the harness stops first and reports "output" itself.
    return max_bytes + (256 << 10), int(limits.get("maxEvents", 10000)) + 64, max_bytes + (64 << 10)


def supervise_child(pid, key, ev_r, out_r, err_r, limits, *, kill_all, workdir, started,
                    static_tamper=None):
    """`started`: monotonic time of the fork (the wall limit counts from there); `static_tamper`:
    the zygote's own static-scan reason, merged into the result whatever the child reported."""
    max_frame, max_events, max_bytes = budgets(limits)
    channel = ChannelReader(key, max_frame, max_events, max_bytes)
    raws = {out_r: RawCapture("stdout"), err_r: RawCapture("stderr")}
    readers = {ev_r: channel.feed, out_r: raws[out_r].feed, err_r: raws[err_r].feed}
    deadline = started + float(limits.get("wallSeconds", 10))
    pidfd = os.pidfd_open(pid)
    poller = select.poll()
    for fd in (ev_r, out_r, err_r, pidfd):
        poller.register(fd, select.POLLIN)
    open_fds = {ev_r, out_r, err_r}
    wall_killed = output_killed = False
    exited = False
    while not exited:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            os.kill(pid, signal.SIGKILL)
            wall_killed = True
            break
        for fd, _ in poller.poll(max(1, int(remaining * 1000))):
            if fd == pidfd:
                exited = True
            elif fd in open_fds:
                _read_into(fd, readers[fd], poller, open_fds)
        if channel.overflow and not output_killed:
            os.kill(pid, signal.SIGKILL)
            output_killed = True
    _, wait_status, usage = os.wait4(pid, 0)
    os.close(pidfd)
    clean = kill_and_reap(pid, kill_all)
    for fd in list(open_fds):
        os.set_blocking(fd, False)
        while fd in open_fds:
            if not _read_into(fd, readers[fd], poller, open_fds):
                break
    for fd in (ev_r, out_r, err_r):
        if fd in open_fds:
            os.close(fd)
    wiped = wipe_workdir(workdir)
    result = build_result(channel, raws.values(), wait_status, usage, limits,
                          wall_killed=wall_killed, output_killed=output_killed,
                          static_tamper=static_tamper)
    return {"result": result, "recycle": not (clean and wiped)}


def _read_into(fd, feed, poller, open_fds):
    try:
        data = os.read(fd, 1 << 16)
    except BlockingIOError:
        return False
    if not data:
        poller.unregister(fd)
        open_fds.discard(fd)
        os.close(fd)
        return False
    feed(data)
    return True


def build_result(channel, raws, wait_status, usage, limits, *, wall_killed, output_killed, static_tamper):
    return assemble(channel, list(raws), wait_status, usage, limits, wall_killed=wall_killed,
                    output_killed=output_killed, static_tamper=static_tamper)
