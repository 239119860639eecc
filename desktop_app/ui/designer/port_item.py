"""A node's connection point: a small disc, coloured by its declared type.

Deliberately *not* a QGraphicsItem: 900 child items cost the scene a
traversal per frame even when they paint nothing. A port is a small record
owned by its node item; the node draws the discs into its cached picture, and
the scene hit-tests ports by distance (`NodeItem.port_near`), with a target
larger than the disc, because a 10 px target is hard to hit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen

from desktop_app.designer import Port
from desktop_app.ui.designer.colors import canvas_colors, port_color

if TYPE_CHECKING:
    from desktop_app.ui.designer.node_item import NodeItem

RADIUS = 5.0
HIT_RADIUS = 11.0


class PortItem:
    """One input (left edge) or output (right edge) of a node item."""

    def __init__(self, node: NodeItem, port: Port, is_output: bool, local: QPointF) -> None:
        self.node = node
        self.node_id = node.node_id
        self.name = port.name
        self.type = port.type
        self.is_output = is_output
        self.connected = False
        self.highlight: str | None = None  # None, "ok" or "refused" while a drag hovers it
        self._pos = local

    def pos(self) -> QPointF:
        """Position in the node's coordinates."""
        return self._pos

    def scenePos(self) -> QPointF:
        return self.node.mapToScene(self._pos)

    def set_highlight(self, highlight: str | None) -> None:
        if highlight != self.highlight:
            self.highlight = highlight
            self.node.update()

    def set_connected(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            self.node.update()

    def draw(self, painter: QPainter) -> None:
        """Paint the disc; the painter's origin is the node's."""
        colors = canvas_colors()
        color = port_color(self.type)
        centre = self._pos
        if self.highlight is not None:
            ring = colors.ok if self.highlight == "ok" else colors.refused
            painter.setPen(QPen(ring, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, RADIUS + 4, RADIUS + 4)
        painter.setPen(QPen(color, 2))
        painter.setBrush(QBrush(color if self.connected else colors.node_body))
        painter.drawEllipse(centre, RADIUS, RADIUS)
