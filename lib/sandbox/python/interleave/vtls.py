"""https on the virtual network: a certificate authority made once per sandbox process (never
written to disk, trusted only by TLS contexts used over virtual connections), a certificate per
listed host made on first use, and real TLS handshakes over the virtual byte streams
(`ssl.MemoryBIO`), so `requests`, aiohttp and urllib verify certificates exactly as they would.
"""
import datetime
import os
import ssl
import sys
import weakref

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from . import vtls_server
from .vhttp import EOF
from .vtls_server import ServerSSL
from .vsocket import VirtualSocket
from .world import world

# Fixed validity: OpenSSL checks it against the real clock, the program sees only virtual time.
# Built at each use: during a run `datetime.datetime` is the virtual subclass cryptography expects.
_VALID = ((2020, 1, 1), (2045, 1, 1))
_ca = {}
_trusted = weakref.WeakSet()


def _name(common):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _authority():
    if not _ca:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (x509.CertificateBuilder().subject_name(_name("Interleave Sandbox CA"))
                .issuer_name(_name("Interleave Sandbox CA")).public_key(key.public_key())
                .serial_number(1).not_valid_before(datetime.datetime(*_VALID[0])).not_valid_after(datetime.datetime(*_VALID[1]))
                .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
                .sign(key, hashes.SHA256()))
        _ca["key"], _ca["cert"] = key, cert
        _ca["pem"] = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
    return _ca


def prepare():
    """Make the authority and the hosts' server context now (a zygote calls it once before forking;
    runner.prewarm does). Nothing made here has seen a program: docs/sandbox-security.md."""
    _authority()
    vtls_server.prepare()
    vtls_server.prepare_certificates(_authority())
    if sys.modules.get("aiohttp.connector") is not None and not _ca.get("warmed"):
        _ca["warmed"] = True
        _prepare_aiohttp()
        _warm_https()


_WARM = """import asyncio, aiohttp, requests, urllib.request
requests.get("https://warm.example/").text
urllib.request.urlopen("https://warm.example/").read()
async def m():
    async with aiohttp.ClientSession() as s:
        async with s.get("https://warm.example/") as r:
            await r.text()
asyncio.run(m())
"""


def _warm_https():
    """One https request per library before forking, as runner.prewarm does over http: the https
    paths' first-use costs (lazy imports, caches) are then paid once, not in every forked run
    (~100 fewer page faults, ~5% of the https crawler's CPU). Its host certificate is dropped."""
    from .runner import run_program
    run_program(_WARM, seed=0, limits={}, emit=lambda event: None,
                network={"hosts": {"warm.example": {"routes": {"GET /": {"body": "warm"}}}}})
    vtls_server._host_certs.clear()


def _prepare_aiohttp():
    """aiohttp makes its default client contexts once per process (`functools.lru_cache`), on the
    first https request: made here instead, under the run's trust rules (the sandbox's authority
    only, see load_verify_locations), each run reuses them instead of paying ~2 ms of CPU. Only
    where aiohttp is already loaded: a zygote without the networking libraries stays without."""
    connector = sys.modules["aiohttp.connector"]
    owner = ssl.SSLContext
    saved = owner.load_verify_locations, owner.set_default_verify_paths
    owner.load_verify_locations, owner.set_default_verify_paths = load_verify_locations, set_default_verify_paths
    try:
        connector.TCPConnector._make_ssl_context(True)
        connector.TCPConnector._make_ssl_context(False)
    finally:
        owner.load_verify_locations, owner.set_default_verify_paths = saved


def trust(context):
    """Let a client context verify the sandbox's hosts (its other trust is left as it is)."""
    if context is None or context.verify_mode == ssl.CERT_NONE or context in _trusted:
        return
    context.load_verify_locations(cadata=_authority()["pem"])
    _trusted.add(context)


# The public authorities' bundle: nothing outside the sandbox is reachable, so none of its ~140
# certificates can ever verify a peer, yet parsing it cost ~30 ms of CPU per context (urllib3 loads it
# per https connection, urllib per urlopen, aiohttp once per run) — most of an https run's cost.
_PUBLIC_BUNDLES = {os.path.realpath(path) for path in (
    ssl.get_default_verify_paths().cafile, ssl.get_default_verify_paths().openssl_cafile,
    "/etc/ssl/certs/ca-certificates.crt") if path}
_load_verify_locations = ssl.SSLContext.load_verify_locations


def load_verify_locations(self, cafile=None, capath=None, cadata=None):
    """During a run: the public bundle loads as the sandbox's authority alone (the only one that
    can verify anything here); any other file, directory or data loads as usual."""
    if cafile is not None and capath is None and cadata is None and os.path.realpath(cafile) in _PUBLIC_BUNDLES:
        _trust_now(self)
        return None
    return _load_verify_locations(self, cafile, capath, cadata)


def set_default_verify_paths(self):
    """During a run: the default paths are the public bundle; see load_verify_locations."""
    _trust_now(self)


def _trust_now(context):
    if context not in _trusted:
        _load_verify_locations(context, cadata=_authority()["pem"])
        _trusted.add(context)


class ServerTLS:
    """The server end of TLS for one connection to a listed host (HttpServerConn speaks through it;
    vtls_server.py holds the OpenSSL side)."""

    def __init__(self, host):
        self.obj = ServerSSL(host, _authority())
        self.ready = False
        self.conn = None

    def attach(self, conn):
        self.conn = conn

    def receive(self, data):
        self.obj.feed(data)
        if not self.ready:
            try:
                self.ready = self.obj.do_handshake()
            except ssl.SSLError:
                self._flush(world.now)
                self.conn.closing = True
                self.conn.client.push(world.now, EOF)
                return
        chunk = self.obj.read() if self.ready else b""
        self._flush(world.now)
        if chunk:
            self.conn.receive_plain(chunk)

    def send(self, when, data):
        self.obj.write(data)
        self._flush(when)

    def _flush(self, when):
        data = self.obj.outgoing()
        if data:
            self.conn.client.push(when, data)


class VirtualSSLSocket(VirtualSocket):
    """`ssl.SSLSocket` over a virtual socket: the real TLS client (SSLObject) on virtual bytes."""

    @classmethod
    def _create(cls, sock, server_side=False, do_handshake_on_connect=True, suppress_ragged_eofs=True,
                server_hostname=None, context=None, session=None):
        if not isinstance(sock, VirtualSocket):
            return ssl.SSLSocket._create(sock, server_side, do_handshake_on_connect, suppress_ragged_eofs,
                                         server_hostname, context, session)
        trust(context)
        self = cls.__new__(cls)
        self.__dict__.update(sock.__dict__)
        sock._fd, sock._peer, sock._ep, sock._closed = None, None, None, True  # detached, as ssl does
        self.context, self.server_side, self.server_hostname = context, server_side, server_hostname
        self.suppress_ragged_eofs = suppress_ragged_eofs
        self._incoming, self._outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
        self._sslobj = context.wrap_bio(self._incoming, self._outgoing, server_side=server_side,
                                        server_hostname=server_hostname, session=session)
        if self._ep is not None and do_handshake_on_connect:
            self.do_handshake()
        return self

    def __repr__(self):
        return VirtualSocket.__repr__(self).replace("<socket.socket", "<ssl.SSLSocket", 1)

    def do_handshake(self, block=False):
        while True:
            try:
                self._sslobj.do_handshake()
                break
            except ssl.SSLWantReadError:
                self._flush()
                self._fill()
        self._flush()

    def _flush(self):
        data = self._outgoing.read()
        if data:
            VirtualSocket.send(self, data)

    def _fill(self):
        data = VirtualSocket.recv(self, 65536)
        if data:
            self._incoming.write(data)
        else:
            self._incoming.write_eof()

    def recv(self, size=1024, flags=0):
        while True:
            try:
                return self._sslobj.read(size)
            except ssl.SSLWantReadError:
                self._flush()
                self._fill()
            except ssl.SSLZeroReturnError:
                return b""
            except ssl.SSLEOFError:
                if self.suppress_ragged_eofs:
                    return b""
                raise

    def read(self, size=1024, buffer=None):
        if buffer is not None:
            return self.recv_into(buffer, size)
        return self.recv(size)

    def send(self, data, flags=0):
        count = self._sslobj.write(bytes(data))
        self._flush()
        return count

    def write(self, data):
        return self.send(data)

    def pending(self):
        return self._sslobj.pending()

    def getpeercert(self, binary_form=False):
        return self._sslobj.getpeercert(binary_form)

    def cipher(self):
        return self._sslobj.cipher()

    def version(self):
        return self._sslobj.version()

    def selected_alpn_protocol(self):
        return self._sslobj.selected_alpn_protocol()

    def shared_ciphers(self):
        return self._sslobj.shared_ciphers()

    def compression(self):
        return self._sslobj.compression()

    @property
    def session(self):
        return self._sslobj.session

    @property
    def session_reused(self):
        return self._sslobj.session_reused


VirtualSSLSocket.__name__ = VirtualSSLSocket.__qualname__ = "SSLSocket"  # as vsocket.py does for socket
VirtualSSLSocket.__module__ = "ssl"
