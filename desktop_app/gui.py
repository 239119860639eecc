"""The GUI entry module: the one place outside `desktop_app.ui` that reaches Qt.

The CLI calls `launch` lazily, so `flowdesk list` never pays for importing Qt.
"""

from __future__ import annotations


def launch(argv: list[str]) -> int:
    from desktop_app.ui.app import run_app

    return run_app(argv)
