"""`suite`: the wall-clock figures the test suite used to assert, now measured here.

The tests assert behaviour and call `tests.timings.record(name, seconds, budget)`; this
benchmark runs them with `FLOWDESK_TIMINGS` set, N times, and reports each figure against
the budget the test once asserted. `--quick` runs only the ones needing no server and no
display; a full run adds the integration ones (pytest starts its own server in the
sandbox) and, when a display is set, the Xvfb tray test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict

from tests.benchmarks.context import Context
from tests.benchmarks.core import Figure

CHEAP = [
    "tests/unit/designer/test_designer_codegen.py::test_large_design_is_fast_clean_and_compiles",
    "tests/unit/designer/test_designer_validation.py"
    "::test_300_nodes_validate_clean_cold_and_per_keystroke",
    "tests/ui/test_run_detail_logs.py"
    "::test_flood_of_20000_lines_with_garbage_keeps_the_loop_responsive",
    "tests/ui/test_tray_unit.py::test_a_pause_is_announced_once",
    "tests/ui/test_app_start.py"
    "::test_window_is_painted_before_the_server_is_up_and_quitting_leaves_nothing",
]
WITH_SERVER = [
    "tests/ui/test_app_start.py::test_app_attaches_to_a_running_server_shows_rows_and_leaves_it_running",
    "tests/integration/test_server_manager.py::test_crashed_server_is_restarted",
    "tests/integration/test_server_manager.py::test_fresh_home_busy_port_stale_state_and_no_orphans",
    "tests/ui/test_tray_server.py",
    "tests/ui/test_runs_live.py::test_pausable_loop_shows_paused_and_resumes_from_the_button",
    "tests/ui/test_runs_live.py::test_selecting_a_row_shows_it_in_the_detail_pane",
    "tests/ui/test_runs_load.py",
]
WITH_DISPLAY = ["tests/e2e/test_tray_xvfb.py"]

LABELS = {
    "log_flood_max_loop_gap": "20,000 log lines: longest GUI-loop gap",
    "tray_pause_notice_unit": "tray: pause event → notification (unit)",
    "tray_pause_notice_server": "tray: pause → notification (real server)",
    "tray_reconcile_notice": "tray: reconcile → notification",
    "tray_balloon_xvfb": "tray balloon under Xvfb",
    "table_pause_notice": "table: Paused state → row shows Paused",
    "detail_load": "run detail loaded after selection",
    "server_crash_to_restart": "server kill -9 → restart begun",
    "owner_killed_to_no_orphans": "owner app killed → no process left",
    "designer_codegen_300": "generate() of 300 nodes (best of 5)",
    "designer_validate_300": "validate() of 300 nodes (best of 5)",
    "designer_keystroke_300": "validate_node per keystroke (best of 5)",
    "app_painted_fresh_home": "launch → window painted, fresh home",
    "app_painted_attached": "launch → window painted, server running",
    "load_1000_first_rows": "1,000 runs: first rows",
    "load_1000_max_stall_own_cpu": "1,000 runs: worst stall, own CPU",
    "load_1000_max_stall_wall": "1,000 runs: worst stall, wall clock",
}


def run(ctx: Context) -> list[Figure]:
    tests = list(CHEAP)
    if not ctx.quick:
        tests += WITH_SERVER
        if os.environ.get("DISPLAY"):
            tests += WITH_DISPLAY
    out = ctx.folder("suite") / "timings.jsonl"
    for _ in range(ctx.reps(3, 1)):
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", *tests],
            env=ctx.env(FLOWDESK_TIMINGS=str(out)),
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"the timed tests failed:\n{proc.stdout[-4000:]}")
    seen: dict[str, list[float]] = defaultdict(list)
    budgets: dict[str, float] = {}
    for line in out.read_text().splitlines():
        entry = json.loads(line)
        seen[entry["name"]].append(entry["seconds"])
        budgets[entry["name"]] = entry["budget"]
    return [
        Figure(name, "s", values, LABELS.get(name, name), goal=budgets[name],
               note="budget the test suite asserted until it moved here")
        for name, values in seen.items()
    ]
