"""The tray icon: the app icon, a paused-runs badge, greyed while the server is down.

Failed runs not seen yet get a second badge, red, at the bottom left (the
paused one sits top right), cleared once the person has seen them.

Drawn with QPainter at every size the tray may ask for (16-64 px), so the
badge stays legible on a 22 px X11 tray and a 32 px Windows one. The app icon
comes from `resources/icons/flowdesk.svg` once packaging provides it; until
then a simple drawn mark (three linked nodes) stands in.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QImage, QPainter, QPen, QPixmap

from desktop_app.core.config import paths

SIZES = (16, 22, 24, 32, 48, 64)
BADGE_COLOR = QColor("#e8590c")
"""Paused orange, a shade darker than the state colour so white digits read on it."""
STALE_BADGE_COLOR = QColor("#6b7280")
"""The last known count while the server is away: shown, but not shouting."""
FAILED_BADGE_COLOR = QColor("#c92a2a")
"""Failed red, dark enough for white digits."""
APP_BLUE = QColor("#1f6fd1")


def svg_path() -> str | None:
    path = paths.resources_dir() / "icons" / "flowdesk.svg"
    return str(path) if path.is_file() else None


def badge_text(count: int) -> str:
    """`""` for none, the number up to 99, then `99+`."""
    if count <= 0:
        return ""
    return str(count) if count < 100 else "99+"


@lru_cache(maxsize=16)
def app_pixmap(size: int) -> QPixmap:
    """The plain app icon at `size` px."""
    svg = svg_path()
    if svg is not None:
        pixmap = QIcon(svg).pixmap(size, size)
        if not pixmap.isNull():
            return pixmap
    return _drawn_app_pixmap(size)


def _drawn_app_pixmap(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(APP_BLUE))
    p.drawRoundedRect(QRectF(s * 0.04, s * 0.04, s * 0.92, s * 0.92), s * 0.22, s * 0.22)
    white = QColor("#ffffff")
    nodes = [QPointF(s * 0.28, s * 0.30), QPointF(s * 0.28, s * 0.72), QPointF(s * 0.72, s * 0.51)]
    p.setPen(QPen(white, max(1.2, s * 0.07), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(nodes[0], nodes[2])
    p.drawLine(nodes[1], nodes[2])
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(white))
    radius = max(1.5, s * 0.11)
    for node in nodes:
        p.drawEllipse(node, radius, radius)
    p.end()
    return pixmap


def _greyed(pixmap: QPixmap) -> QPixmap:
    """Greyscale at reduced opacity: "the server is not there" at a glance."""
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    for y in range(image.height()):
        for x in range(image.width()):
            color = image.pixelColor(x, y)
            grey = int(color.red() * 0.3 + color.green() * 0.59 + color.blue() * 0.11)
            image.setPixelColor(x, y, QColor(grey, grey, grey, int(color.alpha() * 0.6)))
    return QPixmap.fromImage(image)


def _draw_badge(pixmap: QPixmap, text: str, color: QColor, *, bottom_left: bool = False) -> None:
    size = pixmap.width()
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    height = size * 0.58
    width = max(height, height * (0.55 + 0.3 * len(text)))
    width = min(width, float(size))
    rect = (
        QRectF(0, size - height, width, height)
        if bottom_left
        else QRectF(size - width, 0, width, height)
    )
    p.setPen(QPen(QColor("#ffffff"), max(1.0, size / 24)))
    p.setBrush(QBrush(color))
    p.drawRoundedRect(rect, height / 2, height / 2)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(7, int(height * (0.78 if len(text) == 1 else 0.62))))
    p.setFont(font)
    p.setPen(QColor("#ffffff"))
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    p.end()


def tray_pixmap(size: int, paused: int, connected: bool, failed: int = 0) -> QPixmap:
    base = app_pixmap(size)
    pixmap = _greyed(base) if not connected else QPixmap(base)
    text = badge_text(paused)
    if text:
        _draw_badge(pixmap, text, BADGE_COLOR if connected else STALE_BADGE_COLOR)
    failed_text = badge_text(failed)
    if failed_text:
        _draw_badge(pixmap, failed_text, FAILED_BADGE_COLOR, bottom_left=True)
    return pixmap


def tray_icon(paused: int, connected: bool, failed: int = 0) -> QIcon:
    """The tray icon for a paused-run count, connection state and unseen failures."""
    # 100+ all draw "99+"
    return _tray_icon(max(0, min(paused, 100)), connected, max(0, min(failed, 100)))


@lru_cache(maxsize=64)
def _tray_icon(paused: int, connected: bool, failed: int = 0) -> QIcon:
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(tray_pixmap(size, paused, connected, failed))
    return icon


def app_icon() -> QIcon:
    """The window icon (no badge)."""
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(app_pixmap(size))
    return icon
