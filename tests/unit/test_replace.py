"""State files are replaced while other processes read them (Windows refuses that)."""

from __future__ import annotations

import os
import threading

import pytest

from desktop_app.core.config.replace import replace_file


def test_replace_waits_for_a_reader_to_close_the_target(tmp_path):
    target = tmp_path / "server.json"
    target.write_text("old", encoding="utf-8")
    opened, release = threading.Event(), threading.Event()

    def reader() -> None:
        with open(target, encoding="utf-8"):
            opened.set()
            release.wait(10)

    thread = threading.Thread(target=reader)
    thread.start()
    assert opened.wait(10)
    source = tmp_path / "server.json.tmp"
    source.write_text("new", encoding="utf-8")
    if os.name == "nt":  # what plain os.replace does on Windows while it is open
        with pytest.raises(PermissionError):
            os.replace(source, target)
    threading.Timer(0.3, release.set).start()

    replace_file(source, target)

    thread.join(10)
    assert target.read_text(encoding="utf-8") == "new"
    assert not source.exists()
