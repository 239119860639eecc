"""Spin boxes that keep what was typed, may be empty, and step within the schema's bounds.

A stock QSpinBox with range 1–100 silently turns a typed "500" into "50" —
the person never learns their value was changed. Here the schema's bounds
are *soft*: arrows, wheel and PageUp/Down stay inside them, but a typed value
outside them is kept and flagged by the form's validation, like a browser's
`<input type=number min max>`. An empty box means "no value" (None or left
out, as the field allows), which a stock spin box cannot show.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator, QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QSpinBox, QWidget

from desktop_app.ui.forms.form_text import format_number

INT32_MIN = -(2**31)
INT32_MAX = 2**31 - 1
FLOAT_LIMIT = 1e15
"""QDoubleSpinBox stores value × 10^decimals internally; beyond this it loses digits."""

_PARTIAL = ("", "-", "+", ".", "-.", "+.")


def _clamp(value: float, lower: float | None, upper: float | None) -> float:
    if lower is not None:
        value = max(lower, value)
    if upper is not None:
        value = min(upper, value)
    return value


class _SoftBounds:
    """Shared by both boxes: blank state, soft bounds, focused-only wheel, reading typed text."""

    soft_lower: float | None = None
    soft_upper: float | None = None
    _blank = False
    _number: type[int] | type[float] = float
    """What the box holds (`int` or `float`): typed text and set values become one."""

    def _init_soft(self: QAbstractSpinBox) -> None:  # type: ignore[misc]
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setKeyboardTracking(True)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)

    def set_number(self, value: float | None) -> None:
        """Show `value` as the box writes it; None leaves the box blank."""
        if value is None:
            self.set_blank()
            return
        self._blank = False
        self.setValue(self._number(value))  # type: ignore[attr-defined]
        self.lineEdit().setText(self._shown(value))  # type: ignore[attr-defined]

    def _shown(self, value: float) -> str:
        raise NotImplementedError

    def set_blank(self) -> None:
        self._blank = True
        self.lineEdit().setText("")  # type: ignore[attr-defined]

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Scrolling a long form must not change values under the pointer.
        if self.hasFocus():  # type: ignore[attr-defined]
            super().wheelEvent(event)  # type: ignore[misc]
        else:
            event.ignore()

    def _step_target(self, steps: int, current: float, step: float) -> float:
        if self._blank:
            start = self.soft_lower if self.soft_lower is not None else 0
            start = _clamp(start, self.soft_lower, self.soft_upper)
            return start
        return _clamp(current + steps * step, self.soft_lower, self.soft_upper)

    def _step_flags(self, current: float) -> QAbstractSpinBox.StepEnabledFlag:
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self._blank or self.soft_upper is None or current < self.soft_upper:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self._blank or self.soft_lower is None or current > self.soft_lower:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags

    def valueFromText(self, text: str) -> float:
        stripped = text.strip()
        if not stripped:
            self._blank = True
            return self.value()  # type: ignore[attr-defined]
        try:
            value = self._number(stripped)
        except ValueError:
            return self.value()  # type: ignore[attr-defined]
        self._blank = False
        return value

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        return self._step_flags(self.value())  # type: ignore[attr-defined]


class IntBox(_SoftBounds, QSpinBox):
    """An integer box: soft bounds, may be blank, keeps out-of-range typing."""

    _number = int

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_soft()
        self.setRange(INT32_MIN, INT32_MAX)
        self.setGroupSeparatorShown(False)

    def set_soft_bounds(self, lower: float | None, upper: float | None) -> None:
        self.soft_lower = None if lower is None else max(INT32_MIN, math.ceil(lower))
        self.soft_upper = None if upper is None else min(INT32_MAX, math.floor(upper))

    def _shown(self, value: float) -> str:
        return str(int(value))

    def validate(self, text: str, pos: int) -> object:
        stripped = text.strip()
        if stripped in _PARTIAL[:3]:
            return QValidator.State.Acceptable if not stripped else QValidator.State.Intermediate
        try:
            value = int(stripped)
        except ValueError:
            return QValidator.State.Invalid
        if not INT32_MIN <= value <= INT32_MAX:
            return QValidator.State.Invalid
        return QValidator.State.Acceptable

    def textFromValue(self, value: int) -> str:
        return "" if self._blank else str(value)

    def stepBy(self, steps: int) -> None:
        target = int(self._step_target(steps, self.value(), self.singleStep()))
        self._blank = False
        self.setValue(target)
        self.lineEdit().setText(str(target))


class NumberBox(_SoftBounds, QDoubleSpinBox):
    """A decimal box: shows `0.3`, not `0.300000`; soft bounds; may be blank."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_soft()
        self.setDecimals(12)
        self.setRange(-FLOAT_LIMIT, FLOAT_LIMIT)
        self.setSingleStep(1.0)

    def set_soft_bounds(self, lower: float | None, upper: float | None) -> None:
        self.soft_lower = lower
        self.soft_upper = upper
        if lower is not None and upper is not None and 0 < upper - lower <= 2:
            self.setSingleStep(0.1)

    def _shown(self, value: float) -> str:
        return format_number(value)

    def validate(self, text: str, pos: int) -> object:
        stripped = text.strip()
        if not stripped:
            return QValidator.State.Acceptable
        if stripped in _PARTIAL or stripped.lower().endswith(("e", "e-", "e+")):
            return QValidator.State.Intermediate
        try:
            value = float(stripped)
        except ValueError:
            return QValidator.State.Invalid
        if not math.isfinite(value) or abs(value) > FLOAT_LIMIT:
            return QValidator.State.Invalid
        return QValidator.State.Acceptable

    def textFromValue(self, value: float) -> str:
        if self._blank:
            return ""
        return format_number(float(f"{value:.12g}"))

    def stepBy(self, steps: int) -> None:
        target = self._step_target(steps, self.value(), self.singleStep())
        target = float(f"{target:.12g}")
        self._blank = False
        self.setValue(target)
        self.lineEdit().setText(format_number(target))
