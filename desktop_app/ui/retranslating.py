"""`Retranslating`: a widget that re-reads its texts when the language changes.

`install_language` makes Qt send `QEvent.LanguageChange` to every widget; the
ones that set their texts once answer it with `retranslate()`. This mixin is
that answer, so each such widget only writes its `retranslate`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mixin, listed before the Qt base: `changeEvent` calls `self.retranslate()`.

    It defines no `retranslate` of its own, so one inherited from a Qt-side base
    class is still found.
    """

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # type: ignore[attr-defined]
        super().changeEvent(event)  # type: ignore[misc]
