"""The one atomic writer: unique temp names, permission bits, nothing left on failure;
and the user-only data, config and log folders."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading

import pytest

from desktop_app.core.config import atomic, paths
from desktop_app.core.config.atomic import atomic_write_bytes, atomic_write_text

POSIX = os.name != "nt"


def test_no_other_module_writes_files_by_hand():
    """No hand-rolled temp-and-rename writer is left: they go through core.atomic."""
    root = paths.Path(__file__).resolve().parents[2] / "desktop_app"
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "atomic.py":
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ('".tmp"', "'.tmp'", '.tmp"', "O_TRUNC"):
            if needle in text:
                offenders.append(f"{path.relative_to(root)}: {needle}")
    assert offenders == []


def test_concurrent_writers_never_tear_the_file(tmp_path):
    target = tmp_path / "state.json"
    payloads = [(str(i) * 50_000).encode() for i in range(8)]
    errors: list[BaseException] = []

    def write(data: bytes) -> None:
        try:
            for _ in range(20):
                atomic_write_bytes(target, data)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(p,)) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert target.read_bytes() in payloads
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


@pytest.mark.skipif(not POSIX, reason="POSIX permission bits")
def test_permission_bits_kept_or_set(tmp_path):
    target = tmp_path / "f"
    atomic_write_text(target, "a", mode=0o600)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    os.chmod(target, 0o640)
    atomic_write_text(target, "b")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # kept
    atomic_write_text(target, "c", mode=0o600)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # set


def test_failure_leaves_target_and_no_temp(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "x.json"
    target.write_text("old")
    with pytest.raises(TypeError):
        atomic_write_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert [p.name for p in folder.iterdir()] == ["x.json"]


def test_file_size_limit_in_a_child_process(tmp_path):
    """RLIMIT_FSIZE: the kernel refuses a write half-way (the other way a disk says no)."""
    if not hasattr(__import__("os"), "fork") or sys.platform == "win32":
        pytest.skip("POSIX resource limits")
    target = tmp_path / "big.json"
    target.write_text("old")
    code = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from desktop_app.core.config.atomic import atomic_write_bytes\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, 10_000))\n"
        "try:\n"
        "    atomic_write_bytes(Path(sys.argv[1]), b'x' * 100_000)\n"
        "except OSError as exc:\n"
        "    print(exc.errno)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(target)], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == str(__import__("errno").EFBIG), result.stderr
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["big.json"]


def test_disk_full_message_names_the_path(tmp_path):
    exc = atomic.DiskFullError(tmp_path / "x")
    assert str(exc) == f"Disk full at {tmp_path / 'x'}: free some space and try again."
    assert isinstance(exc, OSError) and atomic.is_disk_full(exc)


@pytest.mark.skipif(not POSIX, reason="POSIX permission bits")
def test_folders_are_user_only_also_for_old_installs(tmp_path, monkeypatch):
    monkeypatch.setenv("FLOWDESK_HOME", str(tmp_path))
    old_umask = os.umask(0o022)
    try:
        # An install from before the rule: folders that inherited the umask (0755).
        for name in ("data", "config", "logs"):
            (tmp_path / name).mkdir(mode=0o755)
        changed = paths.secure_folders()
        assert sorted(p.name for p in changed) == ["config", "data", "logs"]
        for name in ("data", "config", "logs"):
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o700
        assert paths.secure_folders() == []  # nothing left to fix
    finally:
        os.umask(old_umask)


@pytest.mark.skipif(not POSIX, reason="POSIX permission bits")
def test_new_folders_are_user_only_and_the_cli_fixes_old_ones(tmp_path):
    fresh = tmp_path / "fresh"
    env = {**os.environ, "FLOWDESK_HOME": str(fresh)}
    code = (
        "from desktop_app.core.config import paths as p; "
        "p.data_dir(); p.config_dir(); p.log_dir()"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    for name in ("data", "config", "logs"):
        assert stat.S_IMODE((fresh / name).stat().st_mode) == 0o700
    old = tmp_path / "old"
    (old / "data").mkdir(parents=True, mode=0o755)
    os.chmod(old / "data", 0o755)
    env["FLOWDESK_HOME"] = str(old)
    subprocess.run(
        [sys.executable, "-m", "desktop_app", "--version"],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert stat.S_IMODE((old / "data").stat().st_mode) == 0o700
