"""The listening half of the virtual loop (`asyncio.start_server`, `loop.create_server`, unix
servers, `sock_accept`) and its datagram transport (`loop.create_datagram_endpoint`), over the
program's own sockets on the virtual loopback (vserver.py)."""
import errno
import os
import socket
from asyncio import base_events, futures, tasks, transports, trsock

from .vtransport import _check_virtual


class ServingMixin:
    """The listening half: `asyncio.start_server` / `loop.create_server` and `sock_accept`."""

    def _start_serving(self, protocol_factory, sock, sslcontext=None, server=None, backlog=100,
                       ssl_handshake_timeout=None, ssl_shutdown_timeout=None):
        def on_connection(when):
            self._call_at_any_thread(max(when, self.time()), accept_all)

        def accept_all():
            while sock._backlog:
                conn = sock._backlog.popleft()
                conn.setblocking(False)
                protocol = protocol_factory()
                extra = {"peername": conn._raddr}
                if sslcontext:
                    self._make_ssl_transport(conn, protocol, sslcontext, server_side=True, extra=extra,
                                             server=server, ssl_handshake_timeout=ssl_handshake_timeout,
                                             ssl_shutdown_timeout=ssl_shutdown_timeout)
                else:
                    self._make_socket_transport(conn, protocol, extra=extra, server=server)
        sock._accept_ep.on_arrival = on_connection
        if sock._backlog:
            on_connection(self.time())

    async def create_unix_server(self, protocol_factory, path=None, *, sock=None, backlog=100, ssl=None,
                                 ssl_handshake_timeout=None, ssl_shutdown_timeout=None, start_serving=True):
        """unix_events' version over a virtual AF_UNIX socket (the path is a name in this run only)."""
        if path is not None:
            if sock is not None:
                raise ValueError("path and sock can not be specified at the same time")
            path = os.fspath(path)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.bind(path)
            except OSError as exc:
                sock.close()
                if exc.errno == errno.EADDRINUSE:
                    raise OSError(errno.EADDRINUSE, f"Address {path!r} is already in use") from None
                raise
        elif sock is None:
            raise ValueError("path was not specified, and no sock specified")
        sock.setblocking(False)
        server = base_events.Server(self, [sock], protocol_factory, ssl, backlog, ssl_handshake_timeout,
                                    ssl_shutdown_timeout)
        if start_serving:
            server._start_serving()
            await tasks.sleep(0)
        return server

    async def create_unix_connection(self, protocol_factory, path=None, *, ssl=None, sock=None,
                                     server_hostname=None, ssl_handshake_timeout=None, ssl_shutdown_timeout=None):
        if ssl and server_hostname is None:
            raise ValueError("you have to pass server_hostname when using ssl")
        if path is not None:
            if sock is not None:
                raise ValueError("path and sock can not be specified at the same time")
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0)
            sock.setblocking(False)
            await self.sock_connect(sock, os.fspath(path))
        elif sock is None:
            raise ValueError("no path and sock were specified")
        else:
            sock.setblocking(False)
        return await self._create_connection_transport(
            sock, protocol_factory, ssl, server_hostname, ssl_handshake_timeout=ssl_handshake_timeout,
            ssl_shutdown_timeout=ssl_shutdown_timeout)

    def _stop_serving(self, sock):
        sock._accept_ep.on_arrival = None
        sock.close()

    async def sock_accept(self, sock):
        _check_virtual(sock)
        await self._wait_endpoint(sock._accept_ep, lambda: True if sock._backlog else None)
        conn = sock._backlog.popleft()
        conn.setblocking(False)
        return conn, conn._raddr

    def _make_datagram_transport(self, sock, protocol, address=None, waiter=None, extra=None):
        return VirtualDatagramTransport(self, sock, protocol, address, waiter, extra)


class VirtualDatagramTransport(transports._FlowControlMixin, transports.DatagramTransport):
    def __init__(self, loop, sock, protocol, address=None, waiter=None, extra=None):
        super().__init__(extra, loop)
        if sock._laddr is None:
            sock.bind(("127.0.0.1", 0))
        self._extra["socket"] = trsock.TransportSocket(sock)
        self._extra["sockname"] = sock.getsockname()
        self._extra["peername"] = address
        self._sock, self._protocol, self._address = sock, protocol, address
        self._closing = False
        self._handle = None
        sock._dgram_ep.on_arrival = self._on_arrival
        loop.call_soon(protocol.connection_made, self)
        if waiter is not None:
            loop.call_soon(futures._set_result_unless_cancelled, waiter, None)

    def _on_arrival(self, when):
        if self._handle is None and not self._closing:
            self._handle = self._loop._call_at_any_thread(max(when, self._loop.time()), self._pump)

    def _pump(self):
        self._handle = None
        ep = self._sock._dgram_ep
        while not self._closing and ep.segments and ep.segments[0][0] <= self._loop.time():
            data, addr = ep.segments.popleft()[1]
            self._protocol.datagram_received(data, addr)
        if ep.segments and not self._closing:
            self._on_arrival(ep.segments[0][0])

    def sendto(self, data, addr=None):
        if self._closing:
            return
        target = addr if addr is not None else self._address
        if target is None:
            raise ValueError("Invalid address: must be None or %s" % (self._address,))
        try:
            self._sock.sendto(data, target)
        except OSError as exc:
            self._protocol.error_received(exc)

    def get_write_buffer_size(self):
        return 0

    def is_closing(self):
        return self._closing

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._loop.call_soon(self._call_connection_lost, None)

    def abort(self):
        self.close()

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._sock._dgram_ep.on_arrival = None
            self._sock.close()
