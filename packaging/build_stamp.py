"""A fingerprint of everything that goes into a build, so a fresh build can be reused.

The packaging test builds the bundle (~2 minutes on two cores) unless
packaging/out holds one made from exactly the same inputs: the app's code,
flows, resources, the packaging files and the versions of the tools and
libraries that are frozen into it. Content hashes, not git commits, so an
uncommitted edit is never mistaken for the built state.

Usage: python packaging/build_stamp.py            prints the fingerprint
       python packaging/build_stamp.py write FILE  writes it with build facts (JSON)
"""

from __future__ import annotations

import hashlib
import json
import platform
import sys
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ("desktop_app", "flows", "resources", "packaging", "pyproject.toml")
SKIPPED_PARTS = {"__pycache__", "out", ".pytest_cache", ".ruff_cache"}
FROZEN_DISTRIBUTIONS = ("pyinstaller", "PySide6-Essentials", "prefect", "qasync", "psutil")


def input_files(root: Path = ROOT) -> Iterator[Path]:
    for name in INPUTS:
        top = root / name
        candidates = [top] if top.is_file() else sorted(top.rglob("*"))
        for path in candidates:
            relative = path.relative_to(root)
            skipped = SKIPPED_PARTS.intersection(relative.parts[:-1]) or path.suffix == ".pyc"
            if path.is_file() and not skipped:
                yield path


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "-"


def fingerprint(root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    digest.update(f"{platform.system()} {platform.machine()} {sys.version}".encode())
    for name in FROZEN_DISTRIBUTIONS:
        digest.update(f"{name}=={_version(name)}\n".encode())
    for path in input_files(root):
        digest.update(str(path.relative_to(root).as_posix()).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def write(target: Path, **facts: object) -> dict:
    data = {"fingerprint": fingerprint(), "built_at": time.time(), **facts}
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return data


def read(target: Path) -> dict | None:
    try:
        return json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def main(argv: list[str]) -> int:
    if not argv:
        print(fingerprint())
        return 0
    if argv[0] == "write" and len(argv) >= 2:
        facts = dict(arg.split("=", 1) for arg in argv[2:])
        print(json.dumps(write(Path(argv[1]), **facts), indent=2))
        return 0
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
