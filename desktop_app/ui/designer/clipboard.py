"""Copy, cut, paste and duplicate nodes, within a design and between designs.

The clipboard carries plain JSON (our own MIME type, plus the same text as
plain text so it can be pasted into a chat or an issue and back). Pasting
gives every node a fresh id, keeps the edges *between* the pasted nodes,
makes titles unique in the target design, and is one undo step.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData

from desktop_app.designer import Command, Design, Edge, MacroCommand, Node
from desktop_app.designer.nodes import new_id
from desktop_app.designer.serialize import StructureError, node_from_dict, node_to_dict
from desktop_app.ui.designer.extra_commands import AddEdgeCommand

CLIPBOARD_MIME = "application/x-flowdesk-nodes+json"
PAYLOAD_KEY = "flowdesk_nodes"
PAYLOAD_VERSION = 1


class ClipboardError(ValueError):
    """The clipboard holds something that is not (valid) Flowdesk nodes."""


def copy_payload(design: Design, node_ids: Iterable[str]) -> dict[str, Any]:
    """The selected nodes and the edges among them, as JSON-ready data."""
    ids = [n for n in node_ids if n in design]
    chosen = set(ids)
    return {
        PAYLOAD_KEY: PAYLOAD_VERSION,
        "nodes": [node_to_dict(design.nodes[n]) for n in ids],
        "edges": [dataclasses.asdict(e) for e in design.edges
                  if e.source in chosen and e.target in chosen],
    }


def to_mime(payload: dict[str, Any]) -> QMimeData:
    text = json.dumps(payload, indent=2, ensure_ascii=False)
    mime = QMimeData()
    mime.setData(CLIPBOARD_MIME, text.encode("utf-8"))
    mime.setText(text)
    return mime


def from_mime(mime: QMimeData | None) -> dict[str, Any] | None:
    """Our payload from the clipboard (own type first, then plain text), else None."""
    if mime is None:
        return None
    if mime.hasFormat(CLIPBOARD_MIME):
        text = bytes(mime.data(CLIPBOARD_MIME)).decode("utf-8", "replace")
    elif mime.hasText():
        text = mime.text()
    else:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get(PAYLOAD_KEY) is None:
        return None
    return data


class _AddNodesCommand(Command):
    """Add prepared nodes (ids fresh) at the end of the design."""

    def __init__(self, design: Design, nodes: list[Node]) -> None:
        self.design, self.nodes = design, nodes
        self.text = QCoreApplication.translate("DesignerClipboard", "Add nodes")

    def do(self) -> None:
        for node in self.nodes:
            self.design.add_node(node)

    def undo(self) -> None:
        for node in reversed(self.nodes):
            self.design.remove_node(node.id)


def paste_command(design: Design, payload: dict[str, Any],
                  offset: tuple[float, float] = (40.0, 40.0),
                  at: tuple[float, float] | None = None) -> tuple[Command, list[str]]:
    """(one undoable command, new node ids) pasting `payload` into `design`.

    Nodes land shifted by `offset`, or with their top-left corner at `at`.
    Raises `ClipboardError` if the payload is not valid nodes.
    """
    if payload.get(PAYLOAD_KEY) != PAYLOAD_VERSION:
        raise ClipboardError(QCoreApplication.translate(
            "DesignerClipboard", "The clipboard holds nodes from a newer Flowdesk."))
    items = payload.get("nodes")
    edges = payload.get("edges", [])
    if not isinstance(items, list) or not items or not isinstance(edges, list):
        raise ClipboardError(QCoreApplication.translate(
            "DesignerClipboard", "The clipboard holds no nodes."))
    try:
        originals = [node_from_dict(item, f"$.nodes[{i}]") for i, item in enumerate(items)]
    except StructureError as exc:
        raise ClipboardError(QCoreApplication.translate(
            "DesignerClipboard", "The clipboard's nodes are damaged: {error}").format(
                error=str(exc))) from None
    if at is not None:
        left = min(n.x for n in originals)
        top = min(n.y for n in originals)
        dx, dy = at[0] - left, at[1] - top
    else:
        dx, dy = offset
    titles = {n.title for n in design}
    id_map: dict[str, str] = {}
    nodes: list[Node] = []
    for original in originals:
        title = _unique(original.title, titles)
        titles.add(title)
        fresh = dataclasses.replace(original, id=new_id(), title=title,
                                    x=original.x + dx, y=original.y + dy)
        id_map[original.id] = fresh.id
        nodes.append(fresh)
    commands: list[Command] = [_AddNodesCommand(design, nodes)]
    for item in edges:
        if not isinstance(item, dict):
            continue
        source, target = id_map.get(item.get("source", "")), id_map.get(item.get("target", ""))
        if source is None or target is None:
            continue
        commands.append(AddEdgeCommand(design, Edge(
            source, str(item.get("source_port", "")), target, str(item.get("target_port", "")))))
    text = QCoreApplication.translate("DesignerClipboard", "Paste {count} nodes").format(
        count=len(nodes))
    return MacroCommand(text, commands), [n.id for n in nodes]


def _unique(title: str, taken: set[str]) -> str:
    if title not in taken:
        return title
    base = title
    parts = title.rsplit(" ", 1)
    if len(parts) == 2 and parts[1].isdigit():
        base = parts[0]
    number = 2
    while f"{base} {number}" in taken:
        number += 1
    return f"{base} {number}"
