"""The virtual network (issue 15): DNS, the HTTP hosts of network.json, sockets and servers on the
loopback, all in virtual time. End-to-end library checks live in
tests/integration/sandbox-network.test.ts; these pin the harness pieces in-process."""
import socket
import textwrap
import unittest

from helpers import texts

from interleave.runner import run_program

NET = {"hosts": {
    "a.example": {"latency": 1, "routes": {
        "GET /": {"body": "a"}, "GET /slow": {"latency": 3, "body": "late"},
        "GET /j": {"json": {"x": [1, None, True]}}, "POST /echo": {"echo": True},
        "GET /reset": {"fail": "reset"}}},
    "b.example": {"latency": 0.5, "concurrency": 1, "routes": {"GET /": {"body": "b"}}},
}}


def run(code, network=NET):
    events = []
    result = run_program(textwrap.dedent(code), seed=0, limits={}, emit=events.append, network=network)
    return result, events


class DnsTest(unittest.TestCase):
    def test_listed_hosts_resolve_others_fail_at_no_cost(self):
        result, events = run('''
            import socket
            print(socket.gethostbyname("a.example"), socket.gethostbyname("B.EXAMPLE."))
            print(socket.getaddrinfo("localhost", 80, type=socket.SOCK_STREAM)[0][4])
            try:
                socket.getaddrinfo("c.example", 443)
            except socket.gaierror as e:
                print(e.errno == socket.EAI_NONAME, e)
        ''')
        self.assertEqual(result["status"], "ok", result)
        self.assertEqual(texts(events), ["192.0.2.1 192.0.2.2", "('127.0.0.1', 80)",
                                         "True [Errno -2] Name or service not known"])
        self.assertEqual(result["virtualTime"], 0)

    def test_without_a_spec_nothing_resolves_and_the_real_socket_is_back_after(self):
        result, events = run('''
            import socket
            try:
                socket.gethostbyname("a.example")
            except socket.gaierror:
                print("no dns")
        ''', network=None)
        self.assertEqual(texts(events), ["no dns"])
        self.assertIs(socket.socket.__module__, "socket")
        self.assertEqual(socket.socket.__name__, "socket")


class HttpTest(unittest.TestCase):
    def exchange(self, request, path_host="a.example"):
        result, events = run('''
            import socket, time
            s = socket.create_connection(("%s", 80))
            s.sendall(%r)
            data = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            print(repr(data), time.monotonic())
        ''' % (path_host, request))
        self.assertEqual(result["status"], "ok", result)
        return texts(events)[0]

    def test_wire_format_status_line_headers_and_framing(self):
        line = self.exchange(b"GET /j?q=1 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        self.assertEqual(line, repr(b"HTTP/1.1 200 OK\r\nDate: Tue, 14 Nov 2023 22:13:21 GMT\r\n"
                                    b"Content-Type: application/json\r\nContent-Length: 22\r\n\r\n"
                                    b'{"x": [1, null, true]}') + " 1.0")

    def test_unknown_route_and_wrong_method_are_404_not_found(self):
        line = self.exchange(b"DELETE / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        self.assertIn(r"HTTP/1.1 404 Not Found\r\n", line)
        self.assertTrue(line.endswith(r"Content-Length: 9\r\n\r\nNot Found' 1.0"), line)

    def test_echo_returns_the_body_with_its_content_type(self):
        line = self.exchange(b"POST /echo HTTP/1.1\r\nContent-Type: text/csv\r\nContent-Length: 3\r\n"
                             b"Connection: close\r\n\r\na,b")
        self.assertIn(r"Content-Type: text/csv\r\nContent-Length: 3\r\n\r\na,b", line)

    def test_reset_when_the_latency_ends(self):
        result, events = run('''
            import socket, time
            s = socket.create_connection(("a.example", 80))
            s.sendall(b"GET /reset HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n")
            try:
                s.recv(10)
            except ConnectionResetError as e:
                print(e, time.monotonic())
        ''')
        self.assertEqual(texts(events), ["[Errno 104] Connection reset by peer 1.0"])

    def test_concurrency_queues_in_arrival_order(self):
        result, events = run('''
            import socket, time
            socks = [socket.create_connection(("b.example", 80)) for _ in range(3)]
            for s in socks:
                s.sendall(b"GET / HTTP/1.1\\r\\nHost: b\\r\\n\\r\\n")
            for s in socks:
                s.recv(4096)
                print(time.monotonic())
        ''')
        self.assertEqual(texts(events), ["0.5", "1.0", "1.5"])

    def test_timeout_raises_timeouterror_at_the_deadline(self):
        result, events = run('''
            import socket, time
            s = socket.create_connection(("a.example", 80), timeout=0.25)
            s.sendall(b"GET /slow HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n")
            try:
                s.recv(10)
            except socket.timeout as e:
                print(type(e).__name__, e, time.monotonic())
        ''')
        self.assertEqual(texts(events), ["TimeoutError timed out 0.25"])

    def test_a_response_due_exactly_at_a_deadline_or_a_sleep_comes_a_hair_later(self):
        # Real responses take a little longer than the server's delay: a timeout of exactly the
        # latency wins, and a sleep ending at the same instant wakes first (thread or task).
        result, events = run('''
            import asyncio, socket, threading, time
            s = socket.create_connection(("a.example", 80), timeout=1)
            s.sendall(b"GET / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n")
            try:
                s.recv(10)
            except TimeoutError:
                print("timeout", time.monotonic())
            threading.Thread(target=lambda: (time.sleep(1), print("thread slept"))).start()
            s2 = socket.create_connection(("a.example", 80))
            s2.sendall(b"GET / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n")
            s2.recv(10)
            print("response", time.monotonic())
            async def main():
                r, w = await asyncio.open_connection("a.example", 80)
                w.write(b"GET / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n")
                async def sleeper():
                    await asyncio.sleep(1)
                    print("task slept")
                task = asyncio.create_task(sleeper())
                await r.readline()
                print("read")
                await task
            asyncio.run(main())
        ''')
        self.assertEqual(texts(events), ["timeout 1.0", "thread slept", "response 2.0", "task slept", "read"])

    def test_unlisted_address_and_port(self):
        result, events = run('''
            import socket
            for addr in (("10.1.2.3", 80), ("a.example", 8080)):
                try:
                    socket.create_connection(addr)
                except OSError as e:
                    print(type(e).__name__, e.errno)
        ''')
        self.assertEqual(texts(events), ["OSError 101", "ConnectionRefusedError 111"])


class LoopbackTest(unittest.TestCase):
    def test_asyncio_echo_server_between_tasks(self):
        result, events = run('''
            import asyncio
            async def handle(reader, writer):
                writer.write((await reader.readline()).upper())
                writer.close()
            async def main():
                server = await asyncio.start_server(handle, "localhost", 8765)
                async with server:
                    r, w = await asyncio.open_connection("localhost", 8765)
                    w.write(b"hello\\n")
                    print(await r.readline(), await r.read())
                    w.close()
            asyncio.run(main())
        ''', network={"hosts": {}, "loopbackLatency": 0.25})
        self.assertEqual(result["status"], "ok", result)
        self.assertEqual(texts(events), ["b'HELLO\\n' b''"])
        self.assertEqual(result["virtualTime"], 0.5)

    def test_bind_refuses_a_foreign_address_and_a_port_in_use(self):
        result, events = run('''
            import socket
            a = socket.socket(); a.bind(("127.0.0.1", 7000)); a.listen()
            for addr in (("127.0.0.1", 7000), ("8.8.8.8", 7001)):
                try:
                    socket.socket().bind(addr)
                except OSError as e:
                    print(e.strerror)
        ''', network=None)
        self.assertEqual(texts(events), ["Address already in use", "Cannot assign requested address"])


if __name__ == "__main__":
    unittest.main()


class TlsTrustTest(unittest.TestCase):
    def test_the_public_bundle_loads_as_the_sandbox_authority_alone_and_verifies_hosts(self):
        result, events = run('''
            import ssl, urllib.request
            ctx = ssl.create_default_context()
            print(ctx.cert_store_stats()["x509_ca"])
            plain = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            plain.load_verify_locations("/etc/ssl/certs/ca-certificates.crt")
            print(plain.cert_store_stats()["x509_ca"])
            print(urllib.request.urlopen("https://a.example/", context=plain).read().decode())
        ''')
        self.assertEqual(result["status"], "ok", result)
        self.assertEqual(texts(events), ["1", "1", "a"])

    def test_outside_a_run_the_public_bundle_loads_in_full(self):
        import ssl
        self.assertGreater(ssl.create_default_context().cert_store_stats()["x509_ca"], 1)


class RealDescriptorTest(unittest.TestCase):
    def test_wrapping_a_descriptor_the_run_holds_is_the_real_socket_class(self):
        result, events = run('''
            import _socket, socket
            fd = _socket.socket().detach()
            s = socket.socket(fileno=fd)
            print(type(s).__module__, type(s).__name__, s.fileno() == fd)
        ''', network=None)
        self.assertEqual(result["status"], "ok", result)
        self.assertEqual(texts(events), ["socket socket True"])
