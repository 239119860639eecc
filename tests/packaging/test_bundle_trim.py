"""What the spec leaves out of the bundle: only files the app never reads (fast, no build)."""

from __future__ import annotations

import bundle_check
import bundle_trim
import pytest

KEPT = [
    "prefect/server/ui/index.html",
    "prefect/server/ui/assets/index-BD_kIOMy.js",
    "prefect/server/database/_migrations/env.py",
    "prefect/server/api/ui/__init__.py",  # the API's "ui" routes are code, not the web UI
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6/Qt/translations/qt_zh_CN.qm",
    "PySide6\\translations\\qtbase_zh_CN.qm",  # Windows layout and separator
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",  # tests and headless self-checks
    "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6\\plugins\\platforms\\qwindows.dll",
    "PySide6/Qt/lib/libQt6Core.so.6",
    "PySide6/Qt/lib/libQt6WaylandClient.so.6",
    "apprise/plugins/email/__init__.py",
    "docket/lua/claim.lua",
]
DROPPED = [
    "prefect/server/ui_build/index.html",
    "prefect/server/ui_v2_build/assets/vendor-mermaid.js",
    "prefect/server/ui-v2/index.html",
    "prefect\\server\\ui-v2\\index.html",
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/translations/qt_help_zh_CN.qm",
    "PySide6\\translations\\qtbase_fr.qm",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-x11-integration.so",
    "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6\\plugins\\tls\\qschannelbackend.dll",
    "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
    "aiosqlite/tests/smoke.py",
    "prefect/testing/fixtures.py",
]


@pytest.mark.parametrize("path", KEPT)
def test_what_the_app_reads_is_kept(path: str):
    assert bundle_trim.dropped(path) is None


@pytest.mark.parametrize("path", DROPPED)
def test_what_the_app_never_reads_is_left_out_with_a_reason(path: str):
    why = bundle_trim.dropped(path)
    assert why and len(why) > 10


def test_trim_keeps_entries_whole_and_counts_each_reason():
    toc = [
        ("prefect/server/ui/index.html", "/src/ui/index.html", "DATA"),
        ("prefect/server/ui-v2/index.html", "/src/ui-v2/index.html", "DATA"),
        ("prefect/server/ui-v2/a.js", "/src/ui-v2/a.js", "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", "/src/qtbase_de.qm", "DATA"),
    ]
    kept, counts = bundle_trim.trim(toc)
    assert kept == [toc[0]]
    assert sorted(counts.values()) == [1, 2]


def test_nothing_the_bundle_check_requires_is_trimmed():
    """The two lists must never disagree: a trimmed file the check requires fails every build."""
    for requirement in bundle_check.installed_requirements():
        example = requirement.pattern.replace("**/", "").replace("*", "x")
        assert bundle_trim.dropped(example) is None, requirement.what
