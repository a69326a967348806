"""The virtual network of one run: hosts from the exercise's `network.json`, virtual DNS and the
registry of virtual sockets (fake descriptors). Nothing here touches a real socket.

Listed hosts resolve to 192.0.2.N (TEST-NET-1, never routed); `localhost` to 127.0.0.1. Any other
name fails at once with `socket.gaierror` EAI_NONAME, as a resolver with no answer does; connecting
to an address no host owns fails with ENETUNREACH (the sandbox has no route out).
"""
import errno
import heapq
import itertools
import socket
import weakref

from .world import world

_real = {name: getattr(socket, name) for name in (
    "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getfqdn", "gethostname")}
_SERVICES = {"http": 80, "https": 443}
HTTP_PORTS = (80, 443)
LOOPBACK = ("127.0.0.1", "::1")
HOSTNAME = "sandbox"
_SOCK_TYPES = ((socket.SOCK_STREAM, socket.IPPROTO_TCP), (socket.SOCK_DGRAM, socket.IPPROTO_UDP),
               (socket.SOCK_RAW, 0))


class Host:
    """One listed host: routes and the schedule of its request slots (`concurrency`)."""

    def __init__(self, name, spec, address):
        self.name = name
        self.address = address
        self.latency = float(spec.get("latency", 0) or 0)
        self.routes = dict(spec.get("routes") or {})
        capacity = spec.get("concurrency")
        # Free times of the slots: a request takes the earliest free one, in arrival order. A
        # request's duration is fixed at arrival, so its start is known at once (and an abandoned
        # request keeps its slot until its latency ends, as on a real server).
        self.slots = [0.0] * int(capacity) if capacity else None

    def route(self, method, path):
        return self.routes.get("%s %s" % (method, path.split("?", 1)[0].split("#", 1)[0]))

    def schedule(self, arrival, latency):
        """(start, finish) of a request arriving now that takes `latency` once it has a slot."""
        if self.slots is None:
            return arrival, arrival + latency
        start = max(arrival, heapq.heappop(self.slots))
        heapq.heappush(self.slots, start + latency)
        return start, start + latency


class Network:
    def __init__(self):
        self.reset(None)

    def reset(self, spec):
        spec = spec if isinstance(spec, dict) else {}
        self.hosts = {}
        self.by_address = {}
        for index, (name, host_spec) in enumerate((spec.get("hosts") or {}).items()):
            host = Host(name.lower().rstrip("."), host_spec or {}, "192.0.2.%d" % (index + 1))
            self.hosts[host.name] = host
            self.by_address[host.address] = host
        self.loopback_latency = float(spec.get("loopbackLatency", 0) or 0)
        self.fds = weakref.WeakValueDictionary()  # fake descriptor -> virtual socket
        self.next_fd = itertools.count(1000)
        self.ports = itertools.count(40000)
        self.listeners = {}  # (family, address) -> listening virtual socket (loopback servers)

    # ---- DNS ----------------------------------------------------------------------------------

    def resolve(self, name):
        """The IPv4 address of `name` (an address stays itself); gaierror when nobody answers."""
        if name is None or name == "":
            return "0.0.0.0"
        if isinstance(name, (bytes, bytearray)):
            name = bytes(name).decode("idna")
        key = str(name).lower().rstrip(".")
        if key in ("localhost", HOSTNAME) or key.endswith(".localhost"):
            return "127.0.0.1"
        host = self.hosts.get(key)
        if host is not None:
            return host.address
        if _is_ipv4(key):
            return key
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    def host_at(self, address):
        return self.by_address.get(address)

    def register(self, sock):
        fd = next(self.next_fd)
        self.fds[fd] = sock
        return fd

    def ephemeral_port(self):
        return next(self.ports)


network = Network()


def _is_ipv4(text):
    parts = text.split(".")
    return len(parts) == 4 and all(p.isdigit() and int(p) < 256 for p in parts)


def _port(port):
    if port is None:
        return 0
    if isinstance(port, (bytes, bytearray)):
        port = port.decode()
    if isinstance(port, str):
        if port.isdigit():
            return int(port)
        if port in _SERVICES:
            return _SERVICES[port]
        raise socket.gaierror(socket.EAI_SERVICE, "Servname not supported for ai_socktype")
    return int(port)


def vgetaddrinfo(host, port, family=0, type=0, proto=0, flags=0):  # noqa: A002 - socket's names
    world.tick()
    if host is None and flags & socket.AI_PASSIVE:
        address = "0.0.0.0"
    elif host is None:
        address = "127.0.0.1"
    else:
        if isinstance(host, str) and ":" in host:  # IPv6 literal: only the loopback exists
            if host not in ("::1", "::"):
                raise OSError(errno.ENETUNREACH, "Network is unreachable")
            return [(socket.AF_INET6, t, p, "", (host, _port(port), 0, 0)) for t, p in _types(type, proto)]
        address = network.resolve(host)
    if family not in (0, socket.AF_INET, socket.AF_UNSPEC):
        raise socket.gaierror(socket.EAI_ADDRFAMILY if address != "0.0.0.0" else socket.EAI_NONAME,
                              "Address family for hostname not supported")
    number = _port(port)
    return [(socket.AF_INET, t, p, "", (address, number)) for t, p in _types(type, proto)]


def _types(type_, proto):
    """(type, proto) pairs as glibc answers: all three kinds unless a type or protocol narrows it."""
    if type_:
        return [(socket.SocketKind(type_), proto or dict(_SOCK_TYPES).get(type_, 0))]
    if proto:
        return [(t, p) for t, p in _SOCK_TYPES if p == proto] or [(socket.SOCK_RAW, proto)]
    return list(_SOCK_TYPES)


def vgethostbyname(name):
    world.tick()
    return network.resolve(name)


def vgethostbyname_ex(name):
    world.tick()
    return (str(name), [], [network.resolve(name)])


def vgethostbyaddr(address):
    if address in ("127.0.0.1", "localhost"):
        return ("localhost", [], ["127.0.0.1"])
    for host in network.hosts.values():
        if host.address == address or host.name == address:
            return (host.name, [], [host.address])
    raise socket.herror(1, "Unknown host")


def vgetfqdn(name=""):
    return name or HOSTNAME


def vgethostname():
    return HOSTNAME


DNS_PATCHES = [
    (socket, "getaddrinfo", vgetaddrinfo), (socket, "gethostbyname", vgethostbyname),
    (socket, "gethostbyname_ex", vgethostbyname_ex), (socket, "gethostbyaddr", vgethostbyaddr),
    (socket, "getfqdn", vgetfqdn), (socket, "gethostname", vgethostname),
]
