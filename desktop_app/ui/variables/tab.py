"""One tab, two lists: variables above, concurrency limits below.

Built on first visit (see `MainWindow`): most sessions never open it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desktop_app.ui.async_tools import GetClient, TaskKeeper
from desktop_app.ui.variables.limit_dialog import LimitDialog
from desktop_app.ui.variables.limits_view import LimitsView
from desktop_app.ui.variables.variables_view import VariablesView


class VariablesLimitsTab(QWidget):
    def __init__(
        self,
        get_client: GetClient,
        tasks: TaskKeeper | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("variablesLimitsTab")
        tasks = tasks or TaskKeeper()
        self.variables = VariablesView(get_client, tasks, self)
        self.limits = LimitsView(get_client, tasks, self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.variables)
        self.splitter.addWidget(self.limits)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def on_connection_changed(self, *args: object) -> None:
        self.variables.on_connection_changed(*args)
        self.limits.on_connection_changed(*args)

    def create_limit(self, name: str, kind: str = "global") -> LimitDialog:
        """Open "New concurrency limit" with the name a run asked for."""
        return self.limits.new_limit(name, kind)
