"""A graceful stop where there is no SIGTERM: the stop-request file.

On Windows `terminate()` kills at once, so a child that must clean up (the runner
suspends its runs in progress) listens for a request instead, and `kill_tree` asks
that way first. Same code on every OS, so this runs on Linux and under Wine.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from desktop_app.core.supervision.processes import _stop_file, kill_tree, request_stop

CHILD = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from desktop_app.core.supervision.processes import listen_for_stop_request

    marker = Path(sys.argv[1])

    def on_stop():
        marker.write_text("cleaned up", encoding="utf-8")
        os._exit(0)

    listen_for_stop_request(on_stop)
    print("listening", flush=True)
    time.sleep(600)
    """
)


def start_child(marker) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(marker)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "listening"
    return proc


def test_kill_tree_asks_a_listening_child_to_stop_and_it_cleans_up(tmp_path):
    marker = tmp_path / "marker.txt"
    proc = start_child(marker)
    try:
        killed = kill_tree(proc.pid, grace=60)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert killed == []
    assert marker.read_text(encoding="utf-8") == "cleaned up"
    assert not _stop_file(proc.pid, "listening").exists()


def test_a_process_that_does_not_listen_is_not_asked(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        assert request_stop(proc.pid) is False
        assert not _stop_file(proc.pid, "request").exists()
    finally:
        proc.kill()
        proc.wait(timeout=30)
