"""The server end of https on the virtual network, made cheap per run (issue 15, performance).

A listed host's TLS used to need an `ssl.SSLContext` per host per run: a new key, a certificate and
`load_cert_chain`, whose PEM private-key decoding alone (OpenSSL 3.0's decoder lookup) cost ~1-2 ms
of CPU per host. Here the server side runs on OpenSSL directly through cryptography's own bindings
(the same library the `ssl` module uses): ONE server context holding ONE key, both made before the
zygote forks (no program has run yet, so they carry no run's data), and per connection the host's
certificate is set on the connection itself — an in-memory X509, nothing decoded. The certificate
of a host is made on its first https connection in a run, signed by the sandbox's authority.

What the client sees is what it saw with the per-host `ssl` server contexts: the same options as
`ssl.SSLContext(PROTOCOL_TLS_SERVER)` (read from one), OpenSSL's default ciphers, the host's
certificate alone (no chain), TLS 1.3 and its two session tickets.
"""
import datetime
import hashlib
import ssl

from cryptography import x509
from cryptography.hazmat.backends.openssl.backend import backend
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

_lib, _ffi = backend._lib, backend._ffi
_VALID = ((2020, 1, 1), (2045, 1, 1))
_READ = 65536
_shared = {}  # made once before forking: "ctx" (SSL_CTX*), "key" (the hosts' one private key)
_host_certs = {}  # host name -> X509* (made in the run that first needs it)


def _name(common):
    return x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, common)])


def prepare():
    """The server context and key, made once (a zygote calls it before forking)."""
    if "ctx" in _shared:
        return
    key = ec.generate_private_key(ec.SECP256R1())
    ctx = _lib.SSL_CTX_new(_lib.TLS_server_method())
    if ctx == _ffi.NULL:
        raise ssl.SSLError("SSL_CTX_new failed")
    ctx = _ffi.gc(ctx, _lib.SSL_CTX_free)
    # Exactly the options (and modes) CPython gives a PROTOCOL_TLS_SERVER context.
    _lib.SSL_CTX_clear_options(ctx, _lib.SSL_CTX_get_options(ctx))
    _lib.SSL_CTX_set_options(ctx, ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).options)
    _lib.SSL_CTX_set_mode(ctx, _lib.SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | _lib.SSL_MODE_AUTO_RETRY)
    if _lib.SSL_CTX_use_PrivateKey(ctx, key._evp_pkey) != 1:
        _lib.ERR_clear_error()
        raise ssl.SSLError("SSL_CTX_use_PrivateKey failed")
    _shared["key"], _shared["ctx"] = key, ctx


def _certificate(host, authority):
    cert = _host_certs.get(host)
    if cert is None:
        # A serial derived from the name: the same host shows the same certificate fields each run.
        serial = int.from_bytes(hashlib.sha256(host.encode("utf-8")).digest()[:8], "big") >> 1 or 1
        built = (x509.CertificateBuilder().subject_name(_name(host)).issuer_name(authority["cert"].subject)
                 .public_key(_shared["key"].public_key()).serial_number(serial)
                 .not_valid_before(datetime.datetime(*_VALID[0])).not_valid_after(datetime.datetime(*_VALID[1]))
                 .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
                 .sign(authority["key"], hashes.SHA256()))
        cert = _host_certs[host] = backend._cert2ossl(built)
    return cert


class ServerSSL:
    """One server-side TLS connection over two memory BIOs (what `ssl.SSLObject` did before)."""

    __slots__ = ("ssl", "rbio", "wbio", "buf")

    def __init__(self, host, authority):
        prepare()
        conn = _lib.SSL_new(_shared["ctx"])
        if conn == _ffi.NULL:
            raise ssl.SSLError("SSL_new failed")
        self.ssl = _ffi.gc(conn, _lib.SSL_free)
        if _lib.SSL_use_certificate(conn, _certificate(host, authority)) != 1:
            _lib.ERR_clear_error()
            raise ssl.SSLError("SSL_use_certificate failed")
        self.rbio, self.wbio = _lib.BIO_new(_lib.BIO_s_mem()), _lib.BIO_new(_lib.BIO_s_mem())
        _lib.BIO_set_mem_eof_return(self.rbio, -1)  # an empty BIO means "want more", not EOF
        _lib.BIO_set_mem_eof_return(self.wbio, -1)
        _lib.SSL_set_bio(conn, self.rbio, self.wbio)  # the connection owns both BIOs now
        _lib.SSL_set_accept_state(conn)
        self.buf = _ffi.new("char[]", _READ)

    def feed(self, data):
        _lib.BIO_write(self.rbio, data, len(data))

    def do_handshake(self):
        """True once done, False if it needs more bytes; raises ssl.SSLError if it failed."""
        result = _lib.SSL_do_handshake(self.ssl)
        if result == 1:
            return True
        return self._want(result)

    def read(self):
        """Every decrypted byte available now (b"" if none)."""
        chunks = []
        while True:
            count = _lib.SSL_read(self.ssl, self.buf, _READ)
            if count <= 0:
                _lib.ERR_clear_error()  # WANT_READ, close_notify or an error: nothing more now
                break
            chunks.append(_ffi.buffer(self.buf, count)[:])
        return b"".join(chunks)

    def write(self, data):
        if data and _lib.SSL_write(self.ssl, data, len(data)) <= 0:
            _lib.ERR_clear_error()

    def outgoing(self):
        pending = _lib.BIO_ctrl_pending(self.wbio)
        if not pending:
            return b""
        out = _ffi.new("char[]", pending)
        count = _lib.BIO_read(self.wbio, out, pending)
        return _ffi.buffer(out, count)[:] if count > 0 else b""

    def _want(self, result):
        code = _lib.SSL_get_error(self.ssl, result)
        _lib.ERR_clear_error()
        if code == _lib.SSL_ERROR_WANT_READ:
            return False
        raise ssl.SSLError("server handshake failed (%d)" % code)
