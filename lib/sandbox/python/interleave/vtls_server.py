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
import hashlib
import ssl

from cryptography.hazmat.backends.openssl.backend import backend
from cryptography.hazmat.primitives.asymmetric import ec

_lib, _ffi = backend._lib, backend._ffi
_READ = 65536
_shared = {}  # made once before forking: "ctx" (SSL_CTX*), "key" (the hosts' one private key)
_host_certs = {}  # host name -> X509* (made in the run that first needs it)


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
    # One read buffer for every connection (each read is copied out at once): a zero-filled 64 KiB
    # per connection was 16 fresh pages in each forked run.
    _shared["key"], _shared["ctx"], _shared["read"] = key, ctx, _ffi.new("char[]", _READ)


def prepare_certificates(authority):
    """The fixed parts of the hosts' certificates (before forking, with the authority)."""
    _template(authority)


def _der(tag, body):
    size = len(body)
    if size < 0x80:
        return bytes((tag, size)) + body
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes((tag, 0x80 | len(length))) + length + body


def _common_name(host):
    """DER of the Name CN=host (a UTF8String, as cryptography writes it)."""
    return _der(0x30, _der(0x31, _der(0x30, _CN_OID + _der(0x0C, host.encode("utf-8")))))


_CN_OID = bytes.fromhex("0603550403")
_SAN_OID = bytes.fromhex("0603551d11")
_ECDSA_SHA256 = _der(0x30, bytes.fromhex("06082a8648ce3d040302"))


def _template(authority):
    """The parts of a host certificate that never change (computed once, before forking)."""
    if "issuer" not in _shared:
        ca_cert = authority["cert"]
        from cryptography.hazmat.primitives import serialization
        spki = _shared["key"].public_key().public_bytes(serialization.Encoding.DER,
                                                          serialization.PublicFormat.SubjectPublicKeyInfo)
        validity = _der(0x30, _der(0x17, b"200101000000Z") + _der(0x17, b"450101000000Z"))
        _shared["issuer"], _shared["validity"], _shared["spki"] = ca_cert.subject.public_bytes(), validity, spki
    return _shared


def _tbs(host, serial, authority):
    """The TBSCertificate DER exactly as x509.CertificateBuilder makes it for the host (v3, the
    authority as issuer, fixed validity, the shared key, one non-critical DNS subjectAltName)."""
    parts = _template(authority)
    number = serial.to_bytes((serial.bit_length() + 8) // 8, "big")
    san = _der(0x30, _SAN_OID + _der(0x04, _der(0x30, _der(0x82, host.encode("ascii")))))
    return _der(0x30, b"".join((
        bytes.fromhex("a003020102"), _der(0x02, number), _ECDSA_SHA256, parts["issuer"],
        parts["validity"], _common_name(host), parts["spki"], _der(0xA3, _der(0x30, san)))))


def _sign(key, data):
    """ECDSA with SHA-256 by the authority's key, called on OpenSSL directly (what key.sign does,
    minus the Python layers a fresh fork would page in)."""
    digest = hashlib.sha256(data).digest()
    ec_key = key._ec_key
    out, size = _ffi.new("unsigned char[]", _lib.ECDSA_size(ec_key)), _ffi.new("unsigned int *")
    if _lib.ECDSA_sign(0, digest, len(digest), out, size, ec_key) != 1:
        _lib.ERR_clear_error()
        raise ssl.SSLError("ECDSA_sign failed")
    return _ffi.buffer(out, size[0])[:]


def _certificate(host, authority):
    """The host's certificate as an X509*: a few byte joins and one ECDSA signature. The x509
    builder would do the same but pages in much of cryptography in each freshly forked run."""
    cert = _host_certs.get(host)
    if cert is None:
        # A serial derived from the name: the same host shows the same certificate fields each run.
        serial = int.from_bytes(hashlib.sha256(host.encode("utf-8")).digest()[:8], "big") >> 1 or 1
        tbs = _tbs(host, serial, authority)
        signature = _sign(authority["key"], tbs)
        der = _der(0x30, tbs + _ECDSA_SHA256 + _der(0x03, b"\0" + signature))
        bio = _lib.BIO_new_mem_buf(der, len(der))
        try:
            raw = _lib.d2i_X509_bio(bio, _ffi.NULL)
        finally:
            _lib.BIO_free(bio)
        if raw == _ffi.NULL:
            _lib.ERR_clear_error()
            raise ssl.SSLError("bad host certificate")
        cert = _host_certs[host] = _ffi.gc(raw, _lib.X509_free)
    return cert


class ServerSSL:
    """One server-side TLS connection over two memory BIOs (what `ssl.SSLObject` did before)."""

    __slots__ = ("ssl", "rbio", "wbio")

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
        chunks, buf = [], _shared["read"]
        while True:
            count = _lib.SSL_read(self.ssl, buf, _READ)
            if count <= 0:
                _lib.ERR_clear_error()  # WANT_READ, close_notify or an error: nothing more now
                break
            chunks.append(_ffi.buffer(buf, count)[:])
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
