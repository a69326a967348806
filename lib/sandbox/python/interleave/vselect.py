"""`select.select` / `select.poll` that understand virtual sockets (urllib3 polls a pooled
connection before reusing it; programs may select on their sockets). A wait blocks in virtual time
until a watched socket has data (or end of stream), or the timeout."""
import select

from .vnet import network
from .world import world

_real_select, _real_poll = select.select, select.poll


def _sock(obj):
    fd = obj if isinstance(obj, int) else obj.fileno()
    return network.fds.get(fd)


def _readable(sock):
    if sock._listening:
        return sock._ready_to_accept()
    if sock._dgram_ep is not None:
        return sock._dgram_ep.ready()
    ep = sock._ep
    return ep is None or ep.ready()


def _wait(socks, timeout, ready):
    """Block until `ready()` is non-empty or `timeout` (seconds, None = forever) passes."""
    deadline = None if timeout is None else world.now + max(0.0, timeout)
    while True:
        found = ready()
        if found or (deadline is not None and world.now >= deadline):
            return found
        times = [t for t in (s._wait_target().next_time() for s in socks) if t is not None]
        wake = min(times + ([deadline] if deadline is not None else []), default=None)
        for s in socks:
            s._wait_target().waiter = world.current
        try:
            world.block(wake, what="select")
        finally:
            for s in socks:
                s._wait_target().waiter = None


def vselect(rlist, wlist, xlist, timeout=None):
    objs = list(rlist) + list(wlist) + list(xlist)
    if not objs:  # select as a sleep: virtual, like time.sleep
        if timeout is None:
            world.block(None, what="select")
        else:
            world.sleep(max(0.0, float(timeout)))
        return [], [], []
    socks = [_sock(o) for o in objs]
    if any(s is None for s in socks):
        return _real_select(rlist, wlist, xlist, timeout)
    rlist, wlist = list(rlist), list(wlist)

    def ready():
        readable = [o for o in rlist if _readable(_sock(o))]
        return (readable, wlist, []) if readable or wlist else ()
    found = _wait(socks, timeout, ready)
    return found or ([], [], [])


class VPoll:
    def __init__(self, *args):
        self._fds = {}
        self._closed = False

    def close(self):
        self._closed = True

    def fileno(self):
        return -1

    closed = property(lambda self: self._closed)

    def register(self, fd, eventmask=select.POLLIN | select.POLLPRI | select.POLLOUT):
        fd = fd if isinstance(fd, int) else fd.fileno()
        self._fds[fd] = eventmask

    modify = register

    def unregister(self, fd):
        fd = fd if isinstance(fd, int) else fd.fileno()
        del self._fds[fd]

    def poll(self, timeout=None):
        socks = {fd: network.fds.get(fd) for fd in self._fds}
        if any(s is None for s in socks.values()):
            real = _real_poll()
            for fd, mask in self._fds.items():
                real.register(fd, mask)
            return real.poll(timeout)

        def ready():
            events = []
            for fd, mask in self._fds.items():
                got = (mask & select.POLLIN and _readable(socks[fd]) and select.POLLIN) | (mask & select.POLLOUT)
                if got:
                    events.append((fd, got))
            return events
        return _wait(list(socks.values()), None if timeout is None or timeout < 0 else timeout / 1000, ready)


class VEpoll(VPoll):
    """`select.epoll` for selectors.EpollSelector: the same masks, a timeout in seconds."""

    def poll(self, timeout=-1, maxevents=-1):
        events = VPoll.poll(self, None if timeout is None or timeout < 0 else timeout * 1000)
        return events if maxevents is None or maxevents < 0 else events[:maxevents]

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
