"""Engine benchmark child of `python -m tests.benchmarks engine`: prints JSON, raw values.

    python -m tests.benchmarks.bench_engine [--trials 5]

Side by side in one run, on a private FLOWDESK_HOME:
- run start ("Run" → Running, server timestamps): our runner vs `prefect deployment run`
  with Prefect's default runner (`flow.serve()`, its 10 s poll) on a plain server;
- resume latency (resume call → the loop's next step): Flowdesk's `pause_here`
  vs Prefect's `pause_flow_run` defaults (a 10 s poll: anywhere in 0-10 s);
- pause notice latency (Paused state time → seen by us): event stream vs 1 s polling;
- ready time on an existing database: our managed server (daemon + server) vs
  plain `prefect server start` (auth off, Prefect's default; same database).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HOME = Path(tempfile.mkdtemp(prefix="flowdesk-bench-"))
os.environ["FLOWDESK_HOME"] = str(HOME)
for key in ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_API_AUTH_STRING"):
    os.environ.pop(key, None)
os.environ["PREFECT_HOME"] = str(HOME / "prefect-client")

import psutil  # noqa: E402

from desktop_app.core.api.client import FlowdeskClient, RunFilter  # noqa: E402
from desktop_app.core.api.events import RunEventStream  # noqa: E402
from desktop_app.core.config import paths  # noqa: E402
from desktop_app.core.supervision.ports import free_port  # noqa: E402
from desktop_app.core.supervision.processes import kill_tree  # noqa: E402
from desktop_app.core.supervision.server import ServerManager  # noqa: E402
from tests.benchmarks.prefect_anchor import copy_prefect_database, plain_prefect_server  # noqa: E402

FLOW_FILE = Path(__file__).parent / "flows" / "bench_pause.py"
NOOP_FILE = Path(__file__).parent / "flows" / "bench_noop.py"
PHASES = random.Random(13)  # the same resume moments in every run of the harness


def median(values: list[float]) -> float | None:
    return round(statistics.median(values), 4) if values else None


async def wait_file(path: Path, timeout: float) -> float:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(path)
        await asyncio.sleep(0.005)
    await asyncio.sleep(0.01)
    return float(path.read_text())


async def wait_state(client, run_id: str, state: str, timeout: float = 90):
    deadline = time.monotonic() + timeout
    while True:
        run = await client.read_run(run_id)
        if run.state.type == state:
            return run
        if time.monotonic() > deadline:
            raise TimeoutError(f"{run_id} not {state}")
        await asyncio.sleep(0.05)


async def resume_trial(client, deployment_id: str, fast: bool, workdir: Path, n: int) -> float:
    marker = workdir / f"{'fast' if fast else 'slow'}-{n}"
    run = await client.run_deployment(deployment_id, {"marker": str(marker), "fast": fast})
    await wait_file(Path(str(marker) + ".paused"), 90)
    await wait_state(client, run.id, "PAUSED")
    # A person resumes at any moment of the flow's poll, not right after it paused:
    # a random wait spreads the trials over Prefect's whole 10 s interval (and ours).
    await asyncio.sleep(PHASES.uniform(0, 10))
    began = time.time()
    await client.resume(run.id)
    resumed = await wait_file(Path(str(marker) + ".resumed"), 60)
    await wait_state(client, run.id, "COMPLETED")
    return resumed - began


async def notice_trial(client, deployment_id: str, workdir: Path, n: int) -> dict[str, float]:
    """The same pause seen by the event stream and by a 1 s poll, concurrently."""
    marker = workdir / f"notice-{n}"
    stream = RunEventStream(client)
    seen: dict[str, float] = {}
    run_id_box: dict[str, str] = {}
    ready = asyncio.Event()

    async def by_events():
        async for event in stream:
            if stream.mode == "events":
                ready.set()
            if event.run_id == run_id_box.get("id") and event.state_type == "PAUSED":
                seen["events"] = time.time()
                return

    async def by_polling():
        while "id" not in run_id_box:
            await asyncio.sleep(0.01)
        while True:
            runs = await client.list_runs(RunFilter(states=["PAUSED"]), limit=50)
            if any(r.id == run_id_box["id"] for r in runs):
                seen["poll"] = time.time()
                return
            await asyncio.sleep(1.0)

    events_task = asyncio.create_task(by_events())
    await asyncio.wait_for(ready.wait(), 10) if stream.mode != "events" else None
    run = await client.run_deployment(deployment_id, {"marker": str(marker), "fast": True})
    run_id_box["id"] = run.id
    poll_task = asyncio.create_task(by_polling())
    await asyncio.wait_for(asyncio.gather(events_task, poll_task), 90)
    paused = await wait_state(client, run.id, "PAUSED")
    state_time = paused.state.timestamp.timestamp()
    await client.resume(run.id)
    await wait_state(client, run.id, "COMPLETED")
    return {k: v - state_time for k, v in seen.items()}


def plain_prefect_ready(prefect_home: Path) -> float:
    with plain_prefect_server(prefect_home) as (seconds, _url, _proc):
        return seconds


async def run_start_trial(client, deployment_id: str) -> float:
    """"Run" → Running, from the server's own timestamps (creation → start_time)."""
    run = await client.run_deployment(deployment_id, {})
    done = await wait_state(client, run.id, "COMPLETED", timeout=120)
    return (done.start_time - done.created).total_seconds()


async def anchor_run_start(prefect_home: Path, trials: int) -> list[float]:
    """The anchor: `prefect deployment run` and the flow served by Prefect's default runner."""
    from desktop_app.core.api.connection import Connection

    with plain_prefect_server(prefect_home) as (_s, api_url, _proc):
        env = {**os.environ, "PREFECT_API_URL": api_url, "PREFECT_HOME": str(prefect_home)}
        env.pop("PREFECT_RUNNER_POLL_FREQUENCY", None)
        runner = subprocess.Popen(
            [sys.executable, str(NOOP_FILE)], env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            async with FlowdeskClient(Connection(api_url=api_url, managed=False)) as client:
                deployment = await wait_deployment(client, "bench-noop/anchor")
                out = []
                for _ in range(trials):
                    before = {r.id for r in await client.list_runs(
                        RunFilter(deployment_ids=[deployment.id]), limit=200)}
                    subprocess.run(
                        [sys.executable, "-m", "prefect", "deployment", "run",
                         "bench-noop/anchor"], env=env, check=True, capture_output=True,
                        timeout=120,
                    )
                    runs = [r for r in await client.list_runs(
                        RunFilter(deployment_ids=[deployment.id]), limit=200)
                        if r.id not in before]
                    done = await wait_state(client, runs[0].id, "COMPLETED", timeout=120)
                    out.append((done.start_time - done.created).total_seconds())
                return out
        finally:
            kill_tree(runner.pid, grace=5)


async def wait_deployment(client, name: str, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while True:
        try:
            return await client.resolve_deployment(name)
        except Exception:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.25)


def pss_mib(procs) -> float:
    total = 0
    for proc in procs:
        try:
            total += proc.memory_full_info().pss
        except psutil.Error:
            pass
    return round(total / 2**20, 1)


async def main_async(trials: int) -> dict:
    manager = ServerManager(preferred_port=free_port())
    began = time.monotonic()
    conn = await manager.ensure_running(timeout=240)
    first_ready = time.monotonic() - began
    for flow_file in (FLOW_FILE, NOOP_FILE):
        shutil.copy(flow_file, paths.user_flows_dir() / flow_file.name)
    workdir = HOME / "markers"
    workdir.mkdir()
    out: dict = {"trials": trials, "first_start_new_db_ready_s": round(first_ready, 2)}
    async with FlowdeskClient(conn) as client:
        deployment = await wait_deployment(client, "bench-pause/local")
        noop = await wait_deployment(client, "bench-noop/local")
        out["run_start"] = [await run_start_trial(client, noop.id) for _ in range(trials)]
        out["resume_ours"] = [
            await resume_trial(client, deployment.id, True, workdir, n) for n in range(trials)]
        out["resume_anchor"] = [
            await resume_trial(client, deployment.id, False, workdir, n) for n in range(trials)]
        notices = [await notice_trial(client, deployment.id, workdir, n) for n in range(trials)]
        out["pause_ours"] = [n["events"] for n in notices if "events" in n]
        out["pause_anchor"] = [n["poll"] for n in notices if "poll" in n]
    await manager.stop()
    ours = []
    for _ in range(trials):
        began = time.monotonic()
        await manager.ensure_running(timeout=240)
        ours.append(time.monotonic() - began)
        await manager.stop()
    db_copy = HOME / "plain-prefect-home"
    copy_prefect_database(paths.prefect_home(), db_copy)
    out["ready_ours"] = ours
    out["ready_anchor"] = [plain_prefect_ready(db_copy) for _ in range(trials)]
    out["run_start_anchor"] = await anchor_run_start(db_copy, trials)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=5)
    args = parser.parse_args()
    try:
        result = asyncio.run(main_async(args.trials))
    finally:
        asyncio.run(ServerManager().stop())
        shutil.rmtree(HOME, ignore_errors=True)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
