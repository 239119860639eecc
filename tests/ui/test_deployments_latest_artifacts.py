"""Deployments tab → "Latest artifacts…": the newest artifact of each key of the flow."""

from __future__ import annotations

import pytest

from tests.ui import test_main_window_support as support
from tests.ui.artifact_support import Probe
from tests.ui.test_main_window_support import await_until, open_window, run

qloop = support.qloop  # the fixture

pytestmark = pytest.mark.integration


async def _deploy_probe_flow(client) -> str:
    """A deployment of the probe flow (same flow by name), so the tab lists it."""
    from prefect import flow

    @flow(name="artifact-probe")
    def probe() -> None: ...

    flow_id = await client.prefect.create_flow(probe)
    await client.prefect.create_deployment(flow_id, "artifacts-latest", paused=True)
    return str(flow_id)


async def _prefect_latest_for(client, flow_id: str) -> dict[str, str]:
    """key → latest artifact id, through Prefect's own client: the latest of every key,
    kept when it came from a run of this flow."""
    from prefect.client.schemas import filters as f

    runs = await client.prefect.read_flow_runs(
        flow_filter=f.FlowFilter(id=f.FlowFilterId(any_=[flow_id])), limit=200
    )
    run_ids = {r.id for r in runs}
    latest = await client.prefect.read_latest_artifacts(limit=200)
    return {a.key: str(a.latest_id) for a in latest if a.flow_run_id in run_ids and a.type}


def test_latest_artifacts_of_a_flow_from_the_deployments_tab(
    qloop, qtbot, managed_server, tmp_path
) -> None:
    probe = Probe(managed_server, tmp_path, open_all=True)
    try:
        newest_run = probe.finish()
    finally:
        probe.stop()

    async def scenario() -> None:
        async with managed_server.client() as client:
            flow_id = await _deploy_probe_flow(client)
            expected = await _prefect_latest_for(client, flow_id)
        async with open_window(qtbot, manager=managed_server.manager) as h:
            await h.connected_and_loaded()
            view = h.window.deployments
            deployment = await await_until(
                lambda: next(
                    (d for d in view.model.deployments() if d.name == "artifacts-latest"), None
                ),
                30,
                what="the probe's deployment",
            )
            assert view.select(deployment.id)
            assert view.artifacts_action.isEnabled()
            view.artifacts_action.trigger()
            dialog = next(
                w
                for w in view.findChildren(object)
                if w.objectName() == "latestArtifactsDialog"
            )
            await await_until(lambda: dialog.loads >= 1, 30, what="the latest artifacts")
            shown = {a.key: a for a in dialog.view.artifacts}
            assert {k: a.id for k, a in shown.items()} == expected
            assert shown["probe-rows"].flow_run_id == newest_run  # the newest run's, not older
            assert dialog.view.select_key("probe-progress")
            assert dialog.view.bar.value() == 1000
            assert "artifact-probe" in dialog.windowTitle()
            dialog.view.select_key("probe-rows")
            dialog.grab().save(str(tmp_path / "latest.png"))
            dialog.reject()

    run(qloop, scenario(), timeout=240)
