"""Failures that reach you: which failed runs to announce, how to group them, what was said.

Decided here without Qt, so the rules are tested fast and the tray only shows them:
- a run that ends Failed or Crashed is announced once -- never twice, also
  across restarts: the `FailureLedger` (a small JSON file in the data folder)
  remembers, per server, the runs it reported and up to when it looked;
- failures arriving together (a burst: a deployment whose every run fails, a
  worker that crashed ten runs) become one summary grouped by deployment, not
  ten pop-ups (`FailureBatch`, the same timing as pauses: 60 ms / 1 s);
- a failure that happened while the app was closed is found when it next
  connects (runs that ended after `seen_until`) and reported like a live one;
- the first time the app looks at a server, older failures are history: the
  watermark starts at "now", nothing from before is announced.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from desktop_app.core.api.models import RunInfo
from desktop_app.core.config import paths
from desktop_app.core.config.atomic import atomic_write_json

log = logging.getLogger(__name__)

FAILED_STATES = ("FAILED", "CRASHED")
FILE_NAME = "failure_notices.json"
VERSION = 1
KEEP_REPORTED = timedelta(days=7)
"""How long a reported run is remembered (the watermark covers anything older)."""
RECENT = timedelta(hours=24)
"""Failures listed in the tray menu."""
MAX_REPORTED = 5000
MAX_RECENT = 50
LOOK_BACK = timedelta(minutes=2)
"""The watermark trails "now" by this: a run that ended just before a look but was
written just after it is still found by the next look (the ledger dedupes)."""
COALESCE_SECONDS = 0.06
QUIET_SECONDS = 1.0
MESSAGE_LIMIT = 160


PREFECT_PREFIXES = (
    "Flow run encountered an exception: ",
    "Flow run encountered an exception. ",
)
"""Prefect's own lead-in to a Failed message: the error after it is the news."""


def first_line(message: str | None, limit: int = MESSAGE_LIMIT) -> str:
    """The state message's first non-empty line, cut to `limit`: what went wrong, briefly.

    Prefect's "Flow run encountered an exception:" is dropped, so the line starts
    with what the flow raised (`ValueError: bad row 7`), in any language.
    """
    for line in (message or "").splitlines():
        line = " ".join(line.split())
        for prefix in PREFECT_PREFIXES:
            if line.startswith(prefix) and len(line) > len(prefix):
                line = line[len(prefix) :]
        if line:
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return ""


def _utc(value: datetime | None) -> datetime:
    if value is None:
        return datetime.now(timezone.utc)
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Failure:
    """One run that ended Failed or Crashed, with the words a notice needs."""

    run_id: str
    state_type: str  # FAILED | CRASHED
    flow_name: str
    run_name: str
    ended: datetime
    deployment_id: str | None = None
    deployment_name: str | None = None
    message: str = ""
    """The first line of the state message."""
    attempt: int = 0
    """The run's `run_count`: a retried run that fails again is a new failure."""

    @classmethod
    def from_run(cls, run: RunInfo) -> Failure:
        return cls(
            run_id=run.id,
            state_type=run.state.type,
            flow_name=run.flow_name,
            run_name=run.name,
            ended=_utc(run.end_time or run.state.timestamp),
            deployment_id=run.deployment_id,
            deployment_name=run.deployment_name,
            message=first_line(run.state.message),
            attempt=run.run_count,
        )

    @property
    def key(self) -> str:
        """What "reported once" counts: this run's this attempt."""
        return f"{self.run_id}#{self.attempt}"

    @property
    def crashed(self) -> bool:
        return self.state_type == "CRASHED"

    @property
    def group_key(self) -> str:
        """Runs of one deployment group together; ad hoc runs by their flow."""
        return self.deployment_id or f"flow:{self.flow_name}"

    @property
    def group_label(self) -> str:
        if self.deployment_id:
            return f"{self.flow_name}/{self.deployment_name or self.deployment_id[:8]}"
        return self.flow_name

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ended"] = self.ended.isoformat()
        return data

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Failure:
        values = {k: raw[k] for k in cls.__dataclass_fields__ if k in raw}
        values["ended"] = _utc(datetime.fromisoformat(str(raw["ended"])))
        failure = cls(**values)
        if failure.state_type not in FAILED_STATES or not isinstance(failure.run_id, str):
            raise ValueError("not a failure")
        return failure


@dataclass(frozen=True)
class FailureGroup:
    key: str
    label: str
    failures: tuple[Failure, ...]  # the most recent first


def group(failures: Iterable[Failure]) -> list[FailureGroup]:
    """Failures by deployment (ad hoc runs by flow); groups and runs most recent first."""
    groups: dict[str, list[Failure]] = {}
    for failure in sorted(failures, key=lambda f: f.ended, reverse=True):
        groups.setdefault(failure.group_key, []).append(failure)
    return [FailureGroup(key, runs[0].group_label, tuple(runs)) for key, runs in groups.items()]


# -- when to announce ----------------------------------------------------------------
@dataclass
class FailureBatch:
    """Failures close together become one notice; the caller drives time like `AlertCoalescer`.

    `add(failure, now)`, then `flush(now)` once `due_at` has passed: a list of
    batches, each one notice (one failure, or a summary of several).
    """

    coalesce: float = COALESCE_SECONDS
    quiet: float = QUIET_SECONDS
    _pending: list[Failure] = field(default_factory=list)
    _last_flush: float = float("-inf")
    due_at: float | None = None

    def add(self, failure: Failure, now: float) -> None:
        if any(f.run_id == failure.run_id for f in self._pending):
            return
        self._pending.append(failure)
        earliest = max(now + self.coalesce, self._last_flush + self.quiet)
        self.due_at = earliest if self.due_at is None else min(self.due_at, earliest)

    def flush(self, now: float) -> list[tuple[Failure, ...]]:
        if self.due_at is None or now < self.due_at:
            return []
        batch = tuple(self._pending)
        self._pending.clear()
        self.due_at = None
        if not batch:
            return []
        self._last_flush = now
        return [batch]


# -- what was said ---------------------------------------------------------------------
@dataclass
class _Server:
    seen_until: datetime | None = None
    started: datetime | None = None
    """The first look at this server: anything that ended before it is history."""
    reported: dict[str, datetime] = field(default_factory=dict)
    recent: list[Failure] = field(default_factory=list)
    unseen: list[str] = field(default_factory=list)


class FailureLedger:
    """Per server: the failures reported (never twice), the menu's list, the unseen badge.

    Saved after every change with an atomic write; a damaged or unreadable file
    is set aside in the log and the ledger starts over -- with the watermark at
    "now", so a lost file costs at most a missed notice, never a flood of old ones.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / FILE_NAME
        self._servers: dict[str, _Server] = {}
        self.problem = ""
        self._load()

    # -- file ------------------------------------------------------------------
    def _load(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            servers = raw["servers"]
            if not isinstance(servers, dict):
                raise ValueError("'servers' must be an object")
            for key, entry in servers.items():
                self._servers[str(key)] = _read_server(entry)
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            self.problem = f"{type(exc).__name__}: {exc}"
            log.warning("failure notices file %s unreadable, starting over: %s", self.path, exc)
            self._servers = {}

    def save(self) -> None:
        data = {
            "version": VERSION,
            "servers": {
                key: {
                    "seen_until": s.seen_until.isoformat() if s.seen_until else None,
                    "started": s.started.isoformat() if s.started else None,
                    "reported": {r: t.isoformat() for r, t in s.reported.items()},
                    "recent": [f.to_dict() for f in s.recent],
                    "unseen": s.unseen,
                }
                for key, s in self._servers.items()
            },
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_json(self.path, data, durable=False)
        except OSError as exc:  # a full disk: notices still work, only the memory is lost
            self.problem = str(exc)
            log.warning("cannot save %s: %s", self.path, exc)

    def _server(self, server: str) -> _Server:
        return self._servers.setdefault(server, _Server())

    # -- reading ---------------------------------------------------------------
    def known(self, server: str, key: str) -> bool:
        """Whether the failure with this `Failure.key` was handled already."""
        entry = self._servers.get(server)
        return entry is not None and key in entry.reported

    def seen_until(self, server: str) -> datetime | None:
        entry = self._servers.get(server)
        return entry.seen_until if entry else None

    def recent(self, server: str, now: datetime | None = None) -> list[Failure]:
        """Failures of the last 24 h (or not seen yet) not dismissed, the most recent first."""
        entry = self._servers.get(server)
        if entry is None:
            return []
        floor = _utc(now) - RECENT
        unseen = set(entry.unseen)
        return [f for f in entry.recent if f.ended >= floor or f.run_id in unseen]

    def unseen(self, server: str) -> list[str]:
        entry = self._servers.get(server)
        return list(entry.unseen) if entry else []

    # -- changing --------------------------------------------------------------
    def begin(self, server: str, now: datetime | None = None) -> datetime:
        """Where to look from for failures since the last look; the first look starts now."""
        entry = self._server(server)
        if entry.seen_until is None:
            entry.seen_until = entry.started = _utc(now)
            self.save()
            return entry.seen_until
        since = entry.seen_until - LOOK_BACK
        return max(since, entry.started) if entry.started else since

    def advance(self, server: str, looked_at: datetime) -> None:
        """A look at the server completed at `looked_at`: older failures are all handled."""
        entry = self._server(server)
        if entry.seen_until is None or looked_at > entry.seen_until:
            entry.seen_until = _utc(looked_at)
            self._prune(entry)
            self.save()

    def take(
        self, server: str, failures: Sequence[Failure], *, announce: Iterable[str] = ()
    ) -> list[Failure]:
        """Record `failures`; returns those never reported before (the ones to announce).

        Runs in `announce` (ids whose deployments want notices) are listed in the
        menu and counted on the badge; the others are only remembered, so turning
        notices back on later does not bring old failures up.
        """
        entry = self._server(server)
        loud = set(announce)
        fresh = []
        for failure in failures:
            if failure.key in entry.reported:
                continue
            if entry.started is not None and failure.ended < entry.started:
                # Ended before this server was first watched: history, as for the
                # catch-up. The event stream replays such ends on every connect.
                continue
            entry.reported[failure.key] = failure.ended
            if failure.run_id in loud:
                fresh.append(failure)
                entry.recent = [f for f in entry.recent if f.run_id != failure.run_id]
                entry.recent.insert(0, failure)
                if failure.run_id not in entry.unseen:
                    entry.unseen.append(failure.run_id)
        if failures:
            entry.recent.sort(key=lambda f: f.ended, reverse=True)
            self._prune(entry)
            self.save()
        return fresh

    def mark_seen(self, server: str, run_ids: Iterable[str] | None = None) -> bool:
        """The person saw them (menu opened, notice clicked, run opened); True if any was new."""
        entry = self._servers.get(server)
        if entry is None or not entry.unseen:
            return False
        before = len(entry.unseen)
        if run_ids is None:
            entry.unseen = []
        else:
            gone = set(run_ids)
            entry.unseen = [r for r in entry.unseen if r not in gone]
        if len(entry.unseen) == before:
            return False
        self.save()
        return True

    def dismiss(self, server: str, run_ids: Iterable[str] | None = None) -> None:
        """Take runs (all: None) off the menu's list; they stay reported, never said again."""
        entry = self._servers.get(server)
        if entry is None:
            return
        if run_ids is None:
            entry.recent, entry.unseen = [], []
        else:
            gone = set(run_ids)
            entry.recent = [f for f in entry.recent if f.run_id not in gone]
            entry.unseen = [r for r in entry.unseen if r not in gone]
        self.save()

    def _prune(self, entry: _Server) -> None:
        floor = (entry.seen_until or datetime.now(timezone.utc)) - KEEP_REPORTED
        entry.reported = {r: t for r, t in entry.reported.items() if t >= floor}
        if len(entry.reported) > MAX_REPORTED:
            newest = sorted(entry.reported.items(), key=lambda item: item[1])[-MAX_REPORTED:]
            entry.reported = dict(newest)
        recent_floor = datetime.now(timezone.utc) - RECENT
        unseen = set(entry.unseen)  # found after days away: listed until seen
        entry.recent = [f for f in entry.recent if f.ended >= recent_floor or f.run_id in unseen][
            :MAX_RECENT
        ]
        listed = {f.run_id for f in entry.recent}
        entry.unseen = [r for r in entry.unseen if r in listed]


def _read_server(raw: Any) -> _Server:
    if not isinstance(raw, dict):
        raise ValueError("a server entry must be an object")
    seen = raw.get("seen_until")
    started = raw.get("started")
    reported = raw.get("reported") or {}
    if not isinstance(reported, dict):
        raise ValueError("'reported' must be an object")
    recent: list[Failure] = []
    for item in raw.get("recent") or []:
        try:
            recent.append(Failure.from_dict(item))
        except (ValueError, KeyError, TypeError):
            continue  # one bad entry costs that entry only
    unseen = [r for r in raw.get("unseen") or [] if isinstance(r, str)]
    return _Server(
        seen_until=_utc(datetime.fromisoformat(seen)) if isinstance(seen, str) else None,
        started=_utc(datetime.fromisoformat(started)) if isinstance(started, str) else None,
        reported={str(r): _utc(datetime.fromisoformat(str(t))) for r, t in reported.items()},
        recent=recent,
        unseen=unseen,
    )
