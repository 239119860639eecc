"""Reading pages of runs without freezing the window.

`FlowdeskClient.list_runs` validates the server's JSON into Prefect's pydantic
models on the calling thread. For 200 runs that is 60-150 ms here (mostly
Prefect's pendulum date conversions): a visible stall per page on the GUI
loop. `RunReader` sends the same request through the same client (on the
qasync loop) but does the JSON → model → `RunInfo` work in a worker thread,
where the GIL is handed back every few milliseconds, so the loop never waits
long. Only public pieces are used: `client.prefect.request`, Prefect's
`FlowRun` model and `core.convert.run_info`.

If `FlowdeskClient.list_runs` gains an off-thread parse itself, this module
can go.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any
from uuid import UUID

from desktop_app.core import convert
from desktop_app.core.models import RunInfo

if TYPE_CHECKING:
    from desktop_app.core.client import FlowdeskClient, RunFilter


def _dump(model: Any, **options: Any) -> Any:
    return model.model_dump(mode="json", **options) if model is not None else None


class RunReader:
    def __init__(self, client: FlowdeskClient) -> None:
        self.client = client
        self.flow_names: dict[str, str] = {}
        self.deployment_names: dict[str, str] = {}

    async def list_runs(
        self,
        run_filter: RunFilter | None = None,
        *,
        limit: int = 200,
        offset: int = 0,
        sort: str = "expected_desc",
    ) -> list[RunInfo]:
        from desktop_app.core.client import SORTS, RunFilter

        kwargs = (run_filter or RunFilter()).to_prefect()
        body = {
            "flows": _dump(kwargs.get("flow_filter")),
            "flow_runs": _dump(kwargs.get("flow_run_filter"), exclude_unset=True),
            "sort": SORTS[sort],
            "limit": limit,
            "offset": offset,
        }
        response = await self.client.prefect.request("POST", "/flow_runs/filter", json=body)
        raw = await asyncio.to_thread(_parse_runs, response.content)
        await self._fill_names(raw)
        flows, deployments = dict(self.flow_names), dict(self.deployment_names)
        return await asyncio.to_thread(
            lambda: [convert.run_info(r, flows, deployments) for r in raw]
        )

    async def _fill_names(self, raw: list[Any]) -> None:
        from prefect.client.schemas import filters as f

        prefect = self.client.prefect
        flow_ids = {str(r.flow_id) for r in raw} - self.flow_names.keys()
        if flow_ids:
            flows = await prefect.read_flows(
                flow_filter=f.FlowFilter(id=f.FlowFilterId(any_=[UUID(i) for i in flow_ids]))
            )
            self.flow_names.update({i: "" for i in flow_ids})  # gone: do not ask again
            self.flow_names.update({str(fl.id): fl.name for fl in flows})
        dep_ids = {str(r.deployment_id) for r in raw if r.deployment_id}
        dep_ids -= self.deployment_names.keys()
        if dep_ids:
            deployments = await prefect.read_deployments(
                deployment_filter=f.DeploymentFilter(
                    id=f.DeploymentFilterId(any_=[UUID(i) for i in dep_ids])
                )
            )
            self.deployment_names.update({i: "" for i in dep_ids})
            self.deployment_names.update({str(d.id): d.name for d in deployments})


def _parse_runs(content: bytes) -> list[Any]:
    import json

    from prefect.client.schemas.objects import FlowRun

    return FlowRun.model_validate_list(json.loads(content))
