"""What the front ends see of concurrency limits, and of a run held up by one.

Plain frozen dataclasses (no Prefect types), like `models.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TAG_PREFIX = "tag:"
"""Prefect 3 keeps a tag limit as a global limit named "tag:<tag>"."""
DEPLOYMENT_PREFIX = "deployment:"
"""…and a deployment's own concurrency limit as "deployment:<id>"."""
AWAITING_SLOT = "AwaitingConcurrencySlot"
"""The state name of a deployment run held back by its deployment's limit."""


@dataclass(frozen=True)
class GlobalLimitInfo:
    """A global (v2) concurrency limit: `concurrency("name")` in a flow takes its slots."""

    name: str
    limit: int
    active_slots: int
    active: bool = True
    slot_decay_per_second: float = 0.0
    id: str = ""

    @property
    def kind(self) -> str:
        """ "deployment" for a deployment's own limit, else "global"."""
        return "deployment" if self.name.startswith(DEPLOYMENT_PREFIX) else "global"

    @property
    def full(self) -> bool:
        return self.active and self.active_slots >= self.limit


@dataclass(frozen=True)
class TagLimitInfo:
    """A tag limit: at most `limit` task runs carrying `tag` run at once."""

    tag: str
    limit: int
    active_slots: tuple[str, ...] = ()
    """Ids of the task runs holding a slot."""
    id: str = ""

    @property
    def used(self) -> int:
        return len(self.active_slots)

    @property
    def full(self) -> bool:
        return self.used >= self.limit


@dataclass(frozen=True)
class LimitNotice:
    """Why a run is held up (or ran unguarded) by concurrency limits.

    `waiting_for`: limits the run waits on for a slot (tags, or "deployment").
    `missing`: limit names the run asked for that do not exist (Prefect then
    skips them with only a warning in the run's log).
    """

    waiting_for: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    task_runs: tuple[str, ...] = field(default=(), compare=False)
    """Names of the task runs that wait (for the detail)."""
    deployment: bool = False
    """The flow run itself waits: its deployment's limit is reached (AwaitingConcurrencySlot)."""

    def __bool__(self) -> bool:
        return bool(self.waiting_for or self.missing or self.deployment)
