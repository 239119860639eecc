"""What every benchmark hands back: figures, ours beside the anchor, and how they are printed.

A figure is one measured quantity taken N times on our side and, where Prefect offers the
same thing, N times on the anchor's side in the same run (same machine, same minute, same
database), so the ratio means something even on a noisy machine.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path


def stats(values: list[float]) -> dict | None:
    """Median, min and max of the repetitions (and the raw values), or None if not measured."""
    if not values:
        return None
    return {
        "median": round(statistics.median(values), 4),
        "min": round(min(values), 4),
        "max": round(max(values), 4),
        "n": len(values),
        "values": [round(v, 4) for v in values],
    }


@dataclass
class Figure:
    """One row of the table. `goal` is an upper bound on `ours` (unit) or on the ratio."""

    name: str
    unit: str
    ours: list[float]
    ours_label: str
    anchor: list[float] | None = None
    anchor_label: str | None = None
    goal: float | None = None
    goal_is_ratio: bool = False
    note: str = ""
    benchmark: str = ""
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        ours, anchor = stats(self.ours), stats(self.anchor or [])
        ratio = None
        if ours and anchor and anchor["median"]:
            ratio = round(ours["median"] / anchor["median"], 3)
        met = None
        if self.goal is not None and ours:
            value = ratio if self.goal_is_ratio else ours["median"]
            met = None if value is None else value <= self.goal
        data = asdict(self)
        data.update(ours=ours, anchor=anchor, ratio=ratio, goal_met=met)
        return data


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    if unit == "%":
        return f"{value:.1f} %"
    return f"{value:g} {unit}"


def table(figures: list[dict]) -> str:
    """Plain-text table: name, ours (median [min–max]), anchor, ratio, goal."""
    rows = [("figure", "ours median [min–max]", "anchor median [min–max]", "ratio", "goal")]
    for f in figures:
        def cell(s: dict | None, unit: str = f["unit"]) -> str:
            if not s:
                return "—"
            return f"{_fmt(s['median'], unit)} [{_fmt(s['min'], unit)}–{_fmt(s['max'], unit)}]"

        goal = "—"
        if f["goal"] is not None:
            bound = f"≤ {f['goal']:g}×" if f["goal_is_ratio"] else f"≤ {_fmt(f['goal'], f['unit'])}"
            mark = {True: "met", False: "missed", None: "?"}[f["goal_met"]]
            goal = f"{bound} {mark}"
        ratio = "—" if f["ratio"] is None else f"{f['ratio']:.2f}"
        rows.append((f["name"], cell(f["ours"]), cell(f["anchor"]), ratio, goal))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _version(command: list[str]) -> str | None:
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return (out.stdout or out.stderr).strip().splitlines()[0] if out.returncode == 0 else None


def machine() -> dict:
    """The machine the figures were taken on (the doc's header)."""
    import prefect
    import psutil
    import PySide6

    from tests.benchmarks.chromium import CHROMIUM

    return {
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
        "cores": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "prefect": prefect.__version__,
        "qt": f"PySide6 {PySide6.__version__}",
        "chromium": _version([CHROMIUM, "--version"]),
        "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
    }


def run_json(args: list[str], env: dict[str, str], timeout: float) -> dict:
    """Run a benchmark child (`python -m …`) that prints one JSON object last; return it."""
    proc = subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    text = proc.stdout
    return json.loads(text[text.index("\n{") + 1 :] if not text.startswith("{") else text)


def write_json(path: Path, payload: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".part")
    tmp.write_text(json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
