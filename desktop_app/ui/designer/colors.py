"""Canvas colours for light and dark palettes, decided in one place.

Items read these at paint time through `canvas_colors()`, which is cached per
palette darkness, so a theme switch needs one `update()` and no item state.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtGui import QColor

from desktop_app.ui.designer.node_status import SKIPPED
from desktop_app.ui.style import is_dark, state_color

PORT_TYPE_COLORS = {
    "any": "#8a94a6",
    "str": "#16a34a",
    "int": "#2563eb",
    "float": "#0891b2",
    "bool": "#ea580c",
    "list": "#9333ea",
    "dict": "#a16207",
}


@dataclass(frozen=True)
class CanvasColors:
    background: QColor
    grid_minor: QColor
    grid_major: QColor
    node_body: QColor
    node_border: QColor
    node_text: QColor
    muted_text: QColor
    selection: QColor
    edge: QColor
    edge_hover: QColor
    ok: QColor
    refused: QColor
    error: QColor
    warning: QColor


@lru_cache(maxsize=2)
def _colors(dark: bool) -> CanvasColors:
    if dark:
        return CanvasColors(
            QColor("#1e2127"), QColor("#262a31"), QColor("#2f343c"), QColor("#2b2f36"),
            QColor("#4b515c"), QColor("#e6e8eb"), QColor("#a3aab5"), QColor("#5aa2ff"),
            QColor("#7d8796"), QColor("#c7cdd6"), QColor("#4cd189"), QColor("#ff6b6b"),
            QColor("#ff6b6b"), QColor("#ffb060"))
    return CanvasColors(
        QColor("#f4f5f7"), QColor("#e8eaee"), QColor("#dcdfe5"), QColor("#ffffff"),
        QColor("#c3c8d0"), QColor("#1f2328"), QColor("#5f6875"), QColor("#1f6fd1"),
        QColor("#8a94a6"), QColor("#3b4350"), QColor("#1e8a4c"), QColor("#c62828"),
        QColor("#c62828"), QColor("#d9730d"))


def canvas_colors() -> CanvasColors:
    return _colors(is_dark())


def port_color(type_name: str) -> QColor:
    return QColor(PORT_TYPE_COLORS.get(type_name, PORT_TYPE_COLORS["any"]))


def status_color(state: str) -> QColor:
    """A node status colour: Prefect's state colours; skipped nodes are grey."""
    if state == SKIPPED:
        return QColor("#9aa1ab")
    return state_color(state)
