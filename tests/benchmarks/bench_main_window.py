"""Benchmark of the main window against a real local server; prints JSON.

Run on demand: `python tests/benchmarks/bench_main_window.py [--runs 3] [--size 10000]`.

Figures (medians of --runs trials, each trial a fresh process):
- launch → window shown / painted / first rows / all rows, for `flowdesk` itself
  (subprocess, startup report), against a database of --size runs;
- in a window process with Prefect already imported: --size runs → first rows,
  all loaded, RSS added by the loaded table, the longest GUI-loop stall while
  loading, and while a separate process changes 50 runs' states per second.
  Stalls are given twice: wall clock, and counting only the CPU this process
  used during the gap (on a shared machine the OS may not run us at all for
  a while; that part is not the window's doing).

The server lives in FLOWDESK_HOME=$FLOWDESK_BENCH_HOME (default
/tmp/mainwin-bench-home; kept between trials and between invocations; `--stop` stops it).
`python -m tests.benchmarks 10000` runs it in its sandbox and stops it. The runs are scheduled a
year ahead by a paused throwaway deployment, so no runner ever starts them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

# Kept between trials and invocations (10,000 runs take a while to create); the harness
# points it into its sandbox and stops the server afterwards.
HOME = Path(os.environ.get("FLOWDESK_BENCH_HOME", "/tmp/mainwin-bench-home"))
PROBE_FLOW = "flowdesk-bench-probe"
CHANGES_PER_SECOND = 50
CHANGE_SECONDS = 10


def _env() -> dict[str, str]:
    env = dict(os.environ, FLOWDESK_HOME=str(HOME))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for key in ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_API_AUTH_STRING"):
        env.pop(key, None)
    return env


# -- the server and its runs ---------------------------------------------------
async def _ensure_runs(size: int) -> dict:
    from prefect import flow
    from prefect.client.schemas.actions import DeploymentScheduleCreate
    from prefect.client.schemas.schedules import IntervalSchedule

    from desktop_app.core.api.client import FlowdeskClient, RunFilter
    from desktop_app.core.supervision.server import ServerManager

    manager = ServerManager(preferred_port=None)
    began = time.perf_counter()
    connection = await manager.ensure_running(timeout=240)
    server_start = time.perf_counter() - began
    async with FlowdeskClient(connection) as client:
        have = initial = await client.count_runs()
        if have < size:

            @flow(name=PROBE_FLOW)
            def probe(i: int = 0) -> None: ...

            flow_id = await client.prefect.create_flow(probe)
            deployment_id = await client.prefect.create_deployment(
                flow_id,
                "bench",
                paused=True,
                schedules=[
                    DeploymentScheduleCreate(
                        schedule=IntervalSchedule(interval=timedelta(minutes=1))
                    )
                ],
            )
            # The server schedules at most ~1,000 runs per call: ask in chunks,
            # each starting after the last run already scheduled.
            start = datetime.now(timezone.utc) + timedelta(days=365)
            while (have := await client.count_runs()) < size:
                latest = await client.list_runs(
                    RunFilter(deployment_ids=[str(deployment_id)]), limit=1
                )
                if latest and latest[0].expected_start_time:
                    start = latest[0].expected_start_time + timedelta(minutes=1)
                chunk = min(1000, size - have)
                response = await client.prefect.request(
                    "POST",
                    f"/deployments/{deployment_id}/schedule",
                    json={"start_time": start.isoformat(), "min_runs": chunk, "max_runs": chunk},
                )
                response.raise_for_status()
        total = await client.count_runs()
        created = total - initial
    return {"server_start_s": round(server_start, 2), "runs": total, "created": created}


# -- one trial in a child process -----------------------------------------------
def _child_launch(report: Path) -> dict:
    began = time.time()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "--startup-report",
            str(report),
            "--quit-when",
            "loaded",
        ],
        env=_env(),
        check=True,
        capture_output=True,
        timeout=600,
    )
    data = json.loads(report.read_text())
    return {
        key: round(data[key] - began, 3)
        for key in ("shown", "painted", "connected", "first-rows", "loaded")
        if key in data
    } | {"rows": data.get("rows")}


def _child_window() -> dict:
    """Runs inside a fresh process: load the table, then follow 50 changes/s."""
    import gc

    import psutil
    from PySide6.QtWidgets import QApplication

    import desktop_app.core.api.client  # noqa: F401  (measure the table, not the import)
    from desktop_app.core.supervision.server import ServerManager
    from desktop_app.ui.async_tools import LoopStallMeter, TaskKeeper
    from desktop_app.ui.context import AppContext, configure_settings
    from desktop_app.ui.event_loop import FlowdeskLoop
    from desktop_app.ui.main_window import MainWindow

    app = QApplication([])
    configure_settings()
    process = psutil.Process()
    errors: list[str] = []
    tasks = TaskKeeper(lambda exc, name: errors.append(f"{name}: {exc}"))
    context = AppContext(ServerManager(preferred_port=None), tasks=tasks)
    window = MainWindow(context)
    window.resize(1360, 860)
    window.show()
    loader = window.runs.loader
    meter = LoopStallMeter(10)
    result: dict = {}

    async def scenario() -> None:
        for _ in range(5):
            app.processEvents()
            await asyncio.sleep(0.05)
        gc.collect()
        rss_before = process.memory_info().rss
        firsts: list[float] = []
        loader.first_rows.connect(lambda: firsts.append(time.perf_counter()))
        context.connected.connect(lambda _c: meter.reset())
        meter.start()
        began = time.perf_counter()
        context.start()
        while loader.loads == 0 or loader.loading:
            await asyncio.sleep(0.02)
        loaded = time.perf_counter()
        meter.stop()
        result["load_max_stall_ms"] = round(meter.max_stall * 1000, 1)
        result["load_max_stall_own_cpu_ms"] = round(meter.max_busy * 1000, 1)
        result["first_rows_s"] = round(firsts[0] - began, 3)
        result["all_loaded_s"] = round(loaded - began, 3)
        result["rows"] = window.runs.model.rowCount()
        await asyncio.sleep(1.0)
        gc.collect()
        result["rss_added_mib"] = round((process.memory_info().rss - rss_before) / 2**20, 1)
        while context.stream_mode != "events":
            await asyncio.sleep(0.05)
        await asyncio.sleep(2.0)  # the stream's connect is not part of the burst
        events_before = loader.events_seen
        driver = subprocess.Popen([sys.executable, __file__, "--drive-changes"], env=_env())
        meter.start()
        while driver.poll() is None:
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.0)
        meter.stop()
        result["changes_max_stall_ms"] = round(meter.max_stall * 1000, 1)
        result["changes_max_stall_own_cpu_ms"] = round(meter.max_busy * 1000, 1)
        result["events_seen"] = loader.events_seen - events_before
        await tasks.cancel_all()
        await context.shutdown()

    loop = FlowdeskLoop(app)
    asyncio.set_event_loop(loop)
    loop.run_until_complete(scenario())
    loop.close()  # also stops qasync's executor threads (QThreads) before exit
    result["errors"] = errors
    return result


async def _drive_changes() -> None:
    """50 state changes per second for 10 s on the probe runs (Scheduled ↔ Pending)."""
    from prefect.states import Pending, Scheduled

    from desktop_app.core.api.client import FlowdeskClient, RunFilter
    from desktop_app.core.supervision.server import ServerManager

    connection = ServerManager().attached_connection()
    assert connection is not None
    async with FlowdeskClient(connection) as client:
        runs = await client.list_runs(RunFilter(flow_names=[PROBE_FLOW]), limit=CHANGES_PER_SECOND)
        ids = [r.id for r in runs]
        far = datetime.now(timezone.utc) + timedelta(days=365)
        began = time.monotonic()
        for second in range(CHANGE_SECONDS):
            state = Pending() if second % 2 == 0 else Scheduled(scheduled_time=far)
            await asyncio.gather(
                *(client.prefect.set_flow_run_state(i, state, force=True) for i in ids)
            )
            delay = began + second + 1 - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
        # Leave them as they were: scheduled a year ahead.
        await asyncio.gather(
            *(
                client.prefect.set_flow_run_state(i, Scheduled(scheduled_time=far), force=True)
                for i in ids
            )
        )


def _trial(kind: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "trial.json"
        subprocess.run(
            [sys.executable, __file__, "--child", kind, "--out", str(out)],
            env=_env(),
            check=True,
            timeout=900,
        )
        return json.loads(out.read_text())


def _medians(trials: list[dict]) -> dict:
    keys = [k for k, v in trials[0].items() if isinstance(v, (int, float))]
    return {k: statistics.median(t[k] for t in trials if k in t) for k in keys}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--stop", action="store_true", help="stop the bench server and exit")
    parser.add_argument("--child", choices=("launch", "window"))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--drive-changes", action="store_true")
    args = parser.parse_args(argv)
    os.environ.update(_env())

    if args.drive_changes:
        asyncio.run(_drive_changes())
        return 0
    if args.child:
        if args.child == "launch":
            data = _child_launch(args.out.with_name("startup.json"))
        else:
            data = _child_window()
        args.out.write_text(json.dumps(data))
        return 0
    if args.stop:
        from desktop_app.core.supervision.server import ServerManager

        print(json.dumps({"stopped": asyncio.run(ServerManager().stop())}))
        return 0

    setup = asyncio.run(_ensure_runs(args.size))
    launches = [_trial("launch") for _ in range(args.runs)]
    windows = [_trial("window") for _ in range(args.runs)]
    report = {
        "benchmark": "main_window",
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cpus",
        "trials": args.runs,
        "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
        "setup": setup,
        "launch_seconds_median": _medians(launches),
        "window_median": _medians(windows),
        "budgets": {
            "launch_to_window_s": 1.0,
            "max_loop_stall_ms": 100,
        },
        "trials_raw": {"launch": launches, "window": windows},
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
