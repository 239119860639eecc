"""The real app (`run_app`) with an edited, unsaved design, for the crash-recovery test.

    FLOWDESK_HOME=… python designer_crash_child.py

Runs the whole GUI (offscreen) against a remote profile nobody answers (so no
server process exists that a kill -9 could orphan), opens the Designer tab,
adds two nodes and renames the design without saving, waits for the autosave
to write the recovery copy, then prints {"recovery": path, "nodes": [...]}
and keeps running until it is killed.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def say(**data: object) -> None:
    print(json.dumps(data), flush=True)


def main() -> int:
    from desktop_app.core.config import paths
    from desktop_app.ui.app import run_app
    from desktop_app.ui.main_window import MainWindow

    profiles = {"active": "away", "profiles": [
        {"name": "Away", "kind": "remote", "api_url": "http://127.0.0.1:9/api", "id": "away"}]}
    (paths.config_dir() / "profiles.json").write_text(json.dumps(profiles), encoding="utf-8")
    app = QApplication([sys.argv[0]])

    def edit() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows:
            QTimer.singleShot(50, edit)
            return
        window = windows[0]
        window.tabs.setCurrentIndex(window._designer_index)
        designer = window.designer
        ids = [designer.add_node("code"), designer.add_node("loop")]
        designer.design.name = "Crash survivor"  # part of the edit, saved in the copy
        target = designer.document.autosave_target()

        def wait_for_autosave() -> None:
            if target.exists():  # written by the timer, not by this script
                say(recovery=str(target), nodes=ids)
            else:
                QTimer.singleShot(50, wait_for_autosave)

        wait_for_autosave()

    QTimer.singleShot(0, edit)
    return run_app([])


if __name__ == "__main__":
    sys.exit(main())
