"""Model commands the editor needs beyond `desktop_app.designer.commands`.

`ConnectCommand` looks its nodes up when it is *built* (for its text), so it
cannot be prepared in the same step that adds one of its nodes (paste, "add
a node and connect the wire I dropped"). This one looks nothing up until
`do()`. Qt-free like the model's own commands.
"""

from __future__ import annotations

from desktop_app.designer import Command, Design, Edge


class AddEdgeCommand(Command):
    """Connect two nodes that may not exist yet when the command is built."""

    def __init__(self, design: Design, edge: Edge, text: str = "Connect") -> None:
        self.design, self.edge = design, edge
        self.text = text

    def do(self) -> None:
        self.design.add_edge(self.edge)

    def undo(self) -> None:
        self.design.disconnect(self.edge)
