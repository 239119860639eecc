"""The designer's editing gestures: add (and auto-connect) nodes, quick add, clipboard,
tidy up. A mixin of `DesignerWidget`: every change goes through its document's undo
stack as one command (or one macro), so each gesture is one Undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QTimer
from PySide6.QtGui import QGuiApplication

from desktop_app.designer import AddNodeCommand, Design, Edge, MoveNodesCommand
from desktop_app.ui.designer.auto_layout import layered_layout
from desktop_app.ui.designer.clipboard import (
    ClipboardError,
    copy_payload,
    from_mime,
    paste_command,
    to_mime,
)
from desktop_app.ui.designer.connection_rules import connection_verdict
from desktop_app.ui.designer.extra_commands import AddEdgeCommand
from desktop_app.ui.designer.kinds import KIND_INFOS
from desktop_app.ui.designer.node_item import snap
from desktop_app.ui.designer.quick_add import QuickAddPopup
from desktop_app.ui.designer.scene import WireStart

if TYPE_CHECKING:
    from desktop_app.ui.designer.document import DesignDocument
    from desktop_app.ui.designer.scene import DesignScene
    from desktop_app.ui.designer.view import DesignView


class DesignEditingMixin:
    """Editing gestures of the designer widget (see the module docstring)."""

    document: DesignDocument
    scene: DesignScene
    view: DesignView
    quick_add: QuickAddPopup | None

    def add_node(self, kind: str, scene_pos: QPointF | None = None,
                 wire: WireStart | None = None) -> str | None:
        """Add a node of `kind` (at `scene_pos`, default: the view centre); returns its id."""
        if kind not in KIND_INFOS:
            return None
        if scene_pos is None:
            scene_pos = self.view.mapToScene(self.view.viewport().rect().center())
        node = KIND_INFOS[kind].make(self.design, snap(scene_pos.x()), snap(scene_pos.y()))
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
                self.document.push(AddEdgeCommand(self.design, Edge(*ends),
                                                  self.tr("Connect")))
                return

    def _wire_dropped(self, wire: WireStart, pos: QPointF) -> None:
        def allowed(kind: str) -> bool:
            sample = KIND_INFOS[kind].make(Design(), 0, 0)
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
