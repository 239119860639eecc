"""`SchedulesDialog`: every schedule of one deployment, to add, change, remove, pause, resume.

Each change goes through `services.schedules` and the list is read again
from the server afterwards, so what is shown is what Prefect has. A line
says whose schedules these are: the flow file's (until one is changed
here) or the person's (kept when the file is served again).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api.errors import FlowdeskError
from desktop_app.core.api.models import DeploymentInfo
from desktop_app.core.api.schedule_models import ScheduleEntry
from desktop_app.services import schedules
from desktop_app.services.schedule_text import next_times
from desktop_app.services.schedule_words import describe, when_text
from desktop_app.ui.async_tools import GetClient
from desktop_app.ui.async_tools import describe as describe_error
from desktop_app.ui.forms.banner import Banner
from desktop_app.ui.forms.deployment_dialog import DeploymentDialog
from desktop_app.ui.schedules.edit_dialog import ScheduleEditDialog

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient


class SchedulesDialog(DeploymentDialog):
    """The schedules of `deployment`; `changed` after each change that was made."""

    changed = Signal()

    def __init__(
        self, get_client: GetClient, deployment: DeploymentInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(get_client, deployment, parent, object_name="schedulesDialog")
        self.entries: list[ScheduleEntry] = []
        self.editor_dialog: ScheduleEditDialog | None = None
        self.loads = 0
        self.setMinimumSize(720, 320)
        self.setWindowTitle(self.tr("Schedules of {name}").format(name=deployment.full_name))

        self.table = QTableWidget(0, 4, self, objectName="schedulesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("State"), self.tr("Schedule"), self.tr("Meaning"), self.tr("Next run")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())

        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Change…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.pause_button = QPushButton(self.tr("Pause"), self)
        self.resume_button = QPushButton(self.tr("Resume"), self)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.pause_button.clicked.connect(lambda: self.set_selected_active(False))
        self.resume_button.clicked.connect(lambda: self.set_selected_active(True))
        row = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.pause_button,
            self.resume_button,
        ):
            row.addWidget(button)
        row.addStretch(1)

        self.owner = QLabel(self, objectName="scheduleOwner")
        self.owner.setWordWrap(True)
        self.owner.setEnabled(False)
        self.banner = Banner(self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.owner)
        layout.addWidget(self.banner)
        layout.addWidget(close)
        self._update_buttons()
        self.reload()

    # -- reading ---------------------------------------------------------------
    def reload(self) -> None:
        client = self._get_client()
        if client is None:
            self.banner.show_message(self.tr("Not connected to a Prefect server."), "error")
            return
        self._tasks.spawn(self._load(client), name="schedules-load")

    async def _load(self, client: FlowdeskClient) -> None:
        try:
            _dep, entries = await schedules.list_schedules(client, self.deployment)
        except FlowdeskError as exc:
            self.banner.show_message(
                self.tr("Could not read the schedules: {error}").format(error=describe_error(exc)),
                "error",
            )
            return
        self.show_entries(entries)

    def show_entries(self, entries: list[ScheduleEntry]) -> None:
        selected = self.selected()
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            try:
                upcoming = next_times(entry.spec, 1) if entry.active else []
            except Exception:  # written elsewhere in a shape our preview cannot follow
                upcoming = []
            cells = [
                self.tr("Active") if entry.active else self.tr("Paused"),
                f"{entry.spec.kind} {entry.spec.value}",
                describe(entry.spec),
                when_text(upcoming[0]) if upcoming else "—",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                self.table.setItem(row, column, item)
            if selected is not None and entry.id == selected.id:
                self.table.selectRow(row)
        if self.table.currentRow() < 0 and entries:
            self.table.selectRow(0)
        if schedules.edited_here(self.deployment):
            self.owner.setText(
                self.tr(
                    "Edited in Flowdesk: these schedules are kept when the flow file "
                    "changes and is served again."
                )
            )
        else:
            self.owner.setText(
                self.tr(
                    "These are the flow file's schedules. Once you change one here, yours "
                    "are kept when the file is served again."
                )
            )
        self.loads += 1
        self._update_buttons()

    def selected(self) -> ScheduleEntry | None:
        rows = self.table.selectionModel().selectedRows(0)
        if not rows:
            return None
        row = rows[0].row()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _update_buttons(self) -> None:
        entry = self.selected()
        connected = self._get_client() is not None
        self.add_button.setEnabled(connected)
        self.edit_button.setEnabled(connected and entry is not None)
        self.remove_button.setEnabled(connected and entry is not None)
        self.pause_button.setEnabled(connected and entry is not None and entry.active)
        self.resume_button.setEnabled(connected and entry is not None and not entry.active)

    # -- changing ----------------------------------------------------------------
    def add(self) -> None:
        self._open_editor(None)

    def edit_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._open_editor(entry)

    def _open_editor(self, entry: ScheduleEntry | None) -> None:
        dialog = ScheduleEditDialog(self._get_client, self.deployment, entry, self)
        dialog.saved.connect(lambda changed: self._done(changed.warning))
        self.editor_dialog = dialog
        dialog.open()

    def remove_selected(self) -> None:
        entry = self.selected()
        client = self._get_client()
        if entry is None or client is None:
            return
        self._tasks.spawn(
            self._change(schedules.remove(client, self.deployment, entry.id, source="window")),
            name="schedule-remove",
        )

    def set_selected_active(self, active: bool) -> None:
        entry = self.selected()
        client = self._get_client()
        if entry is None or client is None:
            return
        self._tasks.spawn(
            self._change(
                schedules.set_active(client, self.deployment, entry.id, active, source="window")
            ),
            name="schedule-toggle",
        )

    async def _change(self, call) -> None:
        self.banner.clear()
        try:
            changed = await call
        except FlowdeskError as exc:
            self._fail(exc)
            return
        self._done(changed.warning)

    def _done(self, warning: str | None) -> None:
        if warning:
            self.banner.show_message(warning, "warning")
        else:
            self.banner.clear()
        self.changed.emit()
        self.reload()

    def _fail(self, exc: BaseException) -> None:
        self.banner.show_message(
            self.tr("Nothing was changed: {error}").format(error=describe_error(exc)), "error"
        )
        self.reload()
