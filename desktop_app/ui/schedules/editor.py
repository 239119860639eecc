"""`ScheduleEditor`: write one schedule and see at once what it means and when it runs.

Checked locally as the person types (`services.schedule_text`, the same
checks the CLI applies and Prefect would): a wrong cron, RRule, interval or
time zone is named under the field and `spec()` is None, so nothing wrong
is ever sent. The meaning is shown in words in the window's language, with
the next five times in the schedule's time zone. Used by the schedule
dialog and the designer's Deploy dialog.
"""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop_app.core.api.errors import FlowdeskError
from desktop_app.core.api.schedule_models import KINDS, ScheduleSpec
from desktop_app.services.schedule_text import checked, local_timezone, next_times
from desktop_app.services.schedule_words import describe, when_text

KIND_TEXTS = {
    "cron": QT_TRANSLATE_NOOP("ScheduleEditor", "Cron"),
    "interval": QT_TRANSLATE_NOOP("ScheduleEditor", "Interval"),
    "rrule": QT_TRANSLATE_NOOP("ScheduleEditor", "RRule (calendar rule)"),
}
PLACEHOLDERS = {
    "cron": "0 9 * * 1-5",
    "interval": "15m · 1h30m · 3600",
    "rrule": "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=9;BYMINUTE=0",
}
HINTS = {
    "cron": QT_TRANSLATE_NOOP(
        "ScheduleEditor", "minute hour day-of-month month day-of-week; e.g. 0 9 * * 1-5"
    ),
    "interval": QT_TRANSLATE_NOOP(
        "ScheduleEditor", "seconds, or with units: 90s, 15m, 1h30m, 2d, 1w"
    ),
    "rrule": QT_TRANSLATE_NOOP(
        "ScheduleEditor", "an iCalendar rule (RFC 5545), e.g. FREQ=DAILY;BYHOUR=7"
    ),
}
EXAMPLES = {
    "cron": "0 9 * * 1-5",
    "interval": "1h",
    "rrule": "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0",
}
PRESETS = (
    ScheduleSpec("cron", "0 9 * * 1-5"),
    ScheduleSpec("cron", "0 * * * *"),
    ScheduleSpec("cron", "*/15 * * * *"),
    ScheduleSpec("cron", "0 0 * * *"),
    ScheduleSpec("cron", "0 8 * * 1"),
    ScheduleSpec("cron", "0 6 1 * *"),
    ScheduleSpec("interval", "1800"),
    ScheduleSpec("rrule", "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=9;BYMINUTE=0"),
)
"""Starting points, listed by their meaning; the time zone stays as chosen."""
NEXT_COUNT = 5


class ScheduleEditor(QWidget):
    """Kind, expression and time zone, with the meaning and the next times below."""

    changed = Signal()

    def __init__(self, spec: ScheduleSpec | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleEditor")
        self.presets = QComboBox(self, objectName="schedulePresets")
        self.presets.activated.connect(self._preset_chosen)
        self.kind = QComboBox(self, objectName="scheduleKind")
        for kind in KINDS:
            self.kind.addItem(self.tr(KIND_TEXTS[kind]), kind)
        self.value = QLineEdit(self, objectName="scheduleValue")
        self.value.setClearButtonEnabled(True)
        self.hint = QLabel(self)
        self.hint.setEnabled(False)
        self.zone = QComboBox(self, objectName="scheduleZone")
        self.zone.setEditable(True)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone.addItems(sorted(zoneinfo.available_timezones()))
        completer = QCompleter(self.zone.model(), self.zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone.setCompleter(completer)
        self.meaning = QLabel(self, objectName="scheduleMeaning")
        self.meaning.setWordWrap(True)
        font = self.meaning.font()
        font.setBold(True)
        self.meaning.setFont(font)
        self.upcoming = QLabel(self, objectName="scheduleNext")
        self.upcoming.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel(self, objectName="scheduleProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self._labels = [QLabel(self) for _ in range(6)]
        form.addRow(self._labels[5], self.presets)
        form.addRow(self._labels[0], self.kind)
        form.addRow(self._labels[1], self.value)
        form.addRow("", self.hint)
        form.addRow(self._labels[2], self.zone)
        form.addRow(self._labels[3], self.meaning)
        form.addRow(self._labels[4], self.upcoming)
        form.addRow("", self.problem)

        start = spec or ScheduleSpec("cron", "0 9 * * 1-5", local_timezone())
        self.kind.setCurrentIndex(max(0, KINDS.index(start.kind)))
        self.value.setText(start.value)
        self.zone.setCurrentText(start.timezone or "UTC")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.value.textChanged.connect(self.refresh)
        self.zone.currentTextChanged.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(
            self._labels,
            (
                self.tr("Kind:"),
                self.tr("When:"),
                self.tr("Time zone:"),
                self.tr("Meaning:"),
                self.tr("Next {count} runs:").format(count=NEXT_COUNT),
                self.tr("Start from:"),
            ),
            strict=True,
        ):
            label.setText(text)
        for index, kind in enumerate(KINDS):
            self.kind.setItemText(index, self.tr(KIND_TEXTS[kind]))
        self.presets.clear()
        self.presets.addItem(self.tr("an example…"), None)
        for preset in PRESETS:
            self.presets.addItem(describe(preset), preset)
        self.refresh()

    def _preset_chosen(self, index: int) -> None:
        preset = self.presets.itemData(index)
        if isinstance(preset, ScheduleSpec):
            self.kind.setCurrentIndex(KINDS.index(preset.kind))
            self.value.setText(preset.value)
        self.presets.setCurrentIndex(0)

    def _kind_changed(self) -> None:
        """A text that means nothing for the new kind is replaced by an example of it."""
        try:
            checked(self.raw_spec())
        except FlowdeskError:
            self.value.setText(EXAMPLES.get(self.current_kind(), ""))
        self.refresh()

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def raw_spec(self) -> ScheduleSpec:
        """What is typed, unchecked."""
        return ScheduleSpec(
            self.current_kind(),  # type: ignore[arg-type]
            self.value.text(),
            self.zone.currentText().strip() or None,
        )

    def spec(self) -> ScheduleSpec | None:
        """The schedule, checked and canonical; None while something is wrong."""
        try:
            return checked(self.raw_spec())
        except FlowdeskError:
            return None

    def error(self) -> str:
        """What is wrong, in words ("" when nothing is)."""
        return self.problem.text()

    def refresh(self) -> None:
        kind = self.current_kind()
        self.value.setPlaceholderText(PLACEHOLDERS.get(kind, ""))
        self.hint.setText(self.tr(HINTS.get(kind, "")))
        try:
            spec = checked(self.raw_spec())
            times = next_times(spec, NEXT_COUNT)
        except FlowdeskError as exc:
            self.problem.setText(str(exc))
            self.meaning.setText("—")
            self.upcoming.setText("")
        except (ValueError, OverflowError) as exc:  # a rule that never fires, a huge interval
            self.problem.setText(
                self.tr("This schedule cannot be previewed: {error}").format(error=exc)
            )
            self.meaning.setText("—")
            self.upcoming.setText("")
        else:
            self.problem.setText("")
            self.meaning.setText(describe(spec))
            self.upcoming.setText(
                "\n".join(when_text(t) for t in times) or self.tr("(none: it never fires)")
            )
        self.problem.setVisible(bool(self.problem.text()))
        self.changed.emit()
