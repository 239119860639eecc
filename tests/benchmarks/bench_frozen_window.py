"""Launch → window painted, the frozen bundle beside the same code from source; prints JSON.

Run on demand after `bash packaging/build_linux.sh`:
`python tests/benchmarks/bench_frozen_window.py [--trials 7] [--bundle DIR]`.

Each trial starts both (alternating, so a busy machine hurts both alike) with
`--quit-when painted --startup-report FILE` in its own FLOWDESK_HOME; the first
start of each is a warm-up (fresh home, cold file cache) and is not counted. Figures:

- `painted_s`: wall clock from just before the launch to the report's "painted"
  (taken here, not from the report's process start: psutil's start time counts
  from the boot time in whole seconds and reads up to 1 s early);
- `cpu_to_paint_s`: CPU time (user + system, all threads) the process had used
  when the report first said "painted", sampled every 5 ms from /proc. On a shared
  machine wall clock mostly measures the queue for a core; this does not.

Uses Qt's xcb platform on $DISPLAY when it is set, else offscreen. Linux only.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "packaging" / "out" / "linux" / "dist" / "flowdesk"
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS


def _painted(report: Path) -> bool:
    try:
        return "painted" in json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False


def launch(command: list[str], home: Path) -> dict:
    """One start until the window has painted and the app has quit again."""
    report = home / "startup.json"
    report.unlink(missing_ok=True)
    env = {**os.environ, "FLOWDESK_HOME": str(home)}
    if env.get("DISPLAY"):
        env.pop("QT_QPA_PLATFORM", None)
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    began = time.time()
    process = subprocess.Popen(
        [*command, "--quit-when", "painted", "--startup-report", str(report)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    cpu = None
    while process.poll() is None:
        sample = _cpu_seconds(process.pid)  # before the check: never after the paint
        if _painted(report):
            cpu = sample
            break
        time.sleep(0.005)
    if process.wait(timeout=300) != 0:
        raise RuntimeError(f"{command[0]} exited with {process.returncode}")
    times = json.loads(report.read_text(encoding="utf-8"))
    return {"painted_s": round(times["painted"] - began, 3), "cpu_to_paint_s": cpu}


def summary(values: list[float]) -> dict:
    return {
        "median": round(statistics.median(values), 3),
        "min": round(min(values), 3),
        "max": round(max(values), 3),
        "values": values,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=BUNDLE)
    args = parser.parse_args()
    executable = args.bundle / "flowdesk"
    if not executable.is_file():
        sys.exit(f"no bundle at {args.bundle}: run `bash packaging/build_linux.sh` first")
    commands = {
        "frozen": [str(executable)],
        "source": [sys.executable, "-m", "desktop_app"],
    }
    results: dict[str, list[dict]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory(prefix="flowdesk-frozen-bench-") as scratch:
        homes = {name: Path(scratch) / name for name in commands}
        for trial in range(args.trials + 1):
            for name, command in commands.items():
                measured = launch(command, homes[name])
                if trial:  # the first start of each is the warm-up
                    results[name].append(measured)
    out: dict = {"trials": args.trials, "load_average": [round(x, 2) for x in os.getloadavg()]}
    for name, trials in results.items():
        out[name] = {
            "painted_s": summary([t["painted_s"] for t in trials]),
            "cpu_to_paint_s": summary([t["cpu_to_paint_s"] for t in trials if t["cpu_to_paint_s"]]),
        }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
