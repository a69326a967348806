"""Servers inside the program on the virtual loopback (127.0.0.1, localhost, unix paths)."""
import errno

from .vnet import LOOPBACK, network


def connect_loopback(sock, address):
    """Connect `sock` to a listening virtual socket of this run; False if `address` is not local."""
    if isinstance(address, (str, bytes)):
        raise FileNotFoundError(errno.ENOENT, "No such file or directory")
    host = address[0]
    if host not in LOOPBACK and host != "localhost":
        return False
    listener = network.listeners.get((sock._family, (network.resolve(host), int(address[1]))))
    if listener is None:
        raise ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")
    listener._accept_from(sock)
    return True
