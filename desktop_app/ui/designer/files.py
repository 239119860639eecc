"""The designer's file side: new, open, examples, save, autosave, recovery, "may it close?".

A mixin of `DesignerWidget` (it uses the widget's document, notice bar,
status line and view): split out because files are their own story. Every
question is asked without a modal `exec()` (qasync), and nothing is ever lost:
before a question opens, the recovery copy is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_app.core.config import paths
from desktop_app.designer import DesignFileError, DesignSaveError, load
from desktop_app.designer.fileformat import FILE_SUFFIX
from desktop_app.designer.recovery import Recovery, recovery_for
from desktop_app.ui.designer.basics import DesignerBasicsDialog, examples_folder, is_example
from desktop_app.ui.designer.document import orphan_autosaves, recovery_dir

if TYPE_CHECKING:
    from desktop_app.ui.designer.document import DesignDocument
    from desktop_app.ui.designer.notice import NoticeBar


class DesignFilesMixin:
    """File actions of the designer widget (see the module docstring)."""

    document: DesignDocument
    notice: NoticeBar
    basics_dialog: DesignerBasicsDialog | None
    _question: QMessageBox | None
    _after_answer: Callable[[], None] | None
    _after_cancel: Callable[[], None] | None
    _file_dialog: QFileDialog | None
    _autosave_warned: str

    def new_design(self) -> None:
        self._confirm_discard(self.document.new)

    def open_design(self, path: Path) -> None:
        """Open a design file (asks first if the current one has unsaved changes).

        A shipped example opens as a copy: the original is never written.
        """
        if is_example(Path(path)):
            self.open_example(Path(path))
            return
        self._confirm_discard(lambda: self._open(Path(path)))

    def open_example(self, path: Path) -> None:
        """Open a shipped example as a new unsaved design (Save puts it in your folder)."""
        self._confirm_discard(lambda: self._open_copy(Path(path)))

    def _open_copy(self, path: Path) -> None:
        try:
            name = load(path).name
            self.document.open_copy(path, self.tr("{name} (copy)").format(name=name))
        except DesignFileError as exc:
            self.notice.show_message(
                self.tr("Could not open the example {file}.").format(file=path.name)
                + "\n" + str(exc), "error")
            return
        self.notice.show_message(
            self.tr("This is a copy of the example “{name}”: change it freely, Save keeps it in "
                    "your designs folder.").format(name=name), "info")

    def show_basics(self) -> DesignerBasicsDialog:
        """Help ▸ Designer basics: a short page on adding, connecting and running."""
        if self.basics_dialog is None:
            self.basics_dialog = DesignerBasicsDialog(self)
        self.basics_dialog.show()
        self.basics_dialog.raise_()
        return self.basics_dialog

    def _open(self, path: Path) -> bool:
        try:
            self.document.open(path)
        except DesignFileError as exc:
            actions = []
            recovery = recovery_for(recovery_dir(), path)
            if recovery is not None:
                actions.append((self.tr("Open its autosave"),
                                lambda: self._restore(recovery.path, path)))
            self.notice.show_message(
                self.tr("Could not open {file}; nothing was changed.").format(file=path.name)
                + "\n" + str(exc), "error", actions)
            return False
        self.notice.clear()
        recovery_path = self.document.newer_autosave()
        if recovery_path is not None:
            self.notice.show_message(
                self.tr("{file} has an autosave newer than the file (unsaved changes from an "
                        "earlier session). Restore it?").format(file=path.name), "warning",
                [(self.tr("Restore"), lambda: self._restore(recovery_path, path)),
                 (self.tr("Discard it"), self.document.discard_autosave)])
        self.show_status(self.tr("Opened {file}").format(file=path.name))
        return True

    def _restore(self, recovery: Path, original: Path | None) -> None:
        try:
            self.document.restore_autosave(recovery, original)
        except DesignFileError as exc:
            self.notice.show_message(self.tr("Could not restore the autosave:") + "\n" + str(exc),
                                     "error", [(self.tr("Discard it"),
                                                lambda: self._discard_orphans([recovery]))])
            return
        self.notice.clear()
        self.show_status(self.tr("Restored unsaved changes; save to keep them."))

    def _offer_orphan_recovery(self) -> None:
        """At start: offer the newest design an earlier session left unsaved (crash, kill)."""
        orphans = [r for r in orphan_autosaves() if r.path != self.document.autosave_target()]
        if not orphans:
            return
        newest = orphans[0]
        where = (self.tr("belongs to {file}").format(file=newest.original.name)
                 if newest.original is not None else self.tr("never saved"))
        text = self.tr("Unsaved changes to “{name}” ({where}) were kept when Flowdesk "
                       "stopped. Restore them?").format(name=newest.name, where=where)
        if len(orphans) > 1:
            text += " " + self.tr("(1 of {count})").format(count=len(orphans))
        self.notice.show_message(
            text, "warning",
            [(self.tr("Restore"), lambda: self._restore_orphan(newest)),
             (self.tr("Discard"), lambda: self._discard_orphan(newest))])

    def _restore_orphan(self, recovery: Recovery) -> None:
        self._confirm_discard(lambda: self._restore(recovery.path, None))

    def _discard_orphan(self, recovery: Recovery) -> None:
        self._discard_orphans([recovery.path])
        self.notice.clear()
        self._offer_orphan_recovery()

    def _discard_orphans(self, orphans: list[Path]) -> None:
        for path in orphans:
            try:
                path.unlink()
            except OSError:
                pass

    def _file_filter(self) -> str:
        return self.tr("Flowdesk designs (*.flowdesk.json);;JSON files (*.json);;All files (*)")

    def open_dialog(self) -> None:
        """Open…: starts in your designs folder; the examples are one click away (sidebar)."""
        dialog = QFileDialog(self, self.tr("Open design"), str(self.document.default_folder()),
                             self._file_filter())
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the sidebar needs Qt's own
        dialog.setSidebarUrls([QUrl.fromLocalFile(str(paths.designs_dir())),
                               QUrl.fromLocalFile(str(examples_folder())),
                               QUrl.fromLocalFile(str(Path.home()))])
        dialog.fileSelected.connect(lambda name: self.open_design(Path(name)))
        self._file_dialog = dialog
        dialog.open()

    def save(self, then: Callable[[], None] | None = None) -> bool:
        """Save to the current file (asks where for a new design); True if saved now."""
        if self.document.path is None:
            self.save_as_dialog(then)
            return False
        return self.save_as(self.document.path, then)

    def save_as(self, path: Path, then: Callable[[], None] | None = None) -> bool:
        path = Path(path)
        if not path.name.endswith(".json"):
            path = path.with_name(path.name + FILE_SUFFIX)
        try:
            saved = self.document.save(path)
        except DesignSaveError as exc:
            self.notice.show_message(
                self.tr("Not saved — your design is still open here, nothing was lost.")
                + "\n" + str(exc), "error",
                [(self.tr("Save as…"), lambda: self.save_as_dialog(then))])
            return False
        if self.notice.kind == "error":
            self.notice.clear()
        self.show_status(self.tr("Saved {file}").format(file=saved.name))
        if then is not None:
            then()
        return True

    def save_as_dialog(self, then: Callable[[], None] | None = None) -> None:
        dialog = QFileDialog(self, self.tr("Save design as"), str(self.document.suggested_path()),
                             self._file_filter())
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("flowdesk.json")
        dialog.fileSelected.connect(lambda name: self.save_as(Path(name), then))
        self._file_dialog = dialog
        dialog.open()

    def autosave(self) -> Path | None:
        """Write the recovery copy if there are unsaved changes (every 3 s and on close)."""
        written = self.document.write_autosave()
        error = self.document.autosave_error
        if error and error != self._autosave_warned:
            self._autosave_warned = error
            self.notice.show_message(self.tr("Autosave failed (your design is still open):")
                                     + "\n" + error, "warning")
        return written

    def _confirm_discard(self, then: Callable[[], None],
                         cancelled: Callable[[], None] | None = None) -> None:
        """Run `then` now if nothing is unsaved; else ask Save / Discard / Cancel (non-modal).

        Asked once at a time: a second request while the question is open
        replaces what happens after the answer (the latest wish wins).
        """
        if not self.document.modified:
            then()
            return
        self.autosave()  # whatever is answered (or if the app dies now), nothing is lost
        self._after_answer = then
        self._after_cancel = cancelled
        if self._question is not None and self._question.isVisible():
            self._question.raise_()
            self._question.activateWindow()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("Save the changes to {name}?").format(
                              name=self.document.display_name()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("designerUnsavedQuestion")
        box.setInformativeText(self.tr("If you discard them, they are gone."))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        buttons = {QMessageBox.StandardButton.Save: self.tr("&Save"),
                   QMessageBox.StandardButton.Discard: self.tr("&Discard"),
                   QMessageBox.StandardButton.Cancel: self.tr("Cancel")}
        for which, text in buttons.items():
            box.button(which).setText(text)

        def answered(button) -> None:
            choice = box.standardButton(button)
            after, on_cancel = self._after_answer, self._after_cancel
            self._after_answer = self._after_cancel = None
            if choice == QMessageBox.StandardButton.Cancel and on_cancel is not None:
                on_cancel()
            if after is None:
                return
            if choice == QMessageBox.StandardButton.Save:
                self.save(after)
            elif choice == QMessageBox.StandardButton.Discard:
                self.document.discard_changes()
                after()

        box.buttonClicked.connect(answered)
        self._question = box
        box.open()

    def confirm_close(self, then: Callable[[], None],
                      cancelled: Callable[[], None] | None = None) -> bool:
        """The one "may the designer close?" check (quit, tray quit, profile switch…).

        Without unsaved changes `then` runs now and True is returned. With
        them the recovery copy is written first (so even a kill now loses
        nothing), Save / Discard / Cancel is asked without a modal `exec()`
        (qasync), False is returned, and `then` runs after Save or Discard;
        Cancel leaves everything as it was (and calls `cancelled`).
        """
        if not self.document.modified:
            then()
            return True
        self._confirm_discard(then, cancelled)
        return False

    def maybe_close(self) -> bool:
        """`confirm_close` that emits `close_approved` after Save or Discard."""
        return self.confirm_close(self.close_approved.emit)

    def save_before_deploy(self, then: Callable[[], None]) -> bool:
        """Deploy serves what the file holds: save first (True if it is saved now).

        A design never saved goes to its suggested file in the designs folder
        when that name is free, and otherwise asks where (then `then` runs).
        """
        document = self.document
        if document.path is None:
            suggested = document.suggested_path()
            if suggested.exists():
                self.show_status(self.tr("Save the design first; it is deployed right after."))
                self.save_as_dialog(then)
                return False
            return self.save_as(suggested)
        if document.modified:
            return self.save()
        return True
