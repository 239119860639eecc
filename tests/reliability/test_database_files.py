"""The database check, backups and repair on plain SQLite files (fast, no server)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from tests.reliability.conftest import record_figure

pytestmark = pytest.mark.reliability


def _make_db(path: Path, rows: int = 2000) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY, name TEXT, payload TEXT)")
    conn.executemany(
        "INSERT INTO runs (name, payload) VALUES (?, ?)",
        ((f"run-{i}", "x" * 200) for i in range(rows)),
    )
    conn.commit()
    conn.close()
    return path


def _garbage_at(path: Path, offset: int = 4096, size: int = 4096) -> None:
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(b"\xde\xad\xbe\xef" * (size // 4))


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM runs").fetchone()[0]
    finally:
        conn.close()


def test_backup_is_a_consistent_copy_and_only_the_newest_are_kept(tmp_path):
    from desktop_app.core.supervision import database

    db = _make_db(tmp_path / "prefect.db")
    made = []
    for i in range(database.KEEP + 2):
        conn = sqlite3.connect(db)
        conn.execute("INSERT INTO runs (name) VALUES (?)", (f"more-{i}",))
        conn.commit()
        conn.close()
        made.append(database.backup_database(db))
    assert all(made)
    kept = database.backups(db)
    assert kept == sorted(made[-database.KEEP :], key=lambda p: p.name, reverse=True)
    assert _count(kept[0]) == _count(db)
    assert database.backup_database(db) is None  # unchanged since the newest: no copy
    assert not list(tmp_path.glob("*.partial"))


def test_backup_while_another_connection_writes(tmp_path):
    """The online backup API copies a consistent snapshot; the writer is not blocked."""
    from desktop_app.core.supervision import database

    db = _make_db(tmp_path / "prefect.db", rows=20000)
    writer = sqlite3.connect(db, timeout=1)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO runs (name) VALUES ('in-flight')")
    began = time.monotonic()
    backup = database.backup_database(db)
    seconds = time.monotonic() - began
    writer.commit()  # the write lock held throughout did not stop the backup
    writer.close()
    assert backup is not None and database.quick_check(backup) == "ok"
    assert _count(backup) == 20000  # the uncommitted row is not in the snapshot
    record_figure(
        "backup while writing",
        trials=1,
        passed=1,
        size_mb=round(backup.stat().st_size / 1e6, 1),
        seconds=round(seconds, 3),
    )


@pytest.mark.parametrize(
    ("damage", "kind"),
    [
        ("garbage", "damaged"),
        ("empty", "empty"),
        ("shrunk", "shrunk"),
        ("missing", "missing"),
    ],
)
def test_a_bad_database_is_named_and_never_silently_replaced(tmp_path, damage, kind):
    from desktop_app.core.supervision import database

    db = _make_db(tmp_path / "prefect.db", rows=20000)
    database.backup_database(db)
    if damage == "garbage":
        _garbage_at(db)
    elif damage == "empty":
        db.write_bytes(b"")
    elif damage == "shrunk":
        _make_db(tmp_path / "small.db", rows=10).replace(db)
        for sidecar in ("-wal", "-shm"):
            db.with_name(db.name + sidecar).unlink(missing_ok=True)
    else:
        db.unlink()
    problem = database.check_database(db)
    assert problem is not None and problem.kind == kind
    assert str(db) in problem.message and "\n" not in problem.message
    assert problem.backup is not None


def test_restore_latest_moves_the_damaged_file_aside_and_brings_history_back(tmp_path):
    from desktop_app.core.supervision import database

    db = _make_db(tmp_path / "prefect.db", rows=5000)
    database.backup_database(db)
    _garbage_at(db)
    damaged_bytes = db.read_bytes()
    backup, moved = database.restore_latest(db)
    assert moved is not None and moved.read_bytes() == damaged_bytes  # kept, never deleted
    assert database.check_database(db) is None
    assert _count(db) == 5000
    assert backup in database.backups(db)


def test_restore_skips_a_damaged_backup(tmp_path):
    from desktop_app.core.supervision import database

    db = _make_db(tmp_path / "prefect.db", rows=5000)
    good = database.backup_database(db)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO runs (name) VALUES ('later')")
    conn.commit()
    conn.close()
    bad = database.backup_database(db)
    _garbage_at(bad)
    _garbage_at(db)
    used, _moved = database.restore_latest(db)
    assert used == good and _count(db) == 5000


def test_start_fresh_keeps_the_old_file_and_lets_a_new_history_start(tmp_path):
    from desktop_app.core.supervision import database

    db = _make_db(tmp_path / "prefect.db", rows=5000)
    database.backup_database(db)
    db.write_bytes(b"")
    moved = database.start_fresh(db)
    assert moved is not None and moved.exists() and not db.exists()
    assert database.check_database(db) is None  # the person chose it: no complaint
    _make_db(db, rows=3)  # the server creates a new, small database
    assert database.check_database(db) is None  # smaller than old backups: chosen
    assert database.backup_database(db) is not None
    assert database.check_database(db) is None


def test_no_usable_backup_is_said_plainly(tmp_path):
    from desktop_app.core.supervision import database

    db = _make_db(tmp_path / "prefect.db")
    _garbage_at(db)
    with pytest.raises(FileNotFoundError):
        database.restore_latest(db)
    assert db.exists()  # nothing moved when nothing could be restored
