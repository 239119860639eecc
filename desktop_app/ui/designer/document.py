"""The open design as a document: its file, its undo history, save and autosave.

"Modified" means the undo stack is not at its clean index (orange-canvas-core's
rule), or the design came from an autosave and was not saved since. Opening
only ever reads; a failed open leaves the current design untouched, and a
failed save leaves the design in memory exactly as it was, so nothing the
person did is lost to a disk error.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop_app.core.config import paths
from desktop_app.designer import (
    Command,
    Design,
    DesignError,
    DesignSaveError,
    autosave_path,
    load,
    save,
)
from desktop_app.designer.fileformat import FILE_SUFFIX
from desktop_app.designer.recovery import (
    Recovery,
    list_recoveries,
    read_recovery,
    recovery_file,
    recovery_for,
    remove_recovery,
    write_recovery,
)
from desktop_app.ui.designer.undo import push_done


def recovery_dir() -> Path:
    """Where recovery copies of open designs are written (in the data folder)."""
    return paths.data_dir() / "recovery"


class DesignDocument(QObject):
    """Holds the `Design` being edited; every edit goes through `push`."""

    changed = Signal()
    """The modified state, the path or the design itself changed: update titles."""
    design_replaced = Signal(object)
    """A different `Design` is now open (new, open, restore): views rebuild."""
    refused = Signal(str)
    """An edit the model refused, in words (shown in the status line)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.design = Design(self.tr("Untitled design"))
        self.path: Path | None = None
        self._restored = False
        self.autosave_error = ""
        self._autosaved: tuple[int, Path | None] | None = None
        self._edits = 0
        """Counts every change of the undo stack's position: what autosave compares."""
        self.undo_stack.indexChanged.connect(self._count_edit)

    def _count_edit(self, _index: int) -> None:
        self._edits += 1

    def _clean_changed(self, _clean: bool) -> None:
        self.changed.emit()

    # -- state ---------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return self._restored or not self.undo_stack.isClean()

    def display_name(self) -> str:
        """The file's name, or the design's own name until it has a file."""
        if self.path is not None:
            return self.path.name
        return self.design.name.strip() or self.tr("Untitled")

    def title(self) -> str:
        """"pausable_loop.flowdesk.json •" while modified."""
        return self.display_name() + (" •" if self.modified else "")

    def default_folder(self) -> Path:
        return self.path.parent if self.path is not None else paths.designs_dir()

    def suggested_path(self) -> Path:
        """Where Save would put an untitled design (named after the design)."""
        from desktop_app.designer.names import slugify

        stem = slugify(self.design.name) or "design"
        return self.default_folder() / f"{stem}{FILE_SUFFIX}"

    # -- editing -------------------------------------------------------------------
    def push(self, command: Command) -> bool:
        """Do and record `command`; False (and `refused` emitted) if the model says no."""
        try:
            push_done(self.undo_stack, command)
        except DesignError as exc:
            self.refused.emit(str(exc))
            return False
        return True

    # -- files ---------------------------------------------------------------------
    def _replace(self, design: Design, path: Path | None, restored: bool = False) -> None:
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.design = design
        self.path = path
        self._restored = restored
        self.autosave_error = ""
        self._autosaved = None
        self.design_replaced.emit(design)
        self.changed.emit()

    def new(self) -> None:
        self.discard_autosave()
        self._replace(Design(self.tr("Untitled design")), None)

    def open(self, path: Path) -> None:
        """Load `path`; raises `DesignFileError` and changes nothing if it cannot be read."""
        design = load(path)
        self._replace(design, Path(path))

    def open_copy(self, path: Path, name: str) -> None:
        """Load `path` as a new, unsaved design called `name` (examples: never the original)."""
        from desktop_app.designer.nodes import new_id

        design = load(path)
        design.name = name
        design.id = new_id()
        self._replace(design, None, restored=True)

    def newer_autosave(self) -> Path | None:
        """The open file's recovery copy when it is newer than the file (offer to restore)."""
        if self.path is None:
            return None
        found = recovery_for(recovery_dir(), self.path)
        return found.path if found is not None else None

    def restore_autosave(self, recovery: Path, original: Path | None = None) -> None:
        """Open the recovery copy as the design it belongs to, unsaved (raises on failure)."""
        design, recorded = read_recovery(recovery)
        self._replace(design, original or recorded, restored=True)
        self._autosaved = (self._edits, self.path)

    def save(self, path: Path | None = None) -> Path:
        """Save atomically (to `path` or the current file); raises `DesignSaveError`."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise DesignSaveError(self.suggested_path(), self.tr("Choose where to save first."))
        save(self.design, target)
        self.discard_autosave()  # the recovery copy under the old name (or none) is stale
        self.path = target
        self.discard_autosave()
        self._restored = False
        self.autosave_error = ""
        self.undo_stack.setClean()
        self.changed.emit()
        return target

    def autosave_target(self) -> Path:
        """The recovery file that protects this design while it has unsaved changes."""
        return recovery_file(recovery_dir(), self.design, self.path)

    def write_autosave(self) -> Path | None:
        """Write the recovery copy if there are unsaved changes not yet in it.

        Returns the copy (also when it was already up to date), None when
        there is nothing unsaved or the write failed; the error is kept in
        `autosave_error`, not raised: autosave must never interrupt editing.
        """
        if not self.modified:
            return None
        state = (self._edits, self.path)  # cheap: no serialising a big design every 3 s
        if state == self._autosaved and self.autosave_target().exists():
            return self.autosave_target()
        try:
            written = write_recovery(recovery_dir(), self.design, self.path)
        except (DesignSaveError, OSError) as exc:
            self.autosave_error = str(exc)
            return None
        self.autosave_error = ""
        self._autosaved = state
        return written

    def discard_changes(self) -> None:
        """The person chose to lose the unsaved changes (closing): drop the recovery copy too."""
        self.discard_autosave()
        self._restored = False
        self.undo_stack.setClean()
        self.changed.emit()

    def discard_autosave(self) -> None:
        remove_recovery(recovery_dir(), self.design, self.path)
        self._autosaved = None


def orphan_autosaves(folder: Path | None = None) -> list[Recovery]:
    """Recovery copies left by an earlier session (the app stopped before Save or Discard)."""
    return list_recoveries(folder or recovery_dir())


__all__ = ["DesignDocument", "autosave_path", "orphan_autosaves", "recovery_dir"]
