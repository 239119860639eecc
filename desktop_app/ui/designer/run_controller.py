"""Deploy, Run, live node colours, Resume… and Logs for the design being edited.

Split from the widget because it is its own story: it owns the `Deployer`
and the `RunMonitor`, remembers which version of the design is deployed (an
undo-stack position), and opens the forms helper's dialogs (run parameters,
resume) and the run detail pane — always non-modal, with `.open()`/`.show()`.
The canvas, the inspector and the run bar only receive what to show.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop_app.core.api.models import DeploymentInfo, RunEvent, RunInfo
from desktop_app.core.api.schedule_models import ScheduleSpec
from desktop_app.designer import Design, Problem
from desktop_app.ui.designer.deployer import Deployer, deployment_name
from desktop_app.ui.designer.document import DesignDocument
from desktop_app.ui.designer.inspector import Inspector
from desktop_app.ui.designer.node_status import paused_node_id
from desktop_app.ui.designer.notice import NoticeBar
from desktop_app.ui.designer.problems_view import ProblemsView
from desktop_app.ui.designer.run_bar import RunBar
from desktop_app.ui.designer.run_monitor import RunMonitor
from desktop_app.ui.designer.scene import DesignScene

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient
    from desktop_app.ui.detail.run_detail import RunDetailPane


class RunController(QObject):
    """Everything between "Deploy" and a finished run, for one designer widget."""

    status = Signal(str)
    """A short message for the status line."""

    def __init__(self, get_client: Callable[[], FlowdeskClient | None],
                 document: DesignDocument, scene: DesignScene, inspector: Inspector,
                 problems_view: ProblemsView, notice: NoticeBar, run_bar: RunBar,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._get_client = get_client
        self._host = parent
        self.document = document
        self.scene = scene
        self.inspector = inspector
        self.problems_view = problems_view
        self.notice = notice
        self.run_bar = run_bar
        self.deployer = Deployer(get_client, self)
        self.monitor = RunMonitor(get_client, lambda: self.document.design, self)
        self.deployment: DeploymentInfo | None = None
        self._deployed_state: tuple[str, int] | None = None
        self._pending_state: tuple[str, int] | None = None
        self._run_after_deploy = False
        self._waiting_node: str | None = None
        self.run_dialog: QDialog | None = None
        self.resume_dialog: QDialog | None = None
        self.logs_dialog: QDialog | None = None
        self.deployer.refused.connect(self._deploy_refused)
        self.deployer.failed.connect(self._deploy_failed)
        self.deployer.progress.connect(self.status)
        self.deployer.deployed.connect(self._deployed)
        self.deployer.scheduled.connect(self._scheduled)
        self.deployer.schedule_failed.connect(self._schedule_failed)
        self.pending_schedule: ScheduleSpec | None = None
        """Added to the deployment once served (Deploy with a schedule…)."""
        self.monitor.updated.connect(self._run_updated)
        self.monitor.failed.connect(lambda text: self.status.emit(
            self.tr("Could not read the run: {error}").format(error=text)))
        run_bar.logs_requested.connect(self.show_logs)
        run_bar.dismissed.connect(self.stop_following)
        run_bar.resume_requested.connect(self._resume_waiting_node)
        scene.resume_requested.connect(self.resume_node)
        inspector.resume_requested.connect(self.resume_node)

    @property
    def design(self) -> Design:
        return self.document.design

    def design_replaced(self) -> None:
        """Another design is open: nothing deployed or followed belongs to it."""
        self.stop_following()
        self.deployment = None
        self._deployed_state = None

    def deployment_name(self) -> str:
        return deployment_name(self.design)

    def _state_key(self) -> tuple[str, int]:
        return (self.design.id, self.document.undo_stack.index())

    @property
    def deployed_current(self) -> bool:
        """Whether the served deployment was made from the design as it is now."""
        return self.deployment is not None and self._deployed_state == self._state_key()

    def deploy(self) -> Path | None:
        self.notice.clear()
        self._pending_state = self._state_key()
        return self.deployer.deploy(self.design)

    def _deploy_refused(self, message: str, problems: list) -> None:
        self._run_after_deploy = False
        self.pending_schedule = None
        if problems:
            self.problems_view.set_problems(self.design, problems)
            self.scene.set_problems(problems)
            self.problems_view.show()
        errors = [p for p in problems if p.is_error]
        if errors:
            text = self.tr("Deploy refused: fix {count} problem(s) first (double-click one in "
                           "the list to go there).").format(count=len(errors))
            text += "\n" + "\n".join("• " + self._problem_line(p) for p in errors[:6])
        else:
            text = self.tr("Deploy refused:") + "\n" + message
        self.notice.show_message(text, "error")

    def _problem_line(self, problem: Problem) -> str:
        node = self.design.nodes.get(problem.node_id) if problem.node_id else None
        where = f"{node.title}: " if node else ""
        if problem.line:
            where += self.tr("line {line}: ").format(line=problem.line)
        return where + problem.message

    def _deploy_failed(self, message: str) -> None:
        self._run_after_deploy = False
        self.pending_schedule = None
        self.notice.show_message(message, "error")

    def _deployed(self, deployment: DeploymentInfo) -> None:
        self.deployment = deployment
        self._deployed_state = self._pending_state or self._state_key()
        self.status.emit(self.tr("Deployed as {name}.").format(name=deployment.full_name))
        if self.pending_schedule is not None:
            spec, self.pending_schedule = self.pending_schedule, None
            self.deployer.attach_schedule(deployment, spec)
        if self._run_after_deploy:
            self._run_after_deploy = False
            self._open_run_dialog()
        else:
            self.notice.show_message(
                self.tr("Deployed as {name}: it can be run from here, the Deployments tab, "
                        "the tray or the command line.").format(name=deployment.full_name),
                "success", [(self.tr("Run…"), self.run)])

    def _scheduled(self, schedule: str) -> None:
        name = self.deployment.full_name if self.deployment else self.deployment_name()
        self.notice.show_message(
            self.tr("Deployed as {name}, scheduled {schedule}.").format(
                name=name, schedule=schedule), "success", [(self.tr("Run…"), self.run)])

    def _schedule_failed(self, error: str) -> None:
        name = self.deployment.full_name if self.deployment else self.deployment_name()
        self.notice.show_message(
            self.tr("Deployed as {name}, but the schedule was not added: {error}").format(
                name=name, error=error), "error")

    def run(self) -> None:
        """Start a run (deploying the current design first if needed)."""
        if self._get_client() is None:
            self.notice.show_message(self.tr("Not connected to a Prefect server."), "error")
            return
        if not self.deployed_current:
            self._run_after_deploy = True
            if self.deploy() is None:
                self._run_after_deploy = False
            return
        self._open_run_dialog()

    def _open_run_dialog(self) -> None:
        from desktop_app.ui.forms.run_parameters_dialog import RunParametersDialog

        assert self.deployment is not None
        dialog = RunParametersDialog(self._get_client, self.deployment, self._host)
        dialog.started.connect(self._run_started)
        dialog.finished.connect(dialog.deleteLater)
        self.run_dialog = dialog
        dialog.open()

    def _run_started(self, run: RunInfo) -> None:
        self.follow_run(run.id)

    def follow_run(self, run_id: str) -> None:
        """Colour the nodes with the states of run `run_id` (of this design)."""
        self.scene.clear_statuses()
        self.run_bar.show_starting(run_id)
        self.monitor.follow(run_id)
        if self.logs_dialog is not None:
            self.logs_pane().show_run(run_id)

    def stop_following(self) -> None:
        self.monitor.stop()
        self.scene.clear_statuses()
        self.inspector.set_statuses({})
        self.run_bar.hide()

    def _run_updated(self, run: RunInfo, statuses: dict) -> None:
        self.scene.set_statuses(statuses)
        self.inspector.set_statuses(statuses)
        waiting = paused_node_id(self.design, run)
        waiting = waiting or next((n for n, s in statuses.items()
                                   if s.paused_here and self.design.nodes[n].kind == "approval"),
                                  None)
        self.run_bar.set_run(run, self.design.nodes[waiting].title if waiting else None)
        self._waiting_node = waiting

    def _resume_waiting_node(self) -> None:
        node_id = self._waiting_node
        if node_id:
            self.resume_node(node_id)

    def resume_node(self, node_id: str) -> QDialog | None:
        """Open the resume form for the run waiting at approval node `node_id`."""
        run_id = self.monitor.run_id
        if run_id is None:
            return None
        from desktop_app.ui.forms.resume_dialog import ResumeDialog

        if _alive(self.resume_dialog) and self.resume_dialog.isVisible():
            self.resume_dialog.raise_()
            return self.resume_dialog
        dialog = ResumeDialog(self._get_client, run_id, self._host, source="designer")
        node = self.design.nodes.get(node_id)
        if node is not None:
            dialog.setWindowTitle(self.tr("Resume at “{node}”").format(node=node.title))
        dialog.resumed.connect(lambda _run: self.monitor.refresh())
        dialog.audit_warning.connect(lambda text: self.notice.show_message(text, "warning"))
        dialog.finished.connect(dialog.deleteLater)
        self.resume_dialog = dialog
        dialog.open()
        return dialog

    def logs_pane(self) -> RunDetailPane | None:
        """The `RunDetailPane` in the logs window (None until Logs was opened)."""
        if self.logs_dialog is None:
            return None
        return self.logs_dialog.findChild(QWidget, "designerRunDetail")

    def show_logs(self) -> QDialog | None:
        """The followed run's logs, task runs and result, in a non-modal window."""
        run_id = self.monitor.run_id
        if run_id is None:
            return None
        if self.logs_dialog is None:
            from desktop_app.ui.detail.run_detail import RunDetailPane

            dialog = QDialog(self._host)
            dialog.setModal(False)
            dialog.setWindowTitle(self.tr("Run details"))
            dialog.resize(860, 620)
            layout = QVBoxLayout(dialog)
            layout.setContentsMargins(0, 0, 0, 0)
            pane = RunDetailPane(self._get_client, dialog)
            pane.setObjectName("designerRunDetail")
            layout.addWidget(pane)
            dialog.finished.connect(lambda _result: pane.shutdown())  # closed: stop polling
            self.logs_dialog = dialog
        self.logs_pane().show_run(run_id)
        self.logs_dialog.show()
        self.logs_dialog.raise_()
        return self.logs_dialog

    def on_run_event(self, event: RunEvent) -> None:
        """A run changed state somewhere (forwarded by the window)."""
        self.monitor.on_run_event(event)
        pane = self.logs_pane()
        if pane is not None:
            pane.on_run_event(event)

    async def shutdown(self) -> None:
        """Close the run windows and stop every request (the widget is going away)."""
        if self.logs_dialog is not None:
            self.logs_dialog.reject()
        for dialog in (self.resume_dialog, self.run_dialog):
            if _alive(dialog) and dialog.isVisible():
                dialog.reject()
        await self.monitor.shutdown()
        await self.deployer.shutdown()


def _alive(widget: QWidget | None) -> bool:
    """Not None and its C++ side not yet deleted (dialogs delete themselves when closed)."""
    return widget is not None and shiboken6.isValid(widget)
