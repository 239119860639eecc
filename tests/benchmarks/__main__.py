"""`python -m tests.benchmarks [NAME…] [--quick] [--json FILE] [--doc]`

Runs the named benchmarks (all by default), each N times, ours beside Prefect's own tool
measured in the same run, prints a table and writes a JSON file. A full run of every
benchmark also rewrites docs/PERFORMANCE.md and its plots; `--doc` forces that (the doc
then says which kind of run it came from). `--quick` takes fewer repetitions and smaller
sizes: it proves the harness works, its figures are not for quoting.
"""

from __future__ import annotations

import argparse
import compileall
import importlib
import sys
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

from tests.benchmarks.context import Context
from tests.benchmarks.core import machine, table, write_json

BENCHMARKS = {
    # name: (module, what it measures)
    "designer": ("tests.benchmarks.designer", "designer editor and model, 300 nodes"),
    "suite": ("tests.benchmarks.suite", "wall-clock figures the test suite records"),
    "engine": (
        "tests.benchmarks.engine",
        "resume, pause notice, server ready, run start, paused memory vs Prefect",
    ),
    "desktop": (
        "tests.benchmarks.desktop",
        "launch → rows and idle PSS/CPU vs Prefect's web UI in headless Chromium",
    ),
    "10000": ("tests.benchmarks.many_runs", "10,000 runs loaded into the table"),
    "paused_memory": (
        "tests.benchmarks.paused_memory",
        "20 paused runs held in their processes vs released; resume cost each way",
    ),
}

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "PERFORMANCE.md"
DOC_JSON = ROOT / "docs" / "performance" / "benchmarks.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=", ".join(BENCHMARKS))
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, smaller sizes")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--doc", action="store_true", help="rewrite docs/PERFORMANCE.md")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = parser.parse_args(argv)
    if args.list:
        for name, (_module, what) in BENCHMARKS.items():
            print(f"{name:10} {what}")
        return 0
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s) {unknown}; choose from {list(BENCHMARKS)}")
    names = args.names or list(BENCHMARKS)
    full = not args.quick and set(names) == set(BENCHMARKS)
    if full or args.doc:
        # Checked before the run, not after: a full run takes half an hour.
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            parser.error("writing docs/PERFORMANCE.md draws its plots with matplotlib; "
                         "install it first: pip install -e '.[test,bench]'")

    # Bytecode for the app before any launch is timed (children may write it, see Context.env).
    compileall.compile_dir(ROOT / "desktop_app", quiet=1)
    ctx = Context(quick=args.quick)
    began = datetime.now(timezone.utc)
    figures: list[dict] = []
    failures: dict[str, str] = {}
    timings: dict[str, float] = {}
    try:
        for name in names:
            print(f"== {name}: {BENCHMARKS[name][1]}", file=sys.stderr, flush=True)
            start = time.monotonic()
            try:
                module = importlib.import_module(BENCHMARKS[name][0])
                for figure in module.run(ctx):
                    figure.benchmark = name
                    figures.append(figure.to_json())
            except Exception:
                failures[name] = traceback.format_exc()
                print(failures[name], file=sys.stderr)
            timings[name] = round(time.monotonic() - start, 1)
    finally:
        leaks = ctx.sweep()
    payload = {
        "started": began.isoformat(timespec="seconds"),
        "quick": args.quick,
        "benchmarks": names,
        "all": list(BENCHMARKS),
        "seconds": timings,
        "machine": machine(),
        "figures": figures,
        "failures": failures,
        "leaks": leaks,
    }
    print(table(figures))
    if args.json:
        write_json(args.json, payload)
    if full or args.doc:
        from tests.benchmarks.report import write_doc

        write_json(DOC_JSON, payload)
        write_doc(payload, DOC)
        print(f"wrote {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 1 if failures or leaks else 0


if __name__ == "__main__":
    sys.exit(main())
