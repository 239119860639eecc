"""The example designs in flows/designs/ are current, valid and match their builders."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.designer import load, validate
from desktop_app.designer.examples import EXAMPLES, write_examples
from desktop_app.designer.fileformat import FILE_SUFFIX, dumps

DESIGNS = Path(__file__).resolve().parents[3] / "flows" / "designs"


@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_shipped_file_matches_its_builder(stem: str) -> None:
    path = DESIGNS / f"{stem}{FILE_SUFFIX}"
    assert path.read_text(encoding="utf-8") == dumps(EXAMPLES[stem]()), (
        f"{path.name} is stale: run `python -m desktop_app.designer.examples`")
    assert validate(load(path)) == []


def test_every_shipped_design_has_a_builder() -> None:
    shipped = {p.name.removesuffix(FILE_SUFFIX) for p in DESIGNS.glob(f"*{FILE_SUFFIX}")}
    assert shipped == set(EXAMPLES)


def test_regenerating_is_byte_identical(tmp_path: Path) -> None:
    for path in write_examples(tmp_path):
        assert path.read_bytes() == (DESIGNS / path.name).read_bytes()
