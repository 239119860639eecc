"""The main window: runs and deployments tabs, menus, a banner when the server is away,
and the server's status in the status bar.

It only assembles views and routes messages; loading, actions and supervision
live in the views and in `AppContext`. Closing it saves geometry and table
layouts; quitting (and stopping the server) is the app's job (`app.py`), so a
tray can later keep the app alive with the window closed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QMetaMethod,
    QSettings,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.context import AppContext, ServerView
from desktop_app.ui.deployments.view import DeploymentsView
from desktop_app.ui.designer_tab import DesignerTabMixin
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.runs.view import RunsView, default_detail_factory
from desktop_app.ui.server_banner import ServerBanner
from desktop_app.ui.server_status import ServerStatusWidget, phase_text
from desktop_app.ui.variables_tab import VariablesTabMixin
from desktop_app.ui.web_ui import open_web_ui

MESSAGE_MS = 8000


class MainWindow(Retranslating, DesignerTabMixin, VariablesTabMixin, QMainWindow):
    closing = Signal()
    """The user closed the window (geometry is saved by then)."""
    quit_requested = Signal()
    """File ▸ Quit: leave the app (closing the window may only hide it to the tray)."""
    settings_requested = Signal()
    """File ▸ Settings: the app owns the profiles, so it opens the dialog."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        detail_factory: Callable[[AppContext, QWidget], QWidget] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.context = context
        self._profile_name: str | None = None
        self.resize(1280, 820)
        self.errors: list[tuple[str, str]] = []
        self._error_box: QMessageBox | None = None

        self.banner = ServerBanner(self)
        self.banner.log_button.clicked.connect(self._show_server_log)
        self.banner.restart_button.clicked.connect(context.restart_server)
        self.banner.repair_button.clicked.connect(self._repair_database)

        self.runs = RunsView(context, self, detail_factory or default_detail_factory)
        self.deployments = DeploymentsView(context, self.runs.model, self)
        self.tabs = QTabWidget(self, objectName="mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.runs, "")
        self.tabs.addTab(self.deployments, "")
        # The designer and work pools are built on first visit: most sessions
        # never open them, and the window must paint in well under a second.
        self.designer = None
        self.workpools = None
        self.variables_tab = None
        self._designer_index = self.tabs.addTab(QWidget(self), "")
        self._workpools_index = self.tabs.addTab(QWidget(self), "")
        self._variables_index = self.tabs.addTab(QWidget(self), "")
        self.tabs.currentChanged.connect(self._build_lazy_tab)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.server_status = ServerStatusWidget(context, self)
        self.details_button = QToolButton(self, objectName="errorDetails")
        self.details_button.setAutoRaise(True)
        self.details_button.clicked.connect(self.show_last_error)
        self.details_button.hide()
        self.statusBar().addPermanentWidget(self.details_button)
        self.statusBar().addPermanentWidget(self.server_status)
        self.statusBar().messageChanged.connect(self._status_message_changed)

        for view in (self.runs, self.deployments):
            view.message.connect(self.show_message)
            view.failed.connect(self.show_error)
        self.deployments.show_runs.connect(self.show_runs_of_deployment)
        self.runs.summary_ready.connect(self.deployments.apply_summary)
        self.runs.loader.deployment_event.connect(self.deployments.on_deployment_event)

        self._build_menus()
        context.server_changed.connect(self._server_changed)
        context.connected.connect(lambda _c: self._server_changed(context.view))
        context.disconnected.connect(lambda _r: self._server_changed(context.view))
        self.retranslate()
        self.restore_state()
        self._offer_recovered_designs()

    # -- menus -------------------------------------------------------------------
    def _build_menus(self) -> None:
        """Menus and their actions; their texts are set in `retranslate`."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self._quit)
        self.settings_action = QAction(self, objectName="openSettings")
        self.settings_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
        if self.settings_action.shortcut().isEmpty():
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.settings_requested)
        self.audit_action = QAction(self, objectName="openAudit")
        self.audit_action.triggered.connect(lambda: self.show_audit())
        self.flows_folder_action = QAction(self, objectName="openFlowsFolder")
        self.flows_folder_action.triggered.connect(self._open_flows_folder)
        self.file_menu.addAction(self.flows_folder_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addAction(self.audit_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.refresh_action = QAction(self, objectName="refreshAll")
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        if self.refresh_action.shortcut().isEmpty():
            self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(self.refresh)
        self.find_action = QAction(self, objectName="findRuns")
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.focus_search)
        self.runs_tab_action = QAction(self)
        self.runs_tab_action.setShortcut(QKeySequence("Ctrl+1"))
        self.runs_tab_action.triggered.connect(lambda: self.tabs.setCurrentWidget(self.runs))
        self.deployments_tab_action = QAction(self)
        self.deployments_tab_action.setShortcut(QKeySequence("Ctrl+2"))
        self.deployments_tab_action.triggered.connect(
            lambda: self.tabs.setCurrentWidget(self.deployments)
        )
        for action in (self.refresh_action, self.find_action):
            self.view_menu.addAction(action)
            self.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.runs_tab_action)
        self.view_menu.addAction(self.deployments_tab_action)

        self.runs_menu = bar.addMenu("")
        self.runs.actions_.add_to_menu(self.runs_menu)

        self.server_menu = bar.addMenu("")
        self.status_action = self.server_menu.addAction("")
        self.status_action.triggered.connect(self._show_server_log)
        self.restart_action = self.server_menu.addAction("")
        self.restart_action.triggered.connect(self.context.restart_server)
        self.keep_running_action = QAction(self, objectName="keepServerRunning")
        self.keep_running_action.setCheckable(True)
        self.keep_running_action.setChecked(self.context.keep_server_running)
        self.keep_running_action.toggled.connect(self._keep_running_toggled)
        self.server_menu.addAction(self.keep_running_action)
        self.server_menu.addSeparator()
        self.web_ui_action = self.server_menu.addAction("")
        self.web_ui_action.triggered.connect(self._open_web_ui)
        self.restart_action.setVisible(self.context.manager is not None)
        self.keep_running_action.setVisible(self.context.manager is not None)

        self.help_menu = bar.addMenu("")
        self._add_designer_help(self.help_menu)
        self.about_action = self.help_menu.addAction("")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._about)

    def retranslate(self) -> None:
        """Every text the window itself shows, in the current language (live switch too)."""
        tr = self.tr
        self.file_menu.setTitle(tr("&File"))
        self.quit_action.setText(tr("&Quit"))
        self.settings_action.setText(tr("&Settings…"))
        self.audit_action.setText(tr("&Audit trail…"))
        self.audit_action.setToolTip(tr("Who paused, resumed or cancelled which run, with what"))
        self.flows_folder_action.setText(tr("Open &flows folder"))
        self.flows_folder_action.setToolTip(
            tr("Your own flow files: each one is served; edit one and the next run uses it")
        )
        self.view_menu.setTitle(tr("&View"))
        self.refresh_action.setText(tr("&Refresh"))
        self.find_action.setText(tr("&Find runs"))
        self.runs_tab_action.setText(tr("Runs"))
        self.deployments_tab_action.setText(tr("Deployments"))
        self.runs_menu.setTitle(tr("R&uns"))
        self.server_menu.setTitle(tr("&Server"))
        self.status_action.setText(tr("Status and log…"))
        self.restart_action.setText(tr("Restart server"))
        self.keep_running_action.setText(tr("Keep the server running after quitting"))
        self.keep_running_action.setToolTip(
            tr("Flows keep running and the CLI keeps working when the window is closed")
        )
        self.web_ui_action.setText(tr("Open Prefect's web UI"))
        self.help_menu.setTitle(tr("&Help"))
        self.basics_action.setText(tr("Designer &basics…"))
        self.examples_menu.setTitle(tr("Designer &examples"))
        self.about_action.setText(tr("About Flowdesk"))
        self.tabs.setTabText(self.tabs.indexOf(self.runs), tr("Runs"))
        self.tabs.setTabText(self.tabs.indexOf(self.deployments), tr("Deployments"))
        if self.designer is None:
            self.tabs.setTabText(self._designer_index, tr("Designer"))
        else:  # "Designer", its unsaved mark, and the design's title
            self._designer_title_changed(self.designer.title())
        self.tabs.setTabText(self._workpools_index, tr("Work pools"))
        self.tabs.setTabText(self._variables_index, tr("Variables && limits"))
        self.details_button.setText(tr("Details…"))
        self.set_profile_name(self._profile_name)
        self._server_changed(self.context.view)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.WindowStateChange:
            self._shown_changed()
        super().changeEvent(event)  # Retranslating answers LanguageChange

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._shown_changed()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._shown_changed()

    def _shown_changed(self) -> None:
        """Hidden to the tray or minimised, the tables stop polling (events still flow)."""
        self.runs.loader.set_shown(self.isVisible() and not self.isMinimized())

    def _quit(self) -> None:
        self.confirm_designer_close(self._quit_now)

    def _quit_now(self) -> None:
        if self.isSignalConnected(QMetaMethod.fromSignal(self.quit_requested)):
            self.quit_requested.emit()
        else:
            self.close()  # a bare window (tests, embedding): closing is quitting

    def _open_flows_folder(self) -> None:
        from desktop_app.ui.deployments.flow_notes import open_user_flows_folder

        opened, folder = open_user_flows_folder()
        if not opened:
            self.show_message(
                self.tr("No file manager could open {path}; open it yourself.").format(
                    path=folder
                )
            )

    def show_audit(self) -> None:
        from desktop_app.ui.audit_view import open_audit_view

        open_audit_view()

    def set_profile_name(self, name: str | None) -> None:
        """Say in the title which server the window shows when it is not the local one."""
        self._profile_name = name
        if name:
            self.setWindowTitle(self.tr("Flowdesk — {profile}").format(profile=name))
        else:
            self.setWindowTitle(self.tr("Flowdesk"))

    def settings_applied(self) -> None:
        """The settings dialog saved: mirror what the window shows of it."""
        with QSignalBlocker(self.keep_running_action):  # mirror, not a new choice
            self.keep_running_action.setChecked(self.context.keep_server_running)

    def _keep_running_toggled(self, checked: bool) -> None:
        self.context.keep_server_running = checked
        self.show_message(
            self.tr("The server will keep running after you quit.")
            if checked
            else self.tr("The server stops when you quit.")
        )

    # -- server state ---------------------------------------------------------------
    def _server_changed(self, view: ServerView) -> None:
        connected = self.context.get_client() is not None
        local = self.context.manager is not None
        self.restart_action.setVisible(local)
        self.keep_running_action.setVisible(local)
        self.web_ui_action.setEnabled(connected)
        if connected:
            self.banner.hide()
            self.banner.text.clear()  # no stale words in another language
            return
        tr = self.tr
        remote = self.context.remote_url
        if remote is not None and view.phase == "connecting":
            text = tr("Connecting to the Prefect server at {url}…").format(url=remote)
            self.banner.show_message(text, "SCHEDULED", None)
            return
        if view.phase in ("launching", "starting", "connecting"):
            text = tr(
                "Starting the local Prefect server ({phase}). A new database takes about "
                "20 seconds; runs appear as soon as it answers."
            ).format(phase=phase_text(view))
            self.banner.show_message(text, "SCHEDULED", None)
            return
        if view.phase == "restarting":
            text = tr("The server is restarting. The tables show the last known state.")
            self.banner.show_message(text, "SCHEDULED", None)
            return
        if view.phase == "failed" and view.problem and self.context.manager is not None:
            from desktop_app.ui.db_repair import problem_text

            self.banner.show_message(problem_text(view), "FAILED", None)
            self.banner.repair_button.show()
            return
        reason = view.message.splitlines()[0] if view.message else phase_text(view)
        text = tr("Not connected: {reason}. The tables show the last known state.").format(
            reason=reason
        )
        restart = None
        if self.context.manager is not None:
            restart = (
                tr("Start server") if view.phase in ("stopped", "failed") else tr("Restart server")
            )
        self.banner.show_message(text, "FAILED", restart)

    def _repair_database(self) -> None:
        from desktop_app.ui.db_repair import ask_repair

        ask_repair(self, self.context, self.context.view)

    def _show_server_log(self) -> None:
        self.server_status.show_log()

    def _open_web_ui(self) -> None:
        open_web_ui(self.context.connection)

    # -- messages ---------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def show_error(self, summary: str, details: str = "") -> None:
        """A failure in words in the status bar; the details one click away."""
        self.errors.append((summary, details))
        del self.errors[:-50]
        self.statusBar().showMessage("⚠ " + summary, MESSAGE_MS * 2)
        self.details_button.setVisible(True)

    def _status_message_changed(self, text: str) -> None:
        if not text:
            self.details_button.hide()

    def show_last_error(self) -> None:
        if not self.errors:
            return
        summary, details = self.errors[-1]
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("What went wrong"))
        box.setText(summary)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._error_box = box
        box.open()

    def _about(self) -> None:
        from desktop_app import __version__  # read on first use: not before the first paint

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About Flowdesk"))
        box.setText(
            self.tr("Flowdesk {version}\nPrefect on your desk.").format(version=__version__)
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- keyboard -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.runs)
        self.runs.focus_search()

    def refresh(self) -> None:
        self.runs.refresh()
        self.deployments.reload()

    def show_runs_of_deployment(self, deployment_id: str) -> None:
        self.tabs.setCurrentWidget(self.runs)
        self.runs.show_runs_of_deployment(deployment_id)

    # -- state ----------------------------------------------------------------------------
    def restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = settings.value("main_window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.runs.restore_state(settings)
        self.deployments.restore_state(settings)
        tab = settings.value("main_window/tab", 0, type=int)
        self.tabs.setCurrentIndex(tab if 0 <= tab < self.tabs.count() else 0)

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        settings.setValue("main_window/tab", self.tabs.currentIndex())
        self.runs.save_state(settings)
        self.deployments.save_state(settings)
        settings.sync()

    def _build_lazy_tab(self, index: int) -> None:
        if index == self._designer_index and self.designer is None:
            from desktop_app.ui.designer import DesignerWidget

            self.designer = DesignerWidget(self.context.get_client, self)
            self.runs.loader.run_event.connect(self.designer.on_run_event)
            self._replace_tab(index, self.designer, self.tr("Designer"))
            self.designer.title_changed.connect(self._designer_title_changed)
            self._designer_title_changed(self.designer.title())
        elif index == self._workpools_index and self.workpools is None:
            from desktop_app.ui.workpools.view import WorkPoolsView

            self.workpools = WorkPoolsView(self.context.get_client, self.context.tasks, self)
            self.context.connected.connect(self.workpools.on_connection_changed)
            self.context.disconnected.connect(self.workpools.on_connection_changed)
            self._replace_tab(index, self.workpools, self.tr("Work pools"))
        elif index == self._variables_index and self.variables_tab is None:
            self._build_variables_tab(index, self.tr("Variables && limits"))

    def _replace_tab(self, index: int, widget: QWidget, title: str) -> None:
        placeholder = self.tabs.widget(index)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, title)
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.closing.emit()
        super().closeEvent(event)
