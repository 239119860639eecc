"""Icons rendered from the one SVG: right sizes, and ICO/ICNS containers that parse."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import make_icons
import pytest

PNG = make_icons.PNG_SIGNATURE


@pytest.fixture(scope="module")
def icons(qapp, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    # pytest-qt's QApplication first: make_icons would otherwise create a bare
    # QGuiApplication, and every later widget test in the session would abort.
    return make_icons.make_icons(tmp_path_factory.mktemp("icons"))


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG)
    return struct.unpack(">II", data[16:24])  # IHDR width, height


def test_pngs_have_their_sizes_and_transparent_corners(icons: dict[str, Path]):
    from PySide6.QtGui import QImage

    for size in make_icons.PNG_SIZES:
        data = icons[f"png{size}"].read_bytes()
        assert _png_size(data) == (size, size)
        image = QImage(str(icons[f"png{size}"]))
        assert image.pixelColor(0, 0).alpha() == 0  # rounded tile, not a square
        assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_ico_lists_every_size_and_points_at_png_data(icons: dict[str, Path]):
    data = icons["ico"].read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    sizes = []
    for index in range(count):
        width, height, _c, _r, _p, bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        blob = data[offset : offset + length]
        real = _png_size(blob)
        assert real[0] == (width or 256) and real[1] == (height or 256)
        assert bpp == 32
        sizes.append(real[0])
    assert sizes == sorted(make_icons.ICO_SIZES)
    assert offset + length == len(data)


def test_icns_chunks_cover_the_file_with_png_images(icons: dict[str, Path]):
    data = icons["icns"].read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    position, found = 8, {}
    while position < len(data):
        kind = data[position : position + 4].decode("ascii")
        length = struct.unpack(">I", data[position + 4 : position + 8])[0]
        found[kind] = _png_size(data[position + 8 : position + length])[0]
        position += length
    assert position == len(data)
    assert found == make_icons.ICNS_TYPES


def test_outputs_are_rebuilt_only_when_the_svg_is_newer(icons: dict[str, Path]):
    out_dir = icons["ico"].parent
    assert make_icons.up_to_date(out_dir)
    later = make_icons.SVG.stat().st_mtime + 10
    os.utime(icons["ico"], (later - 20, later - 20))
    try:
        assert not make_icons.up_to_date(out_dir)
    finally:
        os.utime(icons["ico"], (later, later))


def test_desktop_entry_names_the_icon_and_the_command():
    entry = (make_icons.ROOT / "resources" / "flowdesk.desktop").read_text(encoding="utf-8")
    fields = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert fields["Icon"] == "flowdesk"  # the hicolor name the .deb installs
    assert fields["Exec"] == "flowdesk"
    assert fields["Type"] == "Application"
