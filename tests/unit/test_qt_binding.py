"""The Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11 does)."""

from __future__ import annotations

import sys


def test_qt_calls_returning_nothing_keep_none_alive(qapp):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("x")
    after = sys.getrefcount(None)
    # A leaking binding drops one reference per call; the app would abort later.
    assert before - after < 100, f"None lost {before - after} references in 20,000 Qt calls"
