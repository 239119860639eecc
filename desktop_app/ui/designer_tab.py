"""The main window's side of the designer tab: the one "may the designer close?" check,
crash recovery at start, the tab's title, and Help ▸ Designer basics / examples.

A mixin of `MainWindow`, kept apart so the window module stays about the
window. Nothing here imports the designer at start: it is built lazily, on
first visit of its tab (or when an earlier session left unsaved work).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from desktop_app.ui.designer import DesignerWidget


class DesignerTabMixin:
    """Designer-related behaviour of the main window (see the module docstring)."""

    designer: DesignerWidget | None
    tabs: QTabWidget
    _designer_index: int
    examples_menu: QMenu

    def _add_designer_help(self, help_menu: QMenu) -> None:
        """Help ▸ Designer basics… and Help ▸ Designer examples."""
        self.basics_action = help_menu.addAction(self.tr("Designer &basics…"))
        self.basics_action.setObjectName("designerBasics")
        self.basics_action.triggered.connect(lambda: self._in_designer(lambda d: d.show_basics()))
        self.examples_menu = help_menu.addMenu(self.tr("Designer &examples"))
        self.examples_menu.setObjectName("designerExamples")
        # Filled when opened: listing them needs the designer's modules, loaded lazily.
        self.examples_menu.aboutToShow.connect(self._fill_examples_menu)
        help_menu.addSeparator()

    def _in_designer(self, action: Callable[[object], object]) -> None:
        """Show the Designer tab (built on first use) and do `action` with it."""
        self.tabs.setCurrentIndex(self._designer_index)
        if self.designer is not None:
            action(self.designer)

    def _fill_examples_menu(self) -> None:
        from desktop_app.ui.designer.basics import example_files, example_title

        self.examples_menu.clear()
        files = example_files()
        for path in files:
            action = self.examples_menu.addAction(example_title(path))
            action.setToolTip(self.tr("Opens a copy; the example itself is not changed"))
            action.triggered.connect(
                lambda _checked=False, p=path: self._in_designer(lambda d: d.open_example(p))
            )
        if not files:
            self.examples_menu.addAction(self.tr("No examples were installed")).setEnabled(False)

    # -- the designer's unsaved work ------------------------------------------------
    def confirm_designer_close(self, then: Callable[[], None],
                               cancelled: Callable[[], None] | None = None) -> bool:
        """The one "may the designer close?" check before quitting or switching servers.

        Nothing unsaved: `then` runs now (True). Otherwise the window comes
        forward on the Designer tab (it may be hidden in the tray) and the
        designer asks Save / Discard / Cancel; `then` runs after Save or
        Discard, never after Cancel (which calls `cancelled`).
        """
        designer = self.designer
        if designer is None or not designer.document.modified:
            then()
            return True
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        self.tabs.setCurrentWidget(designer)
        return designer.confirm_close(then, cancelled)

    def keep_unsaved_designs(self) -> None:
        """Leaving without asking (signal, session end): write the recovery copy now."""
        if self.designer is not None:
            self.designer.autosave()

    def _offer_recovered_designs(self) -> None:
        """An earlier session left unsaved designs (crash, kill): open the designer to offer them.

        A glob, not the designer model: the window must paint fast, and the
        designer is only built when there is something to offer.
        """
        from desktop_app.core.config import paths

        folder = paths.data_dir() / "recovery"
        try:
            found = any(folder.glob("*.recovery.json"))
        except OSError:
            found = False
        if found and self.designer is None:
            self.tabs.setCurrentIndex(self._designer_index)

    def _designer_title_changed(self, title: str) -> None:
        """The tab keeps the word Designer (• while unsaved); the file is named inside."""
        assert self.designer is not None
        modified = self.designer.document.modified
        self.tabs.setTabText(self._designer_index, self.tr("Designer") + (" •" if modified else ""))
        self.tabs.setTabToolTip(self._designer_index, title)
