"""Schedules set through Flowdesk's one door, read back by Prefect's own client, and kept
when the runner serves the flow file again (the decision: schedules edited here win)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from uuid import UUID

import pytest
from prefect.client.schemas.schedules import IntervalSchedule

from desktop_app.core.api.errors import FlowdeskError, NotFound, ScheduleRejected
from desktop_app.core.api.schedule_models import ScheduleSpec
from desktop_app.core.config import paths
from desktop_app.core.serving import schedule_marks
from desktop_app.services import schedules
from tests.conftest import await_until

pytestmark = pytest.mark.integration

SOURCE = """from prefect import flow


@flow(name="{name}")
def {fn}(note: str = "{note}") -> str:
    return note
"""


@pytest.fixture
def flow_file() -> Iterator[Path]:
    path = (paths.user_flows_dir() / "sched_probe_flow.py").resolve()
    yield path
    path.unlink(missing_ok=True)


def write(path: Path, name: str, note: str) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(SOURCE.format(name=name, fn=name.replace("-", "_"), note=note), "utf-8")
    os.replace(tmp, path)  # the runner never sees half a file


async def prefect_schedules(client, deployment_id: str) -> list:
    """What Prefect's own client reads back (not our facade)."""
    raw = await client.prefect.read_deployment(UUID(deployment_id))
    return list(raw.schedules)


async def served(client, full_name: str, timeout: float = 90):
    async def found():
        return next((d for d in await client.list_deployments() if d.full_name == full_name), None)

    return await await_until(found, timeout=timeout, interval=0.3, what=f"{full_name} served")


async def reserved(client, deployment_id: str, before, timeout: float = 90) -> None:
    """Wait until the runner has registered the deployment again (its `updated` moved)."""

    async def moved():
        raw = await client.prefect.read_deployment(UUID(deployment_id))
        return raw.updated > before

    await await_until(moved, timeout=timeout, interval=0.3, what="the file served again")


def test_schedules_round_trip_and_survive_reserving(managed_server, flow_file) -> None:
    async def go():
        async with managed_server.client() as client:
            write(flow_file, "sched-keep", "one")
            dep = await served(client, "sched-keep/local")
            assert not schedules.edited_here(dep)

            # A schedule added elsewhere (Prefect's own client) on a deployment never
            # edited here: the file's declaration (no schedule) is the default and wins.
            await client.prefect.create_deployment_schedules(
                UUID(dep.id), [(IntervalSchedule(interval=timedelta(hours=5)), True)]
            )
            before = (await client.prefect.read_deployment(UUID(dep.id))).updated
            write(flow_file, "sched-keep", "two")
            await reserved(client, dep.id, before)
            assert await prefect_schedules(client, dep.id) == []

            # Set here: cron in a zone, an interval, an RRule; Prefect reads back the same.
            cron = await schedules.add(
                client, dep, ScheduleSpec("cron", "0 9 * * 1-5", "Asia/Shanghai"), source="cli"
            )
            await schedules.add(client, dep, ScheduleSpec("interval", "1h30m"), source="cli")
            await schedules.add(
                client, dep, ScheduleSpec("rrule", "FREQ=WEEKLY;BYDAY=MO,TH"), source="cli"
            )
            assert schedules.edited_here(dep)
            raw = {str(s.id): s for s in await prefect_schedules(client, dep.id)}
            assert raw[cron.entry.id].schedule.cron == "0 9 * * 1-5"
            assert raw[cron.entry.id].schedule.timezone == "Asia/Shanghai"
            assert sorted(type(s.schedule).__name__ for s in raw.values()) == [
                "CronSchedule",
                "IntervalSchedule",
                "RRuleSchedule",
            ]
            assert any(
                getattr(s.schedule, "interval", None) == timedelta(seconds=5400)
                for s in raw.values()
            )

            # Pause one, edit one: the others are untouched.
            _, entries = await schedules.list_schedules(client, dep.full_name)
            assert [e.spec.kind for e in entries] == ["cron", "interval", "rrule"]
            await schedules.set_active(client, dep, entries[1].id, False, source="window")
            await schedules.edit(
                client,
                dep,
                entries[0].id,
                ScheduleSpec("cron", "30 8 * * *", "UTC"),
                source="window",
            )
            raw = {str(s.id): s for s in await prefect_schedules(client, dep.id)}
            assert raw[entries[0].id].schedule.cron == "30 8 * * *"
            assert raw[entries[1].id].active is False
            assert raw[entries[2].id].active is True

            # The runner serves the edited file again: the schedules edited here stay.
            before = (await client.prefect.read_deployment(UUID(dep.id))).updated
            write(flow_file, "sched-keep", "three")
            await reserved(client, dep.id, before)
            after = {str(s.id): s for s in await prefect_schedules(client, dep.id)}
            assert set(after) == set(raw)
            assert after[entries[0].id].schedule.cron == "30 8 * * *"
            assert after[entries[1].id].active is False
            raw_dep = await client.prefect.read_deployment(UUID(dep.id))
            note = raw_dep.parameter_openapi_schema["properties"]["note"]
            assert note["default"] == "three"  # the file itself was applied

            await schedules.remove(client, dep, entries[2].id, source="cli")
            assert entries[2].id not in {str(s.id) for s in await prefect_schedules(client, dep.id)}

    asyncio.run(go())


@pytest.mark.http_expected(404, "/schedules/")
def test_bad_schedules_change_nothing(managed_server) -> None:
    async def go():
        async with managed_server.client() as client:
            dep = await client.resolve_deployment("basic-workflow/local")
            before = await prefect_schedules(client, dep.id)
            marks_before = schedule_marks.edited_deployments()
            for bad in (
                ScheduleSpec("cron", "0 25 * * *"),
                ScheduleSpec("rrule", "FREQ=NEVER"),
                ScheduleSpec("interval", "0"),
                ScheduleSpec("cron", "0 9 * * *", "Nowhere/Atlantis"),
            ):
                with pytest.raises(ScheduleRejected):
                    await schedules.add(client, dep, bad, source="cli")
            # Refused before anything: no mark (the file's schedules still win), no request.
            assert schedule_marks.edited_deployments() == marks_before
            assert await prefect_schedules(client, dep.id) == before

            # Past our checks, Prefect's own check still refuses, in one line, unchanged.
            with pytest.raises(ScheduleRejected, match="Prefect refused the schedule") as caught:
                await client.add_schedule(dep.id, ScheduleSpec("rrule", "FREQ=NEVER"))
            assert "\n" not in str(caught.value)

            # Editing is a replace in place: a refused edit keeps the old schedule.
            added = await schedules.add(
                client, dep, ScheduleSpec("interval", "86400"), source="cli"
            )
            try:
                with pytest.raises(ScheduleRejected):
                    await schedules.edit(
                        client, dep, added.entry.id, ScheduleSpec("cron", "nope"), source="cli"
                    )
                with pytest.raises(ScheduleRejected):
                    await client.replace_schedule(
                        dep.id, added.entry.id, ScheduleSpec("rrule", "FREQ=NEVER")
                    )
                kept = {str(s.id): s for s in await prefect_schedules(client, dep.id)}
                assert kept[added.entry.id].schedule.interval.total_seconds() == 86400
                # A schedule that is gone: the server's 404, in words.
                with pytest.raises(NotFound):
                    await client.remove_schedule(dep.id, "00000000-0000-0000-0000-000000000000")
            finally:
                await schedules.remove(client, dep, added.entry.id, source="cli")

    asyncio.run(go())


def test_an_unwritable_mark_refuses_the_change(managed_server, monkeypatch) -> None:
    def refuse(name, path=None):
        raise PermissionError(13, "Permission denied", str(schedule_marks.marks_file()))

    monkeypatch.setattr(schedule_marks, "mark_edited", refuse)

    async def go():
        async with managed_server.client() as client:
            dep = await client.resolve_deployment("basic-workflow/local")
            before = await prefect_schedules(client, dep.id)
            with pytest.raises(FlowdeskError, match="Nothing was changed"):
                await schedules.add(client, dep, ScheduleSpec("interval", "3600"), source="cli")
            assert await prefect_schedules(client, dep.id) == before

    asyncio.run(go())
