"""asyncio over virtual sockets: the transport behind `loop.create_connection` (hence
`asyncio.open_connection` and aiohttp) and the loop's `sock_*` methods. A segment arriving at
virtual time T is handed to the protocol by a loop timer at T, so awaiting a response suspends the
task for exactly the latency. TLS reuses asyncio's own SSLProtocol (MemoryBIO) on top.
"""
import errno
import socket
from asyncio import futures, protocols, sslproto, transports, trsock

from .vsocket import VirtualSocket

MAX_READ = 256 * 1024  # what a selector transport reads per wake-up


class VirtualTransport(transports._FlowControlMixin, transports.Transport):
    _start_tls_compatible = True

    def __init__(self, loop, sock, protocol, waiter=None, extra=None, server=None):
        super().__init__(extra, loop)
        self._extra["socket"] = trsock.TransportSocket(sock)
        self._extra["sockname"] = sock.getsockname()
        self._extra["peername"] = sock._raddr
        self._sock = sock
        self._ep = sock._ep
        self._server = server
        self._closing = False
        self._paused = False
        self._conn_lost = 0
        self._handle = None
        self._protocol = None
        self.set_protocol(protocol)
        if server is not None:
            server._attach()
        self._ep.on_arrival = self._on_arrival
        self._target = getattr(sock._peer, "target", None)  # the peer's endpoint on the loopback
        if self._target is not None:
            self._target.on_drain = self._peer_read
        loop.call_soon(self._protocol.connection_made, self)
        loop.call_soon(self._schedule)
        if waiter is not None:
            loop.call_soon(futures._set_result_unless_cancelled, waiter, None)

    def __repr__(self):
        return "<_SelectorSocketTransport fd=%d%s>" % (self._sock.fileno(), " closing" if self._closing else "")

    # ---- reading ------------------------------------------------------------------------------

    def set_protocol(self, protocol):
        self._buffered = isinstance(protocol, protocols.BufferedProtocol)
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_reading(self):
        return not self._paused and not self._closing

    def pause_reading(self):
        if self._closing or self._paused:
            return
        self._paused = True
        self._cancel_pump()

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._schedule()

    def _on_arrival(self, when):
        if self._handle is None and not self._paused and not self._closing:
            self._schedule()

    def _schedule(self):
        when = self._ep.next_time()
        if when is None or self._handle is not None or self._paused or self._closing:
            return
        # Bytes may come from another actor (a server thread): the thread-safe variant of call_at.
        self._handle = self._loop._call_at_any_thread(max(when, self._loop.time()), self._pump)

    def _cancel_pump(self):
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _pump(self):
        self._handle = None
        if self._paused or self._closing:
            return
        try:
            data = self._ep.read(MAX_READ)
        except ConnectionResetError as exc:
            self._force_close(exc)
            return
        if data is None:
            self._schedule()
            return
        if not data:
            self._eof_received()
            return
        try:
            if self._buffered:
                protocols._feed_data_to_buffered_proto(self._protocol, data)
            else:
                self._protocol.data_received(data)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, "Fatal error: protocol.data_received() call failed.")
            return
        self._schedule()

    def _eof_received(self):
        try:
            keep_open = self._protocol.eof_received()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, "Fatal error: protocol.eof_received() call failed.")
            return
        if not keep_open:
            self.close()

    # ---- writing ------------------------------------------------------------------------------

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("data argument must be a bytes-like object, not %r" % type(data).__name__)
        if not data:
            return
        if self._conn_lost or self._sock._peer is None:
            self._conn_lost += 1
            return
        try:
            self._sock._peer.deliver(bytes(data))
        except OSError as exc:
            self._fatal_error(exc, "Fatal write error on socket transport")
            return
        self._maybe_pause_protocol()

    def writelines(self, list_of_data):
        self.write(b"".join(list_of_data))

    def write_eof(self):
        if self._closing or self._sock._peer is None:
            return
        self._sock._peer.eof()

    def can_write_eof(self):
        return True

    def get_write_buffer_size(self):
        """What a real socket could not take yet: the peer's unread bytes beyond the buffers."""
        from .vsocket import SEND_BUFFER
        target = self._target
        return 0 if target is None else max(0, target.pending - SEND_BUFFER)

    def _peer_read(self):
        if self._protocol_paused:
            self._loop._call_at_any_thread(self._loop.time(), self._maybe_resume_protocol)

    # ---- closing ------------------------------------------------------------------------------

    def is_closing(self):
        return self._closing

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._cancel_pump()
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, None)

    def abort(self):
        self._force_close(None)

    def _fatal_error(self, exc, message="Fatal error on transport"):
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                "message": message, "exception": exc, "transport": self, "protocol": self._protocol})
        self._force_close(exc)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        self._closing = True
        self._cancel_pump()
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._ep.on_arrival = None
            self._sock.close()
            self._protocol = None
            server, self._server = self._server, None
            if server is not None:
                server._detach()


class SSLProtocol(sslproto.SSLProtocol):
    """asyncio's own TLS protocol, whose receive buffer starts small and grows to what arrives
    (up to asyncio's 256 KiB) instead of being 256 KiB zero-filled per connection: 64 fresh pages
    in every forked run for each https connection. A transport feeds it everything that arrived at
    once (get_buffer(len(data))), as before, so the application sees the same bytes in the same
    calls. The only other use of max_size is the size of one SSLObject.read, which returns at most
    one TLS record (16 KiB of plaintext) whatever it is asked for."""

    max_size = 16 * 1024  # the first buffer (sslproto allocates it in __init__)

    def get_buffer(self, n):
        want = n if 0 < n <= MAX_READ else MAX_READ
        if len(self._ssl_buffer) < want:
            self._ssl_buffer = bytearray(want)
            self._ssl_buffer_view = memoryview(self._ssl_buffer)
        return self._ssl_buffer_view


class NetLoopMixin:
    """The socket half of a selector event loop, over virtual sockets."""

    def _make_socket_transport(self, sock, protocol, waiter=None, *, extra=None, server=None):
        return VirtualTransport(self, sock, protocol, waiter, extra, server)

    def _make_ssl_transport(self, rawsock, protocol, sslcontext, waiter=None, *, server_side=False,
                            server_hostname=None, extra=None, server=None, ssl_handshake_timeout=None,
                            ssl_shutdown_timeout=None):
        from .vtls import trust
        if not sslcontext:  # ssl=True: the context SSLProtocol would make, made here to trust it
            sslcontext = sslproto._create_transport_context(server_side, server_hostname)
        trust(sslcontext)
        ssl_protocol = SSLProtocol(
            self, protocol, sslcontext, waiter, server_side, server_hostname,
            ssl_handshake_timeout=ssl_handshake_timeout, ssl_shutdown_timeout=ssl_shutdown_timeout)
        VirtualTransport(self, rawsock, ssl_protocol, extra=extra, server=server)
        return ssl_protocol._app_transport

    async def sock_connect(self, sock, address):
        _check_virtual(sock)
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            resolved = await self._ensure_resolved(address, family=sock.family, type=sock.type,
                                                   proto=sock.proto, loop=self)
            address = resolved[0][4]
        sock.connect(address)

    async def sock_recv(self, sock, n):
        _check_virtual(sock)
        return await self._sock_read(sock, lambda: sock._ep.read(n))

    async def sock_recv_into(self, sock, buf):
        _check_virtual(sock)
        view = memoryview(buf).cast("B")
        data = await self._sock_read(sock, lambda: sock._ep.read(len(view)))
        view[:len(data)] = data
        return len(data)

    async def sock_sendall(self, sock, data):
        _check_virtual(sock)
        sock._check_connected()
        sock._peer.deliver(bytes(data))  # a virtual send buffer never fills for sock_sendall

    async def sock_recvfrom(self, sock, bufsize):
        _check_virtual(sock)
        return await self._sock_datagram(sock, lambda: _take_datagram(sock, bufsize))

    async def sock_recvfrom_into(self, sock, buf, nbytes=0):
        _check_virtual(sock)
        view = memoryview(buf).cast("B")
        data, addr = await self._sock_datagram(sock, lambda: _take_datagram(sock, nbytes or len(view)))
        view[:len(data)] = data
        return len(data), addr

    async def sock_sendto(self, sock, data, address):
        _check_virtual(sock)
        while True:
            try:
                return sock.sendto(data, address)
            except (BlockingIOError, InterruptedError):
                fut = self.create_future()
                self.call_soon(_wake, fut)  # writable again on the next iteration
                await fut

    async def _sock_datagram(self, sock, attempt):
        ep = sock._dgram_ep
        if ep is None:
            raise OSError(errno.EINVAL, "Invalid argument")
        return await self._wait_endpoint(ep, attempt)

    async def _sock_read(self, sock, attempt):
        sock._check_connected()
        return await self._wait_endpoint(sock._ep, attempt)

    async def _wait_endpoint(self, ep, attempt):
        while True:
            data = attempt()
            if data is not None:
                return data
            fut = self.create_future()
            waiter = ep.on_arrival = lambda when, fut=fut: self._wake_at(fut, when)
            if ep.next_time() is not None:
                self._wake_at(fut, ep.next_time())
            try:
                await fut
            finally:
                if ep.on_arrival is waiter:  # a cancelled wait must not unhook a newer one
                    ep.on_arrival = None

    def _wake_at(self, fut, when):
        self._call_at_any_thread(max(when, self.time()), _wake, fut)


def _wake(fut):
    if not fut.done():
        fut.set_result(None)


def _take_datagram(sock, size):
    ep = sock._dgram_ep
    if ep.segments and ep.segments[0][0] <= sock._ep_now():
        data, addr = ep.segments.popleft()[1]
        return data[:size], addr
    return None


def _check_virtual(sock):
    if not isinstance(sock, VirtualSocket):
        raise OSError(errno.ENOTSOCK, "Socket operation on non-socket")
    if sock.gettimeout() != 0:
        raise ValueError("the socket must be non-blocking")
