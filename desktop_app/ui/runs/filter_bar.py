"""The row of filters above the runs table: state chips with counts, search, flow,
deployment, time range, and a "Paused (N)" button that stands out when runs wait.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.runs.filters import CHIP_STATES, RunCriteria
from desktop_app.ui.style import state_icon, state_type_name
from desktop_app.ui.timers import make_timer

SEARCH_DELAY_MS = 150


class RunsFilterBar(Retranslating, QWidget):
    criteria_changed = Signal(object)
    """The new RunCriteria."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._criteria = RunCriteria()
        self._counts: Mapping[str, int] = {}

        self.paused_button = QToolButton(self, objectName="pausedQuickFilter")
        self.paused_button.setCheckable(True)
        self.paused_button.setIcon(state_icon("PAUSED"))
        self.paused_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bold = QFont(self.paused_button.font())
        bold.setBold(True)
        self.paused_button.setFont(bold)
        self.paused_button.toggled.connect(self._paused_toggled)

        self.chips: dict[str, QToolButton] = {}
        for chip in CHIP_STATES:
            button = QToolButton(self, objectName=f"chip_{chip}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setIcon(state_icon(chip))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.toggled.connect(self._chips_changed)
            self.chips[chip] = button

        self.search = QLineEdit(self, objectName="runSearch")
        self.search.setClearButtonEnabled(True)
        self._search_timer = make_timer(self, SEARCH_DELAY_MS, self._emit, single_shot=True)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

        self.flow_combo = QComboBox(self, objectName="flowFilter")
        self.flow_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.flow_combo.addItem("", "")
        self.flow_combo.currentIndexChanged.connect(self._emit)

        self.deployment_combo = QComboBox(self, objectName="deploymentFilter")
        self.deployment_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.deployment_combo.addItem("", "")
        self.deployment_combo.currentIndexChanged.connect(self._emit)

        self.time_combo = QComboBox(self, objectName="timeFilter")
        for key in ("hour", "day", "week", "all"):
            self.time_combo.addItem("", key)
        self.time_combo.setCurrentIndex(3)
        self.time_combo.currentIndexChanged.connect(self._emit)

        self.clear_button = QToolButton(self)
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(lambda: self.set_criteria(RunCriteria()))

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.paused_button)
        top.addWidget(self.search, 1)
        top.addWidget(self.flow_combo)
        top.addWidget(self.deployment_combo)
        top.addWidget(self.time_combo)
        top.addWidget(self.clear_button)
        chips = QHBoxLayout()
        chips.setContentsMargins(0, 0, 0, 0)
        chips.setSpacing(2)
        for button in self.chips.values():
            chips.addWidget(button)
        chips.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(chips)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the bar, in the current language (also on a live switch)."""
        tr = self.tr
        self.paused_button.setToolTip(tr("Show only the runs waiting to be resumed"))
        self.search.setPlaceholderText(tr("Search runs (Ctrl+F)"))
        self.search.setToolTip(tr("Matches run name, flow, deployment, id, tags and state"))
        self.flow_combo.setItemText(0, tr("All flows"))
        self.deployment_combo.setItemText(0, tr("All deployments"))
        times = {
            "hour": tr("Last hour"),
            "day": tr("Last 24 hours"),
            "week": tr("Last 7 days"),
            "all": tr("All time"),
        }
        for index in range(self.time_combo.count()):
            self.time_combo.setItemText(index, times[self.time_combo.itemData(index)])
        self.time_combo.setToolTip(
            tr("Runs that started in this period, plus those scheduled to start")
        )
        self.clear_button.setText(tr("Clear filters"))
        self.set_counts(self._counts)

    # -- reading ---------------------------------------------------------------
    @property
    def criteria(self) -> RunCriteria:
        return self._criteria

    def _read(self) -> RunCriteria:
        chips = frozenset(chip for chip, button in self.chips.items() if button.isChecked())
        flow = self.flow_combo.currentData() or ""
        deployment = self.deployment_combo.currentData() or ""
        return RunCriteria(
            chips=chips,
            text=self.search.text(),
            flow_names=frozenset({flow}) if flow else frozenset(),
            deployment_ids=frozenset({deployment}) if deployment else frozenset(),
            time_range=self.time_combo.currentData() or "all",
        )

    def _emit(self, *_args: object) -> None:
        criteria = self._read()
        self._sync_paused_button(criteria)
        self.clear_button.setEnabled(not criteria.is_empty)
        if criteria != self._criteria:
            self._criteria = criteria
            self.criteria_changed.emit(criteria)

    def _chips_changed(self, _checked: bool) -> None:
        self._emit()

    def _paused_toggled(self, checked: bool) -> None:
        blockers = [QSignalBlocker(button) for button in self.chips.values()]
        for chip, button in self.chips.items():
            button.setChecked(checked and chip == "PAUSED")
        del blockers
        self._emit()

    def _sync_paused_button(self, criteria: RunCriteria) -> None:
        with QSignalBlocker(self.paused_button):
            self.paused_button.setChecked(criteria.chips == frozenset({"PAUSED"}))
        self._update_paused_enabled()

    def _update_paused_enabled(self) -> None:
        paused = self._counts.get("PAUSED", 0)
        self.paused_button.setEnabled(paused > 0 or self.paused_button.isChecked())

    # -- writing -----------------------------------------------------------------
    def set_criteria(self, criteria: RunCriteria) -> None:
        """Show `criteria` in the widgets (chart click, "show runs of this deployment")."""
        widgets = [
            *self.chips.values(),
            self.search,
            self.flow_combo,
            self.deployment_combo,
            self.time_combo,
        ]
        blockers = [QSignalBlocker(w) for w in widgets]
        for chip, button in self.chips.items():
            button.setChecked(chip in criteria.chips)
        self.search.setText(criteria.text)
        flow = next(iter(criteria.flow_names), "")
        if flow and self.flow_combo.findData(flow) < 0:
            self.flow_combo.addItem(flow, flow)
        self.flow_combo.setCurrentIndex(max(0, self.flow_combo.findData(flow)))
        deployment = next(iter(criteria.deployment_ids), "")
        if deployment and self.deployment_combo.findData(deployment) < 0:
            self.deployment_combo.addItem(deployment[:8], deployment)
        self.deployment_combo.setCurrentIndex(max(0, self.deployment_combo.findData(deployment)))
        self.time_combo.setCurrentIndex(max(0, self.time_combo.findData(criteria.time_range)))
        del blockers
        self._search_timer.stop()
        self._emit()

    def set_counts(self, counts: Mapping[str, int]) -> None:
        """Counts per chip (over every filter but the chips)."""
        self._counts = dict(counts)
        for chip, button in self.chips.items():
            count = counts.get(chip, 0)
            button.setText(f"{state_type_name(chip)} {count}")
        paused = counts.get("PAUSED", 0)
        self.paused_button.setText(self.tr("Paused ({count})").format(count=paused))
        self._update_paused_enabled()

    def set_flows(self, names: Iterable[str]) -> None:
        self._set_items(self.flow_combo, [(n, n) for n in sorted(set(names))])

    def set_deployments(self, items: Iterable[tuple[str, str]]) -> None:
        """(deployment id, label) pairs."""
        self._set_items(self.deployment_combo, sorted(items, key=lambda i: i[1].casefold()))

    def _set_items(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData() or ""
        existing = [(combo.itemData(i), combo.itemText(i)) for i in range(1, combo.count())]
        if existing == [(value, label) for value, label in items]:
            return
        with QSignalBlocker(combo):
            while combo.count() > 1:
                combo.removeItem(1)
            for value, label in items:
                combo.addItem(label, value)
            if current and combo.findData(current) < 0:
                combo.addItem(current, current)  # keep an active filter visible
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
