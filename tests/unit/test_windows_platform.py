"""The OS services Flowdesk uses on Windows, exercised for real under Wine.

The Windows lane (packaging/windows/wine_lane.sh) runs this file with Windows'
own CPython, where the registry, LockFileEx and the Credential Manager exist.
On Linux the portable tests run and the Windows-only ones are skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

from desktop_app.core.config.autostart import RUN_KEY, Autostart, windows_gui_executable
from desktop_app.core.supervision.filelock import FileLock

windows_only = pytest.mark.skipif(
    sys.platform != "win32",
    reason="Windows' own services (registry, Credential Manager): the Wine lane runs it",
)

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from desktop_app.core.supervision.filelock import FileLock

    lock = FileLock(Path(sys.argv[1]))
    print("held" if lock.acquire() else "refused", flush=True)
    time.sleep(600)
    """
)


def test_file_lock_is_exclusive_across_processes_and_freed_by_a_hard_kill(tmp_path):
    """The daemon's lock: held by another process, then freed when it dies (kill -9 /
    TerminateProcess), so a stale state file is recognised without trusting pids."""
    path = tmp_path / "数据 folder" / "server.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        mine = FileLock(path)
        assert mine.is_held_elsewhere()
        assert not mine.acquire()
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert not mine.is_held_elsewhere()
    assert mine.acquire()
    mine.release()


@pytest.fixture()
def run_key_value():
    """The current user's Run value for Flowdesk, restored afterwards: this is the
    real registry (a throwaway Wine prefix in the lane, but maybe a developer's PC)."""
    import winreg

    def read() -> str | None:
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                return winreg.QueryValueEx(key, "Flowdesk")[0]
        except FileNotFoundError:
            return None

    before = read()
    yield read
    autostart = Autostart(platform="win32")
    autostart.disable()
    if before is not None:
        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.SetValueEx(key, "Flowdesk", 0, winreg.REG_SZ, before)


@windows_only
def test_autostart_writes_the_run_key_and_reads_it_back(run_key_value):
    autostart = Autostart()
    autostart.disable()
    assert not autostart.enabled() and run_key_value() is None

    autostart.enable(minimised=True)

    value = run_key_value()
    assert value is not None and autostart.enabled()
    assert value.endswith('"--minimised"')
    program = value.split('"')[1]
    assert Path(program).exists()
    # Never a console program at login: pythonw.exe / Flowdesk.exe.
    assert Path(program).name.lower() in {"pythonw.exe", "flowdesk.exe"}
    autostart.disable()
    assert not autostart.enabled() and run_key_value() is None


def test_autostart_on_windows_launches_the_window_twin(tmp_path):
    cli = tmp_path / "flowdesk-cli.exe"
    cli.write_bytes(b"")
    assert windows_gui_executable(cli) == cli  # no twin installed: unchanged
    (tmp_path / "Flowdesk.exe").write_bytes(b"")
    assert windows_gui_executable(cli) == tmp_path / "Flowdesk.exe"
    (tmp_path / "python.exe").write_bytes(b"")
    (tmp_path / "pythonw.exe").write_bytes(b"")
    assert windows_gui_executable(tmp_path / "python.exe") == tmp_path / "pythonw.exe"


@windows_only
def test_secrets_go_to_the_windows_credential_manager(tmp_path):
    import keyring

    from desktop_app.core.config.secrets import SecretStore

    backend = keyring.get_keyring()
    # With other backends installed (keyrings.alt) keyring chains them by priority:
    # Windows' Credential Manager must come first.
    chain = getattr(backend, "backends", [backend])
    assert type(chain[0]).__module__ == "keyring.backends.Windows", chain
    store = SecretStore(file_path=tmp_path / "secrets.json")
    assert store.use_keyring and store.warning is None
    key = f"test-{uuid.uuid4().hex}"
    try:
        store.set(key, "pnu_秘密_value")
        assert store.get(key) == "pnu_秘密_value"
        assert not (tmp_path / "secrets.json").exists()  # nothing in a plain file
    finally:
        store.set(key, None)
    assert store.get(key) is None


def test_non_ascii_data_folder(tmp_path, monkeypatch):
    """A data folder under a Chinese user name with spaces (C:\\users\\张三 is common in
    China): paths, the lock and the logs all work there."""
    from desktop_app.core.config import paths

    home = tmp_path / "users" / "张三" / "AppData" / "Local" / "很长的 文件夹" / "Flowdesk"
    monkeypatch.setenv("FLOWDESK_HOME", str(home))
    data = paths.data_dir()
    assert data.is_dir() and "张三" in str(data)
    lock = FileLock(paths.server_lock_file())
    assert lock.acquire()
    lock.release()
    (paths.log_dir() / "flowdesk.log").write_text("日志 ok\n", encoding="utf-8")
    assert (paths.log_dir() / "flowdesk.log").read_text(encoding="utf-8") == "日志 ok\n"
    assert os.path.getsize(paths.log_dir() / "flowdesk.log") > 0


def test_redirected_output_in_an_ansi_code_page_never_crashes(monkeypatch):
    """Windows gives a pipe or file its ANSI code page: 张三 in cp1252 is escaped."""
    import io

    from desktop_app.__main__ import _never_fail_to_print

    out = io.TextIOWrapper(io.BytesIO(), encoding="cp1252", newline="\n")
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", None)  # a windowed exe has no stream at all
    with pytest.raises(UnicodeEncodeError):
        print("C:\\users\\张三", file=out, flush=True)
    _never_fail_to_print()
    print("C:\\users\\张三", file=out, flush=True)
    assert out.buffer.getvalue().endswith(b"C:\\users\\\\u5f20\\u4e09\n")
