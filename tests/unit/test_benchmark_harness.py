"""The benchmark harness works: JSON complete, figures well-formed, nothing left behind.

Not timings: what is checked is the shape of what `python -m tests.benchmarks` writes and
that it cleans up after itself. The cheap benchmarks run in the fast stage; the ones that
need servers and a browser run with the integration tests.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIELDS = {"name", "unit", "ours", "ours_label", "anchor", "anchor_label", "ratio", "goal",
          "goal_met", "benchmark", "note"}
STATS = {"median", "min", "max", "n", "values"}
pytestmark = pytest.mark.skipif(
    sys.platform == "win32",
    reason="the harness measures Linux processes (PSS, Debian's Chromium); and the Wine "
    "lane's embeddable Python fixes sys.path, so `-m tests.benchmarks` cannot find the checkout",
)

NAMED = {"resume", "pause", "window", "pss", "run_start", "10000", "designer",
         "paused_memory", "server_ready", "cpu"}


def harness(tmp_path: Path, *args: str, timeout: float) -> tuple[dict, subprocess.CompletedProcess]:
    """Run the harness with its own temp folder; check that folder is as empty after.

    The folder is a short path of its own, not one under tmp_path: Chromium puts a Unix
    socket in its temp folder (at most 107 bytes of path) and never starts under a deep one.
    """
    tmp = Path(tempfile.mkdtemp(prefix="fd-bench-"))
    try:
        return _harness(tmp, tmp_path, args, timeout)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _harness(tmp: Path, tmp_path: Path, args: tuple[str, ...], timeout: float):
    before = sorted(p.name for p in tmp.iterdir())
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks", *args, "--quick", "--json", str(out)],
        cwd=ROOT,
        env=dict(os.environ, TMPDIR=str(tmp), QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert sorted(p.name for p in tmp.iterdir()) == before, "left in the temp folder"
    assert out.exists(), proc.stderr[-3000:]
    return json.loads(out.read_text()), proc


def check_figures(data: dict) -> dict[str, dict]:
    assert data["quick"] is True and not data["failures"] and data["leaks"] == []
    assert {"cores", "memory_gib", "python", "prefect", "qt"} <= set(data["machine"])
    figures = {f["name"]: f for f in data["figures"]}
    for f in data["figures"]:
        assert set(f) >= FIELDS, f
        assert set(f["ours"]) >= STATS and f["ours"]["n"] == len(f["ours"]["values"]) >= 1
        assert f["ours"]["min"] <= f["ours"]["median"] <= f["ours"]["max"]
        if f["anchor"] is not None:
            assert set(f["anchor"]) >= STATS and f["anchor_label"]
            # The harness rounds ratios to 3 places, so a small ratio is off by up to 0.0005.
            assert f["ratio"] == pytest.approx(f["ours"]["median"] / f["anchor"]["median"],
                                               rel=0.01, abs=0.0006)
        else:
            assert f["ratio"] is None
        if f["goal"] is not None:
            assert f["goal_met"] in (True, False)
    return figures


def test_cheap_benchmarks_write_complete_json_and_leave_nothing(tmp_path: Path) -> None:
    data, proc = harness(tmp_path, "designer", "suite", timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    figures = check_figures(data)
    assert {"designer", "designer_codegen", "designer_keystroke"} <= set(figures)
    # The figures the test suite used to assert, now in the harness with their old budgets.
    assert {"log_flood_max_loop_gap", "tray_pause_notice_unit", "designer_validate_300",
            "app_painted_fresh_home"} <= set(figures)
    assert figures["tray_pause_notice_unit"]["goal"] == 0.1
    assert data["benchmarks"] == ["designer", "suite"]
    # The table names every figure.
    for name in figures:
        assert name in proc.stdout


def test_unknown_benchmark_is_refused_with_the_list() -> None:
    proc = subprocess.run([sys.executable, "-m", "tests.benchmarks", "nonesuch"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "nonesuch" in proc.stderr and "engine" in proc.stderr


@pytest.mark.integration
@pytest.mark.timeout(1800)
def test_server_benchmarks_run_quick_with_their_named_figures(tmp_path: Path) -> None:
    """engine, paused_memory and 10000 (servers, runs): each named figure, ours beside its anchor.

    `desktop` (Prefect's UI in Chromium) is left out here: launched from inside pytest,
    Chromium did not open its DevTools port (it does from `python -m tests.benchmarks`;
    the cause is not found yet, see the harness's report).
    """
    data, proc = harness(tmp_path, "engine", "paused_memory", "10000", timeout=1700)
    assert proc.returncode == 0, proc.stderr[-3000:]
    figures = check_figures(data)
    named = NAMED - {"window", "pss", "cpu", "designer"}
    assert set(figures) >= named, named - set(figures)
    for name in ("resume", "pause", "run_start", "paused_memory", "server_ready"):
        assert figures[name]["anchor"] is not None, name


def test_a_doc_run_without_matplotlib_stops_at_once_and_says_what_to_install():
    """A full run takes half an hour: a missing plotting library is said before, not after."""
    code = (
        "import runpy, sys; sys.modules['matplotlib'] = None; "  # as if not installed
        "sys.argv = ['tests.benchmarks', '--doc', 'designer']; "
        "runpy.run_module('tests.benchmarks', run_name='__main__')"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "pip install -e '.[test,bench]'" in proc.stderr
    assert "== designer" not in proc.stderr  # nothing was run first
