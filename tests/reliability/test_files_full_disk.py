"""A full disk, for real (a 64 KiB tmpfs): every writer says "disk full at PATH" and
leaves the previous file whole, with no temporary file behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.config.atomic import DiskFullError, atomic_write_json, atomic_write_text
from tests.reliability.full_disk import can_mount, fill, tiny_disk

pytestmark = pytest.mark.skipif(not can_mount(), reason="mounting a tmpfs needs root on Linux")


@pytest.fixture
def disk(tmp_path):
    with tiny_disk(tmp_path) as folder:
        yield folder


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name != "filler")


def test_atomic_write_on_a_full_disk_keeps_the_old_file(disk):
    target = disk / "profiles.json"
    atomic_write_json(target, {"version": 1})
    before = target.read_bytes()
    fill(disk)
    with pytest.raises(DiskFullError) as caught:
        atomic_write_text(target, "x" * 100_000)
    assert f"Disk full at {target}" in str(caught.value)
    assert target.read_bytes() == before  # not torn, not empty
    assert _leftovers(disk) == ["profiles.json"]  # no .tmp left behind


def test_every_config_writer_reports_a_full_disk(disk, tmp_path):
    from desktop_app.core.config.secrets import SecretStore
    from desktop_app.core.config.settings import SettingsStore
    from desktop_app.core.supervision.auth import load_or_create_auth_string
    from desktop_app.core.supervision.server_state import ServerState, write_state

    secrets = SecretStore(disk / "secrets.json", use_keyring=False)
    secrets.set("a", "1")
    store = SettingsStore(disk / "settings.json")
    store.update(theme="dark")
    write_state(ServerState(phase="ready", port=1), disk / "server.json")
    saved = {p.name: p.read_bytes() for p in disk.iterdir()}
    fill(disk)
    big = "y" * 70_000
    attempts = [
        lambda: secrets.set("b", big),
        lambda: store.update(language="zh_CN", close_hint_shown=True),
        lambda: write_state(ServerState(phase="ready", port=2, message=big), disk / "server.json"),
        lambda: load_or_create_auth_string(disk / "api-auth-new"),
    ]
    for attempt in attempts:
        with pytest.raises(DiskFullError, match="Disk full at"):
            attempt()
    for name, content in saved.items():
        assert (disk / name).read_bytes() == content, name
    assert _leftovers(disk) == sorted(saved)


def test_cli_says_disk_full_in_one_line(disk, tmp_path):
    """`flowdesk design compile -o` onto a full disk: one line on stderr, no traceback."""
    from desktop_app.designer import examples, fileformat

    design_file = tmp_path / "d.flowdesk.json"
    fileformat.save(examples.basic_pipeline(), design_file)
    target = disk / "out.py"
    target.write_text("# old\n")
    fill(disk)
    env = {**os.environ, "FLOWDESK_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "design",
            "compile",
            str(design_file),
            "-o",
            str(target),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"Disk full at {target}" in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert target.read_text() == "# old\n"
    assert _leftovers(disk) == ["out.py"]
    json.dumps(result.stderr)  # printable


def test_logging_on_a_full_disk_says_so_once(disk):
    """A log file on a full disk: one 'Disk full at' line, no '--- Logging error ---'."""
    env = {**os.environ, "FLOWDESK_HOME": str(disk / "home")}
    code = (
        "import logging\n"
        "from desktop_app.core.config.logs import setup_logging\n"
        "from tests.reliability.full_disk import fill\n"
        "from pathlib import Path\n"
        "path = setup_logging('app')\n"
        "logging.getLogger('x').info('before')\n"
        "fill(Path(path).parent)\n"
        "for i in range(50):\n"
        "    logging.getLogger('x').info('line %s %s', i, 'y' * 5000)\n"
        "print('still running')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=str(Path(__file__).resolve().parents[2]),
    )
    assert result.stdout.strip() == "still running"
    assert "Logging error" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("Disk full at") == 1, result.stderr
