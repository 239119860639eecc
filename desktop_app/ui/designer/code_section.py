"""The inspector's code part: a node's body (or condition) with its inputs and live problems.

Typing becomes `EditCodeCommand`s (consecutive keystrokes merge into one undo
step), and ~150 ms after the last keystroke the node is validated: problems
with a line are underlined in the editor with a margin dot, all of them are
listed under it. The names the code can use (the node's inputs, `item` in a
loop) are listed above it; clicking one inserts it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.designer import ConditionNode, EditCodeCommand, LoopNode, Node, Problem
from desktop_app.designer import validate_node as _validate_node
from desktop_app.ui.designer.code_editor import CodeEditor, Marker
from desktop_app.ui.designer.colors import canvas_colors
from desktop_app.ui.designer.document import DesignDocument
from desktop_app.ui.timers import make_timer

VALIDATE_DELAY_MS = 150


def problem_html(problem: Problem, prefix: str = "") -> str:
    """One problem as a line of rich text: a coloured dot, then the (escaped) words."""
    colors = canvas_colors()
    color = (colors.error if problem.is_error else colors.warning).name()
    return f'<span style="color:{color}">●</span> ' + html.escape(prefix + problem.message)


class CodeSection(QWidget):
    """Edits one text field of a node (`body` or `expression`) as Python."""

    problems_changed = Signal(list)
    """This node's problems after the latest check (all fields)."""

    def __init__(self, document: DesignDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.node_id: str | None = None
        self.field = "body"
        self.problems: list[Problem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.inputs_label = QLabel(self.tr("Available names (click to insert):"), self)
        layout.addWidget(self.inputs_label)
        self.inputs_list = QListWidget(self)
        self.inputs_list.setFlow(QListView.Flow.LeftToRight)
        self.inputs_list.setWrapping(True)
        self.inputs_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.inputs_list.setSpacing(2)
        self.inputs_list.setMaximumHeight(52)
        self.inputs_list.setToolTip(self.tr("Click a name to insert it at the cursor"))
        self.inputs_list.itemClicked.connect(self._insert_input)
        layout.addWidget(self.inputs_list)
        self.editor = CodeEditor(self)
        self.editor.setMinimumHeight(160)
        self.editor.code_edited.connect(self._on_edited)
        layout.addWidget(self.editor, 1)
        self.problems_label = QLabel(self)
        self.problems_label.setTextFormat(Qt.TextFormat.RichText)
        self.problems_label.setWordWrap(True)
        self.problems_label.hide()
        layout.addWidget(self.problems_label)
        self._timer = make_timer(self, VALIDATE_DELAY_MS, self.validate_now, single_shot=True)

    def sizeHint(self) -> QSize:
        return QSize(360, 320)

    def show_node(self, node: Node, field: str) -> None:
        self.node_id = node.id
        self.field = field
        self.editor.markers = []
        self.refresh(node)
        self.validate_now()

    def refresh(self, node: Node) -> None:
        """Follow the model (undo, another view): text and the names list."""
        self.editor.set_code(getattr(node, self.field, ""))
        names = [p.name for p in node.input_ports()]
        if isinstance(node, LoopNode):
            names = [LoopNode.ITEM, *[p.name for p in node.inputs]]
        self.inputs_list.clear()
        for name in names:
            item = QListWidgetItem(name, self.inputs_list)
            item.setToolTip(self.tr("Insert '{name}'").format(name=name))
        self.inputs_list.setVisible(bool(names))
        self.inputs_label.setVisible(bool(names))
        kind = (self.tr("Expression") if isinstance(node, ConditionNode)
                else self.tr("Body"))
        self.editor.setAccessibleName(kind)
        self._timer.start()

    def _insert_input(self, item: QListWidgetItem) -> None:
        self.editor.insert_text(item.text())

    def _on_edited(self, text: str) -> None:
        if self.node_id is None or self.node_id not in self.document.design:
            return
        self.document.push(EditCodeCommand(self.document.design, self.node_id, text, self.field))
        self._timer.start()

    def validate_now(self) -> list[Problem]:
        """Check the node now and show the result (the timer calls this after typing)."""
        self._timer.stop()
        design = self.document.design
        if self.node_id is None or self.node_id not in design:
            return []
        problems = _validate_node(design, self.node_id)
        self.problems = problems
        mine = [p for p in problems if p.field == self.field]
        self.editor.set_markers([Marker(p.line, p.column or 1, p.message, p.is_error)
                                 for p in mine if p.line is not None])
        if mine:
            lines = []
            for p in mine:
                where = self.tr("Line {line}: ").format(line=p.line) if p.line else ""
                lines.append(problem_html(p, where))
            self.problems_label.setText("<br>".join(lines))
            self.problems_label.show()
        else:
            self.problems_label.hide()
        self.problems_changed.emit(problems)
        return problems

    @property
    def pending(self) -> bool:
        return self._timer.isActive()
