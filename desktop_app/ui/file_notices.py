"""Damaged-file notices from the engine, shown in the window's status bar.

`core.damaged` says "X was damaged; kept as X.broken-…" in one line from
whichever thread read the file (server checks run off the Qt loop); a Qt
signal carries the line to the GUI thread. Lines said before the window
existed (the settings are read first) arrive as soon as it listens.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.core.config import damaged


class FileNotices(QObject):
    notice = Signal(str)

    def __init__(self, show, parent: QObject | None = None) -> None:
        """`show(text)` is called on the GUI thread, e.g. `MainWindow.show_error`."""
        super().__init__(parent)
        self.notice.connect(show)
        self._stop = damaged.listen(self.notice.emit)
        self.destroyed.connect(lambda *_: self._stop())


def attach(window) -> FileNotices:
    """Route damaged-file notices into `window.show_error` for the window's lifetime.

    The line can be longer than the status bar: "Details…" shows it whole.
    """
    return FileNotices(lambda text: window.show_error(text, text), window)
