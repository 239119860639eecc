"""The user's flows folder explains itself; copying an example renames its flow."""

from __future__ import annotations

import ast

import pytest

from desktop_app.core.config import paths
from desktop_app.core.serving.flow_discovery import load_file
from desktop_app.core.serving.user_flows import (
    README_NAME,
    CopyError,
    copy_example,
    ensure_user_flows_folder,
    is_example,
    rename_flow,
)


def flow_names(source: str, tmp_path) -> set[str]:
    path = tmp_path / "probe_module.py"
    path.write_text(source, encoding="utf-8")
    loaded = load_file(path)
    assert loaded.error is None, loaded.error
    return {f.name for f in loaded.flows}


@pytest.mark.parametrize(
    ("source", "old"),
    [
        (
            'from prefect import flow\n\n@flow(name="a-b", log_prints=True)\ndef x():\n    pass\n',
            "a-b",
        ),
        ("import prefect\n\n@prefect.flow\ndef my_flow():\n    pass\n", "my-flow"),
        ("from prefect import flow\n\n@flow(retries=1)\ndef my_flow():\n    pass\n", "my-flow"),
        ("from prefect import flow\n\n@flow()\ndef my_flow():\n    pass\n", "my-flow"),
        ('from prefect import flow\n# 数据\n@flow(name="数据")\ndef 数据():\n    pass\n', "数据"),
    ],
)
def test_rename_flow_touches_only_the_name(source, old, tmp_path) -> None:
    renamed = rename_flow(source, old, 'new "one"')
    ast.parse(renamed)
    assert flow_names(renamed, tmp_path) == {'new "one"'}


def test_rename_flow_says_what_is_wrong() -> None:
    with pytest.raises(CopyError, match="no @flow named 'zzz'"):
        rename_flow("from prefect import flow\n\n@flow\ndef a():\n    pass\n", "zzz", "y")
    with pytest.raises(CopyError, match="does not parse"):
        rename_flow("def (:\n", "a", "b")


def test_copy_example_never_clashes_and_explains_the_folder(tmp_path) -> None:
    folder = ensure_user_flows_folder()
    assert "next run uses your changes" in (folder / README_NAME).read_text(encoding="utf-8")
    example = paths.seed_flows_dir() / "basic_workflow.py"
    assert is_example(example) and not is_example(folder / "x.py")
    target = tmp_path / "mine"
    target.mkdir()
    first = copy_example(example, "basic-workflow", {"basic-workflow"}, target)
    assert first.flow_name == "basic-workflow-copy"
    assert first.path == target / "basic_workflow_copy.py"
    # The name is taken on the server already and the file exists: both move on.
    second = copy_example(example, "basic-workflow", {"basic-workflow-copy"}, target)
    assert second.flow_name == "basic-workflow-copy-2"
    assert second.path.name == "basic_workflow_copy_2.py"
    assert flow_names(second.path.read_text(encoding="utf-8"), tmp_path) == {
        "basic-workflow-copy-2"
    }
    assert sorted(p.name for p in target.iterdir()) == [
        "basic_workflow_copy.py",
        "basic_workflow_copy_2.py",
    ]  # no temporary file left behind
    with pytest.raises(CopyError, match="cannot read"):
        copy_example(tmp_path / "missing.py", "x", set(), target)
