"""Quick add: a search popup to create a node where you are (Tab or double-click on the canvas).

Type to filter kinds by name, description or synonyms ("if", "pause", "for
each"…), Enter adds the highlighted one, Escape closes. When it opens after
dropping a loose wire, only kinds that can take that wire are offered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from desktop_app.ui.designer.kind_icons import kind_icon
from desktop_app.ui.designer.kinds import KIND_INFOS, matches

KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class QuickAddPopup(QFrame):
    """A small frameless search list; `chosen(kind, scene_pos)` when a kind is picked."""

    chosen = Signal(str, QPointF)

    def __init__(self, parent=None, allowed: Callable[[str], bool] | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.scene_pos = QPointF()
        self._allowed = allowed or (lambda _kind: True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Add a node… (type to search)"))
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        self.list = QListWidget(self)
        self.list.itemActivated.connect(self._pick)
        layout.addWidget(self.list)
        self.resize(300, 240)
        self._filter("")

    def popup(self, global_pos: QPoint, scene_pos: QPointF) -> None:
        self.scene_pos = scene_pos
        self.move(global_pos)
        self.show()
        self.search.setFocus()

    def _filter(self, text: str) -> None:
        self.list.clear()
        for info in KIND_INFOS.values():
            if not self._allowed(info.kind) or not matches(info, text):
                continue
            item = QListWidgetItem(kind_icon(info.kind), info.title(), self.list)
            item.setToolTip(info.tooltip())
            item.setData(KIND_ROLE, info.kind)
        if self.list.count():
            self.list.setCurrentRow(0)

    def kinds(self) -> list[str]:
        return [self.list.item(i).data(KIND_ROLE) for i in range(self.list.count())]

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.chosen.emit(item.data(KIND_ROLE), self.scene_pos)
        self.close()

    def accept_current(self) -> None:
        self._pick(self.list.currentItem())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept_current()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.list.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                if 0 <= row < self.list.count():
                    self.list.setCurrentRow(row)
                return True
            if key == Qt.Key.Key_Escape:
                self.close()
                return True
        return super().eventFilter(watched, event)
