"""Uncaught errors in words: the one place the app's failures reach a person.

Three doors lead here (`sys.excepthook`, the `TaskKeeper` reporter and the
asyncio loop's exception handler) so that whatever fails, the log gets the
traceback and the user gets one sentence and a box -- never a silent failure,
never a stack of boxes (later errors join the open one).
"""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app.ui.async_tools import describe

log = logging.getLogger("flowdesk.app")


class ErrorReporter(QObject):
    """Uncaught errors: written to the app log, shown in words, traceback a click away."""

    def __init__(self, log_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.window: QWidget | None = None
        self.shown: list[str] = []
        self._box: QMessageBox | None = None
        self._more = 0

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        self.show(exc, "".join(traceback.format_exception(exc_type, exc, tb)))

    def report_task(self, exc: BaseException, name: str) -> None:
        # TaskKeeper has logged it already.
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        self.show(exc, f"Task: {name}\n\n{details}")

    def loop_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        message = context.get("message", "")
        if isinstance(exc, asyncio.CancelledError):
            return
        log.error("asyncio: %s", message, exc_info=exc)
        if exc is not None:
            self.show(exc, f"{message}\n\n" + "".join(traceback.format_exception(exc)))

    def show(self, exc: BaseException, details: str) -> None:
        text = describe(exc)
        self.shown.append(text)
        if QApplication.instance() is None:
            return
        if self._box is not None and self._box.isVisible():
            self._more += 1
            self._box.setInformativeText(self._informative())
            self._box.setDetailedText(self._box.detailedText() + "\n\n" + details)
            return
        self._more = 0
        box = QMessageBox(self.window, objectName="errorReport")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("Flowdesk: something went wrong"))
        box.setText(text)
        box.setInformativeText(self._informative())
        box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._forget_box)
        self._box = box
        box.open()  # never exec(): a nested loop inside qasync breaks running tasks

    def _forget_box(self, *_args: object) -> None:
        self._box = None

    def _informative(self) -> str:
        text = self.tr("The app keeps running. Details were written to {path}.").format(
            path=self.log_path
        )
        if self._more:
            text += "\n" + self.tr("{count} more error(s) since.").format(count=self._more)
        return text
