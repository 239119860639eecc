"""The node palette: drag a kind onto the canvas, or double-click it to add one."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from desktop_app.ui.designer.kind_icons import kind_icon
from desktop_app.ui.designer.kinds import KIND_INFOS, NODE_KIND_MIME

KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class NodePalette(QListWidget):
    """One entry per node kind; emits `kind_activated` on double-click/Enter."""

    kind_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setIconSize(QSize(24, 24))
        self.setSpacing(2)
        self.setToolTip(self.tr("Drag onto the canvas, or double-click to add"))
        for info in KIND_INFOS.values():
            item = QListWidgetItem(kind_icon(info.kind), info.title(), self)
            item.setToolTip(info.tooltip())
            item.setData(KIND_ROLE, info.kind)
        self.itemActivated.connect(lambda item: self.kind_activated.emit(item.data(KIND_ROLE)))
        self.setMaximumWidth(180)

    def mimeTypes(self) -> list[str]:
        return [NODE_KIND_MIME]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:
        mime = QMimeData()
        if items:
            mime.setData(NODE_KIND_MIME, str(items[0].data(KIND_ROLE)).encode("utf-8"))
        return mime
