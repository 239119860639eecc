"""A run's parameters as an expandable tree, with "Copy as JSON" for reuse."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.retranslating import Retranslating

MAX_CHILDREN = 500
"""A list of 100,000 items is shown as its first 500 (the JSON copy has all)."""


def value_text(value: Any, limit: int = 300) -> str:
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, dict):
        text = f"{{…}} ({len(value)})"
    elif isinstance(value, list):
        text = f"[…] ({len(value)})"
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ParametersView(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parameters: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget(self)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree, 1)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.copy_button = QPushButton(self)
        self.copy_button.clicked.connect(self.copy_json)
        bar.addWidget(self.copy_button)
        layout.addLayout(bar)
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Value")])
        self.copy_button.setText(self.tr("Copy as JSON"))
        if self.tree.topLevelItemCount():
            parameters, self.parameters = self.parameters, {"": object()}  # force a rebuild
            self.set_parameters(parameters)

    def set_parameters(self, parameters: dict[str, Any]) -> None:
        if parameters == self.parameters and self.tree.topLevelItemCount():
            return  # unchanged: keep the person's expanded/collapsed state
        self.parameters = dict(parameters)
        self.tree.clear()
        if not parameters:
            item = QTreeWidgetItem([self.tr("(no parameters)"), ""])
            item.setDisabled(True)
            self.tree.addTopLevelItem(item)
            return
        for key, value in parameters.items():
            self.tree.addTopLevelItem(self._item(str(key), value))
        self.tree.expandToDepth(0)

    def _item(self, key: str, value: Any) -> QTreeWidgetItem:
        item = QTreeWidgetItem([key, value_text(value)])
        item.setToolTip(1, value_text(value, 2000))
        children: list[tuple[str, Any]] = []
        if isinstance(value, dict):
            children = [(str(k), v) for k, v in value.items()]
        elif isinstance(value, list):
            children = [(f"[{i}]", v) for i, v in enumerate(value)]
        for child_key, child in children[:MAX_CHILDREN]:
            item.addChild(self._item(child_key, child))
        if len(children) > MAX_CHILDREN:
            more = QTreeWidgetItem(
                [self.tr("… {count} more").format(count=len(children) - MAX_CHILDREN), ""]
            )
            more.setDisabled(True)
            item.addChild(more)
        return item

    def copy_json(self) -> None:
        QGuiApplication.clipboard().setText(
            json.dumps(self.parameters, indent=2, ensure_ascii=False, default=str)
        )
