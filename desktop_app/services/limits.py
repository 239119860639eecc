"""Concurrency limits, global and by tag: the one door for the window and the CLI.

Checked here before anything is sent: a global limit's name as Prefect 3.9's
`Name` allows it (not empty, none of / % & > <, and not the "tag:" or
"deployment:" names Prefect keeps for its own limits), a tag the same way
(Prefect stores its limit as "tag:<tag>"), a limit a whole number >= 0, and
never below the slots in use now (those runs hold them: lowering under them
would not stop them and the limit would read as broken). Each change writes
an audit entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal, TypeVar

from desktop_app.core.api.errors import FlowdeskError
from desktop_app.core.api.limits_models import (
    AWAITING_SLOT,
    DEPLOYMENT_PREFIX,
    TAG_PREFIX,
    GlobalLimitInfo,
    LimitNotice,
    TagLimitInfo,
)
from desktop_app.core.api.models import RunFilter, RunInfo
from desktop_app.i18n import tr_core
from desktop_app.services import trail
from desktop_app.services.results import Source
from desktop_app.services.variables import BadInput

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

BANNED = "/%&><"
"""Prefect's BANNED_CHARACTERS in names."""

Kind = Literal["global", "tag"]
N = TypeVar("N", int, float)


@dataclass(frozen=True)
class LimitChanged:
    """A limit created, changed, reset or deleted (`limit` None after a delete)."""

    name: str
    kind: Kind
    limit: GlobalLimitInfo | TagLimitInfo | None = None
    warning: str | None = None


# -- checks ----------------------------------------------------------------------------
def _check_characters(text: str, empty: str) -> str:
    if not text.strip():
        raise BadInput(empty)
    for position, char in enumerate(text, 1):
        if char in BANNED:
            raise BadInput(
                tr_core(
                    "A limit's name may not contain / % & > or <: '{char}' at position {position}."
                ).format(char=char, position=position)
            )
    return text


def check_name(name: str) -> str:
    """A global limit's name as Prefect takes it, or `BadInput` saying the rule."""
    _check_characters(name, tr_core("A limit needs a name."))
    for prefix in (TAG_PREFIX, DEPLOYMENT_PREFIX):
        if name.startswith(prefix):
            raise BadInput(
                tr_core(
                    "Names starting with '{prefix}' are Prefect's own (tag and deployment "
                    "limits); for a tag limit use the tag option."
                ).format(prefix=prefix)
            )
    return name


def check_tag(tag: str) -> str:
    return _check_characters(tag, tr_core("A tag limit needs a tag."))


def _number(text: str | float, kind: Callable[[str], N], refusal: str) -> N:
    """`text` read as `kind`, or `BadInput` with `refusal` (its {text}: what was typed)."""
    try:
        return kind(str(text).strip())
    except ValueError:
        raise BadInput(refusal.format(text=text)) from None


def parse_limit(text: str | int) -> int:
    """A limit from what was typed: a whole number >= 0, or `BadInput`."""
    value = _number(
        text, int, tr_core("A limit must be a whole number of slots (0 or more), not '{text}'.")
    )
    if value < 0:
        raise BadInput(
            tr_core("A limit must be 0 or more slots; {value} is below zero.").format(value=value)
        )
    return value


def parse_decay(text: str | float) -> float:
    value = _number(
        text, float, tr_core("Slot decay must be a number of slots per second, not '{text}'.")
    )
    if value < 0 or value != value or value == float("inf"):
        raise BadInput(tr_core("Slot decay must be 0 or more slots per second."))
    return value


def check_not_below(name: str, new_limit: int, in_use: int) -> None:
    """Refuse a limit under the slots held right now."""
    if new_limit < in_use:
        raise BadInput(
            tr_core(
                "'{name}' has {used} slot(s) in use; a limit of {limit} would be below them. "
                "Wait for those runs to finish, or reset the limit first."
            ).format(name=name, used=in_use, limit=new_limit)
        )


# -- reading ---------------------------------------------------------------------------
async def list_limits(client: FlowdeskClient) -> tuple[list[GlobalLimitInfo], list[TagLimitInfo]]:
    return await client.global_limits(), await client.tag_limits()


async def run_notices(client: FlowdeskClient, runs: Iterable[RunInfo]) -> dict[str, LimitNotice]:
    """Which of these runs wait on a limit, or asked for one that does not exist.

    A deployment run held back by its deployment's limit says so in its state
    name; the rest is read (a few requests, whatever the number of runs).
    """
    runs = list(runs)
    notices = await client.limit_notices([r.id for r in runs])
    for run in runs:
        if run.state.name == AWAITING_SLOT:
            notices[run.id] = replace(notices.get(run.id, LimitNotice()), deployment=True)
    return notices


async def waiting_runs(client: FlowdeskClient) -> list[tuple[RunInfo, LimitNotice]]:
    """The live runs (newest 200) held up by a limit or missing one, with why."""
    live = await client.list_runs(RunFilter(states=["RUNNING", "PENDING", "SCHEDULED"]))
    live = [r for r in live if r.state.type != "SCHEDULED" or r.state.name == AWAITING_SLOT]
    notices = await run_notices(client, live)
    return [(run, notices[run.id]) for run in live if run.id in notices]


def notice_words(notice: LimitNotice) -> str:
    """One line for the command line: what the run waits for, or lacks."""
    parts: list[str] = []
    if notice.waiting_for:
        parts.append(
            tr_core("waiting for a slot of {names}").format(names=", ".join(notice.waiting_for))
        )
    if notice.deployment:
        parts.append(tr_core("waiting for a slot of its deployment's limit"))
    if notice.missing:
        parts.append(
            tr_core("limit {names} does not exist").format(names=", ".join(notice.missing))
        )
    return "; ".join(parts)


async def _existing_global(client: FlowdeskClient, name: str) -> GlobalLimitInfo | None:
    """Looked up in the list, not by name: a miss is then no failed request in the log."""
    return next((g for g in await client.global_limits() if g.name == name), None)


async def _existing_tag(client: FlowdeskClient, tag: str) -> TagLimitInfo | None:
    return next((t for t in await client.tag_limits() if t.tag == tag), None)


def _audit(action: str, kind: Kind, name: str, source: Source, **values: object) -> str | None:
    detail = (
        tr_core("global limit '{name}'") if kind == "global" else tr_core("tag limit '{name}'")
    ).format(name=name)
    return trail.write(action, "", source=source, run_input=values or None, detail=detail)


# -- global limits -----------------------------------------------------------------------
async def add_global(
    client: FlowdeskClient, name: str, limit: int, *, decay: float = 0.0, source: Source
) -> LimitChanged:
    check_name(name)
    limit = parse_limit(limit)
    decay = parse_decay(decay)
    if await _existing_global(client, name) is not None:
        raise FlowdeskError(
            tr_core("Concurrency limit '{name}' already exists; change it instead.").format(
                name=name
            )
        )
    made = await client.create_global_limit(name, limit, slot_decay_per_second=decay)
    warning = _audit("limit-add", "global", name, source, limit=limit, decay=decay)
    return LimitChanged(name, "global", made, warning)


async def set_global(
    client: FlowdeskClient,
    name: str,
    *,
    limit: int | None = None,
    active: bool | None = None,
    decay: float | None = None,
    source: Source,
) -> LimitChanged:
    """Change a global limit; a new `limit` below the slots in use is refused."""
    changes: dict[str, object] = {}
    current = await client.read_global_limit(name)
    if limit is not None:
        changes["limit"] = parse_limit(limit)
        check_not_below(name, int(changes["limit"]), current.active_slots)  # type: ignore[arg-type]
    if active is not None:
        changes["active"] = active
    if decay is not None:
        changes["slot_decay_per_second"] = parse_decay(decay)
    if not changes:
        raise BadInput(tr_core("Nothing to change: give a new limit, decay or on/off."))
    changed = await client.update_global_limit(name, **changes)
    warning = _audit("limit-set", "global", name, source, **changes)
    return LimitChanged(name, "global", changed, warning)


async def reset_global(client: FlowdeskClient, name: str, *, source: Source) -> LimitChanged:
    """Release every active slot (the runs holding them are not stopped)."""
    changed = await client.update_global_limit(name, active_slots=0)
    return LimitChanged(name, "global", changed, _audit("limit-reset", "global", name, source))


async def delete_global(client: FlowdeskClient, name: str, *, source: Source) -> LimitChanged:
    await client.delete_global_limit(name)
    return LimitChanged(name, "global", None, _audit("limit-delete", "global", name, source))


# -- tag limits -------------------------------------------------------------------------
async def add_tag(client: FlowdeskClient, tag: str, limit: int, *, source: Source) -> LimitChanged:
    check_tag(tag)
    limit = parse_limit(limit)
    if await _existing_tag(client, tag) is not None:
        raise FlowdeskError(
            tr_core("Tag '{tag}' already has a limit; change it instead.").format(tag=tag)
        )
    made = await client.set_tag_limit(tag, limit)
    return LimitChanged(tag, "tag", made, _audit("limit-add", "tag", tag, source, limit=limit))


async def set_tag(client: FlowdeskClient, tag: str, limit: int, *, source: Source) -> LimitChanged:
    check_tag(tag)
    limit = parse_limit(limit)
    current = await client.read_tag_limit(tag)
    check_not_below(tag, limit, current.used)
    changed = await client.set_tag_limit(tag, limit)
    return LimitChanged(tag, "tag", changed, _audit("limit-set", "tag", tag, source, limit=limit))


async def reset_tag(client: FlowdeskClient, tag: str, *, source: Source) -> LimitChanged:
    changed = await client.reset_tag_limit(tag)
    return LimitChanged(tag, "tag", changed, _audit("limit-reset", "tag", tag, source))


async def delete_tag(client: FlowdeskClient, tag: str, *, source: Source) -> LimitChanged:
    await client.delete_tag_limit(tag)
    return LimitChanged(tag, "tag", None, _audit("limit-delete", "tag", tag, source))


async def reset_limit(
    client: FlowdeskClient, kind: str, name: str, *, source: Source
) -> LimitChanged:
    """`reset_tag` for a tag limit, else `reset_global` (a deployment's limit is a global one)."""
    reset = reset_tag if kind == "tag" else reset_global
    return await reset(client, name, source=source)


async def delete_limit(
    client: FlowdeskClient, kind: str, name: str, *, source: Source
) -> LimitChanged:
    """`delete_tag` for a tag limit, else `delete_global`."""
    delete = delete_tag if kind == "tag" else delete_global
    return await delete(client, name, source=source)
