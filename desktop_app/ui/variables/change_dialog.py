"""What the variable and limit dialogs share: a form checked as you type, then one save.

Save stays off while the input breaks a rule, and the red line under the form
says which. Saving is one service call; a refusal (or no connection) keeps
the dialog open with everything typed: nothing lost.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.async_tools import GetClient, TaskKeeper, TaskSlot, describe
from desktop_app.ui.style import state_color


class ChangeDialog(QDialog):
    """A subclass adds its fields (`add_fields`), checks them and says what saving calls."""

    prefix = ""
    """Prefix of its own and its children's object names (tests find them by it)."""

    def __init__(
        self, get_client: GetClient, tasks: TaskKeeper, existing: Any, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{self.prefix}Dialog")
        self._get_client = get_client
        self._saving = TaskSlot(tasks, f"{self.prefix}-save")
        self.existing = existing
        self.result_change: Any = None
        self.form = QFormLayout()
        self.add_fields(self.form)  # first: the tab order follows creation
        self.problem = QLabel(self, objectName=f"{self.prefix}Problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {state_color('FAILED').name()}")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    # -- what a subclass provides -------------------------------------------------------
    def add_fields(self, form: QFormLayout) -> None:
        raise NotImplementedError

    def check(self) -> bool:
        """Show what breaks a rule (if anything); True when Save may go ahead."""
        raise NotImplementedError

    def change(self, client: Any) -> Awaitable[Any]:
        """The service call that saves what was typed."""
        raise NotImplementedError

    # -- saving ---------------------------------------------------------------------------
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def save(self) -> None:
        if not self.check():
            return
        client = self._get_client()
        if client is None:
            self.problem.setText(
                QCoreApplication.translate("VariablesLimits", "Not connected to a Prefect server.")
            )
            return
        self._saving.start(self._save(client))

    async def _save(self, client: Any) -> None:
        button = self.save_button()
        button.setEnabled(False)
        try:
            self.result_change = await self.change(client)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # keep everything typed; say why
            self.problem.setText(describe(exc))
            button.setEnabled(True)
            return
        self.accept()
