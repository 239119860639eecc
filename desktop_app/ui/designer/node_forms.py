"""The inspector's forms, one per node kind (and one for the design itself).

A form shows one node and turns each finished edit into one model command
through the document (so it undoes); `refresh(node)` follows the model after
undo/redo without emitting anything back. Spin boxes commit on Enter, focus
loss or an arrow click (keyboard tracking off), line edits on Enter or focus
loss, long texts merge their keystrokes into one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.designer import (
    ApprovalNode,
    CodeNode,
    ConditionNode,
    EditNodeCommand,
    LoopNode,
    Node,
    ParametersNode,
    SetDesignPropertiesCommand,
    SetSettingsCommand,
)
from desktop_app.designer.names import first_free
from desktop_app.designer.nodes import FIELD_TYPES, PARAMETER_TYPES, VALUE_TYPES, TaskNode
from desktop_app.ui.designer.code_section import CodeSection
from desktop_app.ui.designer.document import DesignDocument
from desktop_app.ui.designer.port_rows import (
    field_rows,
    fields_command,
    input_rows,
    inputs_command,
    parameter_rows,
    parameters_command,
)
from desktop_app.ui.designer.rows_table import Column, RowsTable
from desktop_app.ui.timers import make_timer


class NodeForm(QWidget):
    """Base: knows the document and the node it edits."""

    def __init__(self, document: DesignDocument, node: Node, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.node_id = node.id
        self.code: CodeSection | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    @property
    def design(self):
        return self.document.design

    def node(self) -> Node | None:
        return self.design.nodes.get(self.node_id)

    def refresh(self, node: Node) -> None:
        raise NotImplementedError

    def push(self, command) -> None:
        """Record an edit; if the model refuses it, show the model's values again."""
        if command is not None and not self.document.push(command):
            node = self.node()
            if node is not None:
                self.refresh(node)

    def _note(self, text: str) -> None:
        """A wrapped explanation above the node's fields (the text comes translated)."""
        note = QLabel(text, self)
        note.setWordWrap(True)
        self.layout_.addWidget(note)

    def _inputs_table(self, title: str) -> RowsTable:
        box = QGroupBox(title, self)
        box_layout = QVBoxLayout(box)
        table = RowsTable(
            [Column("name", self.tr("Name")),
             Column("type", self.tr("Type"), choices=VALUE_TYPES,
                    tooltip=self.tr("Declared type, checked when you connect"))],
            lambda taken: {"name": first_free("value", taken), "type": "any"}, box)
        table.rows_edited.connect(
            lambda rows, renamed: self.push(inputs_command(self.design, self.node_id, rows,
                                                           renamed)))
        box_layout.addWidget(table)
        self.layout_.addWidget(box)
        return table


class TaskForm(NodeForm):
    """Code and loop nodes: inputs, body, retries/timeouts (and the return type)."""

    def __init__(self, document: DesignDocument, node: TaskNode, parent=None) -> None:
        super().__init__(document, node, parent)
        if isinstance(node, LoopNode):
            self._note(self.tr("Runs the body once per element of the list on its "
                               "'items' input, as `item`; results are collected in "
                               "order. Extra inputs go to every run."))
        self.inputs = self._inputs_table(
            self.tr("Extra inputs") if isinstance(node, LoopNode) else self.tr("Inputs"))
        self.code = CodeSection(document, self)
        self.layout_.addWidget(self.code, 1)
        box = QGroupBox(self.tr("Settings"), self)
        form = QFormLayout(box)
        self.retries = QSpinBox(box)
        self.retries.setRange(0, 100)
        self.retries.setKeyboardTracking(False)
        self.retries.valueChanged.connect(lambda v: self._set(retries=v))
        form.addRow(self.tr("Retries"), self.retries)
        self.retry_delay = QDoubleSpinBox(box)
        self.retry_delay.setRange(0, 86_400)
        self.retry_delay.setSuffix(self.tr(" s"))
        self.retry_delay.setKeyboardTracking(False)
        self.retry_delay.valueChanged.connect(lambda v: self._set(retry_delay_seconds=float(v)))
        form.addRow(self.tr("Retry delay"), self.retry_delay)
        self.timeout = QDoubleSpinBox(box)
        self.timeout.setRange(0, 7 * 86_400)
        self.timeout.setSuffix(self.tr(" s"))
        self.timeout.setSpecialValueText(self.tr("none"))
        self.timeout.setKeyboardTracking(False)
        self.timeout.valueChanged.connect(
            lambda v: self._set(timeout_seconds=float(v) if v > 0 else None))
        form.addRow(self.tr("Timeout"), self.timeout)
        self.returns: QComboBox | None = None
        if isinstance(node, CodeNode):
            self.returns = QComboBox(box)
            self.returns.addItems(list(VALUE_TYPES))
            self.returns.setToolTip(self.tr("Declared type of the result (checked on connect)"))
            self.returns.currentTextChanged.connect(lambda t: self._set(returns=t))
            form.addRow(self.tr("Returns"), self.returns)
        self.layout_.addWidget(box)
        self.refresh(node)
        self.code.show_node(node, "body")

    def _set(self, **settings) -> None:
        node = self.node()
        if node is None or all(getattr(node, k) == v for k, v in settings.items()):
            return
        self.push(SetSettingsCommand(self.design, self.node_id, **settings))

    def refresh(self, node: Node) -> None:
        assert isinstance(node, TaskNode)
        self.inputs.set_rows(input_rows(node.inputs))
        for widget, value in ((self.retries, node.retries),
                              (self.retry_delay, node.retry_delay_seconds),
                              (self.timeout, node.timeout_seconds or 0)):
            with QSignalBlocker(widget):
                widget.setValue(value if isinstance(value, (int, float)) else 0)
        if self.returns is not None and isinstance(node, CodeNode):
            with QSignalBlocker(self.returns):
                self.returns.setCurrentText(node.returns)
        if self.code is not None:
            self.code.refresh(node)


class ConditionForm(NodeForm):
    def __init__(self, document: DesignDocument, node: ConditionNode, parent=None) -> None:
        super().__init__(document, node, parent)
        self._note(self.tr("Nodes fed from 'true' run only when the expression is true; "
                           "both outputs carry the first input's value."))
        self.inputs = self._inputs_table(self.tr("Inputs"))
        self.code = CodeSection(document, self)
        self.code.editor.setMinimumHeight(80)
        self.layout_.addWidget(self.code, 1)
        self.refresh(node)
        self.code.show_node(node, "expression")

    def refresh(self, node: Node) -> None:
        assert isinstance(node, ConditionNode)
        self.inputs.set_rows(input_rows(node.inputs))
        if self.code is not None:
            self.code.refresh(node)


class ApprovalForm(NodeForm):
    def __init__(self, document: DesignDocument, node: ApprovalNode, parent=None) -> None:
        super().__init__(document, node, parent)
        self.inputs = self._inputs_table(self.tr("Inputs"))
        box = QGroupBox(self.tr("Message to the person (Markdown, {input} placeholders)"), self)
        box_layout = QVBoxLayout(box)
        self.description = QPlainTextEdit(box)
        self.description.setMinimumHeight(90)
        self.description.setUndoRedoEnabled(False)
        self.description.textChanged.connect(self._description_edited)
        box_layout.addWidget(self.description)
        self.layout_.addWidget(box)
        fields_box = QGroupBox(self.tr("Form fields (what the person answers)"), self)
        fields_layout = QVBoxLayout(fields_box)
        self.fields = RowsTable(
            [Column("name", self.tr("Name")),
             Column("type", self.tr("Type"), choices=FIELD_TYPES),
             Column("title", self.tr("Label")),
             Column("default", self.tr("Default")),
             Column("minimum", self.tr("Min")),
             Column("maximum", self.tr("Max")),
             Column("required", self.tr("Required"), check=True)],
            lambda taken: {"name": first_free("answer", taken), "type": "str", "title": "",
                           "default": "", "minimum": "", "maximum": "", "required": False},
            fields_box)
        self.fields.rows_edited.connect(
            lambda rows, _renamed: self.push(fields_command(self.design, self.node_id, rows)))
        fields_layout.addWidget(self.fields)
        self.layout_.addWidget(fields_box)
        form = QFormLayout()
        self.timeout = QSpinBox(self)
        self.timeout.setRange(1, 30 * 86_400)
        self.timeout.setSuffix(self.tr(" s"))
        self.timeout.setKeyboardTracking(False)
        self.timeout.setToolTip(self.tr("The run fails if nobody resumes it in time"))
        self.timeout.valueChanged.connect(self._timeout_changed)
        form.addRow(self.tr("Timeout"), self.timeout)
        self.layout_.addLayout(form)
        self.refresh(node)

    def _description_edited(self) -> None:
        node = self.node()
        text = self.description.toPlainText()
        if node is None or getattr(node, "description", None) == text:
            return
        self.push(EditNodeCommand(self.design, self.node_id,
                                  self.tr("Edit message of {node}").format(node=node.title),
                                  mergeable=True, description=text))

    def _timeout_changed(self, value: int) -> None:
        node = self.node()
        if node is not None and getattr(node, "timeout_seconds", None) != value:
            self.push(SetSettingsCommand(self.design, self.node_id, timeout_seconds=value))

    def refresh(self, node: Node) -> None:
        assert isinstance(node, ApprovalNode)
        self.inputs.set_rows(input_rows(node.inputs))
        if self.description.toPlainText() != node.description:
            with QSignalBlocker(self.description):
                self.description.setPlainText(node.description)
        self.fields.set_rows(field_rows(node.fields))
        with QSignalBlocker(self.timeout):
            self.timeout.setValue(node.timeout_seconds if isinstance(node.timeout_seconds, int)
                                  else 3600)


class ParametersForm(NodeForm):
    def __init__(self, document: DesignDocument, node: ParametersNode, parent=None) -> None:
        super().__init__(document, node, parent)
        self._note(self.tr("Each parameter is an output; an empty default means the "
                           "run must give a value."))
        self.table = RowsTable(
            [Column("name", self.tr("Name")),
             Column("type", self.tr("Type"), choices=PARAMETER_TYPES),
             Column("default", self.tr("Default"),
                    tooltip=self.tr('Empty: required. Text for str ("" for empty), JSON for '
                                    'lists and dicts'))],
            lambda taken: {"name": first_free("value", taken), "type": "int", "default": "1"},
            self)
        self.table.rows_edited.connect(
            lambda rows, renamed: self.push(parameters_command(self.design, self.node_id, rows,
                                                               renamed)))
        self.layout_.addWidget(self.table)
        self.layout_.addStretch(1)
        self.refresh(node)

    def refresh(self, node: Node) -> None:
        assert isinstance(node, ParametersNode)
        self.table.set_rows(parameter_rows(node))


class DesignForm(QWidget):
    """Nothing selected: the design's own name and description."""

    def __init__(self, document: DesignDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(self)
        self.name.setToolTip(self.tr("Also the flow's name (deployment '<name>/local')"))
        self.name.editingFinished.connect(self._name_done)
        form.addRow(self.tr("Design name"), self.name)
        self.description = QPlainTextEdit(self)
        self.description.setUndoRedoEnabled(False)
        self.description.setMinimumHeight(80)
        self.description.textChanged.connect(self._description_edited)
        form.addRow(self.tr("Description"), self.description)
        self.stats = QLabel(self)
        self.stats.setWordWrap(True)
        form.addRow(self.stats)
        self._debounce = make_timer(self, 600, self._commit_description, single_shot=True)
        self._edited_design = None
        self.refresh()

    def _commit_description(self) -> None:
        self._debounce.start()  # flush() commits only a pending edit
        self.flush()

    def _name_done(self) -> None:
        text = self.name.text().strip()
        if text and text != self.document.design.name:
            self.document.push(SetDesignPropertiesCommand(self.document.design, name=text))

    def _description_edited(self) -> None:
        self._edited_design = self.document.design
        self._debounce.start()

    def flush(self) -> None:
        """Commit a description still being typed (only into the design it was typed for)."""
        if not self._debounce.isActive():
            return
        self._debounce.stop()
        text = self.description.toPlainText()
        if self._edited_design is self.document.design and (
                text != self.document.design.description):
            self.document.push(SetDesignPropertiesCommand(self.document.design,
                                                          description=text))

    def refresh(self) -> None:
        design = self.document.design
        if not self.name.hasFocus():
            self.name.setText(design.name)
        if self.description.toPlainText() != design.description and not self._debounce.isActive():
            with QSignalBlocker(self.description):
                self.description.setPlainText(design.description)
        self.stats.setText(self.tr("{nodes} nodes, {edges} connections. Select a node to "
                                   "edit it.").format(nodes=len(design), edges=len(design.edges)))


def form_for(document: DesignDocument, node: Node, parent: QWidget) -> NodeForm:
    if isinstance(node, TaskNode):
        return TaskForm(document, node, parent)
    if isinstance(node, ConditionNode):
        return ConditionForm(document, node, parent)
    if isinstance(node, ApprovalNode):
        return ApprovalForm(document, node, parent)
    assert isinstance(node, ParametersNode)
    return ParametersForm(document, node, parent)
