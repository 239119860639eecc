"""Schedule changes: the one door the window, the CLI and the designer call.

Each change is checked here first (`schedule_text.checked`: nothing is sent
when we can tell it is wrong), then recorded as "edited here" (so the
runner's re-serving leaves the deployment's schedules alone, see
`core/serving/schedule_marks`), then sent, then written to the audit trail.
The mark comes before the request: a change that the runner could undo is
never made, and a mark without a change only keeps the server as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.core.api.errors import AmbiguousId, FlowdeskError, NotFound
from desktop_app.core.api.models import DeploymentInfo
from desktop_app.core.api.schedule_models import ScheduleEntry, ScheduleSpec
from desktop_app.core.serving import schedule_marks
from desktop_app.i18n import tr_core
from desktop_app.services import trail
from desktop_app.services.results import Source
from desktop_app.services.runs import _words
from desktop_app.services.schedule_text import checked

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

__all__ = [
    "Changed",
    "add",
    "edit",
    "edited_here",
    "list_schedules",
    "remove",
    "resolve",
    "set_active",
]


@dataclass(frozen=True)
class Changed:
    """A schedule change that was made; `warning` if the audit trail was not written."""

    deployment: DeploymentInfo
    entry: ScheduleEntry | None
    warning: str | None = None


async def _deployment(client: FlowdeskClient, deployment: str | DeploymentInfo) -> DeploymentInfo:
    if isinstance(deployment, DeploymentInfo):
        return deployment
    return await _words(client.resolve_deployment(deployment))


def edited_here(deployment: DeploymentInfo | str) -> bool:
    """True once this deployment's schedules were changed in Flowdesk (they win)."""
    name = deployment.full_name if isinstance(deployment, DeploymentInfo) else deployment
    return schedule_marks.edited_here(name)


def _mark(deployment: DeploymentInfo) -> None:
    try:
        schedule_marks.mark_edited(deployment.full_name)
    except OSError as exc:
        raise FlowdeskError(
            tr_core(
                "Nothing was changed: Flowdesk could not record that these schedules are "
                "yours ({path}: {error}), so re-serving the flow file would undo the change."
            ).format(path=schedule_marks.marks_file(), error=exc.strerror or exc)
        ) from exc


def _audit(action: str, deployment: DeploymentInfo, source: Source, detail: str) -> str | None:
    return trail.write(
        action, deployment.id, source=source, detail=f"{deployment.full_name}: {detail}"
    )


def _text(spec: ScheduleSpec) -> str:
    return f"{spec.kind} {spec.value}" + (f" ({spec.timezone})" if spec.timezone else "")


async def list_schedules(
    client: FlowdeskClient, deployment: str | DeploymentInfo
) -> tuple[DeploymentInfo, list[ScheduleEntry]]:
    """The deployment (resolved by name or id) and its schedules, numbered from 1 in order."""
    dep = await _deployment(client, deployment)
    return dep, await _words(client.list_schedules(dep.id))


def resolve(entries: list[ScheduleEntry], ref: str) -> ScheduleEntry:
    """A schedule by its number in `schedule ls` (1, 2, …) or the start of its id."""
    ref = ref.strip().lower()
    if ref.isdigit() and len(ref) <= 3:
        index = int(ref)
        if 1 <= index <= len(entries):
            return entries[index - 1]
        raise NotFound(
            tr_core("There is no schedule number {n}: this deployment has {count}.").format(
                n=index, count=len(entries)
            )
        )
    matches = [e for e in entries if ref and e.id.lower().startswith(ref)]
    if not matches:
        raise NotFound(
            tr_core("No schedule of this deployment has an id starting with '{ref}'.").format(
                ref=ref
            )
        )
    if len(matches) > 1:
        raise AmbiguousId(
            tr_core("'{ref}' matches {count} schedules: type more of the id.").format(
                ref=ref, count=len(matches)
            )
        )
    return matches[0]


async def add(
    client: FlowdeskClient,
    deployment: str | DeploymentInfo,
    spec: ScheduleSpec,
    *,
    source: Source,
    active: bool = True,
) -> Changed:
    spec = checked(spec)
    dep = await _deployment(client, deployment)
    _mark(dep)
    created = await _words(client.add_schedule(dep.id, spec, active=active))
    return Changed(dep, created, _audit("schedule-add", dep, source, _text(spec)))


async def edit(
    client: FlowdeskClient,
    deployment: str | DeploymentInfo,
    schedule_id: str,
    spec: ScheduleSpec,
    *,
    source: Source,
) -> Changed:
    """Replace one schedule in place; refused means the old one is unchanged."""
    spec = checked(spec)
    dep = await _deployment(client, deployment)
    _mark(dep)
    changed = await _words(client.replace_schedule(dep.id, schedule_id, spec))
    return Changed(dep, changed, _audit("schedule-edit", dep, source, _text(spec)))


async def remove(
    client: FlowdeskClient, deployment: str | DeploymentInfo, schedule_id: str, *, source: Source
) -> Changed:
    dep = await _deployment(client, deployment)
    _mark(dep)
    await _words(client.remove_schedule(dep.id, schedule_id))
    return Changed(dep, None, _audit("schedule-remove", dep, source, schedule_id))


async def set_active(
    client: FlowdeskClient,
    deployment: str | DeploymentInfo,
    schedule_id: str,
    active: bool,
    *,
    source: Source,
) -> Changed:
    """Pause (False) or resume (True) one schedule; the others are untouched."""
    dep = await _deployment(client, deployment)
    _mark(dep)
    changed = await _words(client.set_schedule_entry_active(dep.id, schedule_id, active))
    action = "schedule-resume" if active else "schedule-pause"
    return Changed(dep, changed, _audit(action, dep, source, schedule_id))
