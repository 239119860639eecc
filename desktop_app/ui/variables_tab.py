"""The main window's side of the "Variables & limits" tab: built on first visit, and
the way in for a run detail's "Create limit…" (it opens the tab and the dialog).

A mixin of `MainWindow`, kept apart so the window module stays under 500 lines;
nothing here imports the tab's modules before it is first shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget, QWidget

    from desktop_app.ui.context import AppContext
    from desktop_app.ui.variables import VariablesLimitsTab
    from desktop_app.ui.variables.limit_dialog import LimitDialog


class VariablesTabMixin:
    variables_tab: VariablesLimitsTab | None
    tabs: QTabWidget
    context: AppContext
    _variables_index: int

    def _replace_tab(self, index: int, widget: QWidget, title: str) -> None:  # MainWindow's
        raise NotImplementedError

    def _build_variables_tab(self, index: int, title: str) -> None:
        from desktop_app.ui.variables import VariablesLimitsTab

        tab = VariablesLimitsTab(self.context.get_client, self.context.tasks, self.tabs)
        self.variables_tab = tab
        self.context.connected.connect(tab.on_connection_changed)
        self.context.disconnected.connect(tab.on_connection_changed)
        self._replace_tab(index, tab, title)

    def create_limit(self, name: str, kind: str = "global") -> LimitDialog | None:
        """Show the tab (built if need be) with "New concurrency limit" for `name`."""
        self.tabs.setCurrentIndex(self._variables_index)
        if self.variables_tab is None:
            return None
        return self.variables_tab.create_limit(name, kind)
