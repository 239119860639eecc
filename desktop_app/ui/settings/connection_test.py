""" "Test connection": say exactly what failed, and on success show the server's latest runs.

`check_connection` names the failing step (address, DNS, refused, no API,
credentials, version). Success then lists a few recent runs through a real
`FlowdeskClient` with those credentials -- proof that the profile works for
what the app will do with it, not just for a health check.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api.connection import Connection
from desktop_app.core.api.connection_check import CheckResult, check_connection
from desktop_app.ui.async_tools import TaskKeeper, TaskSlot, describe, import_off_thread
from desktop_app.ui.forms.banner import Banner
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.runs.formatting import format_time
from desktop_app.ui.style import state_icon, state_name

log = logging.getLogger(__name__)

RECENT = 5


class ConnectionTester(Retranslating, QWidget):
    finished = Signal(object)
    """The `CheckResult` of a test."""
    runs_listed = Signal(list)
    """The recent runs read after a successful check (list of RunInfo)."""

    def __init__(self, tasks: TaskKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._slot = TaskSlot(tasks, "settings-test-connection")
        self.result: CheckResult | None = None
        self.button = QPushButton(self, objectName="testConnection")
        self.banner = Banner(self)
        self.banner.setObjectName("connectionResult")
        self.runs_label = QLabel(self)
        self.runs = QListWidget(self, objectName="recentRuns")
        self.runs.setMaximumHeight(120)
        self._no_runs_item: QListWidgetItem | None = None
        self.runs_label.hide()
        self.runs.hide()
        self.row = QHBoxLayout()
        """The button row; the page adds its own buttons here."""
        self.row.addWidget(self.button)
        self.row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.row)
        layout.addWidget(self.banner)
        layout.addWidget(self.runs_label)
        layout.addWidget(self.runs)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Test connection"))
        self.runs_label.setText(self.tr("Latest runs on this server:"))
        if self._no_runs_item is not None:
            self._no_runs_item.setText(self.tr("(no runs yet)"))
        result = self.result
        if result is not None and not self.busy and self.banner.kind in ("info", "error"):
            # The result already shown, in the new language.
            if result.ok:
                self.banner.show_message(self._success_text(result), "info")
            else:
                self.banner.show_message(self._failure_text(result), "error")

    @property
    def busy(self) -> bool:
        return self._slot.busy

    def clear(self) -> None:
        self._slot.cancel()
        self.result = None
        self.banner.clear()
        self.runs.clear()
        self.runs.hide()
        self.runs_label.hide()
        self.button.setEnabled(True)

    def test(self, connection: Connection | None, missing: str = "") -> None:
        """Check `connection` (None: say `missing` instead)."""
        self.clear()
        if connection is None:
            self.banner.show_message(missing or self.tr("Nothing to test yet."), "warning")
            return
        self.button.setEnabled(False)
        self.banner.show_message(self.tr("Testing {url}…").format(url=connection.api_url), "info")
        self._slot.start(self._test(connection))

    async def _test(self, connection: Connection) -> None:
        try:
            result = await check_connection(connection)
            self.result = result
            if not result.ok:
                self.banner.show_message(self._failure_text(result), "error")
                self.finished.emit(result)
                return
            text = self._success_text(result)
            try:
                runs = await self._recent_runs(connection)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.banner.show_message(
                    text
                    + "\n"
                    + self.tr("But reading runs failed: {error}").format(error=describe(exc)),
                    "warning",
                )
                self.finished.emit(result)
                return
            self.banner.show_message(text, "info")
            self._show_runs(runs)
            self.finished.emit(result)
            self.runs_listed.emit(runs)
        finally:
            self.button.setEnabled(True)

    def _success_text(self, result: CheckResult) -> str:
        if result.server_version:
            return self.tr("Connected: Prefect server {version}.").format(
                version=result.server_version
            )
        return self.tr("Connected to Prefect Cloud.")  # Cloud does not say its version

    def _failure_text(self, result: CheckResult) -> str:
        steps = {
            "url": self.tr("The address is not usable."),
            "dns": self.tr("The host name is unknown."),
            "connect": self.tr("Nothing answers there."),
            "api": self.tr("That is not a Prefect API."),
            "auth": self.tr("The credentials were refused."),
            "version": self.tr("The Prefect versions do not match."),
        }
        lead = steps.get(result.step, self.tr("The connection failed."))
        return f"{lead}\n{result.message}"

    async def _recent_runs(self, connection: Connection) -> list[Any]:
        module = await import_off_thread("desktop_app.core.api.client")
        # Building the client reads Prefect's settings (~0.1 s): off the GUI thread.
        client = await asyncio.to_thread(module.FlowdeskClient, connection)
        async with client:
            return await client.list_runs(limit=RECENT, sort="expected_desc")

    def _show_runs(self, runs: list[Any]) -> None:
        self.runs.clear()
        self._no_runs_item = None
        self.runs_label.show()
        self.runs.show()
        if not runs:
            self.runs.addItem(self.tr("(no runs yet)"))
            self._no_runs_item = self.runs.item(0)
            return
        for run in runs:
            when = format_time(run.start_time or run.expected_start_time)
            text = f"{run.flow_name} · {run.name} · {state_name(run.state.name)}  {when}"
            self.runs.addItem(text)
            self.runs.item(self.runs.count() - 1).setIcon(state_icon(run.state.type))
