"""A run's artifacts: a list on the left, the chosen one shown natively on the right.

Markdown (and link artifacts, which Prefect stores as markdown) in a
QTextBrowser whose links open in the browser only after
`services.artifacts.link_refusal` allows them; tables in a real table view;
progress as a bar that moves when the owner hands in newer data. Malformed
data is described in words with the raw data below, never an exception.
The owner (`RunDetailPane`) decides when to read: while the run is live and
this tab is visible, on its poll.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api.artifact_models import ArtifactInfo
from desktop_app.services.artifacts import Shown, Table, link_refusal, one_line, shown
from desktop_app.ui.forms.banner import Banner
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.runs.formatting import format_full_time

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ArtifactTableModel(QAbstractTableModel):
    """A table artifact's rows (strings already: `services.artifacts.parse_table`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = Table((), (), 0)

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.table.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.table.rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.table.columns[section]
        return str(section + 1)


class ArtifactsView(Retranslating, QWidget):
    """Set with `set_artifacts()`; keeps the chosen artifact across updates."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.artifacts: list[ArtifactInfo] = []
        self.task_names: dict[str, str] = {}
        self.current: ArtifactInfo | None = None
        self.shown: Shown | None = None
        self.open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl
        """How an allowed link is opened (a test puts a recorder here)."""
        self.empty_words: Callable[[], str] | None = None
        """The words when there is nothing to show (the owner's own, if set)."""
        self._loaded = False
        self._lines: dict[tuple[str, object], str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(self)
        self.empty.setEnabled(False)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.list = QListWidget(self.splitter, objectName="artifactList")
        self.list.setSpacing(3)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.currentItemChanged.connect(lambda *_: self._on_current())
        right = QWidget(self.splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(right)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right_layout.addWidget(self.title)
        self.banner = Banner(right)
        right_layout.addWidget(self.banner)
        self.stack = QStackedWidget(right)
        self.browser = QTextBrowser(self.stack, objectName="artifactMarkdown")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.follow_link)
        self.table_model = ArtifactTableModel(self)
        self.table = QTableView(self.stack, objectName="artifactTable")
        self.table.setModel(self.table_model)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.progress_page = QWidget(self.stack)
        progress_layout = QVBoxLayout(self.progress_page)
        self.bar = QProgressBar(self.progress_page)
        self.bar.setRange(0, 1000)
        progress_layout.addWidget(self.bar)
        progress_layout.addStretch(1)
        self.raw = QPlainTextEdit(self.stack)
        self.raw.setReadOnly(True)
        for page in (self.browser, self.table, self.progress_page, self.raw):
            self.stack.addWidget(page)
        right_layout.addWidget(self.stack, 1)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([280, 600])
        layout.addWidget(self.splitter, 1)
        self.retranslate()
        self._update_empty()

    def retranslate(self) -> None:
        self._empty_text()
        self._fill_list()
        if self.current is not None:
            self._render(self.current, force=True)

    def _empty_text(self) -> None:
        self.empty.setText(
            self.tr("Loading artifacts…")
            if not self._loaded
            else self.empty_words()
            if self.empty_words is not None
            else self.tr(
                "This run made no artifacts. A flow makes them with Prefect's "
                "create_markdown_artifact, create_table_artifact, create_link_artifact or "
                "create_progress_artifact."
            )
        )

    # -- data ----------------------------------------------------------------------
    def clear(self) -> None:
        self._loaded = False
        self._lines.clear()
        self.artifacts = []
        self.current = None
        self.shown = None
        self.list.clear()
        self.retranslate()
        self._update_empty()

    def set_artifacts(self, artifacts: list[ArtifactInfo], task_names: dict[str, str]) -> None:
        """Newer data for the list; the chosen artifact is re-shown only if it changed."""
        self._loaded = True
        self.artifacts = list(artifacts)
        self.task_names = dict(task_names)
        self._empty_text()
        self._fill_list()  # re-shows the chosen artifact only if its data changed
        self._update_empty()
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def _label(self, artifact: ArtifactInfo) -> str:
        name = artifact.key or self.tr("(no key)")
        kind = self._kind_word(artifact.type)
        where = self.task_names.get(artifact.task_run_id or "") if artifact.task_run_id else None
        # The list is refreshed on every poll of a live run: a big table is read once per
        # version (`updated`), not every two seconds.
        stamp = (artifact.id, artifact.updated)
        line = self._lines.get(stamp)
        if line is None:
            line = self._lines[stamp] = one_line(artifact, 48)
        text = f"{name} · {kind}"
        if where:
            text += " · " + self.tr("task {name}").format(name=where)
        return text + (f"\n{line}" if line else "")

    def _kind_word(self, kind: str) -> str:
        words = {
            "markdown": self.tr("markdown"),
            "table": self.tr("table"),
            "progress": self.tr("progress"),
            "image": self.tr("image"),
            "result": self.tr("result"),
        }
        return words.get(kind, kind or self.tr("unknown"))

    def _fill_list(self) -> None:
        chosen = self.current.id if self.current else None
        ids = [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]
        self.list.blockSignals(True)
        try:
            if ids == [a.id for a in self.artifacts]:  # same list: new texts, no jump
                for row, artifact in enumerate(self.artifacts):
                    self.list.item(row).setText(self._label(artifact))
            else:
                self.list.clear()
                for artifact in self.artifacts:
                    item = QListWidgetItem(self._label(artifact))
                    item.setData(ID_ROLE, artifact.id)
                    self.list.addItem(item)
                    if artifact.id == chosen:
                        self.list.setCurrentItem(item)
        finally:
            self.list.blockSignals(False)
        if chosen is not None:
            fresh = next((a for a in self.artifacts if a.id == chosen), None)
            if fresh is None:
                self.current = None
            elif fresh != self.current:
                self._render(fresh)

    def _update_empty(self) -> None:
        has = bool(self.artifacts)
        self.empty.setVisible(not has)
        self.splitter.setVisible(has)

    def _on_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        chosen = item.data(ID_ROLE)
        artifact = next((a for a in self.artifacts if a.id == chosen), None)
        if artifact is not None:
            self._render(artifact, force=True)

    def select_key(self, key: str) -> bool:
        for row, artifact in enumerate(self.artifacts):
            if artifact.key == key:
                self.list.setCurrentRow(row)
                return True
        return False

    # -- showing ---------------------------------------------------------------------
    def _render(self, artifact: ArtifactInfo, force: bool = False) -> None:
        if not force and self.current == artifact:
            return
        self.current = artifact
        view = shown(artifact)
        self.shown = view
        title = artifact.key or self.tr("(no key)")
        if artifact.description:
            title += f" — {artifact.description.strip().splitlines()[0]}"
        stamp = artifact.updated or artifact.created
        if stamp is not None:
            title += "\n" + self.tr("Updated {time}").format(time=format_full_time(stamp))
        self.title.setText(title)
        self.banner.clear()
        if view.kind == "problem":
            self.banner.show_message(
                self.tr("This artifact's data cannot be shown: {problem}").format(
                    problem=view.problem
                ),
                "warning",
            )
            self.raw.setPlainText(view.raw)
            self.stack.setCurrentWidget(self.raw)
            return
        if view.note:
            self.banner.show_message(view.note, "info")
        if view.kind == "table" and view.table is not None:
            self.table_model.set_table(view.table)
            self.stack.setCurrentWidget(self.table)
        elif view.kind == "progress" and view.progress is not None:
            self.bar.setValue(round(view.progress * 10))
            self.bar.setFormat(f"{view.progress:g}%")
            self.stack.setCurrentWidget(self.progress_page)
        else:
            self.browser.setMarkdown(view.markdown)
            self.stack.setCurrentWidget(self.browser)

    def follow_link(self, url: QUrl) -> None:
        """Open a web or mail link; say in words why any other is not opened."""
        refusal = link_refusal(url.toString())
        if refusal is not None:
            self.banner.show_message(refusal, "warning")
            return
        if not self.open_url(url):
            self.banner.show_message(
                self.tr("No browser could open {url}.").format(url=url.toString()), "warning"
            )
