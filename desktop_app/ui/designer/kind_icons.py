"""Kind glyphs drawn with QPainter: no image files, sharp at every zoom.

Each glyph is a `QPainterPath` in a 16×16 box, built once per kind and
stroked by whoever paints it (node headers, the palette, the quick-add list),
so a node's paint costs one `drawPath`, not a layout.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from desktop_app.ui.designer.kinds import KIND_INFOS

GLYPH_SIZE = 16.0


@lru_cache(maxsize=16)
def glyph(kind: str) -> QPainterPath:
    """The outline of a kind's glyph in a 16×16 box (stroke it, width ~1.6)."""
    path = QPainterPath()
    if kind == "parameters":  # three sliders
        for i, knob in enumerate((5.0, 11.0, 7.0)):
            y = 3.5 + i * 4.5
            path.moveTo(2, y)
            path.lineTo(14, y)
            path.addEllipse(QPointF(knob, y), 1.6, 1.6)
    elif kind == "code":  # </>
        path.moveTo(5.5, 4)
        path.lineTo(1.5, 8)
        path.lineTo(5.5, 12)
        path.moveTo(10.5, 4)
        path.lineTo(14.5, 8)
        path.lineTo(10.5, 12)
        path.moveTo(9.2, 2.5)
        path.lineTo(6.8, 13.5)
    elif kind == "loop":  # a circular arrow
        rect = QRectF(2.5, 2.5, 11, 11)
        path.arcMoveTo(rect, 60)
        path.arcTo(rect, 60, 300)
        tip = path.currentPosition()
        path.moveTo(tip + QPointF(-3.2, -0.6))
        path.lineTo(tip)
        path.lineTo(tip + QPointF(0.4, -3.3))
    elif kind == "approval":  # a check mark in a circle
        path.addEllipse(QRectF(1.5, 1.5, 13, 13))
        path.moveTo(4.8, 8.2)
        path.lineTo(7.1, 10.6)
        path.lineTo(11.4, 5.6)
    elif kind == "condition":  # a diamond with a branch
        path.moveTo(8, 1.5)
        path.lineTo(14.5, 8)
        path.lineTo(8, 14.5)
        path.lineTo(1.5, 8)
        path.closeSubpath()
        path.moveTo(6.5, 8)
        path.lineTo(9.5, 8)
    return path


def glyph_pen(color: QColor, width: float = 1.6) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def paint_glyph(painter: QPainter, kind: str, rect: QRectF, color: QColor) -> None:
    """Stroke the kind's glyph scaled into `rect`."""
    painter.save()
    painter.translate(rect.topLeft())
    scale = min(rect.width(), rect.height()) / GLYPH_SIZE
    painter.scale(scale, scale)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(glyph_pen(color, 1.6))
    painter.drawPath(glyph(kind))
    painter.restore()


@lru_cache(maxsize=16)
def kind_icon(kind: str) -> QIcon:
    """A rounded tile in the kind's colour with its glyph in white (palette, menus)."""
    icon = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(KIND_INFOS[kind].color))
        painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.22, size * 0.22)
        margin = size * 0.18
        paint_glyph(painter, kind, QRectF(margin, margin, size - 2 * margin, size - 2 * margin),
                    QColor("#ffffff"))
        painter.end()
        icon.addPixmap(pixmap)
    return icon
