"""The build-time check fails a bundle that would break at run time (fake bundles, fast)."""

from __future__ import annotations

from pathlib import Path

import bundle_check
import pytest
from bundle_check import BundleIncomplete, Requirement, verify_bundle

REQUIREMENTS = [
    Requirement("migrations", "prefect/server/database/_migrations/versions/**/*.py", 3),
    Requirement("web UI", "prefect/server/ui/index.html"),
]


def _fake_bundle(root: Path, migrations: int = 3, ui: bool = True) -> Path:
    library = root / "flowdesk" / "_internal"
    versions = library / "prefect/server/database/_migrations/versions/sqlite"
    versions.mkdir(parents=True)
    for index in range(migrations):
        (versions / f"2025_0{index}_step.py").write_text("def upgrade(): pass\n")
    if ui:
        (library / "prefect/server/ui").mkdir(parents=True)
        (library / "prefect/server/ui/index.html").write_text("<html></html>")
    (root / "flowdesk" / "flowdesk").write_text("#!/bin/sh\n")
    return root / "flowdesk"


def test_complete_bundle_passes(tmp_path: Path):
    verify_bundle(_fake_bundle(tmp_path), executables=["flowdesk"], requirements=REQUIREMENTS)


def test_bundle_without_migrations_fails_the_build(tmp_path: Path):
    bundle = _fake_bundle(tmp_path, migrations=0)
    with pytest.raises(BundleIncomplete) as info:
        verify_bundle(bundle, requirements=REQUIREMENTS)
    message = str(info.value)
    assert "migrations: 0 file(s)" in message and "expected 3" in message
    assert "web UI" not in message  # only what is missing is listed
    assert info.value.code == message  # SystemExit: PyInstaller exits non-zero with it


def test_partly_collected_migrations_fail_too(tmp_path: Path):
    with pytest.raises(BundleIncomplete, match="2 file\\(s\\)"):
        verify_bundle(_fake_bundle(tmp_path, migrations=2), requirements=REQUIREMENTS)


def test_every_problem_is_listed_at_once(tmp_path: Path):
    bundle = _fake_bundle(tmp_path, migrations=0, ui=False)
    with pytest.raises(BundleIncomplete) as info:
        verify_bundle(
            bundle, executables=["flowdesk", "flowdesk-cli.exe"], requirements=REQUIREMENTS
        )
    message = str(info.value)
    assert "migrations" in message and "web UI" in message
    assert "flowdesk-cli.exe is missing" in message


def test_not_a_one_folder_build(tmp_path: Path):
    with pytest.raises(BundleIncomplete, match="_internal does not exist"):
        verify_bundle(tmp_path, requirements=REQUIREMENTS)


def test_requirements_count_what_is_installed():
    """Every migration of the installed Prefect is required, not merely one."""
    by_what = {r.what: r for r in bundle_check.installed_requirements()}
    migrations = by_what["Prefect's database migrations (alembic .py files)"]
    assert migrations.minimum > 100
    assert by_what["Prefect's web UI assets"].minimum > 10


def test_windows_bundle_needs_the_python_dll(tmp_path: Path):
    """A bundle without python3XY.dll cannot start at all: the build fails instead."""
    runtime = bundle_check.python_runtime("win32", (3, 11))
    assert [r.pattern for r in runtime] == ["python311.dll"]
    bundle = _fake_bundle(tmp_path)
    with pytest.raises(BundleIncomplete, match=r"python311\.dll"):
        verify_bundle(bundle, requirements=REQUIREMENTS + runtime)
    (bundle / "_internal" / "python311.dll").write_bytes(b"MZ")
    verify_bundle(bundle, requirements=REQUIREMENTS + runtime)
    assert bundle_check.python_runtime("linux", (3, 11)) == []


def test_command_line_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert bundle_check.main([]) == 2
    assert bundle_check.main([str(_fake_bundle(tmp_path, migrations=0))]) == 1
    assert "bundle check FAILED" in capsys.readouterr().err
