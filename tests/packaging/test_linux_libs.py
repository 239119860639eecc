"""Which system libraries the Linux bundle leaves to the system (no build needed)."""

from __future__ import annotations

import linux_libs

SYS = "/usr/lib/x86_64-linux-gnu/"
SITE = "/venv/lib/python3.11/site-packages/"

ENTRIES = [
    ("PySide6/Qt/lib/libQt6Gui.so.6", SITE + "PySide6/Qt/lib/libQt6Gui.so.6", "BINARY"),
    (
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        SITE + "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "BINARY",
    ),
    ("python3.11/lib-dynload/_ssl.so", SYS + "python3.11/lib-dynload/_ssl.so", "EXTENSION"),
    ("libpython3.11.so.1.0", SYS + "libpython3.11.so.1.0", "BINARY"),
    ("libssl.so.3", SYS + "libssl.so.3", "BINARY"),
    ("libxcb-cursor.so.0", SYS + "libxcb-cursor.so.0", "BINARY"),
    ("libfontconfig.so.1", SYS + "libfontconfig.so.1", "BINARY"),
    ("libexpat.so.1", SYS + "libexpat.so.1", "BINARY"),
    ("libglib-2.0.so.0", SYS + "libglib-2.0.so.0", "BINARY"),
    ("libpcre2-8.so.0", SYS + "libpcre2-8.so.0", "BINARY"),
    ("libcairo.so.2", SYS + "libcairo.so.2", "BINARY"),
    ("libstdc++.so.6", SYS + "libstdc++.so.6", "BINARY"),
]
NEEDED = {
    SITE + "PySide6/Qt/lib/libQt6Gui.so.6": [
        "libxcb-cursor.so.0",
        "libfontconfig.so.1",
        "libglib-2.0.so.0",
        "libstdc++.so.6",
    ],
    SITE + "PySide6/Qt/plugins/platformthemes/libqgtk3.so": ["libcairo.so.2"],
    SYS + "python3.11/lib-dynload/_ssl.so": ["libssl.so.3"],
    SYS + "libfontconfig.so.1": ["libexpat.so.1"],
    SYS + "libglib-2.0.so.0": ["libpcre2-8.so.0"],
}


def _kept() -> set[str]:
    shipped = linux_libs.prune(ENTRIES, needed_of=lambda path: NEEDED.get(path, []))
    return {dest.rsplit("/", 1)[-1] for dest, _src, _kind in shipped}


def test_libraries_that_must_match_the_desktop_are_left_to_it():
    kept = _kept()
    for name in ("libfontconfig.so.1", "libglib-2.0.so.0", "libstdc++.so.6"):
        assert name not in kept


def test_what_only_dropped_libraries_needed_goes_with_them():
    kept = _kept()
    assert "libexpat.so.1" not in kept  # fontconfig's
    assert "libpcre2-8.so.0" not in kept  # glib's
    assert "libcairo.so.2" not in kept and "libqgtk3.so" not in kept  # the GTK theme's


def test_python_and_what_bundled_code_links_to_stay():
    kept = _kept()
    assert {"libQt6Gui.so.6", "_ssl.so", "libssl.so.3", "libxcb-cursor.so.0"} <= kept
    assert "libpython3.11.so.1.0" in kept  # dlopen'ed by the bootloader: nobody "needs" it


def test_dropped_lists_names():
    shipped = linux_libs.prune(ENTRIES, needed_of=lambda path: NEEDED.get(path, []))
    assert "libfontconfig.so.1" in linux_libs.dropped(ENTRIES, shipped)
