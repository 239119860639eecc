"""The managed server's SQLite database: integrity check, rolling backups, repair.

Everything a person sees in Flowdesk's history lives in one SQLite file. A
crash, a full disk or a bad sector can damage it; a sync tool or a mistake
can empty it. Prefect then either fails with a long traceback or, for an
empty file, silently starts a new history. So, before the supervisor starts
the server:

* `check_database` runs `PRAGMA quick_check` and compares the file's size
  with the newest backup; a problem is one sentence naming the file.
* `backup_database` copies it with SQLite's online backup API (a consistent
  snapshot even while the server writes, as Prefect runs SQLite in WAL mode)
  into `prefect-backup-<stamp>.db` beside it, keeping the newest `KEEP`.
* `restore_latest` / `start_fresh` move the damaged file aside
  (`prefect.db.damaged-<stamp>`) -- never delete it -- and put the newest
  good backup in its place, or nothing (Prefect creates a new database).

Standard library only: the supervisor imports this and must stay light.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.core.config import paths

log = logging.getLogger("flowdesk.database")

KEEP = 3
BACKUP_EVERY = 24 * 3600.0
SHRINK_RATIO = 0.5
"""A database below half its newest backup's size lost data (SQLite files never shrink
by themselves: freed pages are reused, not returned)."""
BACKUP_PREFIX = "prefect-backup-"
SIDECARS = ("-wal", "-shm", "-journal")


def database_file() -> Path:
    return paths.prefect_home() / "prefect.db"


@dataclass
class DatabaseProblem:
    """Why the database cannot be used as it is; `message` is one line."""

    kind: str  # empty | shrunk | damaged | missing
    path: Path
    message: str
    backup: Path | None = None


def _stamp() -> str:
    """Sortable and unique enough: two backups in one microsecond do not happen."""
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def backups(db: Path | None = None) -> list[Path]:
    """Backups beside the database, newest first."""
    db = db or database_file()
    found = [p for p in db.parent.glob(f"{BACKUP_PREFIX}*.db") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def _size(db: Path) -> int:
    total = 0
    for suffix in ("", "-wal"):
        try:
            total += db.with_name(db.name + suffix).stat().st_size
        except OSError:
            pass
    return total


def quick_check(db: Path) -> str:
    """'ok', or SQLite's first complaint about the file (one line)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=rw", uri=True, timeout=30)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
        return str(rows[0][0]) if rows else "no answer"
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()


def _fresh_marker(db: Path) -> Path:
    """Left by `start_fresh`: a new, small database is wanted until its first backup."""
    return db.with_name(db.name + ".fresh-start")


def check_database(db: Path | None = None) -> DatabaseProblem | None:
    """None if the database (or its absence on a first start) is fine to start on."""
    db = db or database_file()
    newest = next(iter(backups(db)), None)
    if _fresh_marker(db).exists():
        newest = None  # the person chose a new history: old backups are no yardstick
    if not db.exists():
        if newest is None:
            return None  # a first start: Prefect creates it
        return DatabaseProblem(
            "missing",
            db,
            f"The database {db} is missing, but a backup exists ({newest.name}).",
            newest,
        )
    size = _size(db)
    if size == 0:
        return DatabaseProblem("empty", db, f"The database {db} is empty (0 bytes).", newest)
    if newest is not None and size < newest.stat().st_size * SHRINK_RATIO:
        return DatabaseProblem(
            "shrunk",
            db,
            f"The database {db} shrank to {size} bytes from {newest.stat().st_size} "
            f"in its last backup.",
            newest,
        )
    verdict = quick_check(db)
    if verdict != "ok":
        first = verdict.splitlines()[0][:200]
        return DatabaseProblem("damaged", db, f"The database {db} is damaged ({first}).", newest)
    return None


def backup_database(db: Path | None = None, keep: int = KEEP) -> Path | None:
    """Copy the database beside itself with SQLite's backup API; keep the newest `keep`.

    Skipped (None) when there is no database yet, or nothing changed since the
    newest backup. The copy is written to a temporary name first, so a crash
    never leaves a half backup that looks whole.
    """
    db = db or database_file()
    if not db.exists() or _size(db) == 0:
        return None
    newest = next(iter(backups(db)), None)
    if newest is not None and _latest_mtime(db) <= newest.stat().st_mtime:
        return None
    target = db.with_name(f"{BACKUP_PREFIX}{_stamp()}.db")
    # SQLite writes the copy itself (and syncs it), so not through core.atomic:
    # a unique partial name, renamed once whole.
    tmp = target.with_name(f"{target.name}.{os.getpid()}.partial")
    began = time.monotonic()
    _copy_database(db, target, tmp)
    _fresh_marker(db).unlink(missing_ok=True)
    for old in backups(db)[keep:]:
        old.unlink(missing_ok=True)
    log.info(
        "backed up %s to %s (%d bytes, %.2f s)",
        db,
        target.name,
        target.stat().st_size,
        time.monotonic() - began,
    )
    return target


def _latest_mtime(db: Path) -> float:
    times = []
    for suffix in ("", "-wal"):
        try:
            times.append(db.with_name(db.name + suffix).stat().st_mtime)
        except OSError:
            pass
    return max(times, default=0.0)


def _move_aside(db: Path) -> Path | None:
    """Rename the database and its sidecar files to `*.damaged-<stamp>`; never delete."""
    stamp = _stamp()
    moved = None
    for suffix in ("", *SIDECARS):
        path = db.with_name(db.name + suffix)
        if path.exists():
            target = path.with_name(f"{path.name}.damaged-{stamp}")
            os.replace(path, target)
            if not suffix:
                moved = target
    return moved


def good_backup(db: Path | None = None) -> Path | None:
    """The newest backup that passes the integrity check."""
    for candidate in backups(db):
        if quick_check(candidate) == "ok":
            return candidate
    return None


def restore_latest(db: Path | None = None) -> tuple[Path, Path | None]:
    """Put the newest good backup in place; → (backup used, where the old file went)."""
    db = db or database_file()
    backup = good_backup(db)
    if backup is None:
        raise FileNotFoundError(f"no usable backup beside {db}")
    moved = _move_aside(db)
    _copy_database(backup, db, db.with_name(db.name + ".restoring"))
    log.info("restored %s from %s (damaged file kept as %s)", db, backup.name, moved)
    return backup, moved


def start_fresh(db: Path | None = None) -> Path | None:
    """Move the database aside so the server starts a new, empty one."""
    db = db or database_file()
    moved = _move_aside(db)
    _fresh_marker(db).write_text(time.ctime() + "\n", encoding="utf-8")
    log.info("moved %s aside to %s: the next start creates a new database", db, moved)
    return moved


def _copy_database(source_path: Path, target: Path, tmp: Path) -> None:
    """SQLite's online backup of `source_path` into `tmp`, renamed onto `target` once whole.

    One copy routine for backup and restore: a failed copy never leaves its
    partial file behind, and a writer holding the lock is waited for (60 s).
    """
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=60)
    try:
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
        finally:
            dest.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    os.replace(tmp, target)
