"""`DesignerWidget`: the designer tab — canvas, palette, inspector, problems, toolbar, runs.

It wires the parts together and owns the document-level actions (files,
undo, clipboard, layout, validation); the parts know nothing of each other:

- `DesignDocument` holds the design, its file and its `QUndoStack`;
- `DesignScene`/`DesignView` show it and turn gestures into commands;
- `Inspector` edits the selected node (code editor included);
- `RunController` deploys, runs, colours the nodes and offers Resume…/Logs.

Nothing here blocks the Qt loop: files are small and written atomically,
server calls run as tasks on the qasync loop, and every question (save
changes? restore an autosave?) is asked without a modal `exec()`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api.models import RunEvent
from desktop_app.designer import (
    Design,
    Problem,
    validate,
)
from desktop_app.ui.designer.basics import DesignerBasicsDialog
from desktop_app.ui.designer.code_dialog import GeneratedCodeDialog
from desktop_app.ui.designer.document import DesignDocument
from desktop_app.ui.designer.editing import DesignEditingMixin
from desktop_app.ui.designer.files import DesignFilesMixin
from desktop_app.ui.designer.inspector import Inspector
from desktop_app.ui.designer.kind_icons import kind_icon
from desktop_app.ui.designer.kinds import KIND_INFOS
from desktop_app.ui.designer.notice import NoticeBar
from desktop_app.ui.designer.palette import NodePalette
from desktop_app.ui.designer.problems_view import ProblemsView
from desktop_app.ui.designer.quick_add import QuickAddPopup
from desktop_app.ui.designer.run_bar import RunBar
from desktop_app.ui.designer.run_controller import RunController
from desktop_app.ui.designer.scene import DesignScene
from desktop_app.ui.designer.view import DesignView
from desktop_app.ui.style import state_icon
from desktop_app.ui.timers import make_timer

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

VALIDATE_DELAY_MS = 150
AUTOSAVE_MS = 3_000
"""How often unsaved changes are copied to the recovery folder (only when they changed)."""


class DesignerWidget(DesignFilesMixin, DesignEditingMixin, QWidget):
    """The flow designer, as one tab of the main window."""

    title_changed = Signal(str)
    """"pausable_loop.flowdesk.json •" while there are unsaved changes."""
    close_approved = Signal()
    """After `maybe_close()` said "not yet": the person saved or discarded; close again."""

    def __init__(self, get_client: Callable[[], FlowdeskClient | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._get_client = get_client
        self.document = DesignDocument(self)
        self.scene = DesignScene(self.document.push, self)
        self.view = DesignView(self.scene, self)
        self.palette = NodePalette(self)
        self.inspector = Inspector(self.document, self)
        self.problems_view = ProblemsView(self)
        self.notice = NoticeBar(self)
        self.run_bar = RunBar(self)
        self.runs = RunController(get_client, self.document, self.scene, self.inspector,
                                  self.problems_view, self.notice, self.run_bar, self)
        self.problems: list[Problem] = []
        self.code_dialog: GeneratedCodeDialog | None = None
        self.schedule_dialog: QDialog | None = None
        self.quick_add: QuickAddPopup | None = None
        self.basics_dialog: DesignerBasicsDialog | None = None
        self._question: QMessageBox | None = None
        self._after_answer: Callable[[], None] | None = None
        self._after_cancel: Callable[[], None] | None = None
        self._file_dialog: QFileDialog | None = None
        self._autosave_warned = ""
        self._build_actions()
        self._build_layout()
        self._connect()
        self._validate_timer = make_timer(
            self, VALIDATE_DELAY_MS, self.validate_now, single_shot=True
        )
        self._autosave_timer = make_timer(self, AUTOSAVE_MS, self.autosave)
        self._autosave_timer.start()
        self._on_design_replaced(self.document.design)
        self._offer_orphan_recovery()

    # == building ===========================================================================
    def _action(self, text: str, slot, shortcut=None, tip: str = "",
                icon: QStyle.StandardPixmap | None = None,
                widget: QWidget | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(lambda _checked=False: slot())
        owner = widget or self
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut if widget
                                  else Qt.ShortcutContext.WidgetWithChildrenShortcut)
        owner.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        pix = QStyle.StandardPixmap
        self.new_action = self._action(self.tr("New"), self.new_design, key.New,
                                       self.tr("Start an empty design"), pix.SP_FileIcon)
        self.open_action = self._action(self.tr("Open…"), self.open_dialog, key.Open,
                                        self.tr("Open a design file"), pix.SP_DialogOpenButton)
        self.save_action = self._action(self.tr("Save"), self.save, key.Save,
                                        self.tr("Save the design"), pix.SP_DialogSaveButton)
        self.save_as_action = self._action(self.tr("Save as…"), self.save_as_dialog,
                                           key.SaveAs, self.tr("Save the design to a new file"))
        stack = self.document.undo_stack
        self.undo_action = self._action(self.tr("Undo"), stack.undo, key.Undo,
                                        icon=pix.SP_ArrowBack)
        self.redo_action = self._action(self.tr("Redo"), stack.redo,
                                        ["Ctrl+Shift+Z", "Ctrl+Y"], icon=pix.SP_ArrowForward)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(
            lambda text: self.undo_action.setToolTip(self.tr("Undo {what}").format(what=text)))
        stack.redoTextChanged.connect(
            lambda text: self.redo_action.setToolTip(self.tr("Redo {what}").format(what=text)))
        view = self.view
        self.cut_action = self._action(self.tr("Cut"), self.cut, key.Cut, widget=view)
        self.copy_action = self._action(self.tr("Copy"), self.copy, key.Copy, widget=view)
        self.paste_action = self._action(self.tr("Paste"), self.paste, key.Paste, widget=view)
        self.duplicate_action = self._action(self.tr("Duplicate"), self.duplicate, "Ctrl+D",
                                             widget=view)
        self.delete_action = self._action(self.tr("Delete"), self.delete_selection,
                                          [QKeySequence(key.Delete), "Backspace"], widget=view)
        self.select_all_action = self._action(self.tr("Select all"), self.select_all,
                                              key.SelectAll, widget=view)
        self.fit_action = self._action(self.tr("Fit"), self.view.fit_all, "Ctrl+0",
                                       self.tr("Show the whole design (Ctrl+0)"))
        self.zoom_100_action = self._action(self.tr("100 %"), self.view.reset_zoom, "Ctrl+1",
                                            self.tr("Actual size (Ctrl+1)"))
        self.zoom_in_action = self._action(self.tr("Zoom in"), lambda: self.view.zoom_by(1.25),
                                           key.ZoomIn)
        self.zoom_out_action = self._action(self.tr("Zoom out"), lambda: self.view.zoom_by(0.8),
                                            key.ZoomOut)
        self.layout_action = self._action(self.tr("Tidy up"), self.auto_layout, "Ctrl+L",
                                          self.tr("Arrange the nodes in columns by dependency "
                                                  "(Ctrl+L)"))
        self.validate_action = self._action(self.tr("Validate"), self.show_validation, "F7",
                                            self.tr("Check the design and list its problems"),
                                            pix.SP_DialogApplyButton)
        self.code_action = self._action(self.tr("View code"), self.show_code, "F8",
                                        self.tr("The Prefect flow module this design generates"))
        self.deploy_action = self._action(self.tr("Deploy"), self.deploy, "Ctrl+Shift+D",
                                          self.tr("Write the flow and serve it as a deployment"),
                                          pix.SP_ArrowUp)
        self.deploy_scheduled_action = self._action(
            self.tr("Deploy with schedule…"), self.deploy_with_schedule, None,
            self.tr("Deploy, then run it on a schedule (cron, interval or RRule)"))
        self.run_action = self._action(self.tr("Run…"), self.run, "F5",
                                       self.tr("Deploy if needed, then start a run with "
                                               "parameters"), pix.SP_MediaPlay)
        self.quick_add_action = self._action(self.tr("Add node…"), self.open_quick_add, None,
                                             self.tr("Search node kinds (Tab on the canvas)"))

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(16, 16))
        for action in (self.new_action, self.open_action, self.save_action,
                       self.save_as_action, None, self.undo_action, self.redo_action, None,
                       self.quick_add_action, self.layout_action, self.fit_action, None,
                       self.validate_action, self.code_action, self.deploy_action,
                       self.deploy_scheduled_action, self.run_action):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.title_label = QLabel(self.toolbar, objectName="designTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setContentsMargins(8, 0, 8, 0)
        self.toolbar.addWidget(self.title_label)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.notice)
        layout.addWidget(self.run_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.palette)
        self.centre = QSplitter(Qt.Orientation.Vertical, self.splitter)
        self.centre.addWidget(self.view)
        self.centre.addWidget(self.problems_view)
        self.centre.setStretchFactor(0, 1)
        self.centre.setSizes([640, 90])
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.inspector)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([130, 820, 390])
        layout.addWidget(self.splitter, 1)
        status = QHBoxLayout()
        status.setContentsMargins(6, 0, 6, 2)
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        status.addWidget(self.status_label, 1)
        self.problem_button = QToolButton(self)
        self.problem_button.setAutoRaise(True)
        self.problem_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.problem_button.clicked.connect(self.show_validation)
        status.addWidget(self.problem_button)
        self.zoom_label = QLabel(self)
        status.addWidget(self.zoom_label)
        layout.addLayout(status)

    def _connect(self) -> None:
        document = self.document
        document.changed.connect(self._emit_title)
        document.design_replaced.connect(self._on_design_replaced)
        document.refused.connect(self.show_status)
        document.undo_stack.indexChanged.connect(lambda _i: self._validate_timer.start())
        document.undo_stack.indexChanged.connect(lambda _i: self.view.update_hint())
        scene = self.scene
        scene.status_message.connect(self.show_status)
        scene.selectionChanged.connect(self._on_selection_changed)
        scene.node_activated.connect(self._focus_node)
        scene.empty_double_clicked.connect(lambda pos: self.open_quick_add(pos))
        scene.wire_dropped_on_empty.connect(self._wire_dropped)
        scene.context_menu.connect(self._context_menu)
        self.view.kind_dropped.connect(self.add_node)
        self.view.quick_add_requested.connect(lambda pos: self.open_quick_add(pos))
        self.view.zoom_changed.connect(self._show_zoom)
        self.palette.kind_activated.connect(lambda kind: self.add_node(kind))
        self.problems_view.activated_problem.connect(self.go_to_problem)
        self.runs.status.connect(self.show_status)

    # == document ==========================================================================
    @property
    def design(self) -> Design:
        return self.document.design

    def title(self) -> str:
        return self.document.title()

    def _emit_title(self) -> None:
        title = self.document.title()
        self.title_label.setText(title)
        path = self.document.path
        self.title_label.setToolTip(str(path) if path is not None else
                                    self.tr("Not saved yet: Save puts it in {folder}").format(
                                        folder=self.document.default_folder()))
        self.title_changed.emit(title)

    def _on_design_replaced(self, design: Design) -> None:
        self.scene.set_design(design)
        self.view.update_hint()
        self.runs.design_replaced()
        self.validate_now()
        QTimer.singleShot(0, self.view.fit_all)
        self._emit_title()

    async def shutdown(self) -> None:
        """Stop timers and background work (call when the window closes)."""
        self._autosave_timer.stop()
        self._validate_timer.stop()
        await self.runs.shutdown()

    # == editing ===========================================================================
    def _on_selection_changed(self) -> None:
        ids = self.scene.selected_node_ids()
        self.inspector.show_node(ids[0] if len(ids) == 1 else None)

    def _focus_node(self, node_id: str) -> None:
        self.scene.select_nodes([node_id])
        self.inspector.show_node(node_id)
        form = self.inspector.form
        if form is not None and form.code is not None:
            form.code.editor.setFocus()
        else:
            self.inspector.title_edit.setFocus()

    def _context_menu(self, screen_pos, node_id: str | None) -> None:
        menu = QMenu(self)
        if node_id is not None:
            status = self.runs.monitor.statuses.get(node_id)
            if status is not None and status.paused_here and \
                    self.design.nodes[node_id].kind == "approval":
                menu.addAction(self.tr("Resume…"), lambda: self.runs.resume_node(node_id))
                menu.addSeparator()
            for action in (self.cut_action, self.copy_action, self.duplicate_action,
                           self.delete_action):
                menu.addAction(action)
        else:
            add = menu.addMenu(self.tr("Add node"))
            scene_pos = self.view.mapToScene(self.view.mapFromGlobal(screen_pos))
            for info in KIND_INFOS.values():
                add.addAction(kind_icon(info.kind), info.title(),
                              lambda kind=info.kind: self.add_node(kind, scene_pos))
            menu.addAction(self.paste_action)
            menu.addSeparator()
            menu.addAction(self.layout_action)
            menu.addAction(self.fit_action)
        menu.popup(screen_pos)

    # == validation ========================================================================
    def validate_now(self) -> list[Problem]:
        self._validate_timer.stop()
        design = self.design
        self.problems = validate(design)
        self.problems_view.set_problems(design, self.problems)
        self.scene.set_problems(self.problems)
        self.inspector.set_problems(self.problems)
        errors, warnings = self.problems_view.counts()
        if errors or warnings:
            self.problem_button.setIcon(state_icon("FAILED" if errors else "PAUSED"))
            self.problem_button.setText(self.tr("Errors: {errors} · Warnings: {warnings}").format(
                errors=errors, warnings=warnings))
        else:
            self.problem_button.setIcon(state_icon("COMPLETED"))
            self.problem_button.setText(self.tr("No problems"))
        self.problem_button.setToolTip(self.tr("Show the problems list (F7)"))
        return self.problems

    def show_validation(self) -> list[Problem]:
        problems = self.validate_now()
        self.problems_view.show()
        sizes = self.centre.sizes()
        if sizes[1] < 80:
            self.centre.setSizes([max(sizes[0] - 140, 100), 140])
        if not problems:
            self.show_status(self.tr("No problems: the design can be deployed."))
        return problems

    def go_to_problem(self, problem: Problem) -> None:
        """Select the problem's node and put the cursor where it is."""
        if problem.node_id is None or problem.node_id not in self.design:
            self.scene.select_nodes([])
            self.inspector.show_node(None)
            return
        self.scene.select_nodes([problem.node_id])
        item = self.scene.nodes[problem.node_id]
        self.view.centerOn(item)
        self.inspector.show_node(problem.node_id)
        form = self.inspector.form
        if form is not None and form.code is not None and problem.field == form.code.field:
            form.code.editor.go_to(problem.line or 1, problem.column or 1)
        elif problem.field == "title":
            self.inspector.title_edit.setFocus()
            self.inspector.title_edit.selectAll()

    # == deploy and run (see RunController) =================================================
    def show_code(self) -> GeneratedCodeDialog:
        if self.code_dialog is None:
            self.code_dialog = GeneratedCodeDialog(self.document, self)
        else:
            self.code_dialog.refresh()
        self.code_dialog.show()
        self.code_dialog.raise_()
        return self.code_dialog

    def deploy(self) -> Path | None:
        """Save, then write the flow module and serve it."""
        if not self.save_before_deploy(self.deploy):
            return None
        return self.runs.deploy()

    def deploy_with_schedule(self) -> QDialog:
        """Choose a schedule, then deploy; the schedule is added once it is served."""
        from desktop_app.ui.designer.deploy_schedule import DeployScheduleDialog

        dialog = DeployScheduleDialog(self.runs.deployment_name(), self)
        dialog.chosen.connect(self._deploy_scheduled)
        dialog.finished.connect(self._schedule_dialog_done)
        self.schedule_dialog = dialog
        dialog.open()
        return dialog

    def _schedule_dialog_done(self) -> None:
        if self.schedule_dialog is not None:
            self.schedule_dialog.deleteLater()
            self.schedule_dialog = None

    def _deploy_scheduled(self, spec) -> None:
        self.runs.pending_schedule = spec
        if self.deploy() is None and self.document.path is not None:
            self.runs.pending_schedule = None  # refused or not written (a save-as waits)

    def run(self) -> None:
        """Save, deploy if needed, then ask for the run's parameters."""
        if self.save_before_deploy(self.run):
            self.runs.run()

    def on_run_event(self, event: RunEvent) -> None:
        """A run changed state somewhere (the window forwards its event stream here)."""
        self.runs.on_run_event(event)

    def closeEvent(self, event) -> None:
        """Closed as a window of its own (tests, an embedding): stop autosaving.

        In the main window the designer is a tab and never closed by itself;
        quitting writes the recovery copy on its own path (`keep_unsaved_designs`).
        """
        self._autosave_timer.stop()
        super().closeEvent(event)

    def changeEvent(self, event) -> None:
        """The language changed: problem texts come from the model, so validate again."""
        if event.type() == QEvent.Type.LanguageChange:
            self._validate_timer.start()
        super().changeEvent(event)

    # == feedback ==========================================================================
    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(self.tr("{percent} %").format(percent=round(zoom * 100)))

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)
