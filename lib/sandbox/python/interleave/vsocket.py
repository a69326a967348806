"""Virtual sockets: `socket.socket` during a run. Bytes never reach the OS: a connection is a pair
of in-memory endpoints whose segments become readable at their virtual arrival time, so a blocking
`recv` blocks its (virtual) thread in virtual time and honours `settimeout` like a real socket.
asyncio transports over the same endpoints live in vtransport.py; https in vtls.py.
"""
import errno
import socket

from . import loopblock, vserver
from .vendpoint import Endpoint
from .vhttp import HttpServerConn
from .vnet import HTTP_PORTS, network
from .world import world

_real_socket = socket.socket
_CLIENT_ADDRESS = "10.0.2.15"
# Unread bytes a non-blocking send to a program's own server may queue before EAGAIN (the kernel's
# socket buffers; blocking sends and asyncio writes are never held back).
SEND_BUFFER = 256 * 1024


class VirtualSocket:
    """A `socket.socket` stand-in (TCP client side; loopback servers in vserver.py)."""

    def __new__(cls, family=-1, type=-1, proto=-1, fileno=None):  # noqa: A002 - socket's names
        # Wrapping a real descriptor the run already holds (`socket.socket(fileno=1)`, `socket.fromfd`)
        # reaches nothing new, and CPython does it: the real class does it here too.
        if fileno is not None and cls is VirtualSocket and fileno not in network.fds:
            return _real_socket(family, type, proto, fileno)
        return super().__new__(cls)

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):  # noqa: A002 - socket's names
        if fileno is not None:
            raise OSError(errno.EBADF, "Bad file descriptor")
        self._family = socket.AF_INET if family == -1 else family
        self._type = socket.SOCK_STREAM if type == -1 else type
        self._proto = 0 if proto == -1 else proto
        self._timeout = socket.getdefaulttimeout()
        self._fd = network.register(self)
        self._closed = False
        self._io_refs = 0
        self._ep = None  # our receiving endpoint once connected
        self._peer = None  # HttpServerConn or the peer socket's sender
        self._laddr = None
        self._raddr = None
        self._server_name = None  # the listed host name a connection was opened to
        self._listening = False
        self._backlog = None  # accepted-but-not-yet-taken connections of a listening socket
        self._accept_ep = Endpoint()  # only its waiter / on_arrival: who waits for a connection
        self._bound_key = None
        self._dgram_ep = Endpoint() if self._type == socket.SOCK_DGRAM else None  # (data, addr) items

    # ---- identity -----------------------------------------------------------------------------

    family = property(lambda self: _enum(socket.AddressFamily, self._family))
    type = property(lambda self: _enum(socket.SocketKind, self._type))
    proto = property(lambda self: self._proto)

    def fileno(self):
        return -1 if self._fd is None else self._fd

    def __repr__(self):
        text = "<socket.socket fd=%d, family=%s, type=%s, proto=%d" % (
            self.fileno(), self.family, self.type, self._proto)
        if self._laddr is not None:
            text += ", laddr=%s" % (self._laddr,)
        if self._raddr is not None:
            text += ", raddr=%s" % (self._raddr,)
        return text + ">"

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    # ---- options ------------------------------------------------------------------------------

    def settimeout(self, value):
        if value is not None:
            value = float(value)
            if value < 0:
                raise ValueError("Timeout value out of range")
        self._timeout = value

    def gettimeout(self):
        return self._timeout

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    def setsockopt(self, *args):
        self._check_open()

    def getsockopt(self, level, option, buflen=None):
        self._check_open()
        if level == socket.SOL_SOCKET and option == socket.SO_TYPE:
            return int(self._type)
        return b"\0" * buflen if buflen else 0

    def getpeername(self):
        self._check_open()
        if self._raddr is None:
            raise OSError(errno.ENOTCONN, "Transport endpoint is not connected")
        return self._raddr

    def getsockname(self):
        self._check_open()
        return self._laddr if self._laddr is not None else ("0.0.0.0", 0)

    # ---- connecting ---------------------------------------------------------------------------

    def connect(self, address):
        self._check_open()
        if self._ep is not None:
            raise OSError(errno.EISCONN, "Transport endpoint is already connected")
        world.tick()
        if vserver.connect_loopback(self, address):
            return
        if self._type != socket.SOCK_STREAM:
            raise OSError(errno.ENETUNREACH, "Network is unreachable")
        host_name, port = address[0], int(address[1])
        ip = network.resolve(host_name)
        host = network.host_at(ip)
        if host is None:
            raise OSError(errno.ENETUNREACH, "Network is unreachable")
        if port not in HTTP_PORTS:
            raise ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")
        self._ep = Endpoint()
        tls = None
        if port == 443:
            from .vtls import ServerTLS
            tls = ServerTLS(host.name)
        self._peer = HttpServerConn(host, self._ep, tls)
        self._laddr = (_CLIENT_ADDRESS, network.ephemeral_port())
        self._raddr = (ip, port)
        self._server_name = host.name

    def connect_ex(self, address):
        try:
            self.connect(address)
        except OSError as exc:
            return exc.errno or errno.EIO
        return 0

    # ---- data ---------------------------------------------------------------------------------

    # ---- servers and UDP on the loopback (vserver.py) -----------------------------------------

    def bind(self, address):
        vserver.bind(self, address)

    def listen(self, backlog=128):
        vserver.listen(self, backlog)

    def accept(self):
        return vserver.accept(self)

    @staticmethod
    def _ep_now():
        return world.now

    def _ready_to_accept(self):
        return bool(self._backlog)

    def sendto(self, data, flags_or_address, address=None):
        return vserver.sendto(self, data, flags_or_address if address is None else address)

    def recvfrom(self, size, flags=0):
        return vserver.recvfrom(self, size)

    def send(self, data, flags=0):
        if self._dgram_ep is not None and self._raddr is not None:
            return vserver.sendto(self, data, self._raddr)
        self._check_connected()
        data = bytes(data)
        world.tick()
        target = getattr(self._peer, "target", None)
        if self._timeout == 0.0 and target is not None and target.pending + len(data) > SEND_BUFFER:
            raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")
        self._peer.deliver(data)
        return len(data)

    def sendall(self, data, flags=0):
        self.send(data, flags)

    def recv(self, size, flags=0):
        if self._dgram_ep is not None:
            return vserver.recvfrom(self, size)[0]
        self._check_connected()
        if size < 0:
            raise ValueError("negative buffersize in recv")
        return self._wait_read(lambda: self._ep.read(size))

    def recv_into(self, buffer, nbytes=0, flags=0):
        view = memoryview(buffer).cast("B")
        data = self.recv(nbytes or len(view))
        view[:len(data)] = data
        return len(data)

    def _wait_read(self, attempt, ep=None):
        """Block (in virtual time) until `attempt()` has data or the timeout expires."""
        ep, timeout = ep if ep is not None else self._ep, self._timeout
        deadline = None if timeout is None else world.now + timeout
        start, line = world.now, None
        while True:
            arrival = ep.next_time()
            if deadline is not None and timeout and arrival is not None and world.now >= deadline <= arrival:
                raise TimeoutError("timed out")  # bytes due exactly at the deadline come a hair too late
            data = attempt()
            if data is not None:
                if line is not None:
                    loopblock.record(loopblock.call_label(line), line, world.now - start, loopblock.CALL_HINT, start)
                return data
            if timeout == 0.0:
                world.tick()  # a polling loop then ends with the steps limit, not the wall clock
                raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")
            if deadline is not None and world.now >= deadline:
                raise TimeoutError("timed out")
            if line is None and loopblock.loop_running():
                line = loopblock.student_line()
            arrival = ep.next_time()
            wake = deadline if arrival is None else arrival if deadline is None else min(arrival, deadline)
            ep.waiter = world.current
            try:
                world.block(wake, what="socket %s" % (self._server_name or "recv"), late=wake == arrival)
            finally:
                ep.waiter = None

    def _wait_target(self):
        if self._listening:
            return self._accept_ep
        if self._dgram_ep is not None:
            return self._dgram_ep
        return self._ep if self._ep is not None else Endpoint()

    def makefile(self, *args, **kwargs):
        return _real_socket.makefile(self, *args, **kwargs)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    # ---- closing ------------------------------------------------------------------------------

    def shutdown(self, how):
        self._check_connected()
        if how in (socket.SHUT_WR, socket.SHUT_RDWR):
            self._peer.eof()

    def close(self):
        self._closed = True
        if self._ep is not None and self._io_refs <= 0 and not self._ep.closed:
            self._ep.closed = 1
        if self._bound_key is not None and network.listeners.get(self._bound_key) is self:
            del network.listeners[self._bound_key]
        self._bound_key, self._listening = None, False
        if self._io_refs <= 0 and self._peer is not None:
            peer, self._peer = self._peer, None
            # Unread bytes make TCP answer with a reset instead of an orderly end of stream.
            if self._ep is not None and self._ep.pending > 0 and hasattr(peer, "reset"):
                peer.reset()
            else:
                peer.close()
        if self._io_refs <= 0:
            self._fd = None

    def detach(self):
        fd = self.fileno()
        self._closed = True
        return fd

    def _check_open(self):
        if self._closed and self._io_refs <= 0:
            raise OSError(errno.EBADF, "Bad file descriptor")

    def _check_connected(self):
        self._check_open()
        if self._peer is None or self._ep is None:
            raise OSError(errno.ENOTCONN if not self._closed else errno.EBADF,
                          "Transport endpoint is not connected" if not self._closed else "Bad file descriptor")


# What a program sees of the class is the real one's: `type(sock).__name__` is "socket" and
# AttributeError messages say "'socket' object has no attribute ...", as in CPython.
VirtualSocket.__name__ = VirtualSocket.__qualname__ = "socket"
VirtualSocket.__module__ = "socket"

def _enum(kind, value):
    try:
        return kind(value)
    except ValueError:
        return value


def vcreate_connection(address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None, *, all_errors=False):
    """socket.create_connection over virtual sockets (same resolution and errors)."""
    host, port = address
    for family, type_, proto, _, sockaddr in socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM):
        sock = VirtualSocket(family, type_, proto)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            sock.connect(sockaddr)
            return sock
        except BaseException:
            sock.close()
            raise
    raise OSError("getaddrinfo returns an empty list")
