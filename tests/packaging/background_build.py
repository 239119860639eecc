"""Build the Linux bundle in the background while the rest of the suite runs.

The PyInstaller build takes 2-3 minutes of mostly one core; the other tests
spend most of their time waiting on Prefect servers. Started niced when the
session begins (if a bundle test is selected and no fresh build exists), it
is usually done by the time the bundle tests, ordered last, ask for it --
which keeps the whole suite near 10 minutes on two cores.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LOG = PACKAGING / "out" / "linux" / "background-build.log"
BUNDLE_TESTS = "tests/packaging/test_linux_bundle.py"

_process: subprocess.Popen[bytes] | None = None


def _stamp_module():
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))
    import build_stamp

    return build_stamp


def build_is_fresh(stamp_path: Path) -> bool:
    build_stamp = _stamp_module()
    stamp = build_stamp.read(stamp_path)
    return (
        stamp is not None
        and stamp.get("fingerprint") == build_stamp.fingerprint()
        and (ROOT / stamp.get("tarball", "-")).is_file()
        and (ROOT / stamp.get("deb", "-")).is_file()
        and not os.environ.get("FLOWDESK_PACKAGING_REBUILD")
    )


def wanted(nodeids: list[str]) -> bool:
    return (
        sys.platform.startswith("linux")
        and shutil.which("dpkg-deb") is not None
        and os.environ.get("FLOWDESK_PACKAGING_BACKGROUND", "1") != "0"
        and any(nodeid.startswith(BUNDLE_TESTS) for nodeid in nodeids)
    )


def start(stamp_path: Path) -> None:
    """Launch the build (niced) unless a fresh one exists or one is running."""
    global _process
    if _process is not None or build_is_fresh(stamp_path):
        return
    LOG.parent.mkdir(parents=True, exist_ok=True)
    log = LOG.open("wb")
    env = {**os.environ, "PYTHON": sys.executable}
    env.pop("FLOWDESK_HOME", None)  # the session's private home is the tests' business
    _process = subprocess.Popen(
        ["nice", "-n", "10", "bash", str(PACKAGING / "build_linux.sh")],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()


def wait(timeout: float) -> tuple[int, str] | None:
    """The background build's exit code and log tail, or None if none was started."""
    global _process
    if _process is None:
        return None
    process, _process = _process, None
    code = process.wait(timeout=timeout)
    return code, LOG.read_text(encoding="utf-8", errors="replace")[-6000:]


def stop() -> None:
    """At the end of the session: never leave a build running."""
    global _process
    if _process is not None and _process.poll() is None:
        import signal

        os.killpg(_process.pid, signal.SIGTERM)
        try:
            _process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(_process.pid, signal.SIGKILL)
    _process = None
