"""Warm starts on the runner's side, without a server: what it cannot fork goes to Prefect."""

from __future__ import annotations

import asyncio
import sys


def test_warm_start_hands_anything_it_cannot_fork_to_prefects_own_start():
    """Not ready (or not the engine command): Prefect's `run_process` runs it, unchanged."""
    from desktop_app.core.serving.warm_start import WarmStarter

    calls: list[tuple[list[str], dict]] = []

    async def prefects_run_process(command, **kwargs):
        calls.append((command, kwargs))
        return "prefect's process"

    async def main():
        warm = WarmStarter()  # never started: no fork server
        warm._original = prefects_run_process
        engine = [sys.executable, "-m", "prefect.engine"]
        assert await warm.run_process(engine, env={"A": "1"}, cwd="/tmp") == "prefect's process"
        other = [sys.executable, "-c", "pass"]
        assert await warm.run_process(other, stream_output=True) == "prefect's process"
        return warm.forked

    assert asyncio.run(main()) == 0
    assert [c for c, _ in calls] == [
        [sys.executable, "-m", "prefect.engine"],
        [sys.executable, "-c", "pass"],
    ]
    assert calls[0][1]["env"] == {"A": "1"} and calls[0][1]["cwd"] == "/tmp"


def test_a_run_id_of_the_wrong_width_is_never_stamped():
    from desktop_app.core.serving.fork_server import stamp_run_id

    assert not stamp_run_id("short")


def test_models_prefect_defers_are_built_before_the_fork():
    from pydantic import BaseModel, ConfigDict

    from desktop_app.core.serving.fork_server import complete_deferred_models

    class Deferred(BaseModel):
        model_config = ConfigDict(defer_build=True)
        name: str

    assert not Deferred.__pydantic_complete__
    assert complete_deferred_models(package="tests") >= 1
    assert Deferred.__pydantic_complete__
    assert complete_deferred_models(package="tests") == 0  # nothing left to build
    assert Deferred(name="x").name == "x"
