"""A real X display with a real system tray: Xvfb + trayer, started and stopped here.

GUI-under-X tests run their Qt part in a subprocess (the rest of the suite
uses the offscreen platform in this process, decided before any QApplication
exists). The fixture picks a free display number in :71-:79, starts
`Xvfb -noreset` and `trayer` as the tray host, and waits until Qt itself
reports `QSystemTrayIcon.isSystemTrayAvailable()`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DISPLAYS = range(71, 80)
PROBE = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QSystemTrayIcon\n"
    "app = QApplication(sys.argv[:1])\n"
    "print(QSystemTrayIcon.isSystemTrayAvailable())\n"
)


@dataclass
class Desktop:
    display: str
    tray: bool

    def env(self, **extra: str) -> dict[str, str]:
        env = {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("WAYLAND_DISPLAY", None)
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        env.update(extra)
        return env

    def run_script(self, script: Path, *args: str, timeout: float = 240, **env: str) -> dict:
        """Run a helper script on this display; its last stdout line is JSON."""
        import json

        done = subprocess.run(
            [sys.executable, str(script), *args],
            env=self.env(**env),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        assert done.returncode == 0 and lines, (
            f"{script.name} failed ({done.returncode}):\n{done.stdout[-3000:]}\n"
            f"{done.stderr[-5000:]}"
        )
        return json.loads(lines[-1])


def _free_display() -> int:
    for number in DISPLAYS:
        if (
            not Path(f"/tmp/.X{number}-lock").exists()
            and not Path(f"/tmp/.X11-unix/X{number}").exists()
        ):
            return number
    pytest.skip("no free X display number in :71-:79")


def _probe(display: str) -> bool:
    env = Desktop(display, False).env()
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60
    )
    return done.stdout.strip() == "True"


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def _wait_for_socket(number: int, proc: subprocess.Popen[bytes], timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"Xvfb :{number} did not start (rc {proc.poll()})")
        time.sleep(0.05)


def _binaries() -> tuple[str, str]:
    xvfb, trayer = shutil.which("Xvfb"), shutil.which("trayer")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb): no X display for tray tests")
    if trayer is None:
        pytest.skip("trayer is not installed (apt-get install trayer): no tray host")
    return xvfb, trayer


def start_trayer(trayer: str, display: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            trayer,
            "--edge",
            "top",
            "--align",
            "right",
            "--widthtype",
            "request",
            "--height",
            "24",
            "--transparent",
            "false",
        ],
        env={**os.environ, "DISPLAY": display},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.fixture
def bare_x() -> Iterator[tuple[Desktop, str]]:
    """A plain Xvfb (no tray host yet) and the trayer binary, for a test to start it."""
    xvfb, trayer = _binaries()
    number = _free_display()
    server = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", "1024x700x24", "-noreset", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_socket(number, server)
        yield Desktop(f":{number}", False), trayer
    finally:
        _stop(server)


@pytest.fixture(scope="session")
def x_desktop() -> Iterator[Desktop]:
    """Xvfb with trayer as the tray host; skipped cleanly where either is missing."""
    xvfb, trayer = _binaries()
    number = _free_display()
    display = f":{number}"
    server = subprocess.Popen(
        [xvfb, display, "-screen", "0", "1280x800x24", "-noreset", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    host: subprocess.Popen[bytes] | None = None
    try:
        _wait_for_socket(number, server)
        host = start_trayer(trayer, display)
        deadline = time.monotonic() + 20
        while not _probe(display):
            if host.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"trayer on {display} never became a system tray (rc {host.poll()})")
        yield Desktop(display, True)
    finally:
        if host is not None:
            _stop(host)
        _stop(server)
