"""State colours and icons, readable on light and dark palettes.

Icons are drawn with QPainter at the sizes asked for, so there are no binary
files to ship and they stay sharp at any device pixel ratio. Colours come in a
light-palette and a dark-palette variant; which one applies is decided from
the application palette (its window colour), never hard-coded black/white.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap

PAUSE_REQUESTED = "PAUSE_REQUESTED"
"""Pseudo state type for a running run asked to pause (not a Prefect state)."""

# (on a light background, on a dark background): same hue, tuned for contrast.
_COLORS: dict[str, tuple[str, str]] = {
    "SCHEDULED": ("#b07d00", "#e6b84a"),
    "PENDING": ("#7a6f9b", "#b3a8d9"),
    "RUNNING": ("#1f6fd1", "#5aa2ff"),
    PAUSE_REQUESTED: ("#c25e00", "#ffa04d"),
    "PAUSED": ("#d9730d", "#ffb060"),
    "CANCELLING": ("#6b7280", "#a3aab5"),
    "CANCELLED": ("#6b7280", "#a3aab5"),
    "COMPLETED": ("#1e8a4c", "#4cd189"),
    "FAILED": ("#c62828", "#ff6b6b"),
    "CRASHED": ("#a1127a", "#f06ad0"),
}
_UNKNOWN = ("#6b7280", "#a3aab5")

# Prefect's state type names, marked for translation (context "State") and
# translated when shown, so a translator installed after import still applies.
_STATE_TYPE_NAMES = {
    "SCHEDULED": QT_TRANSLATE_NOOP("State", "Scheduled"),
    "PENDING": QT_TRANSLATE_NOOP("State", "Pending"),
    "RUNNING": QT_TRANSLATE_NOOP("State", "Running"),
    "PAUSED": QT_TRANSLATE_NOOP("State", "Paused"),
    "CANCELLING": QT_TRANSLATE_NOOP("State", "Cancelling"),
    "COMPLETED": QT_TRANSLATE_NOOP("State", "Completed"),
    "FAILED": QT_TRANSLATE_NOOP("State", "Failed"),
    "CANCELLED": QT_TRANSLATE_NOOP("State", "Cancelled"),
    "CRASHED": QT_TRANSLATE_NOOP("State", "Crashed"),
    PAUSE_REQUESTED: QT_TRANSLATE_NOOP("State", "Pause requested"),
}
# Names the server uses beyond the type names; listed so translators see them.
_EXTRA_STATE_NAMES = (
    QT_TRANSLATE_NOOP("State", "Late"),
    QT_TRANSLATE_NOOP("State", "AwaitingRetry"),
    QT_TRANSLATE_NOOP("State", "Retrying"),
    QT_TRANSLATE_NOOP("State", "Suspended"),
    QT_TRANSLATE_NOOP("State", "Cached"),
    QT_TRANSLATE_NOOP("State", "TimedOut"),
    QT_TRANSLATE_NOOP("State", "Submitting"),
    QT_TRANSLATE_NOOP("State", "AwaitingConcurrencySlot"),
    QT_TRANSLATE_NOOP("State", "Resuming"),
)


def state_type_name(state_type: str) -> str:
    """The name of a state type in the UI language (e.g. for filter chips)."""
    name = _STATE_TYPE_NAMES.get(state_type.upper(), state_type.title())
    return QCoreApplication.translate("State", name)


def state_name(name: str) -> str:
    """A server state name ("Late", "AwaitingRetry", "Pause requested"…) in the UI language."""
    return QCoreApplication.translate("State", name)


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette's window is dark (dark mode, dark theme)."""
    if palette is None:
        app = QGuiApplication.instance()
        palette = QGuiApplication.palette() if app is not None else QPalette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def state_color(state_type: str, dark: bool | None = None) -> QColor:
    """The colour of a state type (`"RUNNING"`, `"PAUSED"`, …, or `PAUSE_REQUESTED`)."""
    light_hex, dark_hex = _COLORS.get(state_type.upper(), _UNKNOWN)
    return QColor(dark_hex if (is_dark() if dark is None else dark) else light_hex)


def state_icon(state_type: str) -> QIcon:
    """A small round badge for a state, drawn for the current palette."""
    return _icon(state_type.upper(), is_dark())


@lru_cache(maxsize=64)
def _icon(state_type: str, dark: bool) -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48):
        icon.addPixmap(_pixmap(state_type, dark, size))
    return icon


def _pixmap(state_type: str, dark: bool, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = state_color(state_type, dark)
    margin = size * 0.08
    disc = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    mark = QColor("#ffffff") if not dark else QColor("#1b1b1b")
    stroke = max(1.5, size / 9)
    if state_type in ("SCHEDULED", "PENDING", "CANCELLING"):
        # Not started yet (or on its way out): an outlined ring; a clock hand for
        # Scheduled, a dot for Pending, the cancel dash for Cancelling.
        painter.setPen(QPen(color, stroke))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(disc.adjusted(stroke / 2, stroke / 2, -stroke / 2, -stroke / 2))
        centre = disc.center()
        if state_type == "SCHEDULED":
            painter.drawLine(centre, QPointF(centre.x(), disc.top() + size * 0.28))
            painter.drawLine(centre, QPointF(disc.right() - size * 0.28, centre.y()))
        elif state_type == "CANCELLING":
            painter.drawLine(QPointF(size * 0.32, centre.y()), QPointF(size * 0.68, centre.y()))
        else:
            painter.setBrush(QBrush(color))
            r = size * 0.12
            painter.drawEllipse(centre, r, r)
        painter.end()
        return pixmap
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(color))
    painter.drawEllipse(disc)
    painter.setPen(
        QPen(
            mark, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
        )
    )
    painter.setBrush(QBrush(mark))
    s = size
    if state_type == "RUNNING":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(
            [QPointF(s * 0.40, s * 0.30), QPointF(s * 0.72, s * 0.50), QPointF(s * 0.40, s * 0.70)]
        )
    elif state_type in ("PAUSED", PAUSE_REQUESTED):
        if state_type == PAUSE_REQUESTED:
            painter.setBrush(Qt.BrushStyle.NoBrush)
        bar_w, bar_h = s * 0.12, s * 0.38
        for x in (s * 0.36, s * 0.52):
            painter.drawRect(QRectF(x, s * 0.31, bar_w, bar_h))
    elif state_type == "COMPLETED":
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(
            [QPointF(s * 0.30, s * 0.52), QPointF(s * 0.44, s * 0.66), QPointF(s * 0.70, s * 0.36)]
        )
    elif state_type in ("FAILED", "CANCELLED"):
        if state_type == "FAILED":
            painter.drawLine(QPointF(s * 0.34, s * 0.34), QPointF(s * 0.66, s * 0.66))
            painter.drawLine(QPointF(s * 0.66, s * 0.34), QPointF(s * 0.34, s * 0.66))
        else:
            painter.drawLine(QPointF(s * 0.30, s * 0.50), QPointF(s * 0.70, s * 0.50))
    elif state_type == "CRASHED":
        painter.drawLine(QPointF(s * 0.50, s * 0.26), QPointF(s * 0.50, s * 0.56))
        painter.setPen(Qt.PenStyle.NoPen)
        r = stroke * 0.75
        painter.drawEllipse(QPointF(s * 0.50, s * 0.72), r, r)
    painter.end()
    return pixmap


def tinted(color: QColor, alpha: int) -> QColor:
    """`color` made translucent, for row highlights that work on any background."""
    result = QColor(color)
    result.setAlpha(alpha)
    return result
