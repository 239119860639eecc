"""Recovery copies of open designs: what a crash or a kill -9 must not take away.

While a design has unsaved changes the editor writes it every few seconds to
one file in a recovery folder under the data folder (never beside the design:
that may be a read-only examples folder or a synced drive). The file holds the
design and where it belongs (`original`, or None for a design never saved), so
the next start can offer it back without the person remembering which file
they were editing. Writes are atomic (`atomic`): a kill during a write leaves
the previous copy whole. Saving or discarding the design removes its copy.

No Qt here; the editor decides when to write and what to ask.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from desktop_app.core.config.atomic import atomic_write_text
from desktop_app.designer.fileformat import DesignFileError, DesignSaveError
from desktop_app.designer.graph import Design
from desktop_app.designer.names import slugify
from desktop_app.designer.serialize import StructureError, design_from_dict, design_to_dict

RECOVERY_SUFFIX = ".recovery.json"
FORMAT_KEY = "flowdesk_recovery"


@dataclass(frozen=True)
class Recovery:
    """One recovery copy on disk."""

    path: Path
    original: Path | None
    """The design's own file, or None if it was never saved."""
    name: str
    """The design's name (for the offer: "Restore 'Orders'?")."""
    written: float
    """When it was written (seconds since the epoch)."""


def recovery_file(folder: Path, design: Design, original: Path | None) -> Path:
    """The one recovery file of this design: keyed by its file, or its id if unsaved."""
    key = str(Path(original).resolve()) if original is not None else f"untitled:{design.id}"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    stem = (slugify(Path(original).name.split(".")[0]) if original else "untitled") or "design"
    return Path(folder) / f"{stem}-{digest}{RECOVERY_SUFFIX}"


def recovery_text(design: Design, original: Path | None) -> str:
    """What `write_recovery` writes (the editor compares it to skip identical writes)."""
    data = {
        FORMAT_KEY: 1,
        "original": str(original) if original is not None else None,
        "written_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "design": design_to_dict(design),
    }
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def write_recovery(folder: Path, design: Design, original: Path | None) -> Path:
    """Write (atomically) the recovery copy; raises `DesignSaveError` saying why not."""
    target = recovery_file(folder, design, original)
    text = recovery_text(design, original)  # a model error must not cost the old copy
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, text)
    except OSError as exc:
        raise DesignSaveError(target, (
            f"Cannot write the recovery copy {target}: {exc.strerror or exc}. Your design is "
            "still open; save it to keep your changes.")) from exc
    return target


def remove_recovery(folder: Path, design: Design, original: Path | None) -> None:
    with contextlib.suppress(OSError):
        recovery_file(folder, design, original).unlink()


def read_recovery(path: Path) -> tuple[Design, Path | None]:
    """The design in a recovery copy and the file it belongs to; raises `DesignFileError`."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DesignFileError(path, (
            f"The recovery copy {path} cannot be read ({exc}); it was probably cut short. "
            "Discard it.")) from None
    if not isinstance(data, dict) or data.get(FORMAT_KEY) != 1:
        raise DesignFileError(path, f"{path} is not a Flowdesk recovery copy. Discard it.")
    try:
        design = design_from_dict(data.get("design"))
    except StructureError as exc:
        raise DesignFileError(path, (
            f"The recovery copy {path} is damaged: {exc.message} at {exc.path}. "
            "Discard it.")) from None
    original = data.get("original")
    return design, Path(original) if isinstance(original, str) and original else None


def list_recoveries(folder: Path) -> list[Recovery]:
    """Every readable recovery copy in `folder`, newest first (damaged ones listed too)."""
    found: list[Recovery] = []
    try:
        files = list(Path(folder).glob(f"*{RECOVERY_SUFFIX}"))
    except OSError:
        return []
    for path in files:
        try:
            written = path.stat().st_mtime
        except OSError:
            continue
        try:
            design, original = read_recovery(path)
            name = design.name
        except DesignFileError:
            original, name = None, path.name
        found.append(Recovery(path, original, name, written))
    return sorted(found, key=lambda r: r.written, reverse=True)


def recovery_for(folder: Path, original: Path) -> Recovery | None:
    """The recovery copy of the design file `original` if it is newer than the file."""
    for recovery in list_recoveries(folder):
        if recovery.original is not None and _same(recovery.original, original):
            try:
                saved = Path(original).stat().st_mtime
            except OSError:
                return recovery  # the file is gone: the copy is all there is
            return recovery if recovery.written > saved else None
    return None


def _same(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


__all__ = [
    "RECOVERY_SUFFIX",
    "Recovery",
    "list_recoveries",
    "read_recovery",
    "recovery_file",
    "recovery_for",
    "recovery_text",
    "remove_recovery",
    "write_recovery",
]
