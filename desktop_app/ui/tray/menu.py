"""The tray menu, rebuilt from a fresh snapshot every time it opens (`aboutToShow`).

Rebuilding (as vorta does) means the menu can never show a run that was
resumed meanwhile, and costs nothing: it reads the tracker's memory, no I/O.
Actions carry object names (`resume:<run id>`, `resumeAll:<deployment id>`…)
so tests and accessibility tools can find them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QMenu, QWidget

from desktop_app.core.api.release_note import release_line
from desktop_app.services.failures import Failure
from desktop_app.ui.style import state_icon
from desktop_app.ui.tray.failure_menu import FailureHandlers, add_failures
from desktop_app.ui.tray.run_tracker import PausedRun
from desktop_app.ui.tray.texts import SEP, paused_since, run_label

MAX_RUNS = 15
"""Paused runs listed one by one; beyond that, "N more…" opens the Paused filter."""


@dataclass(frozen=True)
class MenuState:
    paused: Sequence[PausedRun]
    window_visible: bool
    server_text: str
    connected: bool
    managed: bool
    phase: str
    can_start: bool = False
    can_stop: bool = False
    can_restart: bool = False
    can_open_web: bool = False
    failures: Sequence[Failure] = ()
    unseen_failures: frozenset[str] = frozenset()


@dataclass
class MenuHandlers:
    resume: Callable[[PausedRun], object]
    resume_input: Callable[[str], object]
    open_run: Callable[[str], object]
    resume_all: Callable[[str, list[PausedRun]], object]
    toggle_window: Callable[[], object]
    show_paused: Callable[[], object]
    quit: Callable[[], object]
    start: Callable[[], object] | None = None
    stop: Callable[[], object] | None = None
    restart: Callable[[], object] | None = None
    open_web: Callable[[], object] | None = None
    open_audit: Callable[[], object] | None = None
    open_settings: Callable[[], object] | None = None
    failures: FailureHandlers | None = None
    extra: list[QAction] = field(default_factory=list)


def deployment_groups(paused: Sequence[PausedRun]) -> list[tuple[str, str, list[PausedRun]]]:
    """(deployment id, `flow/deployment`, runs) for deployments with 2+ paused runs."""
    groups: dict[str, tuple[str, list[PausedRun]]] = {}
    for entry in paused:
        run = entry.run
        if run is None or not run.deployment_id:
            continue
        label = f"{run.flow_name}/{run.deployment_name or run.deployment_id[:8]}"
        groups.setdefault(run.deployment_id, (label, []))[1].append(entry)
    return [(dep_id, label, runs) for dep_id, (label, runs) in groups.items() if len(runs) > 1]


class TrayMenu(QMenu):
    language_changed = Signal()
    """A live language switch: the owner rebuilds the menu from a fresh state."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.language_changed.emit()
        super().changeEvent(event)

    def __init__(self, handlers: MenuHandlers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trayMenu")
        self.handlers = handlers
        self._submenus: list[QMenu] = []

    def rebuild(self, state: MenuState) -> None:
        for submenu in self._submenus:
            submenu.deleteLater()
        self._submenus = []
        self.clear()
        h = self.handlers

        if state.paused:
            header = QCoreApplication.translate("Tray", "Paused runs ({count})").format(
                count=len(state.paused)
            )
        else:
            header = QCoreApplication.translate("Tray", "No paused runs")
        self.addSection(header)
        for entry in state.paused[:MAX_RUNS]:
            self._add_run(entry, state.connected)
        rest = len(state.paused) - MAX_RUNS
        if rest > 0:
            text = QCoreApplication.translate(
                "Tray", "{count} more… (show the Paused filter)"
            ).format(count=rest)
            more = self._action(text, "morePaused")
            more.triggered.connect(lambda: h.show_paused())
        for dep_id, label, entries in deployment_groups(state.paused):
            text = QCoreApplication.translate(
                "Tray", "Resume all paused runs of {deployment}"
            ).format(deployment=label)
            action = self._action(text, f"resumeAll:{dep_id}")
            action.setEnabled(state.connected)
            action.triggered.connect(lambda _=False, name=label, e=entries: h.resume_all(name, e))
        if h.failures is not None:
            self._submenus += add_failures(
                self, state.failures, set(state.unseen_failures), state.connected, h.failures
            )

        self.addSeparator()
        window = self._action(
            QCoreApplication.translate("Tray", "Hide window")
            if state.window_visible
            else QCoreApplication.translate("Tray", "Show window"),
            "toggleWindow",
        )
        window.triggered.connect(lambda: h.toggle_window())
        if h.open_audit is not None:
            audit = self._action(QCoreApplication.translate("Tray", "Audit trail…"), "openAudit")
            audit.triggered.connect(lambda: h.open_audit())  # type: ignore[misc]

        self.addSeparator()
        self._add_server(state)
        if h.open_web is not None:
            web = self._action(
                QCoreApplication.translate("Tray", "Open Prefect web UI"), "openWebUi"
            )
            web.setEnabled(state.can_open_web)
            web.triggered.connect(lambda: h.open_web())  # type: ignore[misc]
        if h.open_settings is not None:
            settings = self._action(QCoreApplication.translate("Tray", "Settings…"), "openSettings")
            settings.triggered.connect(lambda: h.open_settings())  # type: ignore[misc]
        for action in h.extra:
            self.addAction(action)
        self.addSeparator()
        quit_action = self._action(QCoreApplication.translate("Tray", "Quit Flowdesk"), "quit")
        quit_action.triggered.connect(lambda: h.quit())

    def _action(self, text: str, name: str, menu: QMenu | None = None) -> QAction:
        action = (menu or self).addAction(text)
        action.setObjectName(name)
        return action

    def _add_run(self, entry: PausedRun, connected: bool) -> None:
        h = self.handlers
        title = f"{run_label(entry.run, entry.run_id)}{SEP}{paused_since(entry.since)}"
        submenu = self.addMenu(state_icon("PAUSED"), title)
        submenu.setObjectName(f"pausedRun:{entry.run_id}")
        submenu.menuAction().setObjectName(f"pausedRunMenu:{entry.run_id}")
        self._submenus.append(submenu)
        released = release_line(entry.run)
        if released:  # the same pause, with the one thing that differs
            submenu.addAction(released).setEnabled(False)
        if entry.wants_input:
            note = submenu.addAction(QCoreApplication.translate("Tray", "Waiting for input"))
            note.setEnabled(False)
        else:
            resume = self._action(
                QCoreApplication.translate("Tray", "Resume"), f"resume:{entry.run_id}", submenu
            )
            resume.setEnabled(connected)
            bold = QFont(resume.font())
            bold.setBold(True)
            resume.setFont(bold)
            resume.triggered.connect(lambda _=False, e=entry: h.resume(e))
        with_input = self._action(
            QCoreApplication.translate("Tray", "Resume with input…"),
            f"resumeInput:{entry.run_id}",
            submenu,
        )
        with_input.setEnabled(connected)
        if entry.wants_input:
            bold = QFont(with_input.font())
            bold.setBold(True)
            with_input.setFont(bold)
        with_input.triggered.connect(lambda _=False, r=entry.run_id: h.resume_input(r))
        submenu.addSeparator()
        show = self._action(
            QCoreApplication.translate("Tray", "Show in window"), f"openRun:{entry.run_id}", submenu
        )
        show.triggered.connect(lambda _=False, r=entry.run_id: h.open_run(r))

    def _add_server(self, state: MenuState) -> None:
        h = self.handlers
        if not state.managed or not any((h.start, h.stop, h.restart)):
            status = self._action(state.server_text, "serverStatus")
            status.setEnabled(False)
            return
        submenu = self.addMenu(state.server_text)
        submenu.setObjectName("serverMenu")
        self._submenus.append(submenu)
        for text, name, handler, enabled in (
            (
                QCoreApplication.translate("Tray", "Start server"),
                "serverStart",
                h.start,
                state.can_start,
            ),
            (
                QCoreApplication.translate("Tray", "Stop server"),
                "serverStop",
                h.stop,
                state.can_stop,
            ),
            (
                QCoreApplication.translate("Tray", "Restart server"),
                "serverRestart",
                h.restart,
                state.can_restart,
            ),
        ):
            if handler is None:
                continue
            action = self._action(text, name, submenu)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _=False, f=handler: f())

    def find(self, name: str) -> QAction | None:
        """An action by object name, searching submenus too."""
        for menu in [self, *self._submenus]:
            for action in menu.actions():
                if action.objectName() == name:
                    return action
        return None
