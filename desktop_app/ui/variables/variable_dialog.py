"""Create or edit one variable: name, JSON value and tags, checked as you type.

The same checks as the CLI (`desktop_app.services.variables`): the OK button
stays off while the name or value breaks Prefect's rules, and the line under
the editor says which rule and where. A refusal from the server keeps the
dialog open with everything typed (nothing lost).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop_app.services import variables
from desktop_app.services.variables import BadInput, VariableChanged
from desktop_app.ui.async_tools import GetClient, TaskKeeper
from desktop_app.ui.variables.change_dialog import ChangeDialog

if TYPE_CHECKING:
    from desktop_app.core.api.variables import VariableInfo


class VariableDialog(ChangeDialog):
    """`existing` None: a new variable; else its value and tags are edited (not its name)."""

    prefix = "variable"

    def __init__(
        self,
        get_client: GetClient,
        tasks: TaskKeeper,
        existing: VariableInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(get_client, tasks, existing, parent)
        if existing is not None:
            self.name.setText(existing.name)
            self.name.setReadOnly(True)
            self.value.setPlainText(json.dumps(existing.value, ensure_ascii=False, indent=2))
            self.tags.setText(", ".join(existing.tags))
        self.name.textChanged.connect(self.check)
        self.value.textChanged.connect(self.check)
        self.tags.textChanged.connect(self.check)
        self.resize(520, 380)
        self.retranslate()
        self.check()

    def add_fields(self, form: QFormLayout) -> None:
        self.name = QLineEdit(self, objectName="variableName")
        self.value = QPlainTextEdit(self, objectName="variableValue")
        self.value.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.value.setTabChangesFocus(True)
        self.tags = QLineEdit(self, objectName="variableTags")
        self.name_label = QLabel(self)
        self.value_label = QLabel(self)
        self.tags_label = QLabel(self)
        form.addRow(self.name_label, self.name)
        form.addRow(self.value_label, self.value)
        form.addRow(self.tags_label, self.tags)

    # -- checks -------------------------------------------------------------------------
    def tag_list(self) -> list[str]:
        """The comma-separated tags; empty pieces ("a, b,") are typing, not tags."""
        return [part.strip() for part in self.tags.text().split(",") if part.strip()]

    def parsed(self) -> tuple[str, Any, list[str]]:
        """Name, value and tags as they will be sent, or `BadInput` in words."""
        name = variables.check_name(self.name.text().strip())
        value = variables.parse_value(self.value.toPlainText())
        return name, value, variables.check_tags(self.tag_list())

    def check(self) -> bool:
        try:
            self.parsed()
        except BadInput as exc:
            ok, text = False, str(exc)
        else:
            ok, text = True, ""
        if not self.name.text().strip() and not self.value.toPlainText().strip():
            text = ""  # a fresh dialog is not an error yet
        self.problem.setText(text)
        self.save_button().setEnabled(ok and not self._saving.busy)
        return ok

    def change(self, client: Any) -> Awaitable[VariableChanged]:
        name, value, tags = self.parsed()
        return variables.set_variable(
            client, name, value, tags, overwrite=self.existing is not None, source="window"
        )

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("New variable") if self.existing is None else self.tr("Edit variable")
        )
        self.name_label.setText(self.tr("&Name:"))
        self.name_label.setBuddy(self.name)
        self.value_label.setText(self.tr("&Value (JSON):"))
        self.value_label.setBuddy(self.value)
        self.tags_label.setText(self.tr("&Tags:"))
        self.tags_label.setBuddy(self.tags)
        self.name.setPlaceholderText(self.tr("lowercase letters, digits, - and _"))
        self.value.setPlaceholderText('"text", 42, true, null, [1, 2], {"key": "value"}')
        self.tags.setPlaceholderText(self.tr("comma-separated, optional"))
        self.hint.setText(
            self.tr(
                'Flows read it with Variable.get("name"). Text goes in double quotes; '
                "numbers, true/false, null, lists and objects as JSON."
            )
        )
