"""Above the deployments table: where the user's flows live, and what the runner refused.

A flow file that does not import, or that defines a flow name another file
already serves, produces no deployment -- so the table alone cannot show it.
The runner's status file says so; this strip turns it into words (translated)
and follows it live through a file-system watch, not a timer. Only the
managed local server has a runner of ours: for a remote profile the strip
stays hidden.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.config import paths
from desktop_app.core.serving.flow_ownership import FlowReport, read_flow_report
from desktop_app.core.serving.runner_status import runner_status_file
from desktop_app.core.serving.user_flows import ensure_user_flows_folder
from desktop_app.ui.context import AppContext
from desktop_app.ui.forms.banner import Banner

log = logging.getLogger(__name__)


def open_user_flows_folder() -> tuple[bool, Path]:
    """Show the user's flows folder in the system file manager (created if missing)."""
    folder = ensure_user_flows_folder()
    opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
    if not opened:
        log.warning("no file manager opened %s", folder)
    return opened, folder


class FlowNotes(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flowNotes")
        self.context = context
        self.report = FlowReport()
        self.banner = Banner(self)
        self.banner.setObjectName("flowProblems")
        self.folder = QLabel(self, objectName="userFlowsFolder")
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self, objectName="openFlowsFolder")
        self.open_button.clicked.connect(self._open_folder)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.banner)
        layout.addLayout(row)
        # The status file is replaced atomically (a rename): watch its folder.
        self.watcher = QFileSystemWatcher([str(runner_status_file().parent)], self)
        self.watcher.directoryChanged.connect(lambda _p: self.refresh())
        context.switched.connect(lambda: self.refresh(force=True))
        self.refresh(force=True)

    @property
    def local(self) -> bool:
        """Only the managed local server has a runner of ours (not a remote profile)."""
        return self.context.manager is not None

    def refresh(self, force: bool = False) -> None:
        self.setVisible(self.local)
        if not self.local:
            return
        report = read_flow_report()
        if report == self.report and not force:
            return
        self.report = report
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)

    def short(self, path: str) -> str:
        """A file as the user knows it: relative to their flows folder, or an example's name."""
        file = Path(path)
        for folder, template in (
            (self.report.user_folder, "{name}"),
            (self.report.example_folder, self.tr("example {name}")),
        ):
            if folder and file.is_relative_to(folder):
                return template.format(name=file.relative_to(folder).as_posix())
        return path

    def lines(self) -> list[str]:
        report, short = self.report, self.short
        lines = [
            self.tr("{file} cannot be served: {error}").format(
                file=short(path), error=error.strip().splitlines()[-1] if error else ""
            )
            for path, error in report.load_errors.items()
        ]
        lines += [
            self.tr(
                "{flow} is defined twice: {file} is not served for it, because {owner} "
                "already serves that name. Rename one of the flows."
            ).format(flow=c.deployment, file=short(c.path), owner=short(c.owner))
            for c in report.clashes
        ]
        lines += [
            self.tr("{flow}: your {file} is served instead of the {example}.").format(
                flow=s.deployment, file=short(s.path), example=short(s.example)
            )
            for s in report.shadowed
        ]
        return ["• " + line for line in lines]

    def _render(self) -> None:
        lines = self.lines()
        if lines:
            self.banner.show_message(
                "\n".join(lines), "warning" if self.report.has_problems else "info"
            )
            details = [f"{p}\n{e}" for p, e in self.report.load_errors.items()]
            details += [f"{c.path}\n{c.owner}" for c in self.report.clashes]
            self.banner.setToolTip("\n\n".join(details))
        else:
            self.banner.clear()
        self.folder.setText(
            self.tr(
                "Your flows: {path} — add or edit a .py file there; the next run uses it. "
                "The examples are read-only."
            ).format(path=paths.user_flows_dir())
        )
        self.open_button.setText(self.tr("Open flows folder"))

    def _open_folder(self) -> None:
        opened, folder = open_user_flows_folder()
        if not opened:
            self.banner.show_message(
                self.tr("No file manager could open {path}; open it yourself.").format(
                    path=folder
                ),
                "info",
            )
