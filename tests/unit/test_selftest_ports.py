"""The whole self-test from source against a real server, with its ports taken."""

from __future__ import annotations

import io
import os
import socket
from collections.abc import Iterator

import pytest

from desktop_app.cli import selftest
from desktop_app.core.supervision.ports import PREFERRED_PORT, free_port, port_is_free

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]


def _occupy(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Like port_is_free and uvicorn: an earlier test's server leaves 4200 in
    # TIME_WAIT, which must not stop us from holding it as a listener.
    if os.name != "nt":
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(1)
    return sock


@pytest.fixture
def taken_ports() -> Iterator[list[int]]:
    """Port 4200 (unless someone already has it) and another port, both listening."""
    holders = []
    if port_is_free(PREFERRED_PORT):
        holders.append(_occupy(PREFERRED_PORT))
    holders.append(_occupy(free_port()))
    yield [sock.getsockname()[1] for sock in holders]
    for sock in holders:
        sock.close()


def test_self_test_passes_when_its_preferred_port_and_4200_are_taken(taken_ports: list[int]):
    preferred = taken_ports[-1]
    out = io.StringIO()

    code = selftest.run_self_test(preferred_port=preferred, out=out)

    text = out.getvalue()
    assert code == 0, text
    assert f"(port {preferred} was taken)" in text
    server_line = next(line for line in text.splitlines() if "start server" in line)
    used = int(server_line.split("http://127.0.0.1:")[1].split()[0].rstrip(","))
    assert used not in (preferred, PREFERRED_PORT)
    for step in ("basic-workflow run", "pause-resume: resume", "no processes left"):
        assert any(step in line and "ok" in line for line in text.splitlines()), text
