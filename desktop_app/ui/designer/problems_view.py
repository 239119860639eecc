"""The list of everything that would stop the design from deploying (and warnings).

Double-click (or Enter) on a problem selects its node and jumps to the spot:
the inspector opens and, for code, the cursor goes to the line and column.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop_app.designer import Design, Problem
from desktop_app.ui.style import state_icon

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsView(QTreeWidget):
    """Problems in design order; `activated_problem` on double-click/Enter."""

    activated_problem = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Node"), self.tr("Where"), self.tr("Problem")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.itemActivated.connect(self._activated)
        self.problems: list[Problem] = []

    def set_problems(self, design: Design, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.clear()
        items = []
        for problem in problems:
            node = design.nodes.get(problem.node_id) if problem.node_id else None
            where = problem.field or ""
            if problem.line is not None:
                where = self.tr("{field}, line {line}").format(field=where or "", line=problem.line)
            item = QTreeWidgetItem([node.title if node else self.tr("(design)"), where,
                                    problem.message])
            item.setIcon(0, state_icon("FAILED" if problem.is_error else "PAUSED"))
            item.setToolTip(2, problem.message)
            item.setData(0, PROBLEM_ROLE, problem)
            items.append(item)
        self.addTopLevelItems(items)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        problem = item.data(0, PROBLEM_ROLE)
        if problem is not None:
            self.activated_problem.emit(problem)

    def counts(self) -> tuple[int, int]:
        errors = sum(1 for p in self.problems if p.is_error)
        return errors, len(self.problems) - errors
