"""Connections drawn as horizontal bezier curves, output → input.

The curve is computed when an end moves (not when painting) and kept with its
bounds; the wider hit shape for clicking is built only when Qt asks for it.
Wires are *painted* together by one `EdgeLayer` (one Python call and one
`drawPath` for hundreds of wires); an `EdgeItem` paints itself only while it
is selected or under the mouse. `DragEdgeItem` is the loose wire that
follows the mouse while connecting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from desktop_app.designer import Edge
from desktop_app.ui.designer.colors import canvas_colors

if TYPE_CHECKING:
    from desktop_app.ui.designer.node_item import NodeItem


def curve(start: QPointF, end: QPointF) -> QPainterPath:
    """A cubic that leaves `start` to the right and enters `end` from the left."""
    dx = max(40.0, abs(end.x() - start.x()) * 0.5)
    path = QPainterPath(start)
    path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx, end.y()), end)
    return path


class EdgeItem(QGraphicsItem):
    """One model edge between two node items."""

    def __init__(self, edge: Edge, source: NodeItem, target: NodeItem,
                 layer: EdgeLayer | None = None) -> None:
        super().__init__()
        self.edge = edge
        self.source = source
        self.target = target
        self.layer = layer
        self._path = QPainterPath()
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self._hover = False
        # Every Qt setter here runs Python callbacks: one `setFlags`, no tooltip (set
        # on hover), default z (nodes sit above at z 1) keep opening 540 wires fast.
        flags = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
        if layer is not None:
            flags |= QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
        self.setFlags(flags)
        self.setAcceptHoverEvents(True)
        self.update_path()

    @property
    def drawn_by_layer(self) -> bool:
        return self.layer is not None and self.isVisible() and not (
            self._hover or self.isSelected())

    def restyle(self) -> None:
        """Hand painting to the layer, or take it back while selected/hovered.

        The scene calls this after changing the selection or the visibility
        (an `itemChange` override would cost a Python call for every change
        of every wire, opening included).
        """
        if self.layer is None:
            self.update()
            return
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, self.drawn_by_layer)
        self.update()
        self.layer.mark_dirty()

    def update_path(self) -> None:
        start = self.source.port_scene_pos(self.edge.source_port, True)
        end = self.target.port_scene_pos(self.edge.target_port, False)
        self.prepareGeometryChange()
        self._path = curve(start, end)
        self._bounds = self._path.boundingRect().adjusted(-6, -6, 6, 6)
        self._shape = None
        if self.layer is not None:
            self.layer.mark_dirty()

    def path(self) -> QPainterPath:
        return self._path

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            self._shape = stroker.createStroke(self._path)
        return self._shape

    def hoverEnterEvent(self, event) -> None:
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self._hover = False
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        colors = canvas_colors()
        if self.isSelected():
            pen = QPen(colors.selection, 3)
        elif self._hover:
            pen = QPen(colors.edge_hover, 2.5)
        else:
            pen = QPen(colors.edge, 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)


class EdgeLayer(QGraphicsItem):
    """Paints every wire that is not selected or hovered, as one path.

    The combined path is rebuilt lazily (on the next paint or bounds query)
    after any wire moved, so a drag that moves ten wires per mouse event
    rebuilds it once per frame.
    """

    def __init__(self) -> None:
        super().__init__()
        self.edges: set[EdgeItem] = set()
        self._path = QPainterPath()
        self._bounds = QRectF()
        self._dirty = False
        self.setZValue(-2)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def add(self, edge: EdgeItem) -> None:
        self.edges.add(edge)
        self.mark_dirty()

    def remove(self, edge: EdgeItem) -> None:
        self.edges.discard(edge)
        self.mark_dirty()

    def mark_dirty(self) -> None:
        if not self._dirty:
            self.prepareGeometryChange()
            self._dirty = True
            self.update()

    def _rebuild(self) -> None:
        path = QPainterPath()
        for edge in self.edges:
            if edge.drawn_by_layer:
                path.addPath(edge.path())
        self._path = path
        self._bounds = path.boundingRect().adjusted(-6, -6, 6, 6)
        self._dirty = False

    def boundingRect(self) -> QRectF:
        if self._dirty:
            self._rebuild()
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never the target of a click

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self._dirty:
            self._rebuild()
        far = option.levelOfDetailFromTransform(painter.worldTransform()) < 0.4
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not far)
        pen = QPen(canvas_colors().edge, 0 if far else 2)  # 0: one device pixel, fast
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)


class DragEdgeItem(QGraphicsItem):
    """The wire following the mouse while a connection is dragged."""

    def __init__(self, anchor: QPointF, from_output: bool) -> None:
        super().__init__()
        self.anchor = anchor
        self.from_output = from_output
        self.refused = False
        self._path = QPainterPath()
        self._bounds = QRectF()
        self.setZValue(10)
        self.move_to(anchor)

    def move_to(self, point: QPointF) -> None:
        start, end = (self.anchor, point) if self.from_output else (point, self.anchor)
        self.prepareGeometryChange()
        self._path = curve(start, end)
        self._bounds = self._path.boundingRect().adjusted(-6, -6, 6, 6)

    def set_refused(self, refused: bool) -> None:
        if refused != self.refused:
            self.refused = refused
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        colors = canvas_colors()
        pen = QPen(colors.refused if self.refused else colors.selection, 2.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
