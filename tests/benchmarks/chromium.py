"""The anchor's face: Prefect's own web UI in headless Chromium, driven over DevTools.

Debian's `chromium`, a fresh profile per launch, and the flags a headless measurement needs
(no sandbox, GPU, first-run page, background networking, component updates or sync). The
page is asked over the DevTools protocol (websockets, which comes with Prefect) whether a
run's name is visible yet; that moment is "rows visible".
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--remote-debugging-port=0", "--window-size=1360,860",
]


def available() -> bool:
    return Path(CHROMIUM).exists()


@contextlib.contextmanager
def browser(url: str) -> Iterator[tuple[subprocess.Popen, float, str]]:
    """Chromium on `url` → (process, monotonic launch time, page websocket URL); stopped after."""
    profile = Path(tempfile.mkdtemp(prefix="chromium-profile-"))
    began = time.monotonic()
    proc = subprocess.Popen(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", url],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("chromium did not open its DevTools port")
            time.sleep(0.02)
        port = int(port_file.read_text().split()[0])
        page = None
        while page is None:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as r:
                page = next((t for t in json.load(r) if t.get("type") == "page"), None)
            if page is None:
                time.sleep(0.02)
        yield proc, began, page["webSocketDebuggerUrl"]
    finally:
        from desktop_app.core.processes import kill_tree

        kill_tree(proc.pid, grace=5)
        shutil.rmtree(profile, ignore_errors=True)


def wait_for_text(ws_url: str, text: str, timeout: float = 120) -> float:
    """Poll the page every 50 ms until its visible text contains `text` → monotonic time."""
    from websockets.sync.client import connect

    expression = f"!!(document.body && document.body.innerText.includes({json.dumps(text)}))"
    deadline = time.monotonic() + timeout
    with connect(ws_url, max_size=None) as ws:
        n = 0
        while True:
            n += 1
            ws.send(json.dumps({"id": n, "method": "Runtime.evaluate",
                                "params": {"expression": expression, "returnByValue": True}}))
            while True:
                reply = json.loads(ws.recv(timeout=30))
                if reply.get("id") == n:
                    break
            if reply.get("result", {}).get("result", {}).get("value") is True:
                return time.monotonic()
            if time.monotonic() > deadline:
                raise TimeoutError(f"{text!r} never appeared in Prefect's UI")
            time.sleep(0.05)
