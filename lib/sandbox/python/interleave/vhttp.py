"""The virtual HTTP/1.1 server of a listed host (docs/exercises.md, "network.json").

It runs synchronously inside the client's own send: a request is parsed the moment its last byte
is sent, its slot and finish time are computed at once (Host.schedule), and its whole response is
queued on the client's endpoint to become readable at the finish time. So a response costs exactly
its latency in virtual time, and no server thread or task exists.
"""
import email.utils
import json
from http import HTTPStatus

from asyncio import events as _events, tasks as _tasks

from .lifecycle import lifecycle
from .vclock import EPOCH
from .world import world

TEXT = "text/plain; charset=utf-8"
MAX_HEAD = 64 * 1024


class Request:
    __slots__ = ("method", "target", "version", "headers", "body")

    def __init__(self, method, target, version, headers, body):
        self.method, self.target, self.version, self.headers, self.body = method, target, version, headers, body

    def header(self, name, default=None):
        return self.headers.get(name.lower(), default)


class HttpServerConn:
    """The server side of one connection to a listed host. `client` is the client's Endpoint."""

    def __init__(self, host, client, tls=None):
        self.host = host
        self.client = client
        self.buf = bytearray()
        self.closing = False  # "Connection: close" seen or the connection was reset
        self.tls = tls  # a vtls.ServerTLS when the connection is https
        if tls is not None:
            tls.attach(self)

    # ---- bytes from the client ----------------------------------------------------------------

    def deliver(self, data):
        if self.tls is not None:
            self.tls.receive(data)
        else:
            self.receive_plain(data)

    def receive_plain(self, data):
        if self.closing:
            return
        self.buf += data
        while not self.closing:
            request = self._parse()
            if request is None:
                return
            self._answer(request)

    def eof(self):
        pass  # a half-closed client still gets its answers

    def close(self):
        pass  # the host keeps the slot until the latency ends (Host.schedule)

    def send(self, when, item):
        """Queue bytes (or EOF/RESET) for the client, readable at virtual time `when`."""
        if self.tls is not None and isinstance(item, (bytes, bytearray)):
            self.tls.send(when, item)
        else:
            self.client.push(when, item)

    # ---- parsing ------------------------------------------------------------------------------

    def _parse(self):
        buf = self.buf
        end = buf.find(b"\r\n\r\n")
        if end < 0:
            if len(buf) > MAX_HEAD:
                self._fail(431)
            return None
        lines = bytes(buf[:end]).decode("latin-1").split("\r\n")
        while lines and not lines[0]:
            lines.pop(0)  # tolerate stray CRLF between requests
        parts = lines[0].split(" ") if lines else []
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            self._fail(400)
            return None
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        start = end + 4
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body, used = _dechunk(buf, start)
            if body is None:
                return None
        else:
            length = int(headers.get("content-length", "0") or 0)
            if len(buf) - start < length:
                return None
            body, used = bytes(buf[start:start + length]), start + length
        del buf[:used]
        return Request(parts[0], parts[1], parts[2], headers, body)

    def _fail(self, status):
        self.closing = True
        self.send(world.now, _response(status, HTTPStatus(status).phrase.encode(), [("Content-Type", TEXT)], "HTTP/1.1", world.now))
        self.send(world.now, EOF)

    # ---- answering ----------------------------------------------------------------------------

    def _answer(self, request):
        host, path = self.host, _path(request.target)
        route = host.route(request.method, path)
        latency = host.latency if route is None or route.get("latency") is None else float(route["latency"])
        start, finish = host.schedule(world.now, latency)
        close = request.header("connection", "").lower() == "close" or request.version == "HTTP/1.0"
        network_trace(request.method, host.name, path, world.now, finish)
        if route is not None and route.get("fail") == "reset":
            self.closing = True
            self.send(finish, RESET)
            return
        status, body, headers = _content(route, request)
        wire = _response(status, b"" if request.method == "HEAD" else body, headers, "HTTP/1.1", finish,
                         length=len(body))
        self.send(finish, wire)
        if close:
            self.closing = True
            self.send(finish, EOF)


def network_trace(method, host, path, start, finish):
    """The timeline shows the wait for this response as "GET a.example/slow" in the lane of the
    task (or thread) that sent it."""
    loop = _events._get_running_loop()
    task = _tasks._current_tasks.get(loop) if loop is not None else None
    owner = task if task is not None else world.current
    if owner is not None:
        lifecycle.request_sent(owner, "%s %s%s" % (method, host, path.split("?", 1)[0]), finish)


def _path(target):
    if target.startswith(("http://", "https://")):  # absolute form (a client talking to a proxy)
        rest = target.split("://", 1)[1]
        slash = rest.find("/")
        return rest[slash:] if slash >= 0 else "/"
    return target or "/"


def _content(route, request):
    """(status, body bytes, headers) for a route; a missing route is 404 "Not Found"."""
    if route is None:
        return 404, b"Not Found", [("Content-Type", TEXT)]
    status = int(route.get("status", 200))
    if "json" in route:
        body, ctype = json.dumps(route["json"]).encode("utf-8"), "application/json"
    elif route.get("echo"):
        body, ctype = request.body, request.header("content-type")
    else:
        raw = route.get("body", "")
        body, ctype = raw.encode("utf-8") if isinstance(raw, str) else bytes(raw), TEXT
    extra = list((route.get("headers") or {}).items())
    names = {name.lower() for name, _ in extra}
    headers = [] if ctype is None or "content-type" in names else [("Content-Type", ctype)]
    return status, body, headers + [(n, v) for n, v in extra if n.lower() != "content-length"]


def _response(status, body, headers, version, when, length=None):
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    date = email.utils.formatdate(EPOCH + when, usegmt=True)
    lines = ["%s %d %s" % (version, status, reason), "Date: %s" % date]
    lines += ["%s: %s" % (name, value) for name, value in headers]
    lines.append("Content-Length: %d" % (len(body) if length is None else length))
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _dechunk(buf, pos):
    out = bytearray()
    while True:
        eol = buf.find(b"\r\n", pos)
        if eol < 0:
            return None, 0
        size = int(bytes(buf[pos:eol]).split(b";", 1)[0] or b"0", 16)
        pos = eol + 2
        if size == 0:
            end = buf.find(b"\r\n\r\n", pos - 2)
            return (bytes(out), end + 4) if end >= 0 else (None, 0)
        if len(buf) < pos + size + 2:
            return None, 0
        out += buf[pos:pos + size]
        pos += size + 2


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


EOF = _Marker("EOF")
RESET = _Marker("RESET")
