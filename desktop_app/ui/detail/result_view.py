"""The run's outcome: its result, or its error with the traceback.

Prefect keeps results only when they are persisted; otherwise we say so and
how to change it, instead of showing an empty box. For a failure, the final
state's message is shown with the tracebacks found in the run's error logs
(the engine logs them there), so the cause is one click away.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop_app.core.api.models import LogLine, RunInfo
from desktop_app.ui.detail.log_text import clean, cut
from desktop_app.ui.detail.pages import note_above, read_only_text

MAX_RESULT_CHARS = 200_000


def result_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, indent=2, ensure_ascii=False, default=repr)
    except (TypeError, ValueError):
        return repr(value)


def is_missing_result(value: Any) -> bool:
    """Prefect's "not persisted" answer (MissingResult or its message)."""
    name = type(value).__name__
    text = str(value)
    return name == "MissingResult" or "State data is missing" in text


class ResultView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = read_only_text(self)
        self.text.setUndoRedoEnabled(False)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.summary = note_above(self, self.text)
        self._again: Callable[[], None] = self.show_pending
        self.show_pending()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._again()
        super().changeEvent(event)

    def show_pending(self) -> None:
        self._again = self.show_pending
        self.summary.setText(self.tr("The run has not finished yet."))
        self.text.clear()
        self.text.hide()

    def show_loading(self) -> None:
        self._again = self.show_loading
        self.summary.setText(self.tr("Loading the outcome…"))

    def show_result(self, run: RunInfo, value: Any) -> None:
        self._again = lambda: self.show_result(run, value)
        self.text.show()
        if is_missing_result(value):
            self.summary.setText(
                self.tr(
                    "The run completed, but its result was not kept. Turn on result "
                    "persistence (persist_result=True on the flow) to see it here."
                )
            )
            self.text.hide()
            return
        if isinstance(value, BaseException):
            self.summary.setText(self.tr("The result could not be read."))
            self.text.setPlainText(f"{type(value).__name__}: {value}")
            return
        self.summary.setText(self.tr("Result of “{name}”:").format(name=run.name))
        self.text.setPlainText(cut(clean(result_text(value)), MAX_RESULT_CHARS))

    def show_error(self, run: RunInfo, error_logs: list[LogLine]) -> None:
        self._again = lambda: self.show_error(run, error_logs)
        self.text.show()
        self.summary.setText(self.tr("The run ended {state}.").format(state=run.state.name))
        parts = [run.state.message or ""]
        tracebacks = [line.message for line in error_logs if "Traceback" in line.message]
        others = [line.message for line in error_logs if "Traceback" not in line.message]
        if tracebacks:
            parts.append("\n\n".join(tracebacks))
        elif others:
            parts.append("\n".join(others[-20:]))
        self.text.setPlainText(cut(clean("\n\n".join(p for p in parts if p)), MAX_RESULT_CHARS))

    def content(self) -> str:
        return self.summary.text() + "\n" + self.text.toPlainText()
