"""Choosing the managed server's port: 4200 if free, any free port otherwise."""

from __future__ import annotations

import os
import socket

PREFERRED_PORT = 4200
HOST = "127.0.0.1"


def port_is_free(port: int, host: str = HOST) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # Bind the way uvicorn will: with SO_REUSEADDR on POSIX, so connections
        # lingering in TIME_WAIT after a crash do not make us move the server
        # to another port (clients would lose it); a listener still blocks.
        if os.name != "nt":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def free_port(host: str = HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def choose_port(preferred: int | None = PREFERRED_PORT, host: str = HOST) -> int:
    """The preferred port when it is free, never a failure when it is taken."""
    if preferred and port_is_free(preferred, host):
        return preferred
    return free_port(host)
