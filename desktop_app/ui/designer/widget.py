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

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QSplitter,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.models import RunEvent
from desktop_app.designer import (
    AddNodeCommand,
    Design,
    DesignFileError,
    DesignSaveError,
    MoveNodesCommand,
    Problem,
    validate,
)
from desktop_app.designer.fileformat import FILE_SUFFIX
from desktop_app.designer.recovery import Recovery, recovery_for
from desktop_app.ui.designer.auto_layout import layered_layout
from desktop_app.ui.designer.clipboard import (
    ClipboardError,
    copy_payload,
    from_mime,
    paste_command,
    to_mime,
)
from desktop_app.ui.designer.code_dialog import GeneratedCodeDialog
from desktop_app.ui.designer.connection_rules import connection_verdict
from desktop_app.ui.designer.document import DesignDocument, orphan_autosaves, recovery_dir
from desktop_app.ui.designer.extra_commands import AddEdgeCommand
from desktop_app.ui.designer.inspector import Inspector
from desktop_app.ui.designer.kind_icons import kind_icon
from desktop_app.ui.designer.kinds import KINDS
from desktop_app.ui.designer.node_item import snap
from desktop_app.ui.designer.notice import NoticeBar
from desktop_app.ui.designer.palette import NodePalette
from desktop_app.ui.designer.problems_view import ProblemsView
from desktop_app.ui.designer.quick_add import QuickAddPopup
from desktop_app.ui.designer.run_bar import RunBar
from desktop_app.ui.designer.run_controller import RunController
from desktop_app.ui.designer.scene import DesignScene, WireStart
from desktop_app.ui.designer.view import DesignView
from desktop_app.ui.style import state_icon

if TYPE_CHECKING:
    from desktop_app.core.client import FlowdeskClient

VALIDATE_DELAY_MS = 150
AUTOSAVE_MS = 3_000
"""How often unsaved changes are copied to the recovery folder (only when they changed)."""


class DesignerWidget(QWidget):
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
        self.quick_add: QuickAddPopup | None = None
        self._question: QMessageBox | None = None
        self._after_answer: Callable[[], None] | None = None
        self._file_dialog: QFileDialog | None = None
        self._autosave_warned = ""
        self._build_actions()
        self._build_layout()
        self._connect()
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate_now)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.autosave)
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
                       self.run_action):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
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
        self.title_changed.emit(self.document.title())

    def _on_design_replaced(self, design: Design) -> None:
        self.scene.set_design(design)
        self.runs.design_replaced()
        self.validate_now()
        QTimer.singleShot(0, self.view.fit_all)
        self._emit_title()

    def new_design(self) -> None:
        self._confirm_discard(self.document.new)

    def open_design(self, path: Path) -> None:
        """Open a design file (asks first if the current one has unsaved changes)."""
        self._confirm_discard(lambda: self._open(Path(path)))

    def _open(self, path: Path) -> bool:
        try:
            self.document.open(path)
        except DesignFileError as exc:
            actions = []
            recovery = recovery_for(recovery_dir(), path)
            if recovery is not None:
                actions.append((self.tr("Open its autosave"),
                                lambda: self._restore(recovery.path, path)))
            self.notice.show_message(
                self.tr("Could not open {file}; nothing was changed.").format(file=path.name)
                + "\n" + str(exc), "error", actions)
            return False
        self.notice.clear()
        recovery_path = self.document.newer_autosave()
        if recovery_path is not None:
            self.notice.show_message(
                self.tr("{file} has an autosave newer than the file (unsaved changes from an "
                        "earlier session). Restore it?").format(file=path.name), "warning",
                [(self.tr("Restore"), lambda: self._restore(recovery_path, path)),
                 (self.tr("Discard it"), self.document.discard_autosave)])
        self.show_status(self.tr("Opened {file}").format(file=path.name))
        return True

    def _restore(self, recovery: Path, original: Path | None) -> None:
        try:
            self.document.restore_autosave(recovery, original)
        except DesignFileError as exc:
            self.notice.show_message(self.tr("Could not restore the autosave:") + "\n" + str(exc),
                                     "error", [(self.tr("Discard it"),
                                                lambda: self._discard_orphans([recovery]))])
            return
        self.notice.clear()
        self.show_status(self.tr("Restored unsaved changes; save to keep them."))

    def _offer_orphan_recovery(self) -> None:
        """At start: offer the newest design an earlier session left unsaved (crash, kill)."""
        orphans = [r for r in orphan_autosaves() if r.path != self.document.autosave_target()]
        if not orphans:
            return
        newest = orphans[0]
        where = (self.tr("belongs to {file}").format(file=newest.original.name)
                 if newest.original is not None else self.tr("never saved"))
        text = self.tr("Unsaved changes to “{name}” ({where}) were kept when Flowdesk "
                       "stopped. Restore them?").format(name=newest.name, where=where)
        if len(orphans) > 1:
            text += " " + self.tr("(1 of {count})").format(count=len(orphans))
        self.notice.show_message(
            text, "warning",
            [(self.tr("Restore"), lambda: self._restore_orphan(newest)),
             (self.tr("Discard"), lambda: self._discard_orphan(newest))])

    def _restore_orphan(self, recovery: Recovery) -> None:
        self._confirm_discard(lambda: self._restore(recovery.path, None))

    def _discard_orphan(self, recovery: Recovery) -> None:
        self._discard_orphans([recovery.path])
        self.notice.clear()
        self._offer_orphan_recovery()

    def _discard_orphans(self, orphans: list[Path]) -> None:
        for path in orphans:
            try:
                path.unlink()
            except OSError:
                pass

    def _file_filter(self) -> str:
        return self.tr("Flowdesk designs (*.flowdesk.json);;JSON files (*.json);;All files (*)")

    def open_dialog(self) -> None:
        dialog = QFileDialog(self, self.tr("Open design"), str(self.document.default_folder()),
                             self._file_filter())
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self.open_design(Path(name)))
        self._file_dialog = dialog
        dialog.open()

    def save(self, then: Callable[[], None] | None = None) -> bool:
        """Save to the current file (asks where for a new design); True if saved now."""
        if self.document.path is None:
            self.save_as_dialog(then)
            return False
        return self.save_as(self.document.path, then)

    def save_as(self, path: Path, then: Callable[[], None] | None = None) -> bool:
        path = Path(path)
        if not path.name.endswith(".json"):
            path = path.with_name(path.name + FILE_SUFFIX)
        try:
            saved = self.document.save(path)
        except DesignSaveError as exc:
            self.notice.show_message(
                self.tr("Not saved — your design is still open here, nothing was lost.")
                + "\n" + str(exc), "error",
                [(self.tr("Save as…"), lambda: self.save_as_dialog(then))])
            return False
        if self.notice.kind == "error":
            self.notice.clear()
        self.show_status(self.tr("Saved {file}").format(file=saved.name))
        if then is not None:
            then()
        return True

    def save_as_dialog(self, then: Callable[[], None] | None = None) -> None:
        dialog = QFileDialog(self, self.tr("Save design as"), str(self.document.suggested_path()),
                             self._file_filter())
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("flowdesk.json")
        dialog.fileSelected.connect(lambda name: self.save_as(Path(name), then))
        self._file_dialog = dialog
        dialog.open()

    def autosave(self) -> Path | None:
        """Write the recovery copy if there are unsaved changes (every 3 s and on close)."""
        written = self.document.write_autosave()
        error = self.document.autosave_error
        if error and error != self._autosave_warned:
            self._autosave_warned = error
            self.notice.show_message(self.tr("Autosave failed (your design is still open):")
                                     + "\n" + error, "warning")
        return written

    def _confirm_discard(self, then: Callable[[], None]) -> None:
        """Run `then` now if nothing is unsaved; else ask Save / Discard / Cancel (non-modal).

        Asked once at a time: a second request while the question is open
        replaces what happens after the answer (the latest wish wins).
        """
        if not self.document.modified:
            then()
            return
        self.autosave()  # whatever is answered (or if the app dies now), nothing is lost
        self._after_answer = then
        if self._question is not None and self._question.isVisible():
            self._question.raise_()
            self._question.activateWindow()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("Save the changes to {name}?").format(
                              name=self.document.display_name()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("designerUnsavedQuestion")
        box.setInformativeText(self.tr("If you discard them, they are gone."))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        buttons = {QMessageBox.StandardButton.Save: self.tr("&Save"),
                   QMessageBox.StandardButton.Discard: self.tr("&Discard"),
                   QMessageBox.StandardButton.Cancel: self.tr("Cancel")}
        for which, text in buttons.items():
            box.button(which).setText(text)

        def answered(button) -> None:
            choice = box.standardButton(button)
            after = self._after_answer
            self._after_answer = None
            if after is None:
                return
            if choice == QMessageBox.StandardButton.Save:
                self.save(after)
            elif choice == QMessageBox.StandardButton.Discard:
                self.document.discard_changes()
                after()

        box.buttonClicked.connect(answered)
        self._question = box
        box.open()

    def confirm_close(self, then: Callable[[], None]) -> bool:
        """The one "may the designer close?" check (quit, tray quit, profile switch…).

        Without unsaved changes `then` runs now and True is returned. With
        them the recovery copy is written first (so even a kill now loses
        nothing), Save / Discard / Cancel is asked without a modal `exec()`
        (qasync), False is returned, and `then` runs after Save or Discard;
        Cancel leaves everything as it was.
        """
        if not self.document.modified:
            then()
            return True
        self._confirm_discard(then)
        return False

    def maybe_close(self) -> bool:
        """`confirm_close` that emits `close_approved` after Save or Discard."""
        return self.confirm_close(self.close_approved.emit)

    async def shutdown(self) -> None:
        """Stop timers and background work (call when the window closes)."""
        self._autosave_timer.stop()
        self._validate_timer.stop()
        await self.runs.shutdown()

    # == editing ===========================================================================
    def add_node(self, kind: str, scene_pos: QPointF | None = None,
                 wire: WireStart | None = None) -> str | None:
        """Add a node of `kind` (at `scene_pos`, default: the view centre); returns its id."""
        if kind not in KINDS:
            return None
        if scene_pos is None:
            scene_pos = self.view.mapToScene(self.view.viewport().rect().center())
        node = KINDS[kind].make(self.design, snap(scene_pos.x()), snap(scene_pos.y()))
        stack = self.document.undo_stack
        stack.beginMacro(self.tr("Add {node}").format(node=node.title))
        try:
            if not self.document.push(AddNodeCommand(self.design, node)):
                return None
            if wire is not None:
                self._connect_new_node(wire, node.id)
        finally:
            stack.endMacro()
        self.scene.select_nodes([node.id])
        return node.id

    def _connect_new_node(self, wire: WireStart, node_id: str) -> None:
        """Connect a wire dropped on empty canvas to the first port of the new node that fits."""
        node = self.design.nodes[node_id]
        ports = node.input_ports() if wire.from_output else node.output_ports()
        for port in ports:
            if wire.from_output:
                ends = (wire.node_id, wire.port, node_id, port.name)
            else:
                ends = (node_id, port.name, wire.node_id, wire.port)
            if connection_verdict(self.design, *ends)[0]:
                from desktop_app.designer import Edge

                self.document.push(AddEdgeCommand(self.design, Edge(*ends),
                                                  self.tr("Connect")))
                return

    def _wire_dropped(self, wire: WireStart, pos: QPointF) -> None:
        def allowed(kind: str) -> bool:
            sample = KINDS[kind].make(Design(), 0, 0)
            return bool(sample.input_ports() if wire.from_output else sample.output_ports())

        self.open_quick_add(pos, allowed, wire)

    def open_quick_add(self, scene_pos: QPointF | None = None, allowed=None,
                       wire: WireStart | None = None) -> QuickAddPopup:
        if scene_pos is None:
            scene_pos = self.view.pointer_scene_pos()
        popup = QuickAddPopup(self, allowed)
        popup.chosen.connect(lambda kind, pos: self.add_node(kind, pos, wire))
        global_pos = self.view.viewport().mapToGlobal(self.view.mapFromScene(scene_pos))
        popup.popup(global_pos, scene_pos)
        self.quick_add = popup
        return popup

    def delete_selection(self) -> None:
        self.scene.delete_selection()

    def select_all(self) -> None:
        self.scene.select_nodes(list(self.design.nodes))

    def copy(self) -> bool:
        ids = self.scene.selected_node_ids()
        if not ids:
            return False
        QGuiApplication.clipboard().setMimeData(to_mime(copy_payload(self.design, ids)))
        self.show_status(self.tr("Copied {count} nodes").format(count=len(ids)))
        return True

    def cut(self) -> None:
        if self.copy():
            self.scene.delete_selection()

    def paste(self, at: QPointF | None = None) -> list[str]:
        payload = from_mime(QGuiApplication.clipboard().mimeData())
        if payload is None:
            self.show_status(self.tr("The clipboard holds no Flowdesk nodes."))
            return []
        if at is None:
            local = self.view.viewport().mapFromGlobal(self.view.cursor().pos())
            if self.view.viewport().rect().contains(local):
                at = self.view.mapToScene(local)
        return self._paste_payload(payload, at)

    def duplicate(self) -> list[str]:
        ids = self.scene.selected_node_ids()
        if not ids:
            return []
        return self._paste_payload(copy_payload(self.design, ids), None)

    def _paste_payload(self, payload: dict, at: QPointF | None) -> list[str]:
        try:
            command, new_ids = paste_command(
                self.design, payload, at=(snap(at.x()), snap(at.y())) if at else None)
        except ClipboardError as exc:
            self.show_status(str(exc))
            return []
        if not self.document.push(command):
            return []
        self.scene.select_nodes(new_ids)
        return new_ids

    def auto_layout(self) -> bool:
        """Arrange all nodes in columns by dependency depth: one undo step."""
        design = self.design
        if not len(design):
            return False
        sizes = {n: self.scene.nodes[n].size() for n in design.nodes}
        current = {n.id: (n.x, n.y) for n in design}
        left = min(x for x, _ in current.values())
        top = min(y for _, y in current.values())
        positions = layered_layout(list(design.nodes), [(e.source, e.target)
                                                        for e in design.edges],
                                   sizes, (snap(left), snap(top)), current)
        new = {n: p for n, p in positions.items() if p != current[n]}
        if not new:
            return False
        old = {n: current[n] for n in new}
        command = MoveNodesCommand(design, new, old)
        command.text = self.tr("Tidy up")
        ok = self.document.push(command)
        if ok:
            QTimer.singleShot(0, self.view.fit_all)
        return ok

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
            for info in KINDS.values():
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
        return self.runs.deploy()

    def run(self) -> None:
        self.runs.run()

    def on_run_event(self, event: RunEvent) -> None:
        """A run changed state somewhere (the window forwards its event stream here)."""
        self.runs.on_run_event(event)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """The language changed: problem texts come from the model, so validate again."""
        if event.type() == QEvent.Type.LanguageChange:
            self._validate_timer.start()
        super().changeEvent(event)

    # == feedback ==========================================================================
    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(self.tr("{percent} %").format(percent=round(zoom * 100)))

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)
