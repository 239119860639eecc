"""Small building blocks the detail panes share: a note above a body, read-only text.

The run's outcome, the task's inputs and the task's result all show a
sentence of context (wrapping) above what they are about, with no margin of
their own (the tab or pane around them has one).
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget


def read_only_text(parent: QWidget) -> QPlainTextEdit:
    """A read-only text box in the fixed-width font: results, tracebacks, values."""
    text = QPlainTextEdit(parent)
    text.setReadOnly(True)
    text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return text


def note_above(page: QWidget, body: QWidget) -> QLabel:
    """Lay out `page` as a wrapping note above `body` (which takes the height); the note."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    note = QLabel(page)
    note.setWordWrap(True)
    layout.addWidget(note)
    layout.addWidget(body, 1)
    return note
