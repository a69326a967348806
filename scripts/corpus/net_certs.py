"""A throwaway certificate authority and one server certificate for the listed hosts (openssl CLI).

Only the recording of networked oracles uses it: the child trusts ca.pem through SSL_CERT_FILE (ssl's
default context: aiohttp, urllib) and REQUESTS_CA_BUNDLE (requests). EC keys: generated in ~10 ms.
"""

import os
import shutil
import subprocess

CURVE = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]


def make_certificates(hosts, directory):
    """Write ca.pem, server.pem and server.key into directory; return their paths."""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise RuntimeError("the openssl command is needed to record https oracles (apt-get install openssl)")
    paths = {name: os.path.join(directory, f"{name}.{ext}") for name, ext in [("ca", "pem"), ("ca_key", "key")]}
    paths.update(cert=os.path.join(directory, "server.pem"), key=os.path.join(directory, "server.key"))
    csr = os.path.join(directory, "server.csr")
    ext = os.path.join(directory, "server.ext")
    names = ",".join(f"DNS:{host}" for host in hosts) or "DNS:localhost"
    with open(ext, "w", encoding="ascii") as handle:
        handle.write(
            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
            f"extendedKeyUsage=serverAuth\nsubjectAltName={names}\n"
        )
    run(openssl, "req", "-x509", *CURVE, "-keyout", paths["ca_key"], "-out", paths["ca"], "-days", "2",
        "-subj", "/CN=Interleave corpus throwaway CA",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    run(openssl, "req", *CURVE, "-keyout", paths["key"], "-out", csr, "-subj", "/CN=interleave-corpus")
    run(openssl, "x509", "-req", "-in", csr, "-CA", paths["ca"], "-CAkey", paths["ca_key"], "-CAcreateserial",
        "-out", paths["cert"], "-days", "2", "-extfile", ext)
    return {"ca": paths["ca"], "cert": paths["cert"], "key": paths["key"]}


def run(*argv):
    result = subprocess.run(argv, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:3])} failed: {result.stderr.strip()}")
