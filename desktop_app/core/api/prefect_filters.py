"""Our plain queries (`RunFilter`, sort names) as Prefect's filter models and request bodies.

Also the warm-up of the models the client parses (a page of runs is read
without them, in `run_json`).
"""

from __future__ import annotations

from typing import Any

from prefect.client.schemas import filters as f
from prefect.client.schemas.objects import StateType
from prefect.client.schemas.sorting import FlowRunSort

from desktop_app.core.api.api_errors import as_uuid
from desktop_app.core.api.models import RunFilter

SORTS = {
    "expected_desc": FlowRunSort.EXPECTED_START_TIME_DESC,
    "expected_asc": FlowRunSort.EXPECTED_START_TIME_ASC,
    "start_desc": FlowRunSort.START_TIME_DESC,
    "start_asc": FlowRunSort.START_TIME_ASC,
    "name_asc": FlowRunSort.NAME_ASC,
    "end_desc": FlowRunSort.END_TIME_DESC,
}


def prefect_filter(run_filter: RunFilter | None) -> dict[str, Any]:
    """Keyword arguments for Prefect's `read_flow_runs`/`count_flow_runs`."""
    wanted = run_filter or RunFilter()
    run_filter_args: dict[str, Any] = {}
    if wanted.states:
        run_filter_args["state"] = f.FlowRunFilterState(
            type=f.FlowRunFilterStateType(any_=[StateType(s) for s in wanted.states])
        )
    if wanted.deployment_ids:
        run_filter_args["deployment_id"] = f.FlowRunFilterDeploymentId(
            any_=[as_uuid(d) for d in wanted.deployment_ids]
        )
    if wanted.text:
        run_filter_args["name"] = f.FlowRunFilterName(like_=wanted.text)
    if wanted.started_after or wanted.started_before:
        run_filter_args["expected_start_time"] = f.FlowRunFilterExpectedStartTime(
            after_=wanted.started_after, before_=wanted.started_before
        )
    if wanted.ended_after is not None:
        run_filter_args["end_time"] = f.FlowRunFilterEndTime(after_=wanted.ended_after)
    if wanted.run_ids:
        run_filter_args["id"] = f.FlowRunFilterId(any_=[as_uuid(r) for r in wanted.run_ids])
    if wanted.tags:
        run_filter_args["tags"] = f.FlowRunFilterTags(all_=wanted.tags)
    kwargs: dict[str, Any] = {}
    if run_filter_args:
        kwargs["flow_run_filter"] = f.FlowRunFilter(**run_filter_args)
    if wanted.flow_names:
        kwargs["flow_filter"] = f.FlowFilter(name=f.FlowFilterName(any_=wanted.flow_names))
    return kwargs


def dump(model: Any, **options: Any) -> Any:
    return model.model_dump(mode="json", **options) if model is not None else None


def warm_up() -> None:
    """Build the pydantic models the client will parse (call from a worker thread).

    Prefect builds many models lazily, on their first validation: done on the
    GUI loop, that first read stalled it for ~0.1 s.
    """
    from prefect.client.schemas import filters, objects, responses

    for model in (
        objects.FlowRun,
        objects.State,
        objects.Flow,
        objects.TaskRun,
        objects.Log,
        objects.FlowRunInput,
        objects.WorkPool,
        objects.Worker,
        objects.CsrfToken,
        responses.DeploymentResponse,
        responses.OrchestrationResult,
        filters.FlowRunFilter,
        filters.FlowFilter,
        filters.DeploymentFilter,
        filters.LogFilter,
    ):
        if not model.__pydantic_complete__:
            model.model_rebuild()
    # Schedules validate time zones against a cached scan of ~600 tz files.
    from prefect.types._datetime import get_timezones

    get_timezones()
    import pytz  # Prefect's interval schedules check names against this lazy set

    len(pytz.all_timezones_set)
