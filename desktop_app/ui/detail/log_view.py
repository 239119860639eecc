"""`LogView`: a log pane that keeps up with a flow logging 1,000 lines a second.

How it stays responsive:
- `append_lines()` only queues; a timer drains the queue in slices of at most
  `SLICE_SECONDS` of work, with one `appendPlainText` per slice, so the loop
  is never blocked long however much arrives at once;
- the document is capped (`setMaximumBlockCount`) and every line is cleaned
  and cut (`log_text`), so a binary blob or a 1 MB line is harmless;
- warnings and errors are coloured by a cursor over just those lines (a
  QSyntaxHighlighter would run Python for every block), search matches are
  painted as extra selections for the visible blocks only, and "only
  matching lines" rebuilds the document from memory.

Auto-scroll follows the end until the person scrolls up, and starts again
when they scroll back to the bottom.
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api.models import LogLine
from desktop_app.core.config.atomic import atomic_write_text
from desktop_app.ui.detail.log_bar import LogBar
from desktop_app.ui.detail.log_text import format_line
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.timers import make_timer

DOCUMENT_MAX_LINES = 20_000
"""Lines kept in the view: enough to scroll back through, cheap to lay out."""
MEMORY_MAX_LINES = 100_000
"""Lines kept in memory for filtering and search (older ones are dropped)."""
SLICE_SECONDS = 0.016
"""Work per slice (format + insert); the loop gets control back in between."""
SLICE_MIN_LINES = 100
SLICE_MAX_LINES = 2_000


_LEVEL_COLORS = {30: "#b86e00", 40: "#c62828", 50: "#a1127a"}


def _level_formats() -> dict[int, QTextCharFormat]:
    formats = {}
    for level, color in _LEVEL_COLORS.items():
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(color))
        if level >= 50:
            fmt.setFontWeight(700)
        formats[level] = fmt
    return formats


class LogView(Retranslating, QWidget):
    """Queue-fed log text with level filter, search, copy, follow and save."""

    save_requested = Signal(str, int)  # path, minimum level: the owner may fetch everything
    lines_shown = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # (timestamp, level, display line); a record's lines share its timestamp.
        self._memory: deque[tuple[float, int, str]] = deque(maxlen=MEMORY_MAX_LINES)
        self._newest = 0.0
        self.out_of_order = 0
        self._pending: deque[LogLine] = deque()
        self._dropped = 0
        self._total = 0
        self._min_level = 0
        self._pattern: re.Pattern[str] | None = None
        self._only_matching = False
        self._follow = True
        self._programmatic_scroll = False
        self._seconds_per_line = 30e-6  # learnt: inserting into a full document costs more
        self.has_external_save = False
        self._sort_when_drained = False
        self.task_names: dict[str, str] = {}
        """task_run_id → task run name: task lines say which task wrote them."""
        self._build()
        self._drain_timer = make_timer(self, 5, self._drain)
        self._search_timer = make_timer(self, 200, self._apply_search, single_shot=True)
        self._marks_timer = make_timer(self, 30, self._paint_matches, single_shot=True)

    # -- layout ------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = LogBar(self)
        bar = self.bar
        self.level_combo, self.search = bar.level_combo, bar.search
        self.only_matching, self.wrap, self.follow_box = bar.only_matching, bar.wrap, bar.follow_box
        self.copy_button, self.save_button = bar.copy_button, bar.save_button
        self.level_combo.currentIndexChanged.connect(self._on_level)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.find_next)
        self.only_matching.toggled.connect(self._on_only_matching)
        self.wrap.toggled.connect(self._on_wrap)
        self.follow_box.toggled.connect(self.set_follow)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self._ask_save_path)
        layout.addWidget(bar)

        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setUndoRedoEnabled(False)
        self.text.setMaximumBlockCount(DOCUMENT_MAX_LINES)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._formats = _level_formats()
        bar_widget = self.text.verticalScrollBar()
        bar_widget.valueChanged.connect(self._on_scrolled)
        bar_widget.valueChanged.connect(lambda _v: self._marks_timer.start())
        layout.addWidget(self.text, 1)

        self.status = QLabel(self)
        self.status.setEnabled(False)
        layout.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        tr = self.tr
        self.text.setPlaceholderText(tr("No log lines yet."))
        self._update_status()

    # -- feeding -----------------------------------------------------------------
    def append_lines(self, lines: Iterable[LogLine]) -> None:
        """Queue log records; they appear within a few ms without blocking the loop."""
        self._pending.extend(lines)
        if self._pending and not self._drain_timer.isActive():
            self._drain_timer.start()

    def clear(self) -> None:
        self._pending.clear()
        self._memory.clear()
        self.task_names.clear()
        self._newest = 0.0
        self.out_of_order = 0
        self._dropped = 0
        self._total = 0
        self.text.clear()
        self._follow = True
        self.follow_box.setChecked(True)
        self._update_status()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def _drain(self) -> None:
        """Format a slice of the queue and insert it with one call.

        The slice is sized from the measured cost per line so that formatting
        plus inserting stays near `SLICE_SECONDS`: once the document is at
        its cap, every appended line also removes one from the top, which
        costs several times more than the append itself.
        """
        started = time.perf_counter()
        limit = int(SLICE_SECONDS / self._seconds_per_line)
        limit = max(SLICE_MIN_LINES, min(SLICE_MAX_LINES, limit))
        shown: list[tuple[int, str]] = []
        produced = 0
        while self._pending and produced < limit:
            record = self._pending.popleft()
            display = format_line(record, task=self.task_names.get(record.task_run_id or ""))
            produced += len(display)
            self._total += len(display)
            overflow = len(self._memory) + len(display) - MEMORY_MAX_LINES
            if overflow > 0:
                self._dropped += overflow
            stamp = record.timestamp.timestamp()
            if stamp < self._newest:
                self.out_of_order += 1  # a late batch from another process
            self._newest = max(self._newest, stamp)
            self._memory.extend((stamp, record.level, text) for text in display)
            if self._visible(record.level, display):
                shown.extend((record.level, text) for text in display)
            if time.perf_counter() - started > SLICE_SECONDS / 2:
                break  # formatting took its half of the slice (huge lines)
        if shown:
            self._insert(shown)
        if produced:
            per_line = (time.perf_counter() - started) / produced
            self._seconds_per_line = 0.7 * self._seconds_per_line + 0.3 * per_line
        if not self._pending:
            self._drain_timer.stop()
            if self._sort_when_drained:
                self._sort_when_drained = False
                self.sort_by_time()
        self._update_status()

    def _visible(self, level: int, display: list[str]) -> bool:
        if level < self._min_level:
            return False
        if self._only_matching and self._pattern is not None:
            return any(self._pattern.search(text) for text in display)
        return True

    def _insert(self, lines: list[tuple[int, str]]) -> None:
        bar = self.text.verticalScrollBar()
        keep = bar.value()
        self.text.appendPlainText("\n".join(text for _level, text in lines))
        self._colour(lines)
        self._programmatic_scroll = True
        try:
            if self._follow:
                bar.setValue(bar.maximum())
            else:
                bar.setValue(min(keep, bar.maximum()))
        finally:
            self._programmatic_scroll = False
        self.lines_shown.emit(self.text.document().blockCount())

    def _colour(self, lines: list[tuple[int, str]]) -> None:
        """Colour the warning/error lines among the last `len(lines)` blocks."""
        document = self.text.document()
        first = document.blockCount() - len(lines)
        for offset, (level, _text) in enumerate(lines):
            fmt = self._formats.get(min(level // 10 * 10, 50))
            if fmt is None:
                continue
            block = document.findBlockByNumber(first + offset)
            if not block.isValid():
                continue
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.setCharFormat(fmt)

    def _rebuild(self) -> None:
        """Re-fill the document from memory after a filter change (one setPlainText)."""
        if self._only_matching and self._pattern is not None:
            # Keep whole records whose text matches, so a traceback stays together.
            pattern = self._pattern
            shown: list[tuple[int, str]] = []
            record: list[tuple[int, str]] = []
            for _stamp, level, text in self._memory:
                if level < self._min_level:
                    continue
                if text[:1].isdigit() and record:
                    if any(pattern.search(t) for _l, t in record):
                        shown.extend(record)
                    record = []
                record.append((level, text))
            if record and any(pattern.search(t) for _l, t in record):
                shown.extend(record)
        else:
            shown = [(lv, text) for _s, lv, text in self._memory if lv >= self._min_level]
        shown = shown[-DOCUMENT_MAX_LINES:]
        with QSignalBlocker(self.text.verticalScrollBar()):
            self.text.setPlainText("\n".join(text for _level, text in shown))
            self._colour(shown)
        if self._follow:
            self.scroll_to_end()
        self._update_status()
        self._marks_timer.start()

    def request_sort(self) -> None:
        """Sort by time as soon as the queue is drained (the tail has ended)."""
        if self._pending:
            self._sort_when_drained = True
        else:
            self.sort_by_time()

    def sort_by_time(self) -> bool:
        """Put late-arrived lines in time order (once the run is over); True if it did."""
        if not self.out_of_order or self._pending:
            return False
        ordered = sorted(self._memory, key=lambda entry: entry[0])  # stable: records stay whole
        self._memory = deque(ordered, maxlen=MEMORY_MAX_LINES)
        self.out_of_order = 0
        self._rebuild()
        return True

    # -- filter, search ---------------------------------------------------------------
    def _on_level(self, _index: int) -> None:
        self._min_level = int(self.level_combo.currentData() or 0)
        self._rebuild()

    def set_min_level(self, level: int) -> None:
        index = self.level_combo.findData(level)
        if index >= 0:
            self.level_combo.setCurrentIndex(index)

    def _apply_search(self) -> None:
        term = self.search.text()
        self._pattern = re.compile(re.escape(term), re.IGNORECASE) if term else None
        if self._only_matching:
            self._rebuild()
        self._paint_matches()
        self._update_status()

    def set_search(self, term: str) -> None:
        """Set the search text and apply it now (tests, "find" from elsewhere)."""
        self.search.setText(term)
        self._search_timer.stop()
        self._apply_search()

    def _on_only_matching(self, checked: bool) -> None:
        self._only_matching = checked
        self._rebuild()

    def _paint_matches(self) -> None:
        """Highlight search matches in the visible blocks only: O(screen), not O(log)."""
        selections: list[QTextEdit.ExtraSelection] = []
        if self._pattern is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#ffe066"))
            fmt.setForeground(QColor("#000000"))
            block = self.text.firstVisibleBlock()
            bottom = self.text.viewport().height()
            geometry = self.text.blockBoundingGeometry(block).translated(self.text.contentOffset())
            while block.isValid() and geometry.top() <= bottom:
                for match in self._pattern.finditer(block.text()):
                    selection = QTextEdit.ExtraSelection()
                    cursor = QTextCursor(block)
                    cursor.setPosition(block.position() + match.start())
                    cursor.setPosition(
                        block.position() + match.end(), QTextCursor.MoveMode.KeepAnchor
                    )
                    selection.cursor = cursor
                    selection.format = fmt
                    selection.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
                    selections.append(selection)
                block = block.next()
                geometry = self.text.blockBoundingGeometry(block).translated(
                    self.text.contentOffset()
                )
        self.text.setExtraSelections(selections)

    def match_count_visible(self) -> int:
        return len(self.text.extraSelections())

    def find_next(self, backward: bool = False) -> bool:
        term = self.search.text()
        if not term:
            return False
        modifiers = QGuiApplication.keyboardModifiers()
        backward = backward or bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.text.find(term, flags)
        if not found:  # wrap around
            cursor = self.text.textCursor()
            cursor.movePosition(
                QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
            )
            self.text.setTextCursor(cursor)
            found = self.text.find(term, flags)
        if found:
            self.set_follow(False)
        return found

    # -- following -----------------------------------------------------------------
    def _on_scrolled(self, value: int) -> None:
        if self._programmatic_scroll:
            return
        at_bottom = value >= self.text.verticalScrollBar().maximum() - 2
        if at_bottom != self._follow:
            self._follow = at_bottom
            with QSignalBlocker(self.follow_box):
                self.follow_box.setChecked(at_bottom)

    def set_follow(self, follow: bool) -> None:
        self._follow = follow
        with QSignalBlocker(self.follow_box):
            self.follow_box.setChecked(follow)
        if follow:
            self.scroll_to_end()

    @property
    def following(self) -> bool:
        return self._follow

    def scroll_to_end(self) -> None:
        bar = self.text.verticalScrollBar()
        self._programmatic_scroll = True
        try:
            bar.setValue(bar.maximum())
        finally:
            self._programmatic_scroll = False

    def _on_wrap(self, wrap: bool) -> None:
        mode = (
            QPlainTextEdit.LineWrapMode.WidgetWidth if wrap else QPlainTextEdit.LineWrapMode.NoWrap
        )
        self.text.setLineWrapMode(mode)

    # -- copy, save ------------------------------------------------------------------
    def shown_text(self) -> str:
        return self.text.toPlainText()

    def copy(self) -> None:
        cursor = self.text.textCursor()
        text = cursor.selectedText().replace("\u2029", "\n") if cursor.hasSelection() else ""
        QGuiApplication.clipboard().setText(text or self.shown_text())

    def _ask_save_path(self) -> None:
        dialog = QFileDialog(self, self.tr("Save log"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("Log files (*.log *.txt)"), self.tr("All files (*)")])
        dialog.setDefaultSuffix("log")
        dialog.selectFile("flow-run.log")
        dialog.fileSelected.connect(self._save_to)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # never exec(): this runs under qasync

    def _save_to(self, path: str) -> None:
        if self.has_external_save:
            self.save_requested.emit(path, self._min_level)
        else:
            self.save_memory(path)

    def save_memory(self, path: str) -> int:
        """Write the lines held in memory (at or above the level filter); returns the count."""
        lines = [text for _stamp, level, text in self._memory if level >= self._min_level]
        try:
            atomic_write_text(Path(path), "\n".join(lines) + ("\n" if lines else ""))
        except OSError as exc:
            self.show_note(self.tr("Could not save: {error}").format(error=exc))
            return 0
        self.show_note(self.tr("Saved {count} lines to {path}").format(count=len(lines), path=path))
        return len(lines)

    # -- status ----------------------------------------------------------------------
    def show_note(self, text: str) -> None:
        self.status.setText(text)

    def _update_status(self) -> None:
        document = self.text.document()
        blocks = 0 if document.isEmpty() else document.blockCount()
        parts = [self.tr("{count} lines received").format(count=f"{self._total:,}")]
        if blocks and blocks < self._total:
            parts.append(self.tr("{count} shown").format(count=f"{blocks:,}"))
        if self._dropped:
            parts.append(
                self.tr("{count} oldest dropped from memory; Save… gets them all").format(
                    count=f"{self._dropped:,}"
                )
            )
        if self._pending:
            parts.append(self.tr("{count} queued").format(count=f"{len(self._pending):,}"))
        self.status.setText(" · ".join(parts))
