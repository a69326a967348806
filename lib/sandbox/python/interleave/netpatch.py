"""Installs the virtual network for one run (and takes it away after): DNS, `socket.socket`,
`socket.create_connection`, `ssl` over virtual sockets and `select` over their fake descriptors.
The libraries (requests/urllib3, aiohttp, urllib, asyncio) run unchanged on top.

TLS (vtls.py) needs `cryptography` (~5 MB, ~40 ms to import): a zygote that preloaded it (the
networked one) gets its functions patched in directly; anywhere else (the lean zygote, a cold run)
thin stand-ins import it on first use, so a program that reaches TLS there works the same, later."""
import select
import selectors
import socket
import ssl
import sys

from . import vselect, vserver
from .vnet import DNS_PATCHES, network
from .vsocket import VirtualSocket, vcreate_connection

_VTLS = __package__ + ".vtls"
_REAL_LOAD_VERIFY_LOCATIONS = ssl.SSLContext.load_verify_locations


def _vtls():
    from . import vtls
    # vtls binds the real method at import; imported during a run (here, or by vsocket/vtransport)
    # it bound our stand-in instead, which would call itself back forever.
    if vtls._load_verify_locations is lazy_load_verify_locations:
        vtls._load_verify_locations = _REAL_LOAD_VERIFY_LOCATIONS
    return vtls


class LazySSLSocket:
    """`SSLContext.sslsocket_class` until vtls is loaded: `wrap_socket` only calls `_create`."""

    @classmethod
    def _create(cls, *args, **kwargs):
        return _vtls().VirtualSSLSocket._create(*args, **kwargs)


def lazy_load_verify_locations(self, cafile=None, capath=None, cadata=None):
    return _vtls().load_verify_locations(self, cafile, capath, cadata)


def lazy_set_default_verify_paths(self):
    return _vtls().set_default_verify_paths(self)


_PATCHES = DNS_PATCHES + [
    (socket, "socket", VirtualSocket), (socket, "SocketType", VirtualSocket),
    (socket, "create_connection", vcreate_connection), (socket, "socketpair", vserver.socketpair),
    (select, "select", vselect.vselect), (select, "poll", vselect.VPoll), (select, "epoll", vselect.VEpoll),
    # selectors binds select.poll / select.epoll at import: its classes get the virtual ones too.
    (selectors.PollSelector, "_selector_cls", vselect.VPoll),
    (selectors.EpollSelector, "_selector_cls", vselect.VEpoll),
]
_saved = []


def _tls_patches():
    vtls = sys.modules.get(_VTLS)
    if vtls is None:
        return [(ssl.SSLContext, "sslsocket_class", LazySSLSocket),
                (ssl.SSLContext, "load_verify_locations", lazy_load_verify_locations),
                (ssl.SSLContext, "set_default_verify_paths", lazy_set_default_verify_paths)]
    return [(ssl.SSLContext, "sslsocket_class", vtls.VirtualSSLSocket),
            (ssl.SSLContext, "load_verify_locations", vtls.load_verify_locations),
            (ssl.SSLContext, "set_default_verify_paths", vtls.set_default_verify_paths)]


def install(spec):
    network.reset(spec)
    patches = _PATCHES + _tls_patches()
    _saved[:] = [(owner, name, getattr(owner, name)) for owner, name, _ in patches]
    for owner, name, value in patches:
        setattr(owner, name, value)


def uninstall():
    for owner, name, value in _saved:
        setattr(owner, name, value)
    _saved.clear()
