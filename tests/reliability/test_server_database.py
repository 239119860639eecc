"""A damaged or emptied database stops the start at once, says why, and is repairable.

Real server, real database: the history a person had is back after
`flowdesk server repair --restore-latest`; `--start-fresh` keeps the old file.
"""

from __future__ import annotations

import asyncio
import json
import time

import pytest

from desktop_app.core.supervision.server import ServerError
from tests.conftest import await_until, wait_until
from tests.reliability.conftest import damage, record_figure, wait_for_deployments

pytestmark = [pytest.mark.integration, pytest.mark.reliability]


async def _completed_run(server) -> str:
    async with server.client() as client:
        dep = await client.resolve_deployment("basic-workflow/local")
        run = await client.run_deployment(dep.id, {})

        async def done():
            return (await client.read_run(run.id)).state.is_final

        await await_until(done, timeout=120, what="basic run finished")
        return run.id


def _restart_and_back_up(server) -> str:
    """A requested restart is a start: the database is backed up once ready."""
    before = server.state()
    server.manager.restart()
    state = wait_until(
        lambda: (
            (s := server.state())
            and s.phase == "ready"
            and s.last_backup
            and s.last_backup != before.last_backup
            and s
        ),
        timeout=120,
        what="ready again with a new backup",
    )
    return state.last_backup


def _status_json(capsys) -> dict:
    from desktop_app.cli import main as cli_main

    cli_main(["server", "status", "--json"])
    return json.loads(capsys.readouterr().out)


def _start_expecting_failure(server) -> tuple[str, float]:
    began = time.monotonic()
    with pytest.raises(ServerError) as caught:
        asyncio.run(server.manager.ensure_running(timeout=120))
    return str(caught.value), time.monotonic() - began


def test_damaged_database_fails_fast_and_restore_brings_history_back(private_server, capsys):
    from desktop_app.cli import main as cli_main
    from desktop_app.core.supervision import database

    run_id = asyncio.run(_completed_run(private_server))
    backup = _restart_and_back_up(private_server)
    assert database.quick_check(database.database_file()) == "ok"
    asyncio.run(private_server.manager.stop())
    db = database.database_file()
    damage(db)

    message, seconds = _start_expecting_failure(private_server)
    assert str(db) in message and "repair" in message
    assert len(message.splitlines()) == 1, message  # one line, no traceback
    status = _status_json(capsys)
    assert status["phase"] == "failed" and status["state"]["problem"] == "damaged"
    assert len(status["state"]["message"].splitlines()) == 1
    assert status["state"]["restarts"] == 0  # no round of restarts on a broken file

    assert cli_main(["server", "repair", "--restore-latest"]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "damaged-" in out
    assert list(db.parent.glob("prefect.db.damaged-*"))  # kept, never deleted
    wait_until(lambda: (s := private_server.state()) and s.phase == "ready", timeout=120)
    asyncio.run(wait_for_deployments(private_server))

    async def history():
        async with private_server.client() as client:
            return await client.read_run(run_id)

    assert asyncio.run(history()).state.type == "COMPLETED"
    record_figure(
        "damaged database (garbage at 4096)",
        trials=1,
        passed=1,
        seconds_to_failed=round(seconds, 1),
        backup_mb=round(_size(backup) / 1e6, 1),
    )


@pytest.mark.http_expected(404, "/flow_runs/")  # a fresh history no longer has the run
def test_emptied_database_is_never_silently_replaced(private_server, capsys):
    from desktop_app.cli import main as cli_main
    from desktop_app.core.supervision import database

    run_id = asyncio.run(_completed_run(private_server))
    asyncio.run(private_server.manager.stop())
    db = database.database_file()
    db.write_bytes(b"")
    for sidecar in ("-wal", "-shm"):
        db.with_name(db.name + sidecar).unlink(missing_ok=True)

    message, _seconds = _start_expecting_failure(private_server)
    assert "empty" in message and str(db) in message
    assert db.stat().st_size == 0  # not replaced by a new, empty history
    assert cli_main(["server", "repair"]) == 1  # tells what is wrong and the two choices
    out = capsys.readouterr().out
    assert "--restore-latest" in out and "--start-fresh" in out

    assert cli_main(["server", "repair", "--start-fresh"]) == 0
    capsys.readouterr()
    wait_until(lambda: (s := private_server.state()) and s.phase == "ready", timeout=180)
    asyncio.run(wait_for_deployments(private_server))

    async def gone():
        from desktop_app.core.api.errors import NotFound

        async with private_server.client() as client:
            with pytest.raises(NotFound):
                await client.read_run(run_id)

    asyncio.run(gone())
    assert any(p.stat().st_size == 0 for p in db.parent.glob("prefect.db.damaged-*"))


def _size(path: str) -> int:
    from pathlib import Path

    return Path(path).stat().st_size
