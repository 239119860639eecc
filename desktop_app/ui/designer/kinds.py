"""What the editor knows about each node kind: its name, colour, icon and a fresh node.

The model (`desktop_app.designer.nodes`) defines what a kind *is*; this module
holds how the editor *shows* and *creates* one, in one table, so the palette,
the quick-add popup, node items and the inspector all agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from desktop_app.designer import (
    ApprovalNode,
    CodeNode,
    ConditionNode,
    Design,
    InputField,
    LoopNode,
    Node,
    ParametersNode,
    Port,
)
from desktop_app.designer.nodes import Parameter

CONTEXT = "DesignerKinds"


@dataclass(frozen=True)
class KindInfo:
    """How one node kind looks and is created in the editor."""

    kind: str
    label: str
    """Untranslated label (marked for translation); use `title()` to show it."""
    description: str
    keywords: str
    """Extra words the quick-add search matches (English; the label is matched translated)."""
    color: str
    make: Callable[[Design, float, float], Node]

    def title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.label)

    def tooltip(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.description)

    def qcolor(self) -> QColor:
        return QColor(self.color)


# New nodes get their default words in the UI's language (the person renames them).
def _parameters(design: Design, x: float, y: float) -> Node:
    tr = QCoreApplication.translate
    return ParametersNode(x=x, y=y, title=design.unique_title(tr("DesignerKinds", "Parameters")),
                          parameters=[Parameter("count", "int", 3)])


def _code(design: Design, x: float, y: float) -> Node:
    tr = QCoreApplication.translate
    return CodeNode(x=x, y=y, title=design.unique_title(tr("DesignerKinds", "Step")),
                    inputs=[Port("value")], body="return value\n")


def _loop(design: Design, x: float, y: float) -> Node:
    tr = QCoreApplication.translate
    return LoopNode(x=x, y=y, title=design.unique_title(tr("DesignerKinds", "For each")),
                    body="return item\n")


def _approval(design: Design, x: float, y: float) -> Node:
    tr = QCoreApplication.translate
    return ApprovalNode(
        x=x, y=y, title=design.unique_title(tr("DesignerKinds", "Approval")),
        inputs=[Port("value")], description=tr("DesignerKinds", "Please review: {value}"),
        fields=[InputField("approve", "bool", tr("DesignerKinds", "Approve"), default=False)])


def _condition(design: Design, x: float, y: float) -> Node:
    tr = QCoreApplication.translate
    return ConditionNode(x=x, y=y, title=design.unique_title(tr("DesignerKinds", "Condition")))


KIND_INFOS: dict[str, KindInfo] = {
    info.kind: info
    for info in (
        KindInfo("parameters", QT_TRANSLATE_NOOP("DesignerKinds", "Parameters"),
                 QT_TRANSLATE_NOOP("DesignerKinds",
                                   "The flow's parameters: values asked for when a run starts."),
                 "input arguments settings variables", "#0f766e", _parameters),
        KindInfo("code", QT_TRANSLATE_NOOP("DesignerKinds", "Code"),
                 QT_TRANSLATE_NOOP("DesignerKinds",
                                   "A Python function body run as a Prefect task; "
                                   "its inputs are arguments, its return value flows on."),
                 "python task function script step", "#2563eb", _code),
        KindInfo("loop", QT_TRANSLATE_NOOP("DesignerKinds", "Loop"),
                 QT_TRANSLATE_NOOP("DesignerKinds",
                                   "Run a body once per element of a list (pausable between "
                                   "items); the results are collected into a list."),
                 "for each iterate map list batch", "#7c3aed", _loop),
        KindInfo("approval", QT_TRANSLATE_NOOP("DesignerKinds", "Approval"),
                 QT_TRANSLATE_NOOP("DesignerKinds",
                                   "Pause the run until a person resumes it, optionally with "
                                   "typed values (a form)."),
                 "pause human review input wait resume form", "#d97706", _approval),
        KindInfo("condition", QT_TRANSLATE_NOOP("DesignerKinds", "Condition"),
                 QT_TRANSLATE_NOOP("DesignerKinds",
                                   "Route on a Python expression: nodes fed from 'true' run "
                                   "only when it holds, from 'false' only when it does not."),
                 "if else branch switch decide", "#db2777", _condition),
    )
}
"""Kind name → editor info, in palette order."""

NODE_KIND_MIME = "application/x-flowdesk-node-kind"
"""Drag payload from the palette: the kind name, UTF-8."""


def kind_info(node: Node | str) -> KindInfo:
    return KIND_INFOS[node if isinstance(node, str) else node.kind]


def matches(info: KindInfo, text: str) -> bool:
    """Whether quick-add search `text` finds this kind (label, description or keywords)."""
    words = text.lower().split()
    haystack = " ".join((info.title(), info.label, info.keywords, info.kind,
                         info.tooltip())).lower()
    return all(word in haystack for word in words)
