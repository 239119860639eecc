"""The base of the non-modal dialogs about one deployment (run with parameters, schedules).

They share how they reach the server and report trouble: the client is asked
for each time (None while disconnected), their background calls run in a
`TaskKeeper` of their own whose failures land in the dialog's `_fail` (words
in its banner, never a lost exception), and a busy flag guards a second
submit while the first is in flight. No strings here: each dialog translates
its own words in its own context.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop_app.core.api.errors import FlowdeskError
from desktop_app.core.api.models import DeploymentInfo
from desktop_app.ui.async_tools import GetClient, TaskKeeper

T = TypeVar("T")


class DeploymentDialog(QDialog):
    """A non-modal dialog about `deployment` that talks to the server in the background."""

    def __init__(
        self,
        get_client: GetClient,
        deployment: DeploymentInfo,
        parent: QWidget | None = None,
        *,
        object_name: str = "",
    ) -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self._get_client = get_client
        self.deployment = deployment
        self._busy = False
        self._tasks = TaskKeeper(report=lambda exc, _name: self._fail(exc))
        self.setModal(False)

    def submit(self) -> None:
        """The accept button: check, then call the server (each dialog its own way)."""
        raise NotImplementedError

    def _fail(self, exc: BaseException) -> None:
        """Say what went wrong (each dialog in its own words)."""
        raise NotImplementedError

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy

    def _title_label(self, scale: float) -> QLabel:
        """The deployment's full name in bold, `scale` times the normal size."""
        title = QLabel(self.deployment.full_name, self)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * scale)
        title.setFont(font)
        title.setTextFormat(Qt.TextFormat.PlainText)
        return title

    def _add_buttons(self, layout: QBoxLayout, accept_text: str) -> QPushButton:
        """The button row under the dialog: accept (default, calls `submit`) and Cancel.

        Sets `self.buttons` (a dialog adds its own extras to it) and returns the accept button.
        """
        self.buttons = QDialogButtonBox(self)
        accept = self.buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        accept.setDefault(True)
        accept.clicked.connect(self.submit)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        return accept

    async def _submit(self, call: Awaitable[T], done: Callable[[T], object]) -> None:
        """Await the server's answer: a refusal goes to `_fail`, success to `done`, then close."""
        try:
            result = await call
        except FlowdeskError as exc:
            self._fail(exc)
            return
        finally:
            self._set_busy(False)
        done(result)
        self.accept()
