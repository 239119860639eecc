"""Render every icon the installers need from the one SVG in resources/icons.

Only the SVG is committed; PNGs (Linux hicolor sizes), the Windows `.ico` and
the macOS `.icns` are build outputs. Rendering uses Qt's SVG renderer, which
the app already ships, and ICO/ICNS are written here: both formats accept
PNG-compressed images (ICO since Windows Vista, ICNS since macOS 10.7), so a
container writer of a few lines replaces a Pillow dependency.

Usage: python packaging/make_icons.py [OUT_DIR]   (default: packaging/out/icons)
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "flowdesk.svg"
DEFAULT_OUT = ROOT / "packaging" / "out" / "icons"

PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
"""Linux hicolor sizes (`/usr/share/icons/hicolor/<n>x<n>/apps`)."""
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
"""Windows picks per DPI: 16/20/24 small, 32/40/48 large, 256 for tiles and Explorer."""
ICNS_TYPES = {
    "icp4": 16,
    "icp5": 32,
    "icp6": 64,
    "ic07": 128,
    "ic08": 256,
    "ic09": 512,
    "ic10": 1024,  # 512@2x
    "ic11": 32,  # 16@2x
    "ic12": 64,  # 32@2x
    "ic13": 256,  # 128@2x
    "ic14": 512,  # 256@2x
}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG at `size`x`size` px as PNG bytes, antialiased, transparent corners."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode a {size} px PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """An ICO file holding PNG images (ICONDIR, one ICONDIRENTRY per image, the data)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        blob = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in a one-byte field
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


def icns_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """An ICNS file: 'icns' + total length, then (type, length incl. header, PNG) chunks."""
    chunks = b"".join(
        kind.encode("ascii") + struct.pack(">I", len(blob) + 8) + blob for kind, blob in entries
    )
    return b"icns" + struct.pack(">I", len(chunks) + 8) + chunks


def _ensure_gui_app() -> object:
    """Qt's painter needs a QGuiApplication; the offscreen platform needs no display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0]])


def make_icons(out_dir: Path = DEFAULT_OUT, svg: Path = SVG) -> dict[str, Path]:
    """Write flowdesk-<n>.png, flowdesk.ico, flowdesk.icns and a copy of the SVG."""
    app = _ensure_gui_app()  # noqa: F841 -- must stay alive while rendering
    out_dir.mkdir(parents=True, exist_ok=True)
    needed = {*PNG_SIZES, *ICO_SIZES, *ICNS_TYPES.values()}
    rendered = {size: render_png(svg, size) for size in sorted(needed)}
    written: dict[str, Path] = {}
    for size in PNG_SIZES:
        path = out_dir / f"flowdesk-{size}.png"
        path.write_bytes(rendered[size])
        written[f"png{size}"] = path
    written["ico"] = out_dir / "flowdesk.ico"
    written["ico"].write_bytes(ico_bytes({s: rendered[s] for s in ICO_SIZES}))
    written["icns"] = out_dir / "flowdesk.icns"
    written["icns"].write_bytes(icns_bytes((k, rendered[s]) for k, s in ICNS_TYPES.items()))
    written["svg"] = out_dir / "flowdesk.svg"
    written["svg"].write_bytes(svg.read_bytes())
    return written


def up_to_date(out_dir: Path = DEFAULT_OUT, svg: Path = SVG) -> bool:
    """True if every output exists and is newer than the SVG (the spec skips re-rendering)."""
    outputs = [out_dir / f"flowdesk-{n}.png" for n in PNG_SIZES]
    outputs += [out_dir / "flowdesk.ico", out_dir / "flowdesk.icns", out_dir / "flowdesk.svg"]
    source_time = svg.stat().st_mtime
    return all(p.is_file() and p.stat().st_mtime >= source_time for p in outputs)


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else DEFAULT_OUT
    for name, path in make_icons(out_dir).items():
        print(f"{name:>7}  {path}  ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
