"""`QUndoCommand` adapters around the model's plain commands.

The model's commands (`desktop_app.designer.commands`) do the work; this thin
wrapper lets `QUndoStack` drive them (`redo` → `do`, `undo` → `undo`,
`mergeWith` → `merge_with`), so the Edit menu, the clean state and Qt's undo
view come for free while the model stays Qt-free.

A command is *done before* it is pushed (`push_done`): if the model refuses
it (a connection that would close a loop, say), the exception reaches the
caller and nothing enters the history. `QUndoStack.push` would otherwise call
`redo()` itself, where an exception cannot stop the push.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop_app.designer import Command

MERGE_ID = 0x464C44  # "FLD": one id for all mergeable commands; keys decide in mergeWith


class ModelUndoCommand(QUndoCommand):
    """One model command in a `QUndoStack`."""

    def __init__(self, command: Command, *, done: bool = True) -> None:
        super().__init__(command.text)
        self.command = command
        self._skip_redo = done

    def redo(self) -> None:
        if self._skip_redo:  # the first redo comes from push(); the work is done already
            self._skip_redo = False
            return
        self.command.do()

    def undo(self) -> None:
        self.command.undo()

    def id(self) -> int:
        return MERGE_ID if self.command.merge_key() is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ModelUndoCommand):
            return False
        key = self.command.merge_key()
        if key is None or key != other.command.merge_key():
            return False
        if not self.command.merge_with(other.command):
            return False
        self.setText(self.command.text)
        return True


def push_done(stack: QUndoStack, command: Command) -> None:
    """Do `command` now, then record it; raises (recording nothing) if the model refuses."""
    command.do()
    stack.push(ModelUndoCommand(command, done=True))
