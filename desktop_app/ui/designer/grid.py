"""The canvas background: a snap grid, minor lines every 20 units, major every 100.

Drawn per exposed rectangle with two `drawLines` calls (one per pen); when
zoomed out the minor lines are dropped, and when lines would be under 6 pixels
apart there is no grid at all, so a zoomed-out canvas stays readable and fast.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPainter, QPen

from desktop_app.ui.designer.colors import canvas_colors


def draw_grid(painter: QPainter, rect: QRectF) -> None:
    colors = canvas_colors()
    painter.fillRect(rect, colors.background)
    scale = painter.worldTransform().m11()
    step = 20.0 if scale >= 0.6 else 100.0
    if scale * step < 6:
        return
    left = int(rect.left() // step) * step
    top = int(rect.top() // step) * step
    minor: list[QLineF] = []
    major: list[QLineF] = []
    x = left
    while x < rect.right():
        (major if round(x) % 100 == 0 else minor).append(
            QLineF(x, rect.top(), x, rect.bottom()))
        x += step
    y = top
    while y < rect.bottom():
        (major if round(y) % 100 == 0 else minor).append(
            QLineF(rect.left(), y, rect.right(), y))
        y += step
    pen = QPen(colors.grid_minor, 0)
    painter.setPen(pen)
    painter.drawLines(minor)
    pen.setColor(colors.grid_major)
    painter.setPen(pen)
    painter.drawLines(major)
