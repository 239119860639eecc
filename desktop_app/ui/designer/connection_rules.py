"""Whether a wire may go from one port to another, with the reason in the person's language.

The model's `Design.can_connect` is the authority on structure (cycles, one
feeder per input, existing ports). The editor adds the declared-type check
(validation would report it later; refusing at drop time is kinder) and
words each refusal itself, so it is translated: the model speaks English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.designer import Design, Edge
from desktop_app.designer.nodes import types_compatible
from desktop_app.designer.topology import reaches


def connection_verdict(design: Design, source: str, source_port: str, target: str,
                       target_port: str, ignore: Edge | None = None) -> tuple[bool, str]:
    """(allowed, reason): `ignore` is an edge being re-routed (it will be removed first)."""
    if source not in design or target not in design:
        return False, QCoreApplication.translate(
            "DesignerConnections", "One end of the connection is not in this design.")
    src = design.nodes[source]
    tgt = design.nodes[target]
    if ignore is not None and ignore == Edge(source, source_port, target, target_port):
        return True, ""
    out = src.output_port(source_port)
    into = tgt.input_port(target_port)
    if out is None or into is None:
        return False, QCoreApplication.translate(
            "DesignerConnections", "Connect an output (right side) to an input (left side).")
    if source == target:
        return False, QCoreApplication.translate(
            "DesignerConnections", "'{node}' cannot feed itself.").format(node=src.title)
    existing = design.edge_into(target, target_port)
    if existing is not None and existing != ignore:
        feeder = design.nodes[existing.source].title
        return False, QCoreApplication.translate("DesignerConnections",
            "Input '{port}' of '{node}' is already fed by '{feeder}'; drag that wire "
            "off it first.").format(port=target_port, node=tgt.title, feeder=feeder)
    allowed, reason = design.can_connect(source, source_port, target, target_port)
    if not allowed:
        if reaches(target, source, lambda n: (e.target for e in design.outgoing(n))):
            return False, QCoreApplication.translate("DesignerConnections",
                "'{source}' already depends on '{target}': this connection would make a "
                "loop.").format(source=src.title, target=tgt.title)
        return False, reason
    if not types_compatible(out.type, into.type):
        return False, QCoreApplication.translate("DesignerConnections",
            "Types do not match: '{source}' gives {given} ('{port}'), but input '{input}' "
            "of '{target}' expects {expected}.").format(
                source=src.title, given=out.type, port=source_port, input=target_port,
                target=tgt.title, expected=into.type)
    return True, ""
