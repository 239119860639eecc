"""One Flowdesk per user (and per FLOWDESK_HOME): a second launch hands over and exits.

The first instance holds an OS file lock for its lifetime and listens on a
local socket. A second launch finds the lock taken, connects, sends its
arguments as one JSON line and waits for "ok"; the first brings its window
forward and acts on them (`--open-run RUN_ID`). The second exits 0 having
started nothing -- in particular no second server.

Why a file lock and not just the socket: a crashed first instance leaves its
socket file behind (Unix), so "the socket exists" proves nothing, and two
launches racing to clean it up could both end up listening. The OS releases
the lock when its holder dies, even by SIGKILL, so whoever gets the lock is
the one instance, and it may remove a stale socket (`QLocalServer.removeServer`)
safely. The names contain a hash of the Flowdesk home, so test homes (and
portable installs) never collide with the user's real instance.
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from desktop_app.core.config import paths
from desktop_app.core.supervision.filelock import FileLock

log = logging.getLogger(__name__)

MAX_MESSAGE = 64 * 1024
REPLY = b"ok\n"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return os.environ.get("USER") or os.environ.get("USERNAME") or "user"


def instance_key() -> str:
    """Per user and per Flowdesk home: `flowdesk-<user>-<hash of the config folder>`."""
    home = str(paths.config_dir().resolve())
    digest = hashlib.sha256(home.encode("utf-8")).hexdigest()[:12]
    user = "".join(c for c in _user() if c.isalnum())[:16] or "user"
    return f"flowdesk-{user}-{digest}"


@dataclass(frozen=True)
class InstanceRequest:
    """What a later launch asked the running instance to do."""

    open_run: str | None = None
    minimised: bool = False


def add_request_arguments(parser: argparse.ArgumentParser) -> None:
    """The options a launch may hand to the running instance (one definition for both)."""
    parser.add_argument("--open-run", default=None, metavar="RUN_ID", help="show this run")
    parser.add_argument(
        "--minimised",
        "--minimized",
        action="store_true",
        help="start in the tray, window hidden (start at login uses this)",
    )


def parse_request(argv: list[str]) -> InstanceRequest:
    parser = argparse.ArgumentParser(add_help=False)
    add_request_arguments(parser)
    known, _rest = parser.parse_known_args(argv)
    run_id = (known.open_run or "").strip() or None
    return InstanceRequest(open_run=run_id, minimised=known.minimised)


def bring_forward(window: QWidget) -> None:
    """Show, un-minimise and raise `window` (window managers may still only flash it)."""
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


class SingleInstance(QObject):
    received = Signal(list)
    """argv of a later launch (in the first instance)."""

    def __init__(self, key: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key or instance_key()
        self.lock = FileLock(paths.data_dir() / f"{self.key}.lock")
        self.server: QLocalServer | None = None
        self.primary = False
        self.messages: list[list[str]] = []
        self._buffers: dict[QLocalSocket, bytes] = {}

    # -- the first instance ---------------------------------------------------------
    def acquire(self) -> bool:
        """True: we are the one instance (and listen). False: another one runs."""
        if not self.lock.acquire():
            return False
        self.primary = True
        # We hold the lock, so any socket under our name is a crashed instance's.
        QLocalServer.removeServer(self.key)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            log.error("single instance: cannot listen on %s: %s", self.key, server.errorString())
            return True  # still the one instance; later launches will say we do not answer
        server.newConnection.connect(self._accept)
        self.server = server
        return True

    def _accept(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_MESSAGE:
                log.warning("single instance: oversized message dropped")
                socket.abort()
                self._drop(socket)
            else:
                self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            message = json.loads(line.decode("utf-8"))
            argv = [str(a) for a in message.get("argv", [])]
        except (ValueError, AttributeError, TypeError):
            log.warning("single instance: unreadable message ignored")
            socket.disconnectFromServer()
            return
        socket.write(REPLY)
        socket.flush()
        socket.disconnectFromServer()
        self.messages.append(argv)
        self.received.emit(argv)

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.primary:
            self.lock.release()
            self.primary = False

    # -- a later launch -----------------------------------------------------------------
    def send(self, argv: list[str], timeout: float = 5.0) -> bool:
        """Hand `argv` to the running instance; True once it confirmed.

        Retries while the first instance is still starting (lock taken, not yet
        listening), up to `timeout` seconds. Runs before any window exists, so
        blocking here blocks nobody.
        """
        payload = json.dumps({"argv": argv, "cwd": os.getcwd()}).encode("utf-8") + b"\n"
        deadline = time.monotonic() + timeout
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.key)
            if socket.waitForConnected(500):
                socket.write(payload)
                socket.flush()
                socket.waitForBytesWritten(1000)
                reply = b""
                while REPLY not in reply and time.monotonic() < deadline:
                    if not socket.waitForReadyRead(200) and (
                        socket.state() != QLocalSocket.LocalSocketState.ConnectedState
                    ):
                        reply += bytes(socket.readAll().data())
                        break
                    reply += bytes(socket.readAll().data())
                socket.abort()
                if REPLY in reply:
                    return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)  # the first instance may still be starting its listener

    def holder_hint(self) -> str:
        """Where the lock lives, for an error message when the instance does not answer."""
        return str(Path(self.lock.path))
