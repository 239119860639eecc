"""The anchor's face: Prefect's own web UI in headless Chromium, driven over DevTools.

Debian's `chromium`, a fresh profile per launch, and the flags a headless measurement needs
(no sandbox, GPU, first-run page, background networking, component updates or sync). The
page is asked over the DevTools protocol (websockets, which comes with Prefect) whether a
run's name is visible yet; that moment is "rows visible". The clock starts when the
browser is launched (on a blank page, so the screen size is set before Prefect's page
loads).
"""

from __future__ import annotations

import contextlib
import json
import os
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
    "--disable-crash-reporter", "--disable-breakpad", "--remote-debugging-port=0",
]


def available() -> bool:
    return Path(CHROMIUM).exists()


@contextlib.contextmanager
def browser(url: str) -> Iterator[tuple[subprocess.Popen, float, str]]:
    """Chromium on `url` → (process, monotonic launch time, page websocket URL); stopped after."""
    profile = Path(tempfile.mkdtemp(prefix="chromium-profile-"))
    began = time.monotonic()
    # Its crash database, caches and temp files follow XDG and TMPDIR, not --user-data-dir:
    # keep them all in the profile, which goes when the browser does.
    (profile / "tmp").mkdir()
    env = dict(os.environ, XDG_CONFIG_HOME=str(profile / "config"),
               XDG_CACHE_HOME=str(profile / "cache"), TMPDIR=str(profile / "tmp"))
    proc = subprocess.Popen(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", url],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
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
        from desktop_app.core.supervision.processes import kill_tree

        kill_tree(proc.pid, grace=5)
        shutil.rmtree(profile, ignore_errors=True)


class Page:
    """One DevTools session on the browser's page (kept open: the screen size is set here)."""

    def __init__(self, ws_url: str) -> None:
        from websockets.sync.client import connect

        self._ws = connect(ws_url, max_size=None)
        self._n = 0
        # A common desktop screen. Headless Chromium's own window is smaller, and Prefect's
        # runs list (≈720 px down, under the filters and the scatter plot) renders its rows
        # only once they are on screen.
        self.call("Emulation.setDeviceMetricsOverride",
                  width=1920, height=1080, deviceScaleFactor=1, mobile=False)

    def call(self, method: str, **params) -> dict:
        self._n += 1
        self._ws.send(json.dumps({"id": self._n, "method": method, "params": params}))
        while True:
            reply = json.loads(self._ws.recv(timeout=30))
            if reply.get("id") == self._n:
                return reply.get("result", {})

    def wait_for_text(self, url: str, text: str, timeout: float = 120) -> float:
        """Go to `url`; poll every 50 ms until its visible text has `text` → monotonic time."""
        self.call("Page.navigate", url=url)
        expression = f"!!(document.body && document.body.innerText.includes({json.dumps(text)}))"
        deadline = time.monotonic() + timeout
        while True:
            result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
            if result.get("result", {}).get("value") is True:
                return time.monotonic()
            if time.monotonic() > deadline:
                shown = self.call("Runtime.evaluate", returnByValue=True,
                                  expression="document.body ? document.body.innerText : ''")
                seen = str(shown.get("result", {}).get("value", ""))[:600]
                raise TimeoutError(f"{text!r} never appeared in Prefect's UI at {url}; "
                                   f"it shows: {seen!r}")
            time.sleep(0.05)

    def close(self) -> None:
        self._ws.close()


@contextlib.contextmanager
def page_showing(url: str, text: str) -> Iterator[tuple[subprocess.Popen, float]]:
    """Launch Chromium, open `url` → (process, seconds from launch until `text` is visible)."""
    with browser("about:blank") as (proc, began, ws_url):
        page = Page(ws_url)
        try:
            yield proc, page.wait_for_text(url, text) - began
        finally:
            page.close()
