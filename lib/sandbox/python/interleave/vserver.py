"""Servers inside the program on the virtual loopback: `bind`/`listen`/`accept` on 127.0.0.1,
localhost, ::1 and unix socket paths, UDP `sendto`/`recvfrom`, and the loop's `_start_serving` /
datagram transport behind `asyncio.start_server`, `loop.create_server` and
`loop.create_datagram_endpoint`. Bytes between the program's own sockets take the network's
`loopbackLatency` (0 unless set) of virtual time. Nothing is reachable but this run's sockets.
"""
import errno
import socket
from collections import deque

from .vendpoint import Endpoint
from .vhttp import EOF, RESET
from .vnet import LOOPBACK, network
from .world import world

_ANY = ("", "0.0.0.0", "::", "localhost", "127.0.0.1", "::1")


class LoopbackSender:
    """Our side's writes, delivered to the peer's endpoint after the loopback latency."""

    __slots__ = ("target", "closed")

    def __init__(self, target):
        self.target = target
        self.closed = False

    def deliver(self, data):
        target = self.target
        if target.closed:
            # As TCP does: the first write to a closed peer is accepted (and answered by a reset),
            # the next one fails.
            if target.closed > 1:
                raise BrokenPipeError(errno.EPIPE, "Broken pipe")
            target.closed = 2
            return
        if not self.closed:
            target.push(world.now + network.loopback_latency, data)

    def eof(self):
        if not self.closed:
            self.closed = True
            self.target.push(world.now + network.loopback_latency, EOF)

    def close(self):
        self.eof()

    def reset(self):
        if not self.closed:
            self.closed = True
            self.target.push(world.now + network.loopback_latency, RESET)


def _key(sock, address):
    """Registry key and normalised address of a bind/connect target of this run."""
    if sock._family == socket.AF_UNIX:
        path = address.decode() if isinstance(address, bytes) else address
        if not isinstance(path, str):
            raise TypeError("a bytes-like object or str is required")
        return ("unix", path), path
    host, port = address[0], int(address[1])
    if not 0 <= port <= 65535:
        raise OverflowError("bind(): port must be 0-65535.")
    kind = "udp" if sock._type == socket.SOCK_DGRAM else "tcp"
    return (kind, port), (host, port)


def bind(sock, address):
    sock._check_open()
    if sock._laddr is not None:
        raise OSError(errno.EINVAL, "Invalid argument")
    if sock._family != socket.AF_UNIX:
        host = address[0]
        if host not in _ANY and network.resolve(host) not in LOOPBACK:
            raise OSError(errno.EADDRNOTAVAIL, "Cannot assign requested address")
        if int(address[1]) == 0:
            address = (address[0], network.ephemeral_port())
    key, normal = _key(sock, address)
    if key in network.listeners:
        raise OSError(errno.EADDRINUSE, "Address already in use")
    network.listeners[key] = sock
    sock._bound_key = key
    if sock._family == socket.AF_INET6:
        sock._laddr = (normal[0] or "::", normal[1], 0, 0)
    elif sock._family == socket.AF_INET:
        sock._laddr = ("0.0.0.0" if normal[0] in ("", "0.0.0.0") else "127.0.0.1", normal[1])
    else:
        sock._laddr = normal


def listen(sock, backlog=128):
    sock._check_open()
    if sock._type != socket.SOCK_STREAM:
        raise OSError(errno.EOPNOTSUPP, "Operation not supported")
    if sock._laddr is None:
        bind(sock, ("", 0))
    if sock._backlog is None:
        sock._backlog = deque()
    sock._listening = True


def connect_loopback(sock, address):
    """Connect `sock` to a listening socket of this run; False if `address` is not local."""
    if sock._family == socket.AF_UNIX:
        key, path = _key(sock, address)
        listener = network.listeners.get(key)
        if listener is None or not listener._listening:
            if isinstance(path, str) and path.startswith("\0"):
                raise ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")
            raise FileNotFoundError(errno.ENOENT, "No such file or directory")
        _pair(listener, sock, path, "")
        return True
    host = address[0]
    if host not in LOOPBACK and host != "localhost" and network.resolve(host) not in LOOPBACK:
        return False
    if sock._type == socket.SOCK_DGRAM:
        sock._raddr = (host, int(address[1]))
        if sock._laddr is None:
            bind(sock, ("127.0.0.1", 0))
        return True
    listener = network.listeners.get(("tcp", int(address[1])))
    if listener is None or not listener._listening:
        raise ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")
    local = "::1" if sock._family == socket.AF_INET6 else "127.0.0.1"
    _pair(listener, sock, (local, int(address[1])), (local, network.ephemeral_port()))
    return True


def _pair(listener, client, server_addr, client_addr):
    from .vsocket import VirtualSocket
    conn = VirtualSocket(listener._family, listener._type, listener._proto)
    client._ep, conn._ep = Endpoint(), Endpoint()
    client._peer, conn._peer = LoopbackSender(conn._ep), LoopbackSender(client._ep)
    client._laddr, client._raddr = client_addr, server_addr
    conn._laddr, conn._raddr = server_addr, client_addr
    listener._backlog.append(conn)
    notify = listener._accept_ep
    if notify.on_arrival is not None:
        notify.on_arrival(world.now)
    elif notify.waiter is not None:
        world.wake(notify.waiter)


def socketpair(family=socket.AF_UNIX, type=socket.SOCK_STREAM, proto=0):  # noqa: A002 - socket's names
    """socket.socketpair over virtual sockets: two connected ends, nothing in the kernel."""
    from .vsocket import VirtualSocket
    a, b = VirtualSocket(family, type, proto), VirtualSocket(family, type, proto)
    a._ep, b._ep = Endpoint(), Endpoint()
    a._peer, b._peer = LoopbackSender(b._ep), LoopbackSender(a._ep)
    a._laddr = a._raddr = b._laddr = b._raddr = ""
    return a, b


def accept(sock):
    if not sock._listening:
        raise OSError(errno.EINVAL, "Invalid argument")
    conn = sock._wait_read(lambda: sock._backlog.popleft() if sock._backlog else None, sock._accept_ep)
    return conn, conn._raddr


# ---- UDP --------------------------------------------------------------------------------------

def sendto(sock, data, address):
    sock._check_open()
    host, port = address[0], int(address[1])
    if host not in LOOPBACK and host != "localhost" and network.resolve(host) not in LOOPBACK:
        raise OSError(errno.ENETUNREACH, "Network is unreachable")
    if sock._laddr is None:
        bind(sock, ("127.0.0.1", 0))
    target = network.listeners.get(("udp", port))
    data = bytes(data)
    if target is not None and target._dgram_ep is not None:
        src = ("127.0.0.1", sock._laddr[1])
        target._dgram_ep.push(world.now + network.loopback_latency, (data, src))
    return len(data)


def recvfrom(sock, size):
    sock._check_open()
    if sock._dgram_ep is None:
        raise OSError(errno.EINVAL, "Invalid argument")
    ep = sock._dgram_ep

    def attempt():
        if ep.segments and ep.segments[0][0] <= world.now:
            data, addr = ep.segments.popleft()[1]
            return data[:size], addr
        return None
    return sock._wait_read(attempt, ep)
