"""A REAL local HTTP(S) server that serves one `network.json` with real delays (issue 15's oracle).

Usage: /usr/bin/python3 scripts/corpus/net_server.py NETWORK.json
Prints one JSON line when ready — {"http": PORT, "https": PORT, "ca": "/tmp/.../ca.pem", "hosts": [...]} —
then serves until SIGTERM/SIGINT or until its parent process is gone. Bad network.json: exit 2 with every problem on stderr.

Both ports serve every listed host, chosen by the Host header; the record-oracle child resolves listed
names to 127.0.0.1 (port 443 → the https port, any other → the http port). The rules, as the issue
spells them (the sandbox's virtual network must send exactly the same):
- A route's latency replaces its host's; latency = request received → whole response sent at once.
- Routes match "METHOD /path", query ignored; anything else is `404 Not Found`, body `Not Found`,
  after the host's latency.
- Headers sent, in this order (as the sandbox's virtual server, lib/sandbox/python/interleave/vhttp.py):
  Date; Content-Type (text/plain; charset=utf-8 for body, application/json for json, the request's
  content type for echo — none if the request had none) unless the route's `headers` name one; the
  route's `headers`; Content-Length last. No Server header; a client's `Connection: close` closes
  the connection after the response without a header saying so.
- HTTP/1.1, standard reason phrases, Content-Length framing, keep-alive.
- `concurrency` caps requests handled at once per host, FIFO in arrival order; a request keeps its
  slot until its latency ends even when the client has gone.
- `"fail": "reset"` resets the TCP connection (RST) when the latency ends.
"""

import asyncio
import collections
import email.utils
import http
import json
import os
import signal
import socket
import ssl
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from net_certs import make_certificates  # noqa: E402
from net_spec import NetworkSpecError, load_network  # noqa: E402

NOT_FOUND = {"status": 404, "body": "Not Found"}


class Slots:
    """A FIFO counting semaphore: waiters are served strictly in arrival order."""

    def __init__(self, size):
        self.free = size
        self.waiters = collections.deque()

    async def acquire(self):
        if self.free > 0 and not self.waiters:
            self.free -= 1
            return
        waiter = asyncio.get_running_loop().create_future()
        self.waiters.append(waiter)
        await waiter  # release() hands its slot over directly

    def release(self):
        if self.waiters:
            self.waiters.popleft().set_result(None)
        else:
            self.free += 1


class Server:
    def __init__(self, network):
        self.hosts = network["hosts"]
        self.slots = {name: Slots(h["concurrency"]) for name, h in self.hosts.items() if "concurrency" in h}

    async def handle(self, reader, writer):
        try:
            while True:
                request = await read_request(reader)
                if request is None:
                    break
                if not await self.respond(request, writer):
                    break
        except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError, ValueError):
            pass
        finally:
            writer.close()

    async def respond(self, request, writer):
        """Answer one request; False when the connection must end."""
        method, path, headers, body = request
        host_name = headers.get("host", "").rsplit(":", 1)[0].lower()
        host = self.hosts.get(host_name, {})
        route = host.get("routes", {}).get(f"{method} {path.split('?', 1)[0]}", NOT_FOUND)
        latency = route.get("latency", host.get("latency", 0))
        slots = self.slots.get(host_name)
        if slots:
            await slots.acquire()
        try:
            await asyncio.sleep(latency)
        finally:
            if slots:
                slots.release()
        if route.get("fail") == "reset":
            reset(writer)
            return False
        writer.write(encode_response(route, method, headers, body))
        await writer.drain()
        return headers.get("connection", "").lower() != "close"


def reset(writer):
    sock = writer.get_extra_info("socket")
    if sock is not None:  # SO_LINGER 0: close() sends RST instead of FIN
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


def encode_response(route, method, request_headers, request_body):
    status = route.get("status", 200)
    if "json" in route:
        body, content_type = json.dumps(route["json"]).encode(), "application/json"
    elif route.get("echo"):
        body, content_type = request_body, request_headers.get("content-type")
    else:
        body, content_type = route.get("body", "").encode(), "text/plain; charset=utf-8"
    extra = list(route.get("headers", {}).items())
    names = {name.lower() for name, _ in extra}
    fields = [("Date", email.utils.formatdate(time.time(), usegmt=True))]
    if content_type and "content-type" not in names:
        fields.append(("Content-Type", content_type))
    fields += [(name, value) for name, value in extra if name.lower() != "content-length"]
    fields.append(("Content-Length", str(len(body))))
    try:
        reason = http.HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    head = f"HTTP/1.1 {status} {reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields) + "\r\n"
    return head.encode("latin-1") + (b"" if method == "HEAD" else body)


async def read_request(reader):
    """(method, target, lower-cased headers, body bytes), or None at a clean end of the connection."""
    line = await reader.readline()
    if not line.strip():
        return None
    method, target, _version = line.decode("latin-1").split(" ", 2)
    headers = {}
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = await read_chunked(reader)
    else:
        body = await reader.readexactly(int(headers.get("content-length", "0")))
    return method, target, headers, body


async def read_chunked(reader):
    parts = []
    while True:
        size = int((await reader.readline()).split(b";")[0].strip(), 16)
        if size == 0:
            await reader.readline()
            return b"".join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readline()


async def serve(network, cert_dir):
    server = Server(network)
    certs = make_certificates(sorted(network["hosts"]), cert_dir)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certs["cert"], certs["key"])
    plain = await asyncio.start_server(server.handle, "127.0.0.1", 0)
    secure = await asyncio.start_server(server.handle, "127.0.0.1", 0, ssl=context)
    ready = {
        "http": plain.sockets[0].getsockname()[1],
        "https": secure.sockets[0].getsockname()[1],
        "ca": certs["ca"],
        "hosts": sorted(network["hosts"]),
    }
    print(json.dumps(ready), flush=True)
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, lambda: stop.done() or stop.set_result(None))
    watchdog = asyncio.create_task(watch_parent(os.getppid(), stop))
    await stop
    watchdog.cancel()
    plain.close()
    secure.close()


async def watch_parent(parent, stop):
    """Never outlive the recorder (or test) that started us, even if it was killed."""
    while os.getppid() == parent:
        await asyncio.sleep(0.5)
    if not stop.done():
        stop.set_result(None)


def main(args):
    if len(args) != 1:
        print("usage: net_server.py NETWORK.json", file=sys.stderr)
        return 2
    try:
        network = load_network(args[0])
    except (NetworkSpecError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 2
    import tempfile

    with tempfile.TemporaryDirectory(prefix="interleave-net-") as cert_dir:
        asyncio.run(serve(network, cert_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
