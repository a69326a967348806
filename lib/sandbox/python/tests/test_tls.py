"""https on the virtual network (issue 15): the server side's hand-built host certificates and what a
client sees of the virtual socket classes. End-to-end https runs live in test_network.py and
tests/integration/sandbox-fidelity-net.test.ts."""
import datetime
import textwrap
import unittest

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from helpers import texts

from interleave import vtls, vtls_server
from interleave.runner import run_program


class HostCertificateTest(unittest.TestCase):
    def setUp(self):
        vtls.prepare()
        self.authority = vtls._authority()

    def test_tbs_is_what_the_x509_builder_makes(self):
        for host in ("a.example", "localhost", "h" * 200 + ".example"):
            built = (x509.CertificateBuilder()
                     .subject_name(x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, host)]))
                     .issuer_name(self.authority["cert"].subject)
                     .public_key(vtls_server._shared["key"].public_key()).serial_number(987654321)
                     .not_valid_before(datetime.datetime(2020, 1, 1)).not_valid_after(datetime.datetime(2045, 1, 1))
                     .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
                     .sign(self.authority["key"], hashes.SHA256()))
            self.assertEqual(vtls_server._tbs(host, 987654321, self.authority), built.tbs_certificate_bytes, host)

    def test_certificate_is_signed_by_the_authority(self):
        from cryptography.hazmat.backends.openssl.backend import backend
        vtls_server._host_certs.pop("b.example", None)
        cert = backend._ossl2cert(vtls_server._certificate("b.example", self.authority))
        self.assertEqual(cert.subject.rfc4514_string(), "CN=b.example")
        self.authority["key"].public_key().verify(cert.signature, cert.tbs_certificate_bytes, ec.ECDSA(hashes.SHA256()))


class ClassNamesTest(unittest.TestCase):
    def test_socket_classes_carry_the_real_names(self):
        events = []
        result = run_program(textwrap.dedent('''
            import socket
            s = socket.socket()
            print(type(s).__module__, type(s).__name__)
            try:
                s.nope
            except AttributeError as exc:
                print(exc)
        '''), seed=0, limits={}, emit=events.append, network={"hosts": {}})
        self.assertEqual(result["status"], "ok", result)
        self.assertEqual(texts(events), ["socket socket", "'socket' object has no attribute 'nope'"])


class TlsReadBufferTest(unittest.TestCase):
    def test_large_bodies_arrive_in_the_same_pieces(self):
        # Pinned with asyncio's 256 KiB SSLProtocol buffer (before vtransport.SSLProtocol grew it
        # on demand): a transport's reads, hence the chunks a program sees, must not change.
        events = []
        network = {"hosts": {"big.example": {"routes": {"GET /": {"body": "y" * 700000}}}}}
        result = run_program(textwrap.dedent('''
            import asyncio, aiohttp
            async def main():
                async with aiohttp.ClientSession() as s:
                    async with s.get("https://big.example/") as r:
                        print([len(c) async for c in r.content.iter_any()])
            asyncio.run(main())
        '''), seed=0, limits={}, emit=events.append, network=network)
        self.assertEqual(result["status"], "ok", result)
        self.assertEqual(texts(events), ["[245639, 262144, 192217]"])


if __name__ == "__main__":
    unittest.main()
