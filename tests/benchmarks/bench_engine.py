"""Engine benchmark (issue 2): prints JSON with medians, ours beside the anchor.

    python tests/benchmarks/bench_engine.py [--trials 5]

Side by side in one run, on a private FLOWDESK_HOME:
- resume latency (resume call → the loop's next step): Flowdesk's `pause_here`
  vs Prefect's `pause_flow_run` defaults;
- pause notice latency (Paused state time → seen by us): event stream vs 1 s polling;
- ready time on an existing database: our managed server (daemon + server) vs
  plain `prefect server start`;
- idle RSS and CPU of server + runner (+ the daemon) over 10 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HOME = Path(tempfile.mkdtemp(prefix="flowdesk-bench-"))
os.environ["FLOWDESK_HOME"] = str(HOME)
for key in ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_API_AUTH_STRING"):
    os.environ.pop(key, None)
os.environ["PREFECT_HOME"] = str(HOME / "prefect-client")

import psutil  # noqa: E402

from desktop_app.core import paths  # noqa: E402
from desktop_app.core.client import FlowdeskClient, RunFilter  # noqa: E402
from desktop_app.core.events import RunEventStream  # noqa: E402
from desktop_app.core.ports import free_port  # noqa: E402
from desktop_app.core.server import ServerManager  # noqa: E402
from desktop_app.core.server_state import read_state  # noqa: E402

FLOW_FILE = Path(__file__).parent / "flows" / "bench_pause.py"


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
    port = free_port()
    env = {
        **os.environ,
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
    }
    began = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
         "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1):
                    return time.monotonic() - began
            except OSError:
                if time.monotonic() - began > 120:
                    raise
                time.sleep(0.05)
    finally:
        from desktop_app.core.processes import kill_tree

        kill_tree(proc.pid, grace=5)


def idle_cost(seconds: float = 10.0) -> dict[str, float]:
    state = read_state()
    procs = {
        name: psutil.Process(pid)
        for name, pid in (
            ("daemon", state.daemon_pid),
            ("server", state.server_pid),
            ("runner", state.runner_pid),
        )
        if pid
    }
    for proc in procs.values():
        proc.cpu_percent(None)
    time.sleep(seconds)
    result: dict[str, float] = {}
    for name, proc in procs.items():
        result[f"{name}_cpu_percent"] = round(proc.cpu_percent(None), 2)
        result[f"{name}_rss_mib"] = round(proc.memory_info().rss / 2**20, 1)
    return result


async def main_async(trials: int) -> dict:
    manager = ServerManager(preferred_port=free_port())
    began = time.monotonic()
    conn = await manager.ensure_running(timeout=240)
    first_ready = time.monotonic() - began
    shutil.copy(FLOW_FILE, paths.user_flows_dir() / FLOW_FILE.name)
    workdir = HOME / "markers"
    workdir.mkdir()
    out: dict = {"machine": {"cores": os.cpu_count()}, "trials": trials}
    async with FlowdeskClient(conn) as client:
        deadline = time.monotonic() + 90
        while True:
            try:
                deployment = await client.resolve_deployment("bench-pause/local")
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.25)
        fast = [await resume_trial(client, deployment.id, True, workdir, n) for n in range(trials)]
        slow = [await resume_trial(client, deployment.id, False, workdir, n) for n in range(trials)]
        out["resume_latency_s"] = {
            "flowdesk_pause_here_median": median(fast),
            "prefect_default_pause_flow_run_median": median(slow),
            "flowdesk_all": [round(v, 3) for v in fast],
            "prefect_default_all": [round(v, 3) for v in slow],
        }
        notices = [await notice_trial(client, deployment.id, workdir, n) for n in range(trials)]
        out["pause_notice_latency_s"] = {
            "event_stream_median": median([n["events"] for n in notices if "events" in n]),
            "poll_1s_median": median([n["poll"] for n in notices if "poll" in n]),
        }
    out["idle_cost"] = idle_cost()
    await manager.stop()
    out["first_start_new_db_ready_s"] = round(first_ready, 2)
    ours = []
    for _ in range(trials):
        began = time.monotonic()
        await manager.ensure_running(timeout=240)
        ours.append(time.monotonic() - began)
        await manager.stop()
    db_copy = HOME / "plain-prefect-home"
    db_copy.mkdir()
    shutil.copy(paths.prefect_home() / "prefect.db", db_copy / "prefect.db")
    plain = [plain_prefect_ready(db_copy) for _ in range(trials)]
    out["ready_existing_db_s"] = {
        "flowdesk_managed_median": median(ours),
        "plain_prefect_server_start_median": median(plain),
    }
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
