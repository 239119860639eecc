"""macOS cannot run here: its code paths must at least import and build what
they would hand to macOS (the LaunchAgent plist, the app's Info.plist, the
entitlements, the dmg script), so a typo never first shows up on a release tag.
"""

from __future__ import annotations

import ast
import plistlib
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop_app.core.config.autostart import APP_ID, Autostart, launch_agent, launch_command

ROOT = Path(__file__).resolve().parents[2]
MACOS = ROOT / "packaging" / "macos"


def test_launch_agent_for_the_frozen_app_is_a_valid_plist(tmp_path, monkeypatch):
    app = "/Applications/Flowdesk.app/Contents/MacOS/Flowdesk"
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", app)
    command = launch_command(minimised=True, platform="darwin")
    assert command == [app, "--minimised"]  # no Windows twin lookup on macOS

    autostart = Autostart(platform="darwin", home=tmp_path)
    autostart.enable(minimised=True)
    target = tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    plist = plistlib.loads(target.read_bytes())
    assert plist == plistlib.loads(launch_agent([app, "--minimised"]))
    assert plist["Label"] == APP_ID and plist["RunAtLoad"] is True
    assert autostart.enabled()
    autostart.disable()
    assert not target.exists() and not autostart.enabled()


def test_entitlements_are_a_valid_plist_with_what_a_frozen_python_needs():
    entitlements = plistlib.loads((MACOS / "entitlements.plist").read_bytes())
    assert entitlements == {
        "com.apple.security.cs.allow-unsigned-executable-memory": True,
        "com.apple.security.cs.disable-library-validation": True,
    }


def _bundle_info_plist() -> dict[str, ast.expr]:
    """The spec's BUNDLE(info_plist={...}) keys, read without running PyInstaller."""
    tree = ast.parse((ROOT / "packaging" / "flowdesk.spec").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "BUNDLE":
            for keyword in node.keywords:
                if keyword.arg == "info_plist":
                    assert isinstance(keyword.value, ast.Dict)
                    pairs = zip(keyword.value.keys, keyword.value.values, strict=True)
                    return {ast.literal_eval(k): v for k, v in pairs}
    raise AssertionError("the spec has no BUNDLE(info_plist=...) for macOS")


def test_app_info_plist_in_the_spec_is_complete_and_serialisable():
    info = _bundle_info_plist()
    for key in ("CFBundleName", "CFBundleShortVersionString", "CFBundleVersion",
                "NSHighResolutionCapable", "LSMinimumSystemVersion"):
        assert key in info, key
    # Versions come from pyproject (a name, never a typed literal).
    assert isinstance(info["CFBundleShortVersionString"], ast.Name)
    literal = {
        k: (ast.literal_eval(v) if not isinstance(v, ast.Name) else "1.0.0")
        for k, v in info.items()
    }
    assert plistlib.loads(plistlib.dumps(literal)) == literal


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash to parse the script")
def test_dmg_script_parses_and_names_files_that_exist():
    script = MACOS / "build_dmg.sh"
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    text = script.read_text(encoding="utf-8")
    for relative in ("packaging/macos/entitlements.plist", "packaging/flowdesk.spec",
                     "packaging/make_icons.py"):
        assert relative in text and (ROOT / relative).exists(), relative
