"""A message banner is tinted for its kind whatever the caller named it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from desktop_app.ui.forms.banner import MESSAGE_COLORS, Banner


@pytest.mark.parametrize("name", ["", "profileProblem"])
@pytest.mark.parametrize("kind", ["error", "warning", "info"])
def test_a_banner_shows_its_kinds_background_under_any_object_name(qtbot, name, kind):
    banner = Banner()
    qtbot.addWidget(banner)
    if name:
        banner.setObjectName(name)  # as the settings dialog and the designer do
    banner.resize(240, 40)
    banner.show_message("A reason", kind)
    image = banner.grab().toImage()
    # Away from the border and the text: the strip's own background.
    seen = image.pixelColor(image.width() - 12, image.height() // 2)
    assert seen == QColor(MESSAGE_COLORS[kind][0]), (seen.name(), kind, name)
