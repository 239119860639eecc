"""The side panel: what is selected, editable — a node's form, or the design's.

It observes the model like the scene does (node changes refresh the form,
a removed node empties it) and edits only through commands. It also carries
the run-time affordance for the selected node: "Resume…" when the run waits
at this approval.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.designer import Design, Node, Problem, RenameNodeCommand
from desktop_app.designer.observers import Callback
from desktop_app.designer.observers import Signal as ModelSignal
from desktop_app.ui.designer.code_section import problem_html
from desktop_app.ui.designer.document import DesignDocument
from desktop_app.ui.designer.kind_icons import kind_icon
from desktop_app.ui.designer.kinds import kind_info
from desktop_app.ui.designer.node_forms import DesignForm, NodeForm, form_for
from desktop_app.ui.designer.node_status import NodeStatus


class Inspector(QWidget):
    """Shows and edits the selected node (or the design when nothing is selected)."""

    resume_requested = Signal(str)

    def __init__(self, document: DesignDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.node_id: str | None = None
        self.form: NodeForm | None = None
        self.design_form: DesignForm | None = None
        self._design: Design | None = None
        self._statuses: dict[str, NodeStatus] = {}
        self._problems: list[Problem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        header = QHBoxLayout()
        self.icon = QLabel(self)
        header.addWidget(self.icon)
        self.kind_label = QLabel(self)
        font = self.kind_label.font()
        font.setBold(True)
        self.kind_label.setFont(font)
        header.addWidget(self.kind_label, 1)
        layout.addLayout(header)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("Node title (also its Python name)"))
        self.title_edit.editingFinished.connect(self._title_done)
        layout.addWidget(self.title_edit)
        self.resume_button = QPushButton(self.tr("Resume…"), self)
        self.resume_button.setToolTip(self.tr("The run waits here: open its form and resume it"))
        self.resume_button.clicked.connect(
            lambda: self.node_id and self.resume_requested.emit(self.node_id))
        self.resume_button.hide()
        layout.addWidget(self.resume_button)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.hide()
        layout.addWidget(self.status_label)
        self.problems_label = QLabel(self)
        self.problems_label.setTextFormat(Qt.TextFormat.RichText)
        self.problems_label.setWordWrap(True)
        self.problems_label.hide()
        layout.addWidget(self.problems_label)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.scroll, 1)
        document.design_replaced.connect(self._attach)
        self._attach(document.design)

    def sizeHint(self) -> QSize:
        return QSize(420, 600)

    # -- following the model ---------------------------------------------------------------
    def _links(self, design: Design) -> tuple[tuple[ModelSignal, Callback], ...]:
        """The design's signals the inspector follows, each with its slot."""
        return (
            (design.node_changed, self._on_node_changed),
            (design.node_removed, self._on_node_removed),
            (design.design_changed, self._on_design_changed),
            (design.node_added, self._on_count_changed),
            (design.edge_added, self._on_count_changed),
            (design.edge_removed, self._on_count_changed),
        )

    def _attach(self, design: Design) -> None:
        if self._design is not None:
            for signal, slot in self._links(self._design):
                signal.disconnect(slot)
        self._design = design
        for signal, slot in self._links(design):
            signal.connect(slot)
        self.node_id = "\0"  # force a rebuild
        self.show_node(None)

    def _on_node_changed(self, node: Node, fields: tuple[str, ...]) -> None:
        if node.id != self.node_id or set(fields) <= {"x", "y"}:
            return
        if "title" in fields and self.title_edit.text() != node.title:
            self.title_edit.setText(node.title)
        if self.form is not None:
            self.form.refresh(node)

    def _on_node_removed(self, node: Node, index: int) -> None:
        if node.id == self.node_id:
            self.show_node(None)

    def _on_design_changed(self, fields: tuple[str, ...]) -> None:
        if self.design_form is not None:
            self.design_form.refresh()

    def _on_count_changed(self, *_args: object) -> None:
        if self.design_form is not None:
            self.design_form.refresh()

    # -- showing ---------------------------------------------------------------------------
    def show_node(self, node_id: str | None) -> None:
        design = self.document.design
        if node_id is not None and node_id not in design:
            node_id = None
        if node_id == self.node_id:
            return
        if self.design_form is not None:
            self.design_form.flush()
        self.node_id = node_id
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.form = None
        self.design_form = None
        if node_id is None:
            self.icon.clear()
            self.kind_label.setText(self.tr("Design"))
            self.title_edit.hide()
            self.design_form = DesignForm(self.document)
            self.scroll.setWidget(self.design_form)
        else:
            node = design.nodes[node_id]
            info = kind_info(node)
            self.icon.setPixmap(kind_icon(node.kind).pixmap(20, 20))
            self.kind_label.setText(info.title())
            self.kind_label.setToolTip(info.tooltip())
            self.title_edit.show()
            self.title_edit.setText(node.title)
            self.form = form_for(self.document, node, self)
            self.scroll.setWidget(self.form)
        self._show_status()
        self._show_problems()

    def _title_done(self) -> None:
        if self.node_id is None or self.node_id not in self.document.design:
            return
        text = self.title_edit.text().strip()
        node = self.document.design.nodes[self.node_id]
        if text and text != node.title:
            self.document.push(RenameNodeCommand(self.document.design, self.node_id, text))
        elif not text:
            self.title_edit.setText(node.title)

    # -- run status, problems ---------------------------------------------------------------
    def set_statuses(self, statuses: dict[str, NodeStatus]) -> None:
        self._statuses = statuses
        self._show_status()

    def _show_status(self) -> None:
        status = self._statuses.get(self.node_id) if self.node_id else None
        node = self.document.design.nodes.get(self.node_id) if self.node_id else None
        self.resume_button.setVisible(bool(
            status and status.paused_here and node is not None and node.kind == "approval"))
        if status is not None and status.message:
            self.status_label.setText(status.message)
            self.status_label.show()
        else:
            self.status_label.hide()

    def set_problems(self, problems: list[Problem]) -> None:
        self._problems = problems
        self._show_problems()

    def _show_problems(self) -> None:
        code_field = self.form.code.field if self.form is not None and self.form.code else None
        if self.node_id is None:
            mine = [p for p in self._problems if p.node_id is None]
        else:
            mine = [p for p in self._problems
                    if p.node_id == self.node_id and p.field != code_field]
        if not mine:
            self.problems_label.hide()
            return
        self.problems_label.setText("<br>".join(problem_html(p) for p in mine))
        self.problems_label.show()
