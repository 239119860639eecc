"""Design files on disk: `<name>.flowdesk.json`, plus an autosave beside each.

The text is made for version control: keys sorted, nodes in the order they
were added, two-space indent, one trailing newline, so saving an unchanged
design rewrites the very same bytes and an edit shows as a small diff.

Saving is atomic (see `core.atomic`): a failed save raises `DesignSaveError` and
leaves both the file and the in-memory design exactly as they were. Loading
only ever reads; every way a file can be wrong ends in a `DesignFileError`
that says what is wrong, where, and what the person can do about it.
"""

from __future__ import annotations

import contextlib
import errno
import json
import re
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.core.config.atomic import atomic_write_text
from desktop_app.designer.graph import Design
from desktop_app.designer.serialize import (
    SCHEMA_VERSION,
    NewerSchemaError,
    StructureError,
    design_from_dict,
    design_to_dict,
)

FILE_SUFFIX = ".flowdesk.json"
AUTOSAVE_SUFFIX = ".autosave"

# Limits on what a design file may hold. A file is untrusted input (downloaded,
# shared, hand-edited): without them a 6 MB code body took minutes and GBs to
# check, a deeply nested default crashed the parser. Each is far beyond any real
# design, and each refusal names the limit.
MAX_FILE_BYTES = 4 * 1024 * 1024
"""A design file's size (the largest example, 300 nodes, is ~0.3 MB)."""
MAX_BODY_CHARS = 100_000
"""One code node's body (~2,500 lines: past that, it belongs in a module)."""
MAX_NESTING = 64
"""Nesting of lists/objects in the file (the format itself needs ~6 levels)."""
MAX_INT_DIGITS = 4300
"""Digits of a number (Python's own conversion limit; JSON numbers beyond it fail)."""


class DesignFileError(Exception):
    """A design file that cannot be read (or written); the message is for people.

    `path` is the file, `where` a JSON path or "line L, column C" (or None),
    `line` the 1-based line when known.
    """

    def __init__(self, path: Path | str, message: str, *, where: str | None = None,
                 line: int | None = None) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.where = where
        self.line = line


class DesignSaveError(DesignFileError):
    """Saving failed; the previous file (if any) and the open design are unchanged."""


# ----------------------------------------------------------------- text form
def dumps(design: Design) -> str:
    """The exact text `save` writes."""
    return json.dumps(design_to_dict(design), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def loads(text: str, source: Path | str = "<text>") -> Design:
    """Parse file text into a design; errors name `source` as the file."""
    _check_nesting(text, source)
    try:
        data = json.loads(text)
    except ValueError as exc:
        if isinstance(exc, json.JSONDecodeError):
            raise _not_json(source, exc) from None
        # int() refuses more digits than sys.get_int_max_str_digits().
        raise DesignFileError(source, (
            f"{source} holds a number with more than {MAX_INT_DIGITS} digits (the limit). "
            "Fix that value in a text editor.")) from None
    except RecursionError:  # pragma: no cover - _check_nesting refuses these first
        raise DesignFileError(source, (
            f"{source} is nested more than {MAX_NESTING} levels deep (the limit).")) from None
    _check_bodies(data, source)
    try:
        return design_from_dict(data)
    except NewerSchemaError as exc:
        raise DesignFileError(source, (
            f"{source} was saved by a newer Flowdesk: {exc.message} (this is Flowdesk "
            f"{__version__}). Update Flowdesk to open it; the file was not changed."),
            where=exc.path) from None
    except StructureError as exc:
        line = _line_of(text, data, exc.path)
        near = f", near line {line}" if line else ""
        raise DesignFileError(source, (
            f"{source} is not a valid design: {exc.message} at {exc.path}{near}. "
            "Fix that field in a text editor, or open a backup or the autosave."),
            where=exc.path, line=line) from None


def _not_json(source: Path | str, exc: json.JSONDecodeError) -> DesignFileError:
    return DesignFileError(source, (
        f"{source} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}. "
        "The file may be cut short or was edited by hand: fix that spot in a text editor, "
        f"or open its autosave ({Path(source).name}{AUTOSAVE_SUFFIX}) if there is one."),
        where=f"line {exc.lineno}, column {exc.colno}", line=exc.lineno)


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def _check_nesting(text: str, source: Path | str) -> None:
    """Refuse nesting past MAX_NESTING before the recursive parser meets it."""
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub('""', text)):
        if match[0] in "[{":
            depth += 1
            if depth > MAX_NESTING:
                # Offsets differ once strings are blanked: no line number, rather than a wrong one.
                raise DesignFileError(source, (
                    f"{source} is nested more than {MAX_NESTING} levels deep (the limit). "
                    "A default value this deep is not a real design; fix it in a text "
                    "editor."))
        else:
            depth -= 1


def _check_bodies(data: Any, source: Path | str) -> None:
    """Refuse a code body past MAX_BODY_CHARS before it is parsed and analysed."""
    nodes = data.get("nodes") if isinstance(data, dict) else None
    for index, node in enumerate(nodes if isinstance(nodes, list) else []):
        body = node.get("body") if isinstance(node, dict) else None
        if isinstance(body, str) and len(body) > MAX_BODY_CHARS:
            title = node.get("title") if isinstance(node.get("title"), str) else f"#{index + 1}"
            raise DesignFileError(source, (
                f"The code of node '{title}' in {source} is {len(body):,} characters long; "
                f"the limit is {MAX_BODY_CHARS:,} per node. Move that code into a Python "
                "module and call it from the node."), where=f"$.nodes[{index}].body")


_INDEXED = re.compile(r"^\$\.(nodes|edges)\[(\d+)\]")


def _line_of(text: str, data: Any, path: str) -> int | None:
    """Best-effort line of the node/edge a JSON path points into (for the message)."""
    match = _INDEXED.match(path)
    if not match or not isinstance(data, dict):
        return None
    section, index = match[1], int(match[2])
    items = data.get(section)
    if not isinstance(items, list) or index >= len(items):
        return None
    item = items[index]
    if section == "nodes" and isinstance(item, dict) and isinstance(item.get("id"), str):
        # Edges (sorted before "nodes") mention node ids too: search after "nodes".
        offset = text.find(json.dumps(item["id"]), max(text.find('"nodes"'), 0))
        return text.count("\n", 0, offset) + 1 if offset >= 0 else None
    # Edges have no id: every edge object has exactly one "source_port" key.
    offset = -1
    for _ in range(index + 1):
        offset = text.find('"source_port"', offset + 1)
        if offset < 0:
            return None
    return text.count("\n", 0, offset) + 1


# ----------------------------------------------------------------- files
def load(path: Path | str) -> Design:
    """Read a design file; never writes anything."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DesignFileError(path, (
                f"{path} is {size / 1024 / 1024:.1f} MB; a design file may be at most "
                f"{MAX_FILE_BYTES // 1024 // 1024} MB (the limit). It is probably not a "
                "Flowdesk design, or its code belongs in a Python module."))
        raw = path.read_bytes()
    except OSError as exc:
        raise DesignFileError(path, (
            f"Cannot read {path}: {exc.strerror or exc}. Check that the file exists and "
            "that you may read it.")) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DesignFileError(path, (
            f"{path} is not UTF-8 text (bad byte at line {line}); it is probably not a "
            "Flowdesk design, or it was damaged."), where=f"line {line}", line=line) from None
    return loads(text, path)


def save(design: Design, path: Path | str, *, remove_autosave_file: bool = True) -> Path:
    """Write the design atomically; then drop its now-stale autosave. Returns the path."""
    path = Path(path)
    text = dumps(design)  # before touching the disk: a model error must not cost the file
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise DesignSaveError(path, _save_failure(path, exc)) from exc
    if remove_autosave_file:
        remove_autosave(path)
    return path


def _save_failure(path: Path, exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        advice = "Save it to a folder you can write to (Save As)."
    elif exc.errno == errno.ENOSPC:
        advice = "Free some disk space, or save it elsewhere (Save As)."
    elif exc.errno in (errno.ENOENT, errno.ENOTDIR):
        advice = "The folder does not exist; choose another one (Save As)."
    else:
        advice = "Try again, or save it elsewhere (Save As)."
    return (f"Cannot save {path}: {reason}. The design is still open and unchanged, and "
            f"any previous file was left as it was. {advice}")


def autosave_path(path: Path | str) -> Path:
    """Where the autosave of the design saved at `path` lives (beside it)."""
    path = Path(path)
    return path.with_name(path.name + AUTOSAVE_SUFFIX)


def write_autosave(design: Design, path: Path | str) -> Path:
    """Write the recovery copy of the design normally saved at `path`."""
    target = autosave_path(path)
    save(design, target, remove_autosave_file=False)
    return target


def remove_autosave(path: Path | str) -> None:
    with contextlib.suppress(FileNotFoundError):
        autosave_path(path).unlink()


def newer_autosave(path: Path | str) -> Path | None:
    """The autosave of `path` if it is newer than the file (offer to recover it)."""
    recovery = autosave_path(path)
    try:
        recovery_time = recovery.stat().st_mtime
    except OSError:
        return None
    try:
        saved_time = Path(path).stat().st_mtime
    except OSError:
        return recovery  # never saved, or the file is gone: the autosave is all there is
    return recovery if recovery_time > saved_time else None


__all__ = [
    "AUTOSAVE_SUFFIX",
    "FILE_SUFFIX",
    "SCHEMA_VERSION",
    "DesignFileError",
    "DesignSaveError",
    "autosave_path",
    "dumps",
    "load",
    "loads",
    "newer_autosave",
    "remove_autosave",
    "save",
    "write_autosave",
]
