"""One editor widget per field kind, all with the same small interface.

Every editor keeps exactly what the person typed (nothing is silently
clamped, cut or dropped) and turns it into a value only in `collect()`, which
returns the value and the parse problems. Checking the value against the
schema is the form's job, so all editors report the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.ui.forms.form_model import MISSING, FieldProblem, FieldSpec, ParseError
from desktop_app.ui.forms.form_text import format_json, format_lines, format_number, parse_text
from desktop_app.ui.forms.number_boxes import INT32_MAX, INT32_MIN, IntBox, NumberBox

Path = tuple[str | int, ...]
MULTILINE_MIN_LENGTH = 200
"""Strings that may be this long or longer get a multi-line box (a note, a reason)."""
MULTILINE_FORMATS = ("textarea", "multi-line", "multiline", "markdown")


class FieldEditor(QWidget):
    """Base: `changed` on every edit, `collect()` → (value | MISSING, problems)."""

    changed = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._layout = layout

    def collect(self, path: Path) -> tuple[Any, list[FieldProblem]]:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self

    def show_problems(self, problems: list[FieldProblem], depth: int) -> bool:
        """Nested editors show deeper problems themselves; True if they did."""
        return False

    def _parse(self, text: str, path: Path) -> tuple[Any, list[FieldProblem]]:
        try:
            return parse_text(self.spec, text, path), []
        except ParseError as exc:
            return MISSING, [exc.problem]


class BoolEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.box = QCheckBox(self)
        self.box.setAccessibleName(spec.title)
        self.box.toggled.connect(self.changed)
        self._layout.addWidget(self.box)
        self._layout.addStretch(1)

    def collect(self, path: Path) -> tuple[Any, list[FieldProblem]]:
        return self.box.isChecked(), []

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value) if value is not MISSING else False)

    def focus_widget(self) -> QWidget:
        return self.box


class ChoiceEditor(FieldEditor):
    """Enums, and booleans that may also be "not set"."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(spec.title)
        self._empty_label = self.tr("— not set —")
        if spec.nullable or not spec.required:
            self.combo.addItem(self._empty_label, MISSING)
        if spec.kind == "bool":
            self.combo.addItem(self.tr("Yes"), True)
            self.combo.addItem(self.tr("No"), False)
        else:
            for choice in spec.choices:
                self.combo.addItem(_choice_text(choice), choice)
        self.combo.currentIndexChanged.connect(self.changed)
        self._layout.addWidget(self.combo)
        self._layout.addStretch(1)

    def collect(self, path: Path) -> tuple[Any, list[FieldProblem]]:
        value = self.combo.currentData()
        if value is MISSING:
            if self.spec.nullable:
                return None, []
            if self.spec.required:
                return MISSING, [FieldProblem(path, "required", "A value is required.")]
        return value, []

    def set_value(self, value: Any) -> None:
        if value is MISSING or value is None:
            index = self.combo.findData(MISSING)
            self.combo.setCurrentIndex(max(index, 0) if index >= 0 else -1)
            return
        for index in range(self.combo.count()):
            data = self.combo.itemData(index)
            if data is not MISSING and data == value and type(data) is type(value):
                self.combo.setCurrentIndex(index)
                return
        # A value the schema does not list (e.g. an old saved parameter): keep
        # it visible and selectable so nothing is lost; validation flags it.
        self.combo.addItem(
            self.tr("{value} (not a listed choice)").format(value=_choice_text(value)), value
        )
        self.combo.setCurrentIndex(self.combo.count() - 1)

    def focus_widget(self) -> QWidget:
        return self.combo


def _choice_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return format_json(value)


class NumberEditor(FieldEditor):
    """int/number in a spin box with the schema's bounds as soft limits."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.box: IntBox | NumberBox = IntBox(self) if spec.kind == "int" else NumberBox(self)
        self.box.set_soft_bounds(spec.lower, spec.upper)
        self.box.setAccessibleName(spec.title)
        self.box.setMinimumWidth(120)
        self.box.lineEdit().textChanged.connect(self.changed)
        if spec.optional:
            self.box.lineEdit().setPlaceholderText(self.tr("empty: not set"))
        self._layout.addWidget(self.box)
        self._layout.addStretch(1)

    def collect(self, path: Path) -> tuple[Any, list[FieldProblem]]:
        return self._parse(self.box.lineEdit().text(), path)

    def set_value(self, value: Any) -> None:
        if value is MISSING or value is None or isinstance(value, bool):
            self.box.set_blank()
        elif isinstance(value, (int, float)):
            self.box.set_number(value)  # type: ignore[arg-type]
        else:
            self.box.lineEdit().setText(str(value))

    def focus_widget(self) -> QWidget:
        return self.box


class TextEditor(FieldEditor):
    """Strings (one line or several), and numbers too large for a spin box."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None, multiline: bool = False):
        super().__init__(spec, parent)
        self.multiline = multiline
        self.line: QLineEdit | None = None
        self.area: QPlainTextEdit | None = None
        if multiline:
            self.area = QPlainTextEdit(self)
            self.area.setTabChangesFocus(True)
            lines = 4
            self.area.setFixedHeight(self.area.fontMetrics().lineSpacing() * lines + 14)
            self.area.textChanged.connect(self.changed)
            self.area.setAccessibleName(spec.title)
            self._layout.addWidget(self.area)
        else:
            self.line = QLineEdit(self)
            self.line.setAccessibleName(spec.title)
            self.line.textChanged.connect(self.changed)
            if spec.format in ("password",) or spec.schema.get("writeOnly"):
                self.line.setEchoMode(QLineEdit.EchoMode.Password)
            self.line.setPlaceholderText(self._placeholder())
            self.line.setClearButtonEnabled(True)
            self._layout.addWidget(self.line)

    def _placeholder(self) -> str:
        examples = {
            "date-time": "2026-11-28T14:30:00+00:00",
            "date": "2026-11-28",
            "time": "14:30:00",
            "uuid": "123e4567-e89b-12d3-a456-426614174000",
            "email": "name@example.com",
            "uri": "https://example.com",
        }
        if self.spec.format in examples:
            return self.tr("e.g. {example}").format(example=examples[self.spec.format])
        if self.spec.optional and self.spec.kind != "string":
            return self.tr("empty: not set")
        if self.spec.nullable:
            return self.tr("empty: not set")
        return ""

    def text(self) -> str:
        if self.area is not None:
            return self.area.toPlainText()
        assert self.line is not None
        return self.line.text()

    def collect(self, path: Path) -> tuple[Any, list[FieldProblem]]:
        return self._parse(self.text(), path)

    def set_value(self, value: Any) -> None:
        if value is MISSING or value is None:
            text = ""
        elif isinstance(value, str):
            text = value
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            text = format_number(value)
        else:
            text = format_json(value)
        if self.area is not None:
            self.area.setPlainText(text)
        else:
            assert self.line is not None
            self.line.setText(text)

    def focus_widget(self) -> QWidget:
        return self.area if self.area is not None else self.line  # type: ignore[return-value]


class CodeEditor(FieldEditor):
    """Lists of plain items (one per line) and anything else as JSON."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.area = QPlainTextEdit(self)
        self.area.setTabChangesFocus(True)
        self.area.setAccessibleName(spec.title)
        self.area.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.area.setFixedHeight(self.area.fontMetrics().lineSpacing() * 4 + 14)
        self.area.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        if spec.kind == "array" and spec.item_kind:
            self.area.setPlaceholderText(self.tr("One item per line"))
        else:
            self.area.setPlaceholderText(
                self.tr("JSON, e.g. {example}").format(
                    example='{"key": "value"}' if spec.kind in ("object", "json") else "[1, 2]"
                )
            )
        self.area.textChanged.connect(self.changed)
        self._layout.addWidget(self.area)

    @property
    def is_list(self) -> bool:
        return self.spec.kind == "array" and bool(self.spec.item_kind)

    def collect(self, path: Path) -> tuple[Any, list[FieldProblem]]:
        return self._parse(self.area.toPlainText(), path)

    def set_value(self, value: Any) -> None:
        if value is MISSING or value is None:
            self.area.setPlainText("")
        elif self.is_list:
            self.area.setPlainText(
                format_lines(value) if isinstance(value, list) else format_json(value)
            )
        else:
            self.area.setPlainText(format_json(value))

    def focus_widget(self) -> QWidget:
        return self.area


class ObjectEditor(FieldEditor):
    """An object with known properties: a nested form, so no JSON typing is needed."""

    def __init__(
        self,
        spec: FieldSpec,
        nested_form: Callable[[FieldSpec, QWidget], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(spec, parent)
        self.form = nested_form(spec, self)
        self.form.changed.connect(self.changed)
        self._layout.addWidget(self.form)

    def collect(self, path: Path) -> tuple[Any, list[FieldProblem]]:
        values, problems = self.form.collect(path)
        return values, problems

    def set_value(self, value: Any) -> None:
        self.form.set_values(value if isinstance(value, dict) else {})

    def show_problems(self, problems: list[FieldProblem], depth: int) -> bool:
        deeper = [p for p in problems if len(p.path) > depth + 1]
        if not deeper:
            return False
        self.form.show_problems(deeper, depth + 1)
        return True

    def focus_widget(self) -> QWidget:
        return self.form.first_focus() or self


def _fits_int32(value: Any) -> bool:
    return not isinstance(value, int) or INT32_MIN <= value <= INT32_MAX


def make_editor(
    spec: FieldSpec,
    nested_form: Callable[[FieldSpec, QWidget], Any],
    parent: QWidget | None = None,
    initial: Any = MISSING,
) -> FieldEditor:
    """The editor that fits `spec` (and its first value: a huge int needs a text box)."""
    if spec.kind == "bool":
        return ChoiceEditor(spec, parent) if spec.nullable else BoolEditor(spec, parent)
    if spec.kind == "enum":
        return ChoiceEditor(spec, parent)
    if spec.kind in ("int", "number"):
        lower, upper = spec.lower, spec.upper
        fits = (lower is None or lower >= INT32_MIN) and (upper is None or upper <= INT32_MAX)
        fits = fits and _fits_int32(initial)
        if spec.kind == "number" or fits:
            return NumberEditor(spec, parent)
        return TextEditor(spec, parent)
    if spec.kind == "string":
        multiline = spec.format in MULTILINE_FORMATS or (
            spec.max_length is not None and spec.max_length >= MULTILINE_MIN_LENGTH
        )
        default = spec.default if isinstance(spec.default, str) else ""
        return TextEditor(spec, parent, multiline=multiline or "\n" in default)
    if spec.kind == "object":
        return ObjectEditor(spec, nested_form, parent)
    return CodeEditor(spec, parent)
