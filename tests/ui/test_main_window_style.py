"""State colours and icons: drawn, distinct, and readable on light and dark backgrounds."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from desktop_app.core.api.models import STATE_TYPES
from desktop_app.ui.style import PAUSE_REQUESTED, state_color, state_icon, state_type_name

STATES = [*STATE_TYPES, PAUSE_REQUESTED]


def luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("state", STATES)
def test_state_colours_stand_out_on_light_and_dark_backgrounds(qapp, state: str) -> None:
    # WCAG's 3:1 for graphics (icons, bars) against a white and a near-black base.
    assert contrast(state_color(state, dark=False), QColor("#ffffff")) >= 3.0
    assert contrast(state_color(state, dark=True), QColor("#1e1f22")) >= 3.0


def test_each_state_has_a_drawn_icon_and_a_name(qapp) -> None:
    images = set()
    for state in STATES:
        icon = state_icon(state)
        pixmap = icon.pixmap(32, 32)
        assert not icon.isNull() and not pixmap.isNull()
        image = pixmap.toImage()
        assert image.pixelColor(16, 16).alpha() > 0 or state in ("SCHEDULED", "PENDING")
        images.add(bytes(image.constBits()))
        assert state_type_name(state)
    # Colour or shape differs: no two states look the same.
    assert len(images) == len(STATES)
    assert state_type_name(PAUSE_REQUESTED) == "Pause requested"
