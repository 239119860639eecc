"""Reading artifacts: those of one run (and its task runs), and the latest per key.

Part of the client facade (`FlowdeskClient` inherits it). Prefect updates a
progress artifact in place, so a second read of the same run returns the
same ids with new data: callers compare `updated`/`data`, not ids.
"""

from __future__ import annotations

from typing import Any

from prefect.client.schemas import filters as f
from prefect.client.schemas.sorting import ArtifactSort

from desktop_app.core.api.api_errors import as_uuid
from desktop_app.core.api.artifact_models import ArtifactInfo
from desktop_app.core.api.facade_part import FacadePart

PAGE = 200
MOST = 1000
"""A run with more artifacts than this shows the first thousand (and says so)."""


def artifact_info(raw: Any, *, latest: bool = False) -> ArtifactInfo:
    """A Prefect `Artifact` (or `ArtifactCollection` when `latest`) → `ArtifactInfo`."""
    return ArtifactInfo(
        id=str(raw.latest_id if latest else raw.id),
        key=raw.key,
        type=raw.type or "",
        description=raw.description,
        data=raw.data,
        flow_run_id=str(raw.flow_run_id) if raw.flow_run_id else None,
        task_run_id=str(raw.task_run_id) if raw.task_run_id else None,
        created=raw.created,
        updated=raw.updated,
    )


class ArtifactReads(FacadePart):
    """Artifact reads on top of the facade's `_call`."""

    async def run_artifacts(self, run_id: str, most: int = MOST) -> list[ArtifactInfo]:
        """The run's artifacts, its task runs' included, oldest first."""
        artifact_filter = f.ArtifactFilter(
            flow_run_id=f.ArtifactFilterFlowRunId(any_=[as_uuid(run_id)])
        )
        raw: list[Any] = []
        while len(raw) < most:
            page = await self._call(
                self._prefect.read_artifacts(
                    artifact_filter=artifact_filter,
                    sort=ArtifactSort.CREATED_DESC,
                    limit=min(PAGE, most - len(raw)),
                    offset=len(raw),
                ),
                "Artifacts",
            )
            raw += page
            if len(page) < PAGE:
                break
        return [artifact_info(a) for a in reversed(raw)]

    async def latest_artifacts(
        self, *, flow_id: str | None = None, deployment_id: str | None = None, limit: int = PAGE
    ) -> list[ArtifactInfo]:
        """The latest artifact of each key made by this flow's (or deployment's) runs.

        Prefect's client method has no flow/deployment filter; the server's
        endpoint does, so the request is made directly.
        """
        body: dict[str, Any] = {"limit": min(limit, PAGE), "offset": 0, "sort": "ID_DESC"}
        if flow_id:
            body["flows"] = {"id": {"any_": [str(as_uuid(flow_id))]}}
        if deployment_id:
            body["deployments"] = {"id": {"any_": [str(as_uuid(deployment_id))]}}
        response = await self._call(
            self._prefect.request("POST", "/artifacts/latest/filter", json=body), "Artifacts"
        )
        from prefect.client.schemas.objects import ArtifactCollection

        items = ArtifactCollection.model_validate_list(response.json())
        infos = [artifact_info(item, latest=True) for item in items]
        return sorted(infos, key=lambda a: a.key or "")
