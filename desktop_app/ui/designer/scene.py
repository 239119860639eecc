"""The canvas: a `QGraphicsScene` that observes a `Design` and turns gestures into commands.

It follows the orange-canvas-core pattern: the scene connects to the model's
signals and catches up on what exists; it never edits the model directly.
Gestures become model commands handed to `push` (the document's undo stack):
a finished drag is one `MoveNodesCommand`, a dropped wire one
`ConnectCommand`. Undo changes the model, and the scene follows its signals
like after any other change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QTransform
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
    QToolTip,
)

from desktop_app.designer import (
    Command,
    ConnectCommand,
    Design,
    DisconnectCommand,
    Edge,
    MacroCommand,
    MoveNodesCommand,
    Node,
    Problem,
    remove_nodes_command,
)
from desktop_app.ui.designer.connection_rules import connection_verdict
from desktop_app.ui.designer.edge_item import DragEdgeItem, EdgeItem, EdgeLayer
from desktop_app.ui.designer.grid import draw_grid
from desktop_app.ui.designer.node_item import NodeItem
from desktop_app.ui.designer.node_status import NodeStatus
from desktop_app.ui.designer.port_item import HIT_RADIUS, PortItem

SCENE_EXTENT = 50_000.0
SHOWN_FIELDS = frozenset({"title", "inputs", "parameters", "returns"})
"""Node fields the canvas shows (its title and ports); other edits need no redraw."""


@dataclass
class WireStart:
    """The fixed end of a wire being dragged (and the edge it was pulled off, if any)."""

    node_id: str
    port: str
    from_output: bool
    detached: Edge | None = None

    def ends(self, port: PortItem) -> tuple[str, str, str, str]:
        """(source node, source port, target node, target port) of a wire to `port`."""
        if self.from_output:
            return (self.node_id, self.port, port.node_id, port.name)
        return (port.node_id, port.name, self.node_id, self.port)


class DesignScene(QGraphicsScene):
    """Mirrors one design; gestures go through `push`."""

    status_message = Signal(str)
    """Feedback for the status line (why a wire is refused, …); "" clears it."""
    resume_requested = Signal(str)
    """The "Resume…" button of a paused approval node (its id) was clicked."""
    node_activated = Signal(str)
    """A node was double-clicked: show its inspector."""
    empty_double_clicked = Signal(QPointF)
    """Double-click on empty canvas (scene position): offer to add a node there."""
    wire_dropped_on_empty = Signal(object, QPointF)
    """A new wire (`WireStart`) was dropped on empty canvas: offer a node to connect."""
    context_menu = Signal(object, object)
    """Right-click: (screen position QPoint, node id or None)."""

    def __init__(self, push: Callable[[Command], bool], parent=None) -> None:
        super().__init__(parent)
        self.push = push
        self.design: Design | None = None
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[Edge, EdgeItem] = {}
        self._wire: WireStart | None = None
        self._wire_item: DragEdgeItem | None = None
        self._wire_target: PortItem | None = None
        self.last_verdict: tuple[bool, str] = (True, "")
        self.edge_layer = EdgeLayer()
        self.addItem(self.edge_layer)
        self._self_drawn: set[EdgeItem] = set()
        self.selectionChanged.connect(self._restyle_selected_edges)
        self.setSceneRect(QRectF(-SCENE_EXTENT, -SCENE_EXTENT, 2 * SCENE_EXTENT,
                                 2 * SCENE_EXTENT))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    # -- observing the model ---------------------------------------------------------
    def set_design(self, design: Design | None) -> None:
        """Show `design` (None: nothing): disconnect the old one, catch up on the new."""
        old = self.design
        if old is not None:
            old.node_added.disconnect(self._on_node_added)
            old.node_removed.disconnect(self._on_node_removed)
            old.node_changed.disconnect(self._on_node_changed)
            old.edge_added.disconnect(self._on_edge_added)
            old.edge_removed.disconnect(self._on_edge_removed)
        self.cancel_wire()
        self.clear()
        self.nodes.clear()
        self.edges.clear()
        self.edge_layer = EdgeLayer()
        self.addItem(self.edge_layer)
        self._self_drawn = set()
        self.design = design
        if design is None:
            return
        design.node_added.connect(self._on_node_added)
        design.node_removed.connect(self._on_node_removed)
        design.node_changed.connect(self._on_node_changed)
        design.edge_added.connect(self._on_edge_added)
        design.edge_removed.connect(self._on_edge_removed)
        for index, node in enumerate(design):
            self._on_node_added(node, index)
        for index, edge in enumerate(design.edges):
            self._on_edge_added(edge, index)

    def _on_node_added(self, node: Node, index: int) -> None:
        item = NodeItem(node, on_resume=self.resume_requested.emit)
        self.nodes[node.id] = item
        self.addItem(item)

    def _on_node_removed(self, node: Node, index: int) -> None:
        item = self.nodes.pop(node.id, None)
        if item is not None:
            self.removeItem(item)

    def _on_node_changed(self, node: Node, fields: tuple[str, ...]) -> None:
        item = self.nodes.get(node.id)
        if item is None:
            return
        if set(fields) <= {"x", "y"}:
            item.set_pos_from_model(node.x, node.y)
            return
        if not set(fields) & SHOWN_FIELDS:
            return  # typing in a body changes nothing on the canvas: keep the cached picture
        item.sync(node)
        for edge_item in item.edges:
            edge_item.update_path()
        self._mark_connected(item)

    def _on_edge_added(self, edge: Edge, index: int) -> None:
        source, target = self.nodes[edge.source], self.nodes[edge.target]
        item = EdgeItem(edge, source, target, self.edge_layer)
        self.edges[edge] = item
        self.edge_layer.add(item)
        source.edges.append(item)
        if target is not source:
            target.edges.append(item)
        self.addItem(item)
        self._mark_connected(source)
        self._mark_connected(target)

    def _on_edge_removed(self, edge: Edge, index: int) -> None:
        item = self.edges.pop(edge, None)
        if item is None:
            return
        for node_item in {item.source, item.target}:
            if item in node_item.edges:
                node_item.edges.remove(item)
            self._mark_connected(node_item)
        self.edge_layer.remove(item)
        self._self_drawn.discard(item)
        self.removeItem(item)

    def _restyle_selected_edges(self) -> None:
        selected = {i for i in self.selectedItems() if isinstance(i, EdgeItem)}
        for edge in selected ^ self._self_drawn:
            if edge.scene() is self:
                edge.restyle()
        self._self_drawn = selected

    def _mark_connected(self, item: NodeItem) -> None:
        used_in = {e.edge.target_port for e in item.edges if e.target is item}
        used_out = {e.edge.source_port for e in item.edges if e.source is item}
        for name, port in item.inputs.items():
            port.set_connected(name in used_in)
        for name, port in item.outputs.items():
            port.set_connected(name in used_out)

    # -- run status, problems ----------------------------------------------------------
    def set_statuses(self, statuses: dict[str, NodeStatus]) -> None:
        for node_id, item in self.nodes.items():
            item.set_status(statuses.get(node_id))

    def clear_statuses(self) -> None:
        self.set_statuses({})

    def set_problems(self, problems: Iterable[Problem]) -> None:
        by_node: dict[str, list[Problem]] = {}
        for problem in problems:
            if problem.node_id is not None:
                by_node.setdefault(problem.node_id, []).append(problem)
        for node_id, item in self.nodes.items():
            item.set_problems(by_node.get(node_id, []))

    # -- selection -------------------------------------------------------------------------
    def selected_node_ids(self) -> list[str]:
        """Selected nodes in design order (stable for copy and delete)."""
        chosen = {i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)}
        return [node_id for node_id in self.nodes if node_id in chosen]

    def selected_edges(self) -> list[Edge]:
        return [i.edge for i in self.selectedItems() if isinstance(i, EdgeItem)]

    def select_nodes(self, node_ids: Iterable[str]) -> None:
        wanted = set(node_ids)
        self.blockSignals(True)
        try:
            self.clearSelection()
            for node_id in wanted:
                item = self.nodes.get(node_id)
                if item is not None:
                    item.setSelected(True)
        finally:
            self.blockSignals(False)
        self.selectionChanged.emit()

    def delete_selection(self) -> bool:
        """Delete the selected nodes and wires as one undo step."""
        if self.design is None:
            return False
        node_ids = self.selected_node_ids()
        gone = set(node_ids)
        edges = [e for e in self.selected_edges()
                 if e.source not in gone and e.target not in gone]
        commands: list[Command] = [DisconnectCommand(self.design, e) for e in edges]
        if node_ids:
            commands.append(remove_nodes_command(self.design, node_ids))
        if not commands:
            return False
        if len(commands) == 1:
            return self.push(commands[0])
        text = QCoreApplication.translate("DesignerCanvas", "Delete {count} items").format(
            count=len(node_ids) + len(edges))
        return self.push(MacroCommand(text, commands))

    def nodes_bounding_rect(self) -> QRectF:
        rect = QRectF()
        for item in self.nodes.values():
            rect = rect.united(item.sceneBoundingRect())
        return rect

    # -- wires ---------------------------------------------------------------------------
    def _view_transform(self) -> QTransform:
        views = self.views()
        return views[0].transform() if views else QTransform()

    def port_at(self, pos: QPointF) -> PortItem | None:
        """The port under `pos`; the target grows when zoomed out, to stay easy to hit."""
        zoom = self._view_transform().m11() or 1.0
        radius = min(max(HIT_RADIUS, HIT_RADIUS / zoom), 3 * HIT_RADIUS)
        area = QRectF(pos.x() - radius, pos.y() - radius, 2 * radius, 2 * radius)
        for item in self.items(area, Qt.ItemSelectionMode.IntersectsItemBoundingRect,
                               Qt.SortOrder.DescendingOrder, self._view_transform()):
            if isinstance(item, NodeItem):
                port = item.port_near(pos, radius)
                if port is not None:
                    return port
        return None

    def node_at(self, pos: QPointF) -> NodeItem | None:
        for item in self.items(pos, Qt.ItemSelectionMode.IntersectsItemShape,
                               Qt.SortOrder.DescendingOrder, self._view_transform()):
            if isinstance(item, NodeItem):
                return item
        return None

    def begin_wire(self, port: PortItem) -> WireStart:
        """Start dragging a wire from `port` (pulling an existing wire off a fed input)."""
        assert self.design is not None
        detached = None
        if not port.is_output:
            detached = self.design.edge_into(port.node_id, port.name)
        if detached is not None:
            start = WireStart(detached.source, detached.source_port, True, detached)
            self.edges[detached].hide()
            self.edges[detached].restyle()
        else:
            start = WireStart(port.node_id, port.name, port.is_output)
        anchor = self.nodes[start.node_id].port_scene_pos(start.port, start.from_output)
        self._wire = start
        self._wire_item = DragEdgeItem(anchor, start.from_output)
        self.addItem(self._wire_item)
        return start

    def verdict_for(self, start: WireStart, port: PortItem) -> tuple[bool, str]:
        """Whether the wire from `start` may end on `port`, and why not."""
        assert self.design is not None
        if port.is_output == start.from_output:
            return False, QCoreApplication.translate(
                "DesignerConnections",
                "Connect an output (right side) to an input (left side).")
        return connection_verdict(self.design, *start.ends(port), ignore=start.detached)

    def _target_near(self, pos: QPointF) -> tuple[PortItem | None, tuple[bool, str]]:
        """The port a drop at `pos` would use: the one under it, else the best on the node."""
        assert self._wire is not None
        port = self.port_at(pos)
        if port is not None:
            return port, self.verdict_for(self._wire, port)
        node = self.node_at(pos)
        if node is None:
            return None, (True, "")
        candidates = list((node.inputs if self._wire.from_output else node.outputs).values())
        if not candidates:
            return None, (False, QCoreApplication.translate(
                "DesignerConnections", "This node has no {side} to connect to.").format(
                    side=QCoreApplication.translate("DesignerConnections", "inputs")
                    if self._wire.from_output
                    else QCoreApplication.translate("DesignerConnections", "outputs")))
        first_refusal: tuple[bool, str] | None = None
        for candidate in candidates:
            verdict = self.verdict_for(self._wire, candidate)
            if verdict[0]:
                return candidate, verdict
            first_refusal = first_refusal or verdict
        return candidates[0], first_refusal or (False, "")

    def move_wire(self, pos: QPointF, screen_pos=None) -> tuple[bool, str]:
        """Follow the mouse; highlight the target and say why it is refused."""
        if self._wire is None or self._wire_item is None:
            return True, ""
        port, verdict = self._target_near(pos)
        if self._wire_target is not None and self._wire_target is not port:
            self._wire_target.set_highlight(None)
        self._wire_target = port
        end = pos
        if port is not None:
            port.set_highlight("ok" if verdict[0] else "refused")
            end = port.scenePos() if verdict[0] else pos
        self._wire_item.move_to(end)
        self._wire_item.set_refused(not verdict[0])
        self.last_verdict = verdict
        self.status_message.emit(verdict[1])
        if screen_pos is not None:
            if verdict[1]:
                QToolTip.showText(screen_pos, verdict[1])
            else:
                QToolTip.hideText()
        return verdict

    def finish_wire(self, pos: QPointF) -> bool:
        """Drop the wire at `pos`; True if the design changed."""
        if self._wire is None or self.design is None:
            return False
        start = self._wire
        port, verdict = self._target_near(pos)
        self._end_wire_visuals()
        design = self.design
        if port is None:
            if self.node_at(pos) is not None:  # a node with nothing to connect to
                self._restore_detached(start)
                self.last_verdict = verdict
                self.status_message.emit(verdict[1])
                return False
            if start.detached is not None:
                return self.push(DisconnectCommand(design, start.detached))
            self.wire_dropped_on_empty.emit(start, pos)
            return False
        self.last_verdict = verdict
        if not verdict[0]:
            self._restore_detached(start)
            self.status_message.emit(verdict[1])
            return False
        ends = start.ends(port)
        self.status_message.emit("")
        if start.detached is not None:
            if start.detached == Edge(*ends):
                self._restore_detached(start)
                return False
            connect = ConnectCommand(design, *ends)
            text = QCoreApplication.translate("DesignerCanvas", "Reconnect {port}").format(
                port=ends[3])
            return self.push(MacroCommand(text, [DisconnectCommand(design, start.detached),
                                                 connect]))
        return self.push(ConnectCommand(design, *ends))

    def cancel_wire(self) -> None:
        if self._wire is None:
            return
        start = self._wire
        self._end_wire_visuals()
        self._restore_detached(start)
        self.status_message.emit("")

    def _end_wire_visuals(self) -> None:
        if self._wire_target is not None:
            self._wire_target.set_highlight(None)
        self._wire_target = None
        if self._wire_item is not None:
            self.removeItem(self._wire_item)
        self._wire_item = None
        self._wire = None
        QToolTip.hideText()

    def _restore_detached(self, start: WireStart) -> None:
        if start.detached is not None and start.detached in self.edges:
            self.edges[start.detached].show()
            self.edges[start.detached].restyle()

    @property
    def wiring(self) -> bool:
        return self._wire is not None

    # -- moves -----------------------------------------------------------------------------
    def commit_moves(self) -> bool:
        """Record where dragged nodes ended as one undo step (no-op if nothing moved)."""
        if self.design is None:
            return False
        new: dict[str, tuple[float, float]] = {}
        old: dict[str, tuple[float, float]] = {}
        for node_id, item in self.nodes.items():
            node = self.design.nodes.get(node_id)
            if node is None:
                continue
            pos = item.pos()
            if (pos.x(), pos.y()) != (node.x, node.y):
                new[node_id] = (pos.x(), pos.y())
                old[node_id] = (node.x, node.y)
        if not new:
            return False
        return self.push(MoveNodesCommand(self.design, new, old))

    # -- Qt events ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.design is not None:
            port = self.port_at(event.scenePos())
            if port is not None:
                self.begin_wire(port)
                self.move_wire(event.scenePos(), event.screenPos())
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._wire is not None:
            self.move_wire(event.scenePos(), event.screenPos())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._wire is not None and event.button() == Qt.MouseButton.LeftButton:
            self.finish_wire(event.scenePos())
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.commit_moves()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            node = self.node_at(event.scenePos())
            if node is not None:
                self.node_activated.emit(node.node_id)
            elif self.itemAt(event.scenePos(), self._view_transform()) is None:
                self.empty_double_clicked.emit(event.scenePos())
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._wire is not None:
            self.cancel_wire()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        node = self.node_at(event.scenePos())
        if node is not None and not node.isSelected():
            self.select_nodes([node.node_id])
        self.context_menu.emit(event.screenPos(), node.node_id if node else None)
        event.accept()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        draw_grid(painter, rect)
