"""An undo stack for designer commands without Qt, for the tests.

The product uses `QUndoStack` (desktop_app/ui/designer/undo.py); this has the
same semantics, so the command tests need no display: `push` does the
command, undo/redo move an index, a new push drops the redo tail, and
"modified" means "not at the clean index" (set when the file is saved).
"""

from __future__ import annotations

from desktop_app.designer.commands import Command
from desktop_app.designer.observers import Signal


class CommandStack:
    """Linear undo history; `changed()` is emitted after every push/undo/redo/clean change."""

    def __init__(self, limit: int = 0) -> None:
        self.limit = limit
        """Most commands kept (0: unlimited); the oldest are dropped first."""
        self._commands: list[Command] = []
        self._index = 0
        self._clean: int | None = 0
        self.changed = Signal("changed")

    @property
    def index(self) -> int:
        """How many commands are currently done."""
        return self._index

    def __len__(self) -> int:
        return len(self._commands)

    def push(self, command: Command) -> None:
        """Do `command` and record it; if `do` raises, nothing is recorded."""
        command.do()
        del self._commands[self._index:]
        if self._clean is not None and self._clean > self._index:
            self._clean = None  # the clean state was in the redo tail: unreachable now
        top = self._commands[-1] if self._commands else None
        # Never merge into the saved state: undo must be able to return to it.
        merged = (top is not None and self._clean != self._index
                  and command.merge_key() is not None
                  and top.merge_key() == command.merge_key() and top.merge_with(command))
        if not merged:
            self._commands.append(command)
            self._index += 1
            if self.limit and len(self._commands) > self.limit:
                drop = len(self._commands) - self.limit
                del self._commands[:drop]
                self._index -= drop
                if self._clean is not None:
                    self._clean = self._clean - drop if self._clean >= drop else None
        self.changed.emit()

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._commands)

    def undo(self) -> None:
        if not self.can_undo():
            return
        self._commands[self._index - 1].undo()
        self._index -= 1
        self.changed.emit()

    def redo(self) -> None:
        if not self.can_redo():
            return
        self._commands[self._index].do()
        self._index += 1
        self.changed.emit()

    def undo_text(self) -> str:
        return self._commands[self._index - 1].text if self.can_undo() else ""

    def redo_text(self) -> str:
        return self._commands[self._index].text if self.can_redo() else ""

    def is_clean(self) -> bool:
        """True when the design matches what was last saved (nothing to save)."""
        return self._clean == self._index

    def set_clean(self) -> None:
        """Mark the current state as saved."""
        self._clean = self._index
        self.changed.emit()

    def clear(self) -> None:
        """Forget all history (after loading another design); the state is clean."""
        self._commands.clear()
        self._index = 0
        self._clean = 0
        self.changed.emit()
