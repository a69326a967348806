"""Name resolution for a networked oracle run: listed hosts → the real local server, others → NONAME.

Installed by oracle-child.py before the program's clock starts. It replaces socket.getaddrinfo, which
requests (urllib3), urllib (http.client), asyncio's loop.getaddrinfo (open_connection) and aiohttp's
default ThreadedResolver all call at request time. Port 443 goes to the server's TLS port, any other
port to its plain HTTP port. An unlisted name fails at once with the gaierror glibc raises for an
unknown name (EAI_NONAME, "Name or service not known"), as in the sandbox's virtual DNS. The libraries
the corpus uses are imported here too, so their import cost is paid before the clock starts (the
sandbox's warm process pre-imports them the same way).
"""

import socket

import aiohttp  # noqa: F401
import http.client  # noqa: F401
import requests  # noqa: F401
import ssl  # noqa: F401
import urllib.request  # noqa: F401

REAL_GETADDRINFO = socket.getaddrinfo
PASS_THROUGH = {"127.0.0.1", "localhost", "::1"}


def install(config):
    hosts = {name.lower() for name in config["hosts"]}
    plain, secure = config["http"], config["https"]

    def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
        name = host.decode("idna") if isinstance(host, bytes) else host
        if name is None or name.lower() in PASS_THROUGH:
            return REAL_GETADDRINFO(host, port, family, type, proto, flags)
        if name.lower().rstrip(".") not in hosts:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        target = secure if str(port) in ("443", "https") else plain
        return REAL_GETADDRINFO("127.0.0.1", target, socket.AF_INET, type, proto, flags)

    socket.getaddrinfo = getaddrinfo
