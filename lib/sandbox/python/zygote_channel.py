"""The run's trace channel, written by the forked child straight to Node (which verifies it).

Frame = MAGIC | length (4 bytes, big-endian) | header MAC (8) | payload MAC (32) | payload
  header MAC  = HMAC-SHA256(key, b"h" + seq + length)[:8]   (cheap to check: resynchronises after
                junk a program wrote to the descriptor, without hashing every byte of it)
  payload MAC = HMAC-SHA256(key, b"p" + seq + payload)
The key is per run, made by the zygote before the fork and handed to Node on the control pipe.
Payload kinds: {"k":"e","e":event} an event, {"k":"t","r":reason} a tamper finding (written the
moment it is seen, so a program cannot take it back), {"k":"end","r":result,"n":events} the end.
"""
import hmac
import json
import os

MAGIC = b"\xa7IL1"


class Channel:
    __slots__ = ("emit", "tamper", "finish", "writer")

    def __init__(self, emit, tamper, finish, writer):
        self.emit, self.tamper, self.finish, self.writer = emit, tamper, finish, writer


def make_writer(key, fd, state):
    """A frame writer bound to its own copies of everything it uses (nothing looked up later)."""
    digest, dumps, write = hmac.digest, json.dumps, os.write
    magic = MAGIC

    def write_frame(obj):
        if not state[2]:
            return
        payload = dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "replace")
        seq = state[0].to_bytes(8, "big")
        state[0] += 1
        length = len(payload).to_bytes(4, "big")
        head = digest(key, b"h" + seq + length, "sha256")[:8]
        mac = digest(key, b"p" + seq + payload, "sha256")
        view = memoryview(magic + length + head + mac + payload)
        while view:
            view = view[write(fd, view):]

    return write_frame


def make_channel(key, fd):
    state = [0, 0, True]  # [sequence number, events emitted, this process may write]
    write_frame = make_writer(key, fd, state)
    # A process the program forks shares the descriptor but not the sequence: its frames would
    # collide with the run's own. Its trace is not the run's (the fork itself was already reported
    # as tampering, by the audit hook, in the parent), so a forked process writes none.
    os.register_at_fork(after_in_child=lambda: state.__setitem__(2, False))

    def emit(event):
        state[1] += 1
        write_frame({"k": "e", "e": event})

    def tamper(reason):
        write_frame({"k": "t", "r": reason})

    def finish(result):
        write_frame({"k": "end", "r": result, "n": state[1]})

    return Channel(emit, tamper, finish, (key, fd, state))
