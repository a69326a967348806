"""Installs the virtual network for one run (and takes it away after): DNS, `socket.socket`,
`socket.create_connection`, `ssl` over virtual sockets and `select` over their fake descriptors.
The libraries (requests/urllib3, aiohttp, urllib, asyncio) run unchanged on top."""
import select
import selectors
import socket
import ssl

from . import vselect, vserver
from .vnet import DNS_PATCHES, network
from .vsocket import VirtualSocket, vcreate_connection
from . import vtls
from .vtls import VirtualSSLSocket

_PATCHES = DNS_PATCHES + [
    (socket, "socket", VirtualSocket), (socket, "SocketType", VirtualSocket),
    (socket, "create_connection", vcreate_connection), (socket, "socketpair", vserver.socketpair),
    (ssl.SSLContext, "sslsocket_class", VirtualSSLSocket),
    (ssl.SSLContext, "load_verify_locations", vtls.load_verify_locations),
    (ssl.SSLContext, "set_default_verify_paths", vtls.set_default_verify_paths),
    (select, "select", vselect.vselect), (select, "poll", vselect.VPoll), (select, "epoll", vselect.VEpoll),
    # selectors binds select.poll / select.epoll at import: its classes get the virtual ones too.
    (selectors.PollSelector, "_selector_cls", vselect.VPoll),
    (selectors.EpollSelector, "_selector_cls", vselect.VEpoll),
]
_saved = []


def install(spec):
    network.reset(spec)
    _saved[:] = [(owner, name, getattr(owner, name)) for owner, name, _ in _PATCHES]
    for owner, name, value in _PATCHES:
        setattr(owner, name, value)


def uninstall():
    for owner, name, value in _saved:
        setattr(owner, name, value)
    _saved.clear()
