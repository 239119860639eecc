"""Live flow-run state changes: the websocket event stream, polling as fallback.

The stream delivers a Paused event ~20 ms after it happens (1 s polling:
0.15-0.5 s). On (re)connect the server replays ~60 s of past events, so events
are de-duplicated by id. If the websocket cannot be had (a proxy, an old
server) we poll, and keep trying the websocket now and then.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import AsyncIterator
from datetime import datetime, timezone
from typing import Any

from desktop_app.core.api.client import FlowdeskClient
from desktop_app.core.api.models import DeploymentEvent, RunEvent

log = logging.getLogger(__name__)

RUN_EVENT_PREFIX = "prefect.flow-run."
RESOURCE_PREFIX = "prefect.flow-run."
DEPLOYMENT_EVENT_PREFIX = "prefect.deployment."


class _SeenIds:
    """Bounded memory of event ids (replays after reconnect repeat them)."""

    def __init__(self, size: int = 5000) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._size = size

    def add(self, key: str) -> bool:
        """True if `key` is new."""
        if key in self._ids:
            return False
        self._ids[key] = None
        if len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return True


def run_event_from(event: Any) -> RunEvent | None:
    """A Prefect `Event` → RunEvent, or None if it is not a flow-run state change."""
    name = getattr(event, "event", "")
    resource_id = event.resource.id if getattr(event, "resource", None) else ""
    if not name.startswith(RUN_EVENT_PREFIX) or not resource_id.startswith(RESOURCE_PREFIX):
        return None
    if name.endswith(".heartbeat"):
        return None
    labels = dict(event.resource.items()) if hasattr(event.resource, "items") else {}
    state_type = labels.get("prefect.state-type") or ""
    state_name = labels.get("prefect.state-name") or name[len(RUN_EVENT_PREFIX) :]
    return RunEvent(
        id=str(event.id),
        occurred=event.occurred,
        run_id=resource_id[len(RESOURCE_PREFIX) :],
        state_type=state_type.upper(),
        state_name=state_name,
        source="events",
    )


def deployment_event_from(event: Any) -> DeploymentEvent | None:
    """A Prefect `Event` → DeploymentEvent, or None if it is not about a deployment."""
    name = getattr(event, "event", "")
    resource_id = event.resource.id if getattr(event, "resource", None) else ""
    if not name.startswith(DEPLOYMENT_EVENT_PREFIX) or not resource_id.startswith(
        DEPLOYMENT_EVENT_PREFIX
    ):
        return None
    return DeploymentEvent(
        id=str(event.id),
        occurred=event.occurred,
        deployment_id=resource_id[len(DEPLOYMENT_EVENT_PREFIX) :],
        kind=name[len(DEPLOYMENT_EVENT_PREFIX) :],
    )


class RunEventStream:
    """Async iterator of RunEvents that survives disconnects.

    `mode` tells the UI whether it is live ("events"), degraded ("poll") or
    still connecting. With `deployments=True` the same websocket also carries
    `DeploymentEvent`s (not while polling: the window then checks itself).
    """

    def __init__(
        self,
        client: FlowdeskClient,
        poll_interval: float = 1.0,
        websocket_retry: float = 30.0,
        use_websocket: bool = True,
        deployments: bool = False,
    ) -> None:
        self.client = client
        self.deployments = deployments
        self.poll_interval = poll_interval
        self.websocket_retry = websocket_retry
        self.use_websocket = use_websocket
        self.mode = "connecting"
        self._seen = _SeenIds()
        self._poll_states: dict[str, tuple[str, str]] = {}

    def _subscriber(self) -> Any:
        from prefect.events.clients import PrefectCloudEventSubscriber, PrefectEventSubscriber
        from prefect.events.filters import EventFilter, EventNameFilter

        conn = self.client.connection
        prefixes = [RUN_EVENT_PREFIX]
        if self.deployments:
            prefixes.append(DEPLOYMENT_EVENT_PREFIX)
        event_filter = EventFilter(event=EventNameFilter(prefix=prefixes))
        if conn.api_key:
            return PrefectCloudEventSubscriber(
                api_url=conn.api_url, api_key=conn.api_key, filter=event_filter
            )
        subscriber = PrefectEventSubscriber(
            api_url=conn.api_url, filter=event_filter, reconnection_attempts=3
        )
        # The subscriber reads the auth string from ambient settings; ours is explicit.
        subscriber._auth_token = conn.auth_string
        return subscriber

    def _credential_settings(self) -> Any:
        """Prefect settings carrying our credentials, or None when there are none.

        Prefect's websocket version check reads auth from ambient settings.
        Building a Settings object costs 0.1-0.2 s (pydantic-settings reads the
        environment and profile files), so callers build it off the event loop
        (`asyncio.to_thread`) and only enter it on the loop.
        """
        from prefect.settings import PREFECT_API_AUTH_STRING, PREFECT_API_KEY
        from prefect.settings.context import get_current_settings

        conn = self.client.connection
        updates: dict[Any, Any] = {}
        if conn.auth_string:
            updates[PREFECT_API_AUTH_STRING] = conn.auth_string
        if conn.api_key:
            updates[PREFECT_API_KEY] = conn.api_key
        if not updates:
            return None
        return get_current_settings().copy_with_update(updates=updates)

    def _credentials(self, settings: Any) -> Any:
        """Enter `settings` for this task only (settings live in a context variable)."""
        import contextlib

        if settings is None:
            return contextlib.nullcontext()
        import prefect.context

        current = prefect.context.get_settings_context()
        return prefect.context.SettingsContext(profile=current.profile, settings=settings)

    async def __aiter__(self) -> AsyncIterator[RunEvent | DeploymentEvent]:
        while True:
            if self.use_websocket:
                try:
                    subscriber = self._subscriber()
                    settings = await asyncio.to_thread(self._credential_settings)
                    with self._credentials(settings):
                        await subscriber.__aenter__()
                    try:
                        self.mode = "events"
                        async for event in subscriber:
                            item = run_event_from(event) or (
                                deployment_event_from(event) if self.deployments else None
                            )
                            if item and self._seen.add(item.id):
                                yield item
                    finally:
                        await subscriber.__aexit__(None, None, None)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    log.warning("event stream unavailable (%s); polling instead", exc)
            self.mode = "poll"
            async for run_event in self._poll(self.websocket_retry if self.use_websocket else None):
                yield run_event

    async def _poll(self, duration: float | None) -> AsyncIterator[RunEvent]:
        """Diff the most recent runs' states every `poll_interval` seconds."""
        loop = asyncio.get_running_loop()
        until = None if duration is None else loop.time() + duration
        first = not self._poll_states
        while until is None or loop.time() < until:
            try:
                runs = await self.client.list_runs(limit=200)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.debug("poll failed: %s", exc)
                await asyncio.sleep(self.poll_interval)
                continue
            for run in runs:
                key = (run.state.type, run.state.name)
                if self._poll_states.get(run.id) != key:
                    self._poll_states[run.id] = key
                    if not first:
                        yield RunEvent(
                            id=f"poll-{run.id}-{run.state.timestamp}",
                            occurred=run.state.timestamp or datetime.now(timezone.utc),
                            run_id=run.id,
                            state_type=run.state.type,
                            state_name=run.state.name,
                            source="poll",
                            run=run,
                        )
            first = False
            await asyncio.sleep(self.poll_interval)
