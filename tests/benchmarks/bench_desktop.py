"""Desktop benchmark child of `python -m tests.benchmarks desktop`: prints JSON, raw values.

    python -m tests.benchmarks.bench_desktop [--trials 3] [--runs 20] [--settle 20] [--window 30]

One database of `--runs` finished runs, seen two ways, with the server already running:
- ours: `python -m desktop_app` (window + supervisor + managed server + runner);
- the anchor: `prefect server start` on a copy of the same database (auth off, Prefect's
  default) with its web UI's runs page open in headless Chromium.
Figures: launch → rows visible (a run's name on screen), and idle cost `--settle` s after
launch: PSS of every process (psutil `memory_full_info().pss`) and CPU over `--window` s,
in % of one core.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

from desktop_app.core.api.client import FlowdeskClient
from desktop_app.core.config import paths
from desktop_app.core.supervision.ports import free_port
from desktop_app.core.supervision.processes import kill_tree
from desktop_app.core.supervision.server import ServerManager
from desktop_app.core.supervision.server_state import read_state
from tests.benchmarks import chromium
from tests.benchmarks.bench_engine import wait_deployment, wait_state
from tests.benchmarks.prefect_anchor import copy_prefect_database, plain_prefect_server

NOOP_FILE = Path(__file__).parent / "flows" / "bench_noop.py"


def tree(pids: list[int]) -> list[psutil.Process]:
    """Those processes and all their descendants, once each."""
    seen: dict[int, psutil.Process] = {}
    for pid in pids:
        try:
            proc = psutil.Process(pid)
            for p in [proc, *proc.children(recursive=True)]:
                seen[p.pid] = p
        except psutil.Error:
            continue
    return list(seen.values())


def idle_cost(pids_of, settle: float, window: float) -> tuple[float, float]:
    """(PSS MiB, CPU % of one core over `window`) of `pids_of()`'s trees, after `settle`."""
    time.sleep(settle)
    procs = tree(pids_of())
    def cpu(p: psutil.Process) -> float:
        try:
            t = p.cpu_times()
            return t.user + t.system
        except psutil.Error:
            return 0.0
    before = {p.pid: cpu(p) for p in procs}
    began = time.monotonic()
    time.sleep(window)
    elapsed = time.monotonic() - began
    procs = tree(pids_of())
    used = sum(cpu(p) - before.get(p.pid, 0.0) for p in procs if p.pid in before)
    pss = 0
    for p in procs:
        try:
            pss += p.memory_full_info().pss
        except psutil.Error:
            pass
    return round(pss / 2**20, 1), round(100 * used / elapsed, 2)


async def seed_runs(n: int) -> str:
    """Start the managed server and finish `n` runs; returns one run's name."""
    manager = ServerManager(preferred_port=free_port())
    conn = await manager.ensure_running(timeout=240)
    shutil.copy(NOOP_FILE, paths.user_flows_dir() / NOOP_FILE.name)
    async with FlowdeskClient(conn) as client:
        deployment = await wait_deployment(client, "bench-noop/local")
        runs = [await client.run_deployment(deployment.id, {}) for _ in range(n)]
        for run in runs:
            await wait_state(client, run.id, "COMPLETED", timeout=180)
        newest = await client.read_run(runs[-1].id)
    return newest.name


def ours_launch(report: Path) -> dict:
    began = time.time()
    subprocess.run(
        [sys.executable, "-m", "desktop_app", "--startup-report", str(report),
         "--quit-when", "loaded"],
        check=True, capture_output=True, timeout=600,
    )
    data = json.loads(report.read_text())
    report.unlink()
    return {k: data[k] - began for k in ("painted", "first-rows") if k in data}


def ours_idle(report: Path, settle: float, window: float) -> tuple[float, float]:
    app = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--startup-report", str(report)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        def pids() -> list[int]:
            state = read_state()
            return [app.pid, state.daemon_pid, state.server_pid, state.runner_pid]
        return idle_cost(pids, settle, window)
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(60)
        except subprocess.TimeoutExpired:
            kill_tree(app.pid, grace=1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--settle", type=float, default=20)
    parser.add_argument("--window", type=float, default=30)
    args = parser.parse_args()
    home = Path(os.environ["FLOWDESK_HOME"])
    out: dict = {"runs": args.runs, "settle_s": args.settle, "window_s": args.window}
    try:
        name = asyncio.run(seed_runs(args.runs))
        report = home / "startup.json"
        launches = [ours_launch(report) for _ in range(args.trials)]
        out["painted_ours"] = [t["painted"] for t in launches]
        out["rows_ours"] = [t["first-rows"] for t in launches]
        pss, cpu = ours_idle(report, args.settle, args.window)
        out["pss_ours"], out["cpu_ours"] = [pss], [cpu]
        asyncio.run(ServerManager().stop())
        anchor_home = home / "plain-prefect-home"
        copy_prefect_database(paths.prefect_home(), anchor_home)
        with plain_prefect_server(anchor_home) as (_s, api_url, server):
            ui = api_url.removesuffix("/api") + "/runs"
            rows = []
            for _ in range(args.trials):
                with chromium.page_showing(ui, name) as (_browser, seconds):
                    rows.append(seconds)
            out["rows_anchor"] = rows
            with chromium.page_showing(ui, name) as (browser, _seconds):
                pss, cpu = idle_cost(lambda: [server.pid, browser.pid], args.settle, args.window)
            out["pss_anchor"], out["cpu_anchor"] = [pss], [cpu]
    finally:
        asyncio.run(ServerManager().stop())
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
