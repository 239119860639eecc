"""`flowdesk show RUN` lists a run's artifacts; `--json` agrees with Prefect's own client."""

from __future__ import annotations

import asyncio
import json

import pytest

from tests.ui.artifact_support import Probe

pytestmark = pytest.mark.integration


def cli(argv, capsys):
    from desktop_app.cli import main as cli_main

    code = cli_main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def _prefect_reads(managed_server, run_id: str):
    """The run's artifacts through Prefect's own client (not ours)."""
    from prefect.client.orchestration import PrefectClient
    from prefect.client.schemas import filters as f

    async def read():
        connection = managed_server.connection
        async with PrefectClient(connection.api_url, auth_string=connection.auth_string) as c:
            return await c.read_artifacts(
                artifact_filter=f.ArtifactFilter(
                    flow_run_id=f.ArtifactFilterFlowRunId(any_=[run_id])
                )
            )

    return asyncio.run(read())


def test_show_lists_artifacts_and_json_agrees_with_prefect(managed_server, capsys, tmp_path):
    probe = Probe(managed_server, tmp_path, open_all=True)
    try:
        run_id = probe.finish()
    finally:
        probe.stop()

    code, out, err = cli(["show", run_id[:8]], capsys)
    assert code == 0, err
    listing = out[out.index("Artifacts:") :]
    assert "Artifacts:  6" in listing
    lines = {line.split()[1]: line for line in listing.splitlines()[3:]}
    assert lines["probe-rows"].split()[0] == "table" and "2 rows × 2 columns" in lines["probe-rows"]
    assert "3 rows × 2 columns" in lines["probe-columns"]
    assert lines["probe-progress"].split()[0] == "progress" and "How far it got" in lines[
        "probe-progress"
    ]
    assert "the report" in lines["probe-link"]
    assert "From the task" in lines["probe-task-report"]

    code, out, err = cli(["show", run_id, "--json"], capsys)
    assert code == 0, err
    ours = {a["id"]: a for a in json.loads(out)["artifacts"]}
    theirs = [a for a in _prefect_reads(managed_server, run_id) if a.type]
    assert set(ours) == {str(a.id) for a in theirs}
    for artifact in theirs:
        mine = ours[str(artifact.id)]
        assert (mine["key"], mine["type"], mine["data"]) == (
            artifact.key,
            artifact.type,
            artifact.data,
        )
        assert mine["task_run_id"] == (str(artifact.task_run_id) if artifact.task_run_id else None)


def test_show_says_when_a_run_has_no_artifacts(managed_server, capsys):
    from tests.conftest import await_until

    async def a_run_without_artifacts() -> str:
        async with managed_server.client() as client:
            deployment = await client.resolve_deployment("basic-workflow/local")
            run = await client.run_deployment(deployment.id, {"count": 1})

            async def done():
                return (await client.read_run(run.id)).state.is_final

            await await_until(done, timeout=90, interval=0.2, what="the run to end")
            return run.id

    run_id = asyncio.run(a_run_without_artifacts())
    code, out, _ = cli(["show", run_id], capsys)
    assert code == 0 and "Artifacts:  none" in out
    code, out, _ = cli(["show", run_id, "--json"], capsys)
    assert json.loads(out)["artifacts"] == []
    # Prefect does hold one record for the run: where its persisted result is stored.
    records = _prefect_reads(managed_server, run_id)
    assert len(records) == 1 and "storage_key" in records[0].data
