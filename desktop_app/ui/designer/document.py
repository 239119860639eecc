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

from desktop_app.core import paths
from desktop_app.designer import (
    Command,
    Design,
    DesignError,
    DesignSaveError,
    autosave_path,
    load,
    newer_autosave,
    remove_autosave,
    save,
    write_autosave,
)
from desktop_app.designer.fileformat import FILE_SUFFIX
from desktop_app.ui.designer.undo import push_done

UNTITLED_PREFIX = ".untitled-"


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

    def _clean_changed(self, _clean: bool) -> None:
        self.changed.emit()

    # -- state ---------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return self._restored or not self.undo_stack.isClean()

    def display_name(self) -> str:
        return self.path.name if self.path is not None else self.tr("Untitled")

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
        self.design_replaced.emit(design)
        self.changed.emit()

    def new(self) -> None:
        self.discard_autosave()
        self._replace(Design(self.tr("Untitled design")), None)

    def open(self, path: Path) -> None:
        """Load `path`; raises `DesignFileError` and changes nothing if it cannot be read."""
        design = load(path)
        self._replace(design, Path(path))

    def newer_autosave(self) -> Path | None:
        """The open file's autosave when it is newer than the file (offer to restore)."""
        return newer_autosave(self.path) if self.path is not None else None

    def restore_autosave(self, recovery: Path, original: Path | None) -> None:
        """Open the autosave `recovery` as if it were `original`, unsaved (raises on failure)."""
        design = load(recovery)
        self._replace(design, original, restored=True)

    def save(self, path: Path | None = None) -> Path:
        """Save atomically (to `path` or the current file); raises `DesignSaveError`."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise DesignSaveError(self.suggested_path(), self.tr("Choose where to save first."))
        previous_autosave = self.autosave_target()
        save(self.design, target)
        if previous_autosave != target:  # an untitled design's recovery file is now stale
            remove_autosave(previous_autosave)
        self.path = target
        self._restored = False
        self.autosave_error = ""
        self.undo_stack.setClean()
        self.changed.emit()
        return target

    def autosave_target(self) -> Path:
        """The file whose `.autosave` sibling protects this design."""
        if self.path is not None:
            return self.path
        return paths.designs_dir() / f"{UNTITLED_PREFIX}{self.design.id}{FILE_SUFFIX}"

    def write_autosave(self) -> Path | None:
        """Write the recovery copy if there are unsaved changes; the error is kept, not raised."""
        if not self.modified:
            return None
        try:
            written = write_autosave(self.design, self.autosave_target())
        except (DesignSaveError, OSError) as exc:
            self.autosave_error = str(exc)
            return None
        self.autosave_error = ""
        return written

    def discard_changes(self) -> None:
        """The person chose to lose the unsaved changes (closing): drop the recovery copy too."""
        self.discard_autosave()
        self._restored = False
        self.undo_stack.setClean()
        self.changed.emit()

    def discard_autosave(self) -> None:
        try:
            remove_autosave(self.autosave_target())
        except OSError:
            pass


def orphan_autosaves(folder: Path | None = None) -> list[Path]:
    """Recovery files of designs that were never saved (the app stopped before Save)."""
    folder = folder or paths.designs_dir()
    pattern = f"{UNTITLED_PREFIX}*{FILE_SUFFIX}.autosave"
    return sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)


__all__ = ["DesignDocument", "autosave_path", "orphan_autosaves"]
