"""A small Python editor: line numbers, 4-space indentation, problem markers.

Built on `QPlainTextEdit` (fast for short texts, no rich-text baggage):

- Tab inserts spaces to the next multiple of 4 (indents a multi-line
  selection), Shift+Tab dedents, Backspace in leading spaces removes one
  level, Enter keeps the indentation and adds a level after a `:`;
- `set_markers` underlines each problem at its line/column with a wavy line,
  puts a dot in the margin, and shows the message on hover there;
- the editor's own undo is off: the designer records edits as model
  commands, so Ctrl+Z here reaches the design's undo stack (and undoes the
  code exactly like any other edit).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from desktop_app.designer.syntax import SyntaxIssue
from desktop_app.ui.designer.colors import canvas_colors
from desktop_app.ui.designer.highlighter import PythonHighlighter
from desktop_app.ui.style import is_dark

INDENT = "    "
_DEDENT_AFTER = re.compile(r"^\s*(return|pass|raise|break|continue)\b")
_WORD = re.compile(r"\w+")


Marker = SyntaxIssue
"""A problem shown in the editor: 1-based line and column, as validation reports.

The designer model's own type (a validation problem has the same four facts),
so the two cannot drift apart."""


class _Gutter(QWidget):
    """Line numbers and problem dots, painted by the editor."""

    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_gutter(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            line = self.editor.line_at_y(event.pos().y())
            text = self.editor.messages_on_line(line)
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class CodeEditor(QPlainTextEdit):
    """Python text with markers; `code_edited` fires for the person's edits only."""

    code_edited = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, read_only: bool = False) -> None:
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.setFont(font)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setUndoRedoEnabled(False)
        self.setReadOnly(read_only)
        self.highlighter = PythonHighlighter(self.document())
        self.markers: list[Marker] = []
        self._programmatic = False
        self._gutter = _Gutter(self)
        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._update_gutter)
        self.cursorPositionChanged.connect(self._refresh_selections)
        self.textChanged.connect(self._on_text_changed)
        self._update_gutter_width()
        self._refresh_selections()

    # -- text ----------------------------------------------------------------------------
    def code(self) -> str:
        return self.toPlainText()

    def set_code(self, text: str) -> None:
        """Replace the text (from the model); keeps the cursor near where it was."""
        if text == self.toPlainText():
            return
        position = self.textCursor().position()
        scroll = self.verticalScrollBar().value()
        self._programmatic = True
        try:
            self.setPlainText(text)
        finally:
            self._programmatic = False
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(text)))
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(scroll)

    def _on_text_changed(self) -> None:
        if not self._programmatic and not self.isReadOnly():
            self.code_edited.emit(self.toPlainText())

    def insert_text(self, text: str) -> None:
        """Insert at the cursor (the inputs list uses this) and give the editor focus."""
        self.textCursor().insertText(text)
        self.setFocus()

    def go_to(self, line: int, column: int = 1) -> None:
        """Put the cursor at a 1-based line/column and show it."""
        block = self.document().findBlockByNumber(max(line, 1) - 1)
        if not block.isValid():
            block = self.document().lastBlock()
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor,
                            min(max(column, 1) - 1, max(block.length() - 1, 0)))
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    # -- markers ---------------------------------------------------------------------------
    def set_markers(self, markers: list[Marker]) -> None:
        if markers == self.markers:
            return
        self.markers = list(markers)
        self._refresh_selections()
        self._gutter.update()

    def marker_ranges(self) -> list[tuple[Marker, int, int]]:
        """(marker, start, end) document positions of each underline."""
        ranges = []
        for marker in self.markers:
            block = self.document().findBlockByNumber(marker.line - 1)
            if not block.isValid():
                block = self.document().lastBlock()
            text = block.text()
            column = min(max(marker.column - 1, 0), len(text))
            match = _WORD.match(text, column)
            end = match.end() if match and match.end() > column else column + 1
            if column >= len(text):  # at the end of the line: mark its last character
                column, end = max(len(text) - 1, 0), max(len(text), 1)
            ranges.append((marker, block.position() + column, block.position() + end))
        return ranges

    def messages_on_line(self, line: int) -> str:
        return "\n".join(m.message for m in self.markers if m.line == line)

    def message_at(self, position: int) -> str:
        hits = [m.message for m, start, end in self.marker_ranges() if start <= position < end]
        return "\n".join(hits)

    def _refresh_selections(self) -> None:
        colors = canvas_colors()
        selections = []
        if not self.isReadOnly():
            current = QTextEdit.ExtraSelection()
            highlight = QColor("#ffffff" if is_dark() else "#000000")
            highlight.setAlpha(14)
            current.format.setBackground(highlight)
            current.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            current.cursor = self.textCursor()
            current.cursor.clearSelection()
            selections.append(current)
        for marker, start, end in self.marker_ranges():
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(colors.error if marker.is_error else colors.warning)
            fmt.setToolTip(marker.message)
            selection.format = fmt
            cursor = self.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(min(end, self.document().characterCount() - 1),
                               QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)

    # -- gutter ----------------------------------------------------------------------------
    def gutter_width(self) -> int:
        digits = max(2, len(str(self.blockCount())))
        return 14 + self.fontMetrics().horizontalAdvance("9") * digits + 6

    def _update_gutter_width(self, *_args: object) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        contents = self.contentsRect()
        self._gutter.setGeometry(QRect(contents.left(), contents.top(), self.gutter_width(),
                                       contents.height()))

    def line_at_y(self, y: int) -> int:
        block = self.firstVisibleBlock()
        while block.isValid():
            top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
            bottom = top + self.blockBoundingRect(block).height()
            if top <= y < bottom:
                return block.blockNumber() + 1
            block = block.next()
        return -1

    def paint_gutter(self, event: QPaintEvent) -> None:
        colors = canvas_colors()
        painter = QPainter(self._gutter)
        painter.fillRect(event.rect(), self.palette().alternateBase())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        marked = {}
        for marker in self.markers:
            marked[marker.line] = marked.get(marker.line, False) or marker.is_error
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        width = self._gutter.width()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            number = block.blockNumber() + 1
            if block.isVisible() and bottom >= event.rect().top():
                if number in marked:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(colors.error if marked[number] else colors.warning)
                    painter.drawEllipse(QPoint(7, top + height // 2), 4, 4)
                painter.setPen(colors.muted_text)
                painter.drawText(QRect(0, top, width - 6, height),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 str(number))
            block = block.next()
            top = bottom
        painter.end()

    # -- hover -----------------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            cursor = self.cursorForPosition(event.pos())
            text = self.message_at(cursor.position())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # -- keys ------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Let the designer's Undo/Redo shortcuts through: edits here are model commands.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()
            return False
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not self.isReadOnly()):
            self.keyPressEvent(event)  # Tab indents here; it does not move the focus
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.isReadOnly():
            super().keyPressEvent(event)
            return
        key = event.key()
        if key == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._indent()
        elif key == Qt.Key.Key_Backtab:
            self._dedent()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier):
            self._newline()
        elif key == Qt.Key.Key_Backspace and self._backspace_indent():
            pass
        else:
            super().keyPressEvent(event)

    def _selected_blocks(self) -> tuple[int, int]:
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart()).blockNumber()
        end = cursor.selectionEnd()
        last_block = doc.findBlock(end)
        last = last_block.blockNumber()
        if cursor.hasSelection() and end == last_block.position() and last > first:
            last -= 1  # a selection ending at a line start does not include that line
        return first, last

    def _indent(self) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            first, last = self._selected_blocks()
            if first != last:
                self._edit_lines(first, last, lambda line: INDENT + line if line.strip()
                                 else line)
                return
        column = cursor.positionInBlock()
        cursor.insertText(" " * (4 - column % 4))

    def _dedent(self) -> None:
        first, last = self._selected_blocks()

        def dedent(line: str) -> str:
            spaces = len(line) - len(line.lstrip(" "))
            return line[min(spaces, 4):]

        self._edit_lines(first, last, dedent)

    def _edit_lines(self, first: int, last: int, change) -> None:
        doc = self.document()
        start = doc.findBlockByNumber(first)
        end = doc.findBlockByNumber(last)
        cursor = QTextCursor(start)
        cursor.setPosition(end.position() + end.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        lines = cursor.selectedText().split("\u2029")
        cursor.beginEditBlock()
        cursor.insertText("\n".join(change(line) for line in lines))
        cursor.endEditBlock()
        # Keep the edited lines selected so Tab/Shift+Tab can be repeated.
        select = QTextCursor(doc.findBlockByNumber(first))
        last_block = doc.findBlockByNumber(last)
        select.setPosition(last_block.position() + last_block.length() - 1,
                           QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(select)

    def _newline(self) -> None:
        cursor = self.textCursor()
        line = cursor.block().text()[: cursor.positionInBlock()]
        indent = line[: len(line) - len(line.lstrip(" "))]
        code = line.split("#", 1)[0].rstrip()
        if code.endswith(":"):
            indent += INDENT
        elif _DEDENT_AFTER.match(line) and len(indent) >= 4:
            indent = indent[:-4]
        cursor.insertText("\n" + indent)
        self.ensureCursorVisible()

    def _backspace_indent(self) -> bool:
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        before = cursor.block().text()[: cursor.positionInBlock()]
        if not before or before.strip():
            return False
        remove = len(before) % 4 or 4
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor,
                            remove)
        cursor.removeSelectedText()
        return True
