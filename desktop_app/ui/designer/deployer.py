"""Deploy: write the design's module where the runner serves flows, then wait until it does.

`deploy_design` refuses a design with errors (the problems are handed on to be
listed) and never overwrites someone else's file. The runner picks new files
up within about a second; we poll `resolve_deployment("<flow>/local")` until
the deployment exists with the design's parameters, or the runner reports it
could not import the file (its status file says why), or time runs out.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop_app.core.api.errors import FlowdeskError, NotFound
from desktop_app.core.api.models import DeploymentInfo
from desktop_app.core.api.schedule_models import ScheduleSpec
from desktop_app.core.config import paths
from desktop_app.designer import DeployRefused, Design, deploy_design
from desktop_app.designer.symbols import design_symbols
from desktop_app.ui.async_tools import TaskKeeper, TaskSlot, describe

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

WAIT_SECONDS = 60.0
POLL_SECONDS = 0.3


def deployment_name(design: Design) -> str:
    """`<flow-name>/local`: what the runner registers for this design."""
    from desktop_app.core.serving.flow_discovery import DEPLOYMENT_NAME

    return f"{design_symbols(design).flow_name}/{DEPLOYMENT_NAME}"


class Deployer(QObject):
    """One deploy at a time; reports through signals."""

    refused = Signal(str, list)
    """(message, problems): the design has errors, or the file belongs to another design."""
    failed = Signal(str)
    progress = Signal(str)
    deployed = Signal(object)
    """`DeploymentInfo` once the server serves the design."""
    scheduled = Signal(str)
    """A schedule was added after deploying (its meaning in words)."""
    schedule_failed = Signal(str)

    def __init__(self, get_client: Callable[[], FlowdeskClient | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._get_client = get_client
        self._tasks = TaskKeeper(report=lambda exc, _name: self.failed.emit(describe(exc)))
        self._waiting = TaskSlot(self._tasks, "designer-deploy-wait")
        self.path: Path | None = None

    @property
    def busy(self) -> bool:
        return self._waiting.busy

    def deploy(self, design: Design, folder: Path | None = None) -> Path | None:
        """Write the module (synchronously: it is small), then wait for the deployment."""
        try:
            path = deploy_design(design, folder or paths.deployed_designs_dir())
        except DeployRefused as exc:
            self.refused.emit(str(exc), exc.problems)
            return None
        except OSError as exc:
            self.failed.emit(self.tr("Could not write the flow file: {error}").format(
                error=exc.strerror or str(exc)))
            return None
        self.path = path
        client = self._get_client()
        if client is None:
            self.failed.emit(self.tr(
                "Wrote {file}, but there is no connection to the server: it will be served "
                "when the server runs.").format(file=path.name))
            return path
        expected = sorted(p.name for p in (design.parameters_node().parameters
                                           if design.parameters_node() else ()))
        name = deployment_name(design)
        self.progress.emit(self.tr("Deploying {name}…").format(name=name))
        self._waiting.start(self._wait(client, name, path, expected, time.time()))
        return path

    async def _wait(self, client: FlowdeskClient, name: str, path: Path, expected: list[str],
                    written_at: float) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + WAIT_SECONDS
        resolved = str(path.resolve())
        while loop.time() < deadline:
            error = _runner_error(resolved, written_at)
            if error:
                self.failed.emit(self.tr("The runner could not load {file}: {error}").format(
                    file=path.name, error=error))
                return
            try:
                deployment = await client.resolve_deployment(name)
            except NotFound:
                deployment = None
            except FlowdeskError as exc:
                self.failed.emit(describe(exc))
                return
            if deployment is not None and _matches(deployment, resolved, expected):
                self.deployed.emit(deployment)
                return
            await asyncio.sleep(POLL_SECONDS)
        self.failed.emit(self.tr(
            "{name} did not appear on the server within {seconds} s; is the runner "
            "running? (Server menu → Show server log)").format(name=name,
                                                              seconds=int(WAIT_SECONDS)))

    def attach_schedule(self, deployment: DeploymentInfo, spec: ScheduleSpec) -> None:
        """Add `spec` to the served deployment (Deploy with a schedule…)."""
        self._tasks.spawn(self._attach(deployment, spec), "designer-deploy-schedule")

    async def _attach(self, deployment: DeploymentInfo, spec: ScheduleSpec) -> None:
        from desktop_app.services import schedules
        from desktop_app.services.schedule_words import describe as words

        client = self._get_client()
        if client is None:
            self.schedule_failed.emit(self.tr("Not connected to a Prefect server."))
            return
        try:
            _dep, existing = await schedules.list_schedules(client, deployment)
            if all(e.spec != spec for e in existing):  # deployed twice: not a second copy
                await schedules.add(client, deployment, spec, source="designer")
        except FlowdeskError as exc:
            self.schedule_failed.emit(describe(exc))
            return
        self.scheduled.emit(words(spec))

    async def shutdown(self) -> None:
        await self._tasks.cancel_all()


def _matches(deployment: DeploymentInfo, path: str, expected: list[str]) -> bool:
    entry = deployment.entrypoint or ""
    if entry and not entry.startswith(path):
        return False
    properties = (deployment.parameter_schema or {}).get("properties") or {}
    return sorted(properties) == expected


def _runner_error(path: str, written_at: float) -> str:
    """The runner's import error for `path`, if it reported one after we wrote it."""
    try:
        from desktop_app.core.serving.runner_status import read_runner_status
    except ImportError:  # an older core without the status file
        return ""
    status = read_runner_status()
    if float(status.get("updated") or 0) < written_at:
        return ""
    return str((status.get("errors") or {}).get(path) or "")
