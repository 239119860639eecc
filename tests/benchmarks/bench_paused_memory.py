"""Paused-memory benchmark child of `python -m tests.benchmarks paused_memory`: prints JSON.

    python -m tests.benchmarks.bench_paused_memory [--paused 20] [--trials 5]

On a private FLOWDESK_HOME, through our managed server and runner:
- N runs paused by `pause_here` waiting in their processes (what Prefect's
  `pause_flow_run` does too): PSS of their processes;
- N runs paused by `pause_here(release_after=1)`: the same once released (their
  processes have exited; until then they held what the first N hold);
- what a resume costs: resume call → the flow's next step, for a pause held in
  its process and for a released one (new process, task replayed from its
  persisted result), one resume at a time, `--trials` of each.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

HOME = Path(tempfile.mkdtemp(prefix="flowdesk-bench-"))
os.environ["FLOWDESK_HOME"] = str(HOME)
for key in ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_API_AUTH_STRING"):
    os.environ.pop(key, None)
os.environ["PREFECT_HOME"] = str(HOME / "prefect-client")

import psutil  # noqa: E402

from desktop_app.core.api.client import FlowdeskClient  # noqa: E402
from desktop_app.core.config import paths  # noqa: E402
from desktop_app.core.supervision.liveness import flow_run_processes  # noqa: E402
from desktop_app.core.supervision.ports import free_port  # noqa: E402
from desktop_app.core.supervision.server import ServerManager  # noqa: E402
from tests.benchmarks.bench_engine import (  # noqa: E402
    pss_mib,
    wait_deployment,
    wait_file,
    wait_state,
)

FLOW_FILE = Path(__file__).parent / "flows" / "bench_release.py"
RELEASE_AFTER = 1.0


def run_processes(run_ids: set[str]) -> list[psutil.Process]:
    """Every live process running one of `run_ids` (children included), by PREFECT__FLOW_RUN_ID."""
    pids = [pid for run_id, pid in flow_run_processes().items() if run_id in run_ids]
    procs = []
    for pid in pids:
        try:
            proc = psutil.Process(pid)
            procs += [proc, *proc.children(recursive=True)]
        except psutil.Error:
            pass
    return procs


async def wait_until(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while True:
        value = await condition() if asyncio.iscoroutinefunction(condition) else condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.2)


async def start_paused(client, deployment_id: str, workdir: Path, tag: str, n: int,
                       release_after: float | None) -> list:
    runs = []
    for i in range(n):
        marker = workdir / f"{tag}-{i}"
        runs.append(await client.run_deployment(
            deployment_id, {"marker": str(marker), "release_after": release_after}))

    async def all_paused():
        states = [await client.read_run(r.id) for r in runs]
        return all(s.state.is_paused for s in states)

    await wait_until(all_paused, 600, f"{n} runs paused")
    return runs


async def resume_cost(client, run, workdir: Path, tag: str, i: int) -> float:
    marker = Path(str(workdir / f"{tag}-{i}") + ".resumed")
    began = time.time()
    await client.resume(run.id)
    resumed = await wait_file(marker, 180)
    await wait_state(client, run.id, "COMPLETED", timeout=180)
    return resumed - began


async def main_async(paused: int, trials: int) -> dict:
    manager = ServerManager(preferred_port=free_port())
    conn = await manager.ensure_running(timeout=240)
    shutil.copy(FLOW_FILE, paths.user_flows_dir() / FLOW_FILE.name)
    workdir = HOME / "markers"
    workdir.mkdir()
    out: dict = {"paused": paused, "trials": trials, "release_after_s": RELEASE_AFTER}
    try:
        async with FlowdeskClient(conn) as client:
            deployment = await wait_deployment(client, "bench-release/local")

            # 1. Held: every paused run keeps its process.
            held = await start_paused(client, deployment.id, workdir, "held", paused, None)
            await asyncio.sleep(1.0)  # let the last ones settle after their pause
            held_ids = {r.id for r in held}
            out["held_processes"] = len({p.pid for p in run_processes(held_ids)})
            out["held_mib"] = [pss_mib(run_processes(held_ids))]
            out["resume_held_s"] = [
                await resume_cost(client, held[i], workdir, "held", i)
                for i in range(min(trials, paused))]
            for run in held[trials:]:
                await client.resume(run.id)
            for run in held:
                await wait_state(client, run.id, "COMPLETED", timeout=300)

            # 2. Released: the same pauses with release_after; memory before and after.
            released = await start_paused(
                client, deployment.id, workdir, "released", paused, RELEASE_AFTER)
            ids = {r.id for r in released}

            async def all_released():
                states = [await client.read_run(r.id) for r in released]
                return all(s.state.is_paused and s.state.pause_reschedule for s in states)

            began = time.monotonic()
            await wait_until(all_released, 600, "runs released")
            await wait_until(lambda: not run_processes(ids), 120, "released processes gone")
            out["release_to_gone_s"] = round(time.monotonic() - began, 2)
            out["released_processes"] = len(run_processes(ids))
            out["released_mib"] = [pss_mib(run_processes(ids))]
            notes = [(await client.read_run(r.id)).labels for r in released]
            out["restart_estimate_s"] = [float(n.get("flowdesk.restart-s", 0)) for n in notes]
            out["resume_released_s"] = [
                await resume_cost(client, released[i], workdir, "released", i)
                for i in range(min(trials, paused))]
            for run in released[trials:]:
                await client.resume(run.id)
            for run in released:
                await wait_state(client, run.id, "COMPLETED", timeout=300)
    finally:
        await manager.stop()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paused", type=int, default=20, help="runs held paused at once")
    parser.add_argument("--trials", type=int, default=5, help="resumes timed, of each kind")
    args = parser.parse_args()
    try:
        result = asyncio.run(main_async(args.paused, args.trials))
    finally:
        asyncio.run(ServerManager().stop())
        shutil.rmtree(HOME, ignore_errors=True)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
