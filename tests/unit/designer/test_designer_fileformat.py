"""The file format: stable bytes, strict loading, atomic saving, autosave."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from pathlib import Path

import pytest

from desktop_app.designer import (
    CodeNode,
    Design,
    DesignFileError,
    DesignSaveError,
    autosave_path,
    load,
    newer_autosave,
    save,
    write_autosave,
)
from desktop_app.designer.examples import EXAMPLES, large_design
from desktop_app.designer.fileformat import dumps, loads
from desktop_app.designer.nodes import NODE_KINDS, InputField, Parameter, Port
from desktop_app.designer.serialize import READERS, SCHEMA_VERSION, design_to_dict


def designs(all_kinds: Design) -> list[Design]:
    return [all_kinds, large_design(80), *(build() for build in EXAMPLES.values())]


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_round_trip_gives_identical_dict_and_bytes(tmp_path: Path, all_kinds: Design) -> None:
    for design in designs(all_kinds):
        path = save(design, tmp_path / "d.flowdesk.json")
        first = path.read_bytes()
        loaded = load(path)
        assert design_to_dict(loaded) == design_to_dict(design)
        save(loaded, path)
        assert path.read_bytes() == first
        assert [n.id for n in loaded] == [n.id for n in design]
        assert loaded.edges == design.edges


def test_text_layout_is_diff_friendly(all_kinds: Design) -> None:
    text = dumps(all_kinds)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.splitlines()[1].startswith('  "')  # two-space indent
    data = json.loads(text)
    assert data["schema_version"] == SCHEMA_VERSION
    assert json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n" == text
    assert [n["id"] for n in data["nodes"]] == list(all_kinds.nodes)  # insertion order


def test_unicode_and_awkward_text_survive(tmp_path: Path) -> None:
    design = Design('Ünïcode "quotes" \\ {braces}', "line 1\nline 2\t✓")
    design.add_node(CodeNode(title="Émoji 🎉", body='return "\\u00e9\\n"'))
    path = save(design, tmp_path / "u.flowdesk.json")
    assert "🎉" in path.read_text(encoding="utf-8")
    assert design_to_dict(load(path)) == design_to_dict(design)


def test_every_field_annotation_has_a_reader() -> None:
    for cls in [*NODE_KINDS.values(), Port, Parameter, InputField]:
        for field in dataclasses.fields(cls):
            assert str(field.type) in READERS, f"{cls.__name__}.{field.name}: {field.type}"


# ------------------------------------------------------------------ corrupt
def _corrupt(all_kinds: Design, change) -> str:
    data = json.loads(dumps(all_kinds))
    change(data)
    return json.dumps(data, indent=2, sort_keys=True)


@pytest.mark.parametrize(("change", "fragments"), [
    (lambda d: d["nodes"][1].pop("body"), ["missing field 'body'", "$.nodes[1]"]),
    (lambda d: d["nodes"][2].update(x="left"), ["expected a number, found text", "$.nodes[2].x"]),
    (lambda d: d["nodes"][1].update(retries=1.5), ["whole number", "$.nodes[1].retries"]),
    (lambda d: d["nodes"][0]["parameters"][0].update(name=3),
     ["expected text", "$.nodes[0].parameters[0].name"]),
    (lambda d: d["nodes"][3].update(kind="teleport"), ["unknown node kind 'teleport'"]),
    (lambda d: d["nodes"][1].update(colour="red"), ["unknown field 'colour'"]),
    (lambda d: d["nodes"][1].update(id="not-a-uuid"), ["expected a UUID", "$.nodes[1].id"]),
    (lambda d: d["nodes"][2].update(id=d["nodes"][1]["id"]), ["used twice"]),
    (lambda d: d["edges"][0].update(target_port="nope"), ["no input 'nope'", "$.edges[0]"]),
    (lambda d: d["edges"].append(dict(d["edges"][0])), ["already fed", "$.edges[8]"]),
    (lambda d: d.update(nodes={}), ["expected a list, found an object", "$.nodes"]),
    (lambda d: d.pop("schema_version"), ["missing field 'schema_version'"]),
    (lambda d: d.update(schema_version="1"), ["expected a version number"]),
])
def test_structure_errors_say_what_and_where(tmp_path: Path, all_kinds: Design, change,
                                             fragments: list[str]) -> None:
    path = tmp_path / "bad.flowdesk.json"
    path.write_text(_corrupt(all_kinds, change), encoding="utf-8")
    with pytest.raises(DesignFileError) as caught:
        load(path)
    message = str(caught.value)
    assert str(path) in message and "text editor" in message
    for fragment in fragments:
        assert fragment in message


def test_error_names_the_line_of_the_bad_node(tmp_path: Path, all_kinds: Design) -> None:
    text = _corrupt(all_kinds, lambda d: d["nodes"][4].update(title=None))
    path = tmp_path / "bad.flowdesk.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DesignFileError) as caught:
        load(path)
    node_id = json.loads(text)["nodes"][4]["id"]
    assert node_id in text.splitlines()[caught.value.line - 1]
    assert f"near line {caught.value.line}" in str(caught.value)


def test_bad_json_names_line_and_column(tmp_path: Path, all_kinds: Design) -> None:
    path = tmp_path / "cut.flowdesk.json"
    path.write_text(dumps(all_kinds)[:300], encoding="utf-8")
    with pytest.raises(DesignFileError) as caught:
        load(path)
    assert "is not valid JSON" in str(caught.value) and "line" in str(caught.value)
    assert caught.value.line is not None and "autosave" in str(caught.value)


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "bin.flowdesk.json"
    path.write_bytes(b'{"a":\n"\xff\xfe"}')
    with pytest.raises(DesignFileError, match=r"not UTF-8 text .*line 2"):
        load(path)
    with pytest.raises(DesignFileError, match=r"Cannot read .*exists"):
        load(tmp_path / "nope.flowdesk.json")


def test_newer_schema_says_which_app_version_is_needed(tmp_path: Path,
                                                        all_kinds: Design) -> None:
    def newer(data: dict) -> None:
        data.update(schema_version=SCHEMA_VERSION + 1, flowdesk_min_version="9.1.0")
        data["nodes"][0]["brand_new_field"] = 1  # unknown to us: must not matter

    path = tmp_path / "new.flowdesk.json"
    path.write_text(_corrupt(all_kinds, newer), encoding="utf-8")
    with pytest.raises(DesignFileError) as caught:
        load(path)
    message = str(caught.value)
    assert "newer Flowdesk" in message and "Flowdesk 9.1.0 or newer" in message
    assert f"version {SCHEMA_VERSION + 1}" in message and "Update Flowdesk" in message


def test_loading_never_writes(tmp_path: Path, all_kinds: Design) -> None:
    good = save(all_kinds, tmp_path / "good.flowdesk.json")
    bad = tmp_path / "bad.flowdesk.json"
    bad.write_text("{nope", encoding="utf-8")
    os.utime(good, (1_000_000, 1_000_000))
    before = files_in(tmp_path)
    load(good)
    with pytest.raises(DesignFileError):
        load(bad)
    assert files_in(tmp_path) == before
    assert good.stat().st_mtime == 1_000_000


# ------------------------------------------------------------------- saving
@pytest.mark.skipif(
    sys.platform == "win32",
    reason="POSIX permission bits: on Windows chmod only toggles read-only (ACLs decide)",
)
def test_save_leaves_no_temp_file_and_keeps_permissions(tmp_path: Path,
                                                        all_kinds: Design) -> None:
    path = tmp_path / "d.flowdesk.json"
    save(all_kinds, path)
    os.chmod(path, 0o640)
    save(all_kinds, path)
    assert [p.name for p in tmp_path.iterdir()] == ["d.flowdesk.json"]
    assert path.stat().st_mode & 0o777 == 0o640


def _assert_failed_save_left_everything(tmp_path: Path, design: Design, path: Path,
                                        original: bytes | None) -> None:
    before_model = dumps(design)
    before_files = files_in(tmp_path) if tmp_path.is_dir() else {}
    with pytest.raises(DesignSaveError) as caught:
        save(design, path)
    message = str(caught.value)
    assert f"Cannot save {path}" in message and "unchanged" in message
    assert dumps(design) == before_model
    if original is not None:
        assert path.read_bytes() == original
    assert files_in(tmp_path) == before_files  # no temp file left behind


def test_failed_replace_leaves_old_file_and_no_temp(tmp_path: Path, all_kinds: Design,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = save(all_kinds, tmp_path / "d.flowdesk.json")
    original = path.read_bytes()
    all_kinds.update_node(list(all_kinds.nodes)[1], body="return 42")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    _assert_failed_save_left_everything(tmp_path, all_kinds, path, original)
    monkeypatch.undo()
    with pytest.raises(DesignSaveError, match="Save As"):
        save(all_kinds, tmp_path / "x" / "y.json")


def test_failed_write_midway_leaves_old_file(tmp_path: Path, all_kinds: Design,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = save(all_kinds, tmp_path / "d.flowdesk.json")
    original = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    _assert_failed_save_left_everything(tmp_path, all_kinds, path, original)


def test_save_into_a_path_below_a_file(tmp_path: Path, all_kinds: Design) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    _assert_failed_save_left_everything(tmp_path, all_kinds, blocker / "d.flowdesk.json", None)


def test_save_into_a_read_only_folder(tmp_path: Path, all_kinds: Design) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = save(all_kinds, folder / "d.flowdesk.json")
    original = path.read_bytes()
    folder.chmod(0o500)
    try:
        probe = folder / "probe"
        try:
            probe.write_text("x")
        except PermissionError:
            pass
        else:  # root ignores folder permissions: the other tests cover the failure path
            probe.unlink()
            pytest.skip("running as root: chmod does not stop writes")
        _assert_failed_save_left_everything(folder, all_kinds, path, original)
    finally:
        folder.chmod(0o700)


# ----------------------------------------------------------------- autosave
def test_autosave_beside_the_file_and_removed_by_save(tmp_path: Path,
                                                      all_kinds: Design) -> None:
    path = tmp_path / "d.flowdesk.json"
    assert autosave_path(path).name == "d.flowdesk.json.autosave"
    recovery = write_autosave(all_kinds, path)
    assert recovery == autosave_path(path) and not path.exists()
    assert newer_autosave(path) == recovery  # never saved: the autosave is all there is
    assert design_to_dict(load(recovery)) == design_to_dict(all_kinds)
    save(all_kinds, path)
    assert not recovery.exists() and newer_autosave(path) is None
    write_autosave(all_kinds, path)
    os.utime(path, (1_000_000, 1_000_000))
    assert newer_autosave(path) == recovery
    os.utime(recovery, (500_000, 500_000))
    assert newer_autosave(path) is None


def test_loads_accepts_text_directly(all_kinds: Design) -> None:
    assert design_to_dict(loads(dumps(all_kinds))) == design_to_dict(all_kinds)
