"""One direction of a virtual connection: segments that become readable at their virtual arrival
time (vsocket.py, vtransport.py, vserver.py)."""
import errno
from collections import deque

from .vhttp import EOF, RESET
from .world import world


class Endpoint:
    """The receiving side of one direction of a connection."""

    __slots__ = ("segments", "waiter", "on_arrival", "on_drain", "pending", "closed", "__weakref__")

    def __init__(self):
        self.segments = deque()  # [when, bytes | EOF | RESET], in stream order
        self.pending = 0  # bytes queued and not read yet (a loopback send buffer fills up)
        self.closed = 0  # its socket closed: 1, then 2 once a write reached it (the peer's RST)
        self.on_drain = None  # the writing transport's callback once bytes were read (flow control)
        self.waiter = None  # the actor blocked reading it
        self.on_arrival = None  # an asyncio transport's callback(when)

    def push(self, when, item):
        segments = self.segments
        if segments and segments[-1][0] > when:
            when = segments[-1][0]  # a stream never reorders
        segments.append([when, item])
        if isinstance(item, bytes):
            self.pending += len(item)
        if self.on_arrival is not None:
            self.on_arrival(when)
        elif self.waiter is not None:
            world.wake(self.waiter)

    def next_time(self):
        return self.segments[0][0] if self.segments else None

    def ready(self):
        return bool(self.segments) and self.segments[0][0] <= world.now

    def read(self, size):
        """Readable bytes (at most `size`), b"" at end of stream, None if nothing arrived yet."""
        segments = self.segments
        if not segments or segments[0][0] > world.now:
            return None
        item = segments[0][1]
        if item is EOF:
            return b""
        if item is RESET:
            segments[0][1] = EOF  # after the error, reads see the end of the stream
            raise ConnectionResetError(errno.ECONNRESET, "Connection reset by peer")
        out = bytearray()
        while segments and segments[0][0] <= world.now and len(out) < size:
            data = segments[0][1]
            if data is EOF or data is RESET:
                break
            take = size - len(out)
            if len(data) <= take:
                out += data
                segments.popleft()
            else:
                out += data[:take]
                segments[0][1] = data[take:]
        self.pending -= len(out)
        if self.on_drain is not None and out:
            self.on_drain()
        return bytes(out)
