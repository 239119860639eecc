"""Prefect's own server as a person starts it: the anchor side of several benchmarks."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from desktop_app.core.supervision.ports import free_port
from desktop_app.core.supervision.processes import kill_tree


def copy_prefect_database(source_home: Path, target_home: Path) -> None:
    """Give the anchor the same database, through SQLite's backup API.

    A file copy of `prefect.db` alone misses what the server left in its WAL
    file (the runs just seeded, unless a checkpoint happened to run first), and
    Prefect's UI then shows an empty runs page.
    """
    target_home.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{source_home / 'prefect.db'}?mode=ro", uri=True, timeout=60)
    try:
        target = sqlite3.connect(target_home / "prefect.db")
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


@contextlib.contextmanager
def plain_prefect_server(prefect_home: Path):
    """`prefect server start` as a person would run it (auth off: Prefect's default; analytics
    off and the same database as ours) → (seconds to healthy, API URL); stopped on exit."""
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_API_URL": api_url,
        "PREFECT_UI_API_URL": api_url,
        "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    }
    began = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
         "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{api_url}/health", timeout=1):
                    break
            except OSError:
                if time.monotonic() - began > 120 or proc.poll() is not None:
                    raise
                time.sleep(0.05)
        yield time.monotonic() - began, api_url, proc
    finally:
        kill_tree(proc.pid, grace=5)
