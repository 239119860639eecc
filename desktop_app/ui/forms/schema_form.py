"""`SchemaForm`: a form drawn from a JSON Schema, checked as the server will check it.

Layout per field: title (with * when required) | editor, then a grey hint
(description, bounds, default) and a red message when something is wrong.
Messages appear while typing for fields already touched, and for all fields
on `validate()`; a server rejection is shown next to the field it names.
Nothing typed is ever cleared or corrected behind the person's back.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.ui.forms import form_checks, form_model, form_text
from desktop_app.ui.forms.banner import Banner
from desktop_app.ui.forms.editors import FieldEditor, make_editor
from desktop_app.ui.forms.form_model import MISSING, FieldProblem, FieldSpec
from desktop_app.ui.forms.messages import problem_text
from desktop_app.ui.timers import make_timer

LIVE_CHECK_MS = 200
ERROR_COLOR = "#c62828"


@dataclass(eq=False)
class _Row:
    """The widgets of one field, and what the form knows about its value."""

    spec: FieldSpec
    label: QLabel
    editor: FieldEditor
    hint: QLabel
    error: QLabel
    touched: bool = False
    server_message: str = ""


class SchemaForm(QWidget):
    """Fields for an object schema; `values()` gives the typed values to send."""

    changed = Signal()

    def __init__(
        self,
        schema: dict,
        values: dict | None = None,
        parent: QWidget | None = None,
        *,
        checks: dict | None = None,
        _specs: list[FieldSpec] | None = None,
        _nested: bool = False,
    ) -> None:
        super().__init__(parent)
        self.schema = dict(schema or {})
        self.checks = dict(checks) if checks else self.schema
        """The schema as the server checks values (`DeploymentInfo.parameter_checks`,
        `PauseInfo.checks`); without it, `schema` as it is."""
        self.specs = _specs if _specs is not None else form_model.form_fields(self.schema)
        self._nested = _nested
        self._initial = dict(values or {})
        self._rows: dict[str, _Row] = {}
        self._banner_from_checks = False
        self._live = make_timer(self, LIVE_CHECK_MS, self._live_check, single_shot=True)
        self._build()

    # -- building --------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.banner = Banner(self)
        outer.addWidget(self.banner)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        if self._nested:
            grid.setContentsMargins(12, 4, 0, 4)
        outer.addLayout(grid)
        if not self.specs:
            empty = QLabel(self.tr("Nothing to fill in."), self)
            empty.setEnabled(False)
            grid.addWidget(empty, 0, 0, 1, 2)
        row_index = 0
        for spec in self.specs:
            initial = spec.initial(self._initial)
            editor = make_editor(spec, self._nested_form, self, initial=initial)
            editor.set_value(initial)
            label = QLabel(self._label_html(spec), self)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setBuddy(editor.focus_widget())
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 4, 0, 0)  # level with the editor's text
            label.setToolTip(self._tooltip(spec))
            editor.setToolTip(self._tooltip(spec))
            hint = QLabel(self._hint(spec), self)
            hint.setTextFormat(Qt.TextFormat.MarkdownText)  # `code` in a description
            hint.setWordWrap(True)
            hint.setEnabled(False)  # greyed: secondary text in any palette
            hint.setVisible(bool(hint.text()))
            error = QLabel(self)
            error.setWordWrap(True)
            error.setStyleSheet(f"color: {ERROR_COLOR};")
            error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            error.hide()
            error.setObjectName(f"error:{spec.name}")
            grid.addWidget(label, row_index, 0)
            grid.addWidget(editor, row_index, 1)
            grid.addWidget(hint, row_index + 1, 1)
            grid.addWidget(error, row_index + 2, 1)
            grid.setRowMinimumHeight(row_index + 2, 0)
            row_index += 3
            row = _Row(spec, label, editor, hint, error)
            self._rows[spec.name] = row
            editor.changed.connect(lambda r=row: self._edited(r))
        if not self._nested:
            outer.addStretch(1)

    def _nested_form(self, spec: FieldSpec, parent: QWidget) -> SchemaForm:
        initial = spec.initial(self._initial)
        return SchemaForm(
            spec.schema,
            initial if isinstance(initial, dict) else {},
            parent,
            _specs=list(spec.fields),
            _nested=True,
        )

    def _label_html(self, spec: FieldSpec) -> str:
        title = html.escape(spec.title)
        if spec.required and not spec.has_default:
            mark = self.tr("required")
            return f'{title} <span style="color:{ERROR_COLOR}" title="{mark}">*</span>'
        return title

    def _tooltip(self, spec: FieldSpec) -> str:
        parts = [spec.description] if spec.description else []
        parts.append(self.tr("Field name: {name}").format(name=spec.name))
        return "\n".join(parts)

    def _hint(self, spec: FieldSpec) -> str:
        parts: list[str] = []
        if spec.description:
            parts.append(spec.description)
        lower, upper = spec.lower, spec.upper
        fmt = form_text.format_number
        described = spec.description
        bounds_described = (
            lower is not None
            and upper is not None
            and fmt(lower) in described
            and fmt(upper) in described
        )
        if spec.kind in ("int", "number") and not bounds_described:
            if lower is not None and upper is not None:
                parts.append(
                    self.tr("{lower} to {upper}").format(lower=fmt(lower), upper=fmt(upper))
                )
            elif lower is not None:
                parts.append(self.tr("at least {lower}").format(lower=fmt(lower)))
            elif upper is not None:
                parts.append(self.tr("at most {upper}").format(upper=fmt(upper)))
        if spec.kind == "string" and spec.max_length is not None:
            parts.append(self.tr("up to {count} characters").format(count=spec.max_length))
        if spec.kind == "array" and spec.item_kind:
            parts.append(self.tr("one item per line"))
        if spec.kind == "json":
            parts.append(self.tr("JSON"))
        if spec.has_default and spec.kind not in ("object",) and spec.default not in ("", None):
            shown = spec.default
            text = shown if isinstance(shown, str) else form_text.format_json(shown)
            if len(text) <= 40 and "\n" not in text:
                parts.append(self.tr("default: {value}").format(value=text))
        return " · ".join(parts)

    # -- reading ----------------------------------------------------------------
    def collect(
        self, path: tuple[str | int, ...] = ()
    ) -> tuple[dict[str, Any], list[FieldProblem]]:
        """Typed values (MISSING left out) and the problems parsing them."""
        values: dict[str, Any] = {}
        problems: list[FieldProblem] = []
        for name, row in self._rows.items():
            value, found = row.editor.collect((*path, name))
            problems += found
            if value is not MISSING:
                values[name] = value
        return values, problems

    def values(self) -> dict:
        """The typed values to send; fields that do not parse are left out."""
        return self.collect()[0]

    def problems(self) -> list[FieldProblem]:
        """Everything wrong: what does not parse, then what the schema refuses."""
        values, parse_problems = self.collect()
        bad = {p.path for p in parse_problems}
        bad_fields = {p.field for p in parse_problems}
        # Nested forms parse only: the top form validates the whole value.
        schema_problems = [] if self._nested else form_checks.validate(values, self.checks)
        # A field that did not parse is missing from `values`: its "required"
        # problem would only repeat the parse message.
        schema_problems = [
            p for p in schema_problems if p.path not in bad and p.field not in bad_fields
        ]
        return parse_problems + schema_problems

    def validate(self) -> list[str]:
        """Show every problem next to its field; [] when the form can be sent."""
        for row in self._rows.values():
            row.touched = True
        problems = self.problems()
        self.show_problems(problems, 0)
        if problems:
            self._focus_first(problems)
        return [self._sentence(p) for p in problems]

    def _sentence(self, problem: FieldProblem) -> str:
        row = self._rows.get(problem.field)
        title = row.spec.title if row else ""
        text = problem_text(problem)
        return f"{title}: {text}" if title else text

    def _focus_first(self, problems: list[FieldProblem]) -> None:
        for name, row in self._rows.items():
            if any(p.field == name for p in problems):
                row.editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def first_focus(self) -> QWidget | None:
        for row in self._rows.values():
            return row.editor.focus_widget()
        return None

    # -- showing problems ---------------------------------------------------------
    def show_problems(
        self, problems: list[FieldProblem], depth: int = 0, only_touched: bool = False
    ):
        """Put each problem under its field (nested objects pass theirs down)."""
        by_field: dict[str, list[FieldProblem]] = {}
        root: list[str] = []
        for problem in problems:
            if len(problem.path) <= depth:
                root.append(problem_text(problem))
                continue
            by_field.setdefault(str(problem.path[depth]), []).append(problem)
        for name, row in self._rows.items():
            if only_touched and not row.touched:
                continue
            found = by_field.get(name, [])
            shown_inside = row.editor.show_problems(found, depth)
            direct = [p for p in found if len(p.path) <= depth + 1]
            messages = [problem_text(p) for p in direct]
            if not messages and found and not shown_inside:
                messages = [problem_text(found[0])]
            if row.server_message:
                messages.append(row.server_message)
            self._set_error(row, " ".join(messages))
        unknown = [p for name, ps in by_field.items() if name not in self._rows for p in ps]
        root += [self._sentence(p) for p in unknown]
        if root:
            self.banner.show_message("\n".join(root))
            self._banner_from_checks = True
        elif self._banner_from_checks:
            self.banner.clear()
            self._banner_from_checks = False

    def _set_error(self, row: _Row, text: str) -> None:
        row.error.setText(text)
        row.error.setVisible(bool(text))
        color = ERROR_COLOR if text else ""
        row.label.setStyleSheet(f"color: {color};" if color else "")

    def error_text(self, name: str) -> str:
        """The message shown under field `name` ("" if none) — for tests and a11y."""
        row = self._rows.get(name)
        return row.error.text() if row and not row.error.isHidden() else ""

    def editor(self, name: str) -> FieldEditor:
        return self._rows[name].editor

    def show_server_error(self, message: str, *, banner: bool = True) -> bool:
        """A rejection from the server, in place: the named field's message (+ a banner).

        Returns True if the message named a field of this form. Dialogs with
        their own banner pass `banner=False`.
        """
        located = form_checks.server_reason_field(message)
        row = None
        if located:
            path, reason = located
            row = self._rows.get(str(path[0])) if path else None
            if row is not None:
                row.server_message = self.tr("The server says: {reason}").format(reason=reason)
                row.touched = True
                self._set_error(row, row.server_message)
                row.editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
                message = self.tr(
                    "The server refused these values: see the message under “{field}”."
                ).format(field=row.spec.title)
        if banner:
            self.banner.show_message(message, "error")
            self._banner_from_checks = False
        return row is not None

    def clear_server_error(self) -> None:
        for row in self._rows.values():
            row.server_message = ""
        if self.banner.kind == "error":
            self.banner.clear()

    # -- editing ----------------------------------------------------------------
    def _edited(self, row: _Row) -> None:
        row.touched = True
        row.server_message = ""
        self._live.start()
        self.changed.emit()

    def _live_check(self) -> None:
        if self._nested:
            return
        self.show_problems(self.problems(), 0, only_touched=True)

    def set_values(self, values: Mapping[str, Any]) -> None:
        for name, row in self._rows.items():
            row.editor.set_value(
                values.get(name, MISSING) if name in values else row.spec.initial(None)
            )

    def reset(self) -> None:
        """Back to the values the form opened with; messages cleared."""
        for row in self._rows.values():
            row.editor.set_value(row.spec.initial(self._initial))
            row.touched = False
            row.server_message = ""
            self._set_error(row, "")
        self.banner.clear()
