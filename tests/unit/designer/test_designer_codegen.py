"""Code generation: readable modules that compile, pass ruff and wire nodes correctly."""

from __future__ import annotations

import ast
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.designer import (
    ApprovalNode,
    CodeNode,
    ConditionNode,
    CycleError,
    DeployRefused,
    Design,
    Edge,
    InputField,
    LoopNode,
    Parameter,
    ParametersNode,
    Port,
    deploy_design,
    generate,
    node_tag,
    validate,
)
from desktop_app.designer.codegen import GENERATED_NOTE, module_filename
from desktop_app.designer.examples import EXAMPLES, large_design
from tests.timings import record

Ruff = Callable[[Path], str]


def write(tmp_path: Path, source: str, name: str = "generated.py") -> Path:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    return path


def decorated(tree: ast.Module, decorator: str) -> dict[str, ast.FunctionDef]:
    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            for item in node.decorator_list:
                call = item.func if isinstance(item, ast.Call) else item
                if isinstance(call, ast.Name) and call.id == decorator:
                    found[node.name] = node
    return found


def keywords(function: ast.FunctionDef) -> dict[str, object]:
    call = function.decorator_list[0]
    assert isinstance(call, ast.Call)
    return {k.arg: ast.literal_eval(k.value) for k in call.keywords}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples_compile_and_pass_ruff(tmp_path: Path, ruff: Ruff, name: str) -> None:
    source = generate(EXAMPLES[name]())
    compile(source, name, "exec")
    assert ruff(write(tmp_path, source)) == ""


def test_all_kinds_compiles_and_passes_ruff(tmp_path: Path, ruff: Ruff,
                                            all_kinds: Design) -> None:
    source = generate(all_kinds)
    assert ruff(write(tmp_path, source)) == ""


def test_header_names_the_design(all_kinds: Design) -> None:
    source = generate(all_kinds)
    head = source.splitlines()[:4]
    assert head[0] == "# Flowdesk design: All kinds"
    assert head[1] == f"# Design id: {all_kinds.id}"
    assert head[2] == f"# {GENERATED_NOTE}"
    assert f'DESIGN_ID = "{all_kinds.id}"' in source


def test_one_tagged_task_per_code_node_named_after_its_title(all_kinds: Design) -> None:
    tree = ast.parse(generate(all_kinds))
    tasks = decorated(tree, "task")
    assert set(tasks) == {"make", "scale", "is_big", "big", "small"}
    by_title = {n.title: n for n in all_kinds}
    for name, title in [("make", "Make"), ("scale", "Scale"), ("is_big", "Is big")]:
        settings = keywords(tasks[name])
        assert settings["name"] == title and settings["task_run_name"] == title
        assert settings["tags"] == [node_tag(by_title[title].id)]
    assert [a.arg for a in tasks["make"].args.args] == ["count"]
    assert ast.unparse(tasks["make"].returns) == "list"  # type: ignore[arg-type]
    assert [a.arg for a in tasks["scale"].args.args] == ["item", "factor"]


def test_task_settings_are_passed(all_kinds: Design) -> None:
    make = list(all_kinds.nodes)[1]
    all_kinds.update_node(make, retries=3, retry_delay_seconds=2, timeout_seconds=30)
    settings = keywords(decorated(ast.parse(generate(all_kinds)), "task")["make"])
    assert (settings["retries"], settings["retry_delay_seconds"],
            settings["timeout_seconds"]) == (3, 2.0, 30.0)


def test_flow_signature_from_the_parameters_node(all_kinds: Design) -> None:
    params = next(iter(all_kinds.nodes))
    all_kinds.update_node(params, parameters=[
        *all_kinds.node(params).parameters, Parameter("needed", "str")])
    tree = ast.parse(generate(all_kinds))
    (flow,) = decorated(tree, "flow").values()
    assert flow.name == "all_kinds"
    assert keywords(flow)["name"] == "all-kinds"
    signature = ast.unparse(flow.args)
    assert signature == ("needed: str, count: int=4, factor: float=1.5, label: str='run', "
                         "options: dict=OPTIONS_DEFAULT")
    assert 'OPTIONS_DEFAULT = {"a": [1, 2]}' in ast.unparse(tree).replace("'", '"')


def test_condition_becomes_if_else(all_kinds: Design) -> None:
    source = generate(all_kinds)
    assert "    is_big_passed = is_big(values=scale_results)\n    if is_big_passed:\n" in source
    assert '    else:\n        outputs["small"] = small(values=scale_results)\n' in source


def test_nested_conditions_and_shared_guards(tmp_path: Path, ruff: Ruff) -> None:
    design = Design("Nested")
    params = design.add_node(ParametersNode(parameters=[Parameter("n", "int", 1)]))
    outer = design.add_node(ConditionNode(title="Outer", expression="value > 0"))
    inner = design.add_node(ConditionNode(title="Inner", expression="value > 10"))
    leaves = {}
    for name, (source, port) in {
        "Big": (inner, "true"), "Medium": (inner, "false"), "Negative": (outer, "false"),
    }.items():
        leaves[name] = design.add_node(CodeNode(title=name, inputs=["v"], body="return v"))
        design.connect(source.id, port, leaves[name].id, "v")
    design.connect(params.id, "n", outer.id, "value")
    design.connect(outer.id, "true", inner.id, "value")
    source = generate(design)
    assert ruff(write(tmp_path, source)) == ""
    body = source[source.index("    outputs = {}"):]
    assert body.splitlines()[1:9] == [
        "    outer_passed = outer(value=n)",
        "    if outer_passed:",
        "        inner_passed = inner(value=n)",
        "        if inner_passed:",
        '            outputs["big"] = big(v=n)',
        "        else:",
        '            outputs["medium"] = medium(v=n)',
        "    else:",
    ]


def test_awkward_titles_and_texts_stay_valid(tmp_path: Path, ruff: Ruff) -> None:
    long = "A very long title that goes on and on " * 4
    design = Design('Odd "design" {name} \\ ünï', 'Doc with """ quotes and \\ and "end"')
    params = design.add_node(ParametersNode(parameters=[
        Parameter("text", "str", 'He said "hi" \\ {x}\n' * 5),
        Parameter("numbers", "list", list(range(60))),
        Parameter("nested", "dict", {"k": {"deep": ["x" * 30] * 5}})]))
    code = design.add_node(CodeNode(title=long, inputs=["text"], body='return text + "{x}"'))
    weird = design.add_node(CodeNode(title='Quote " brace { back \\ tab\t', inputs=["x"],
                                     body="return x"))
    loop = design.add_node(LoopNode(title="Loop " + long, body="return item"))
    ask = design.add_node(ApprovalNode(
        title="Ask " + long, inputs=["a_really_long_input_name_here_xx"],
        description=("Long line " * 30 + "{a_really_long_input_name_here_xx}\n") * 3,
        fields=[InputField("approve_this_particular_thing_no", "float",
                           "A title " * 20, default=2.5, minimum=0.5, maximum=1e6)]))
    design.connect(params.id, "text", code.id, "text")
    design.connect(code.id, "result", weird.id, "x")
    design.connect(params.id, "numbers", loop.id, "items")
    design.connect(loop.id, "results", ask.id, "a_really_long_input_name_here_xx")
    assert [p for p in validate(design) if p.is_error] == []
    source = generate(design)
    assert ruff(write(tmp_path, source)) == ""
    tree = ast.parse(source)
    settings = {keywords(f)["tags"][0]: keywords(f) for f in decorated(tree, "task").values()}
    assert settings[node_tag(weird.id)]["name"] == 'Quote " brace { back \\ tab\t'
    assert settings[node_tag(weird.id)]["task_run_name"] == 'Quote " brace {{ back \\ tab\t'
    assert settings[node_tag(code.id)]["name"] == long
    namespace: dict[str, object] = {}
    exec(compile(source.split("from prefect")[0], "header", "exec"), namespace)
    assert namespace["__doc__"] == (
        f'Prefect flow "{design.name}", generated from a Flowdesk design.')


def test_longest_names_fit_in_100_columns(tmp_path: Path, ruff: Ruff) -> None:
    name = "x" * 32
    design = Design("d" * 80)
    params = design.add_node(ParametersNode(parameters=[
        Parameter(f"p{i}_" + "y" * 29, "dict", {"k": 1}) for i in range(3)]))
    previous = None
    for i in range(3):
        loop = design.add_node(LoopNode(title=f"{name[:-1]}{i}",
                                        inputs=[Port("z" * 31 + str(j)) for j in range(3)]))
        design.connect(params.id, params.parameters[0].name, loop.id, "items")
        for j in range(3):
            feed = (previous, "results") if previous else (params.id, params.parameters[j].name)
            design.connect(feed[0].id if previous else feed[0], feed[1], loop.id,
                           "z" * 31 + str(j))
        previous = loop
    source = generate(design)
    assert max(len(line) for line in source.splitlines()) <= 100
    assert ruff(write(tmp_path, source)) == ""


def test_multiline_strings_in_bodies_keep_their_value(flow_module) -> None:
    design = Design("Strings")
    design.add_node(CodeNode(title="Text", body='value = """first\nsecond\n  third"""\n'
                                                'return value'))
    module = flow_module(generate(design))
    assert module.__flowdesk_flow__.fn() == {"text": "first\nsecond\n  third"}


def test_cycle_cannot_be_generated() -> None:
    design = Design("Loop")
    a = design.add_node(CodeNode(title="A", inputs=["x"]))
    b = design.add_node(CodeNode(title="B", inputs=["x"]))
    design.add_edge(Edge(a.id, "result", b.id, "x"))
    design.add_edge(Edge(b.id, "result", a.id, "x"), check=False)
    with pytest.raises(CycleError, match="loop"):
        generate(design)


def test_invalid_design_still_previews() -> None:
    design = Design("Preview")
    design.add_node(CodeNode(title="A", inputs=["missing"], body="return missing"))
    assert "a(missing=None)" in generate(design)


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="timing budget measured on native Linux; the Wine lane emulates Windows slower",
)
def test_large_design_is_fast_clean_and_compiles(tmp_path: Path, ruff: Ruff) -> None:
    design = large_design(300)
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        source = generate(design)
        timings.append(time.perf_counter() - start)
    record("designer_codegen_300", min(timings), budget=0.1)
    compile(source, "large", "exec")
    assert ruff(write(tmp_path, source)) == ""
    assert source.count("@task(") == sum(
        isinstance(n, (CodeNode, LoopNode, ConditionNode)) for n in design)


def test_output_is_deterministic(all_kinds: Design) -> None:
    assert generate(all_kinds) == generate(all_kinds)


# ------------------------------------------------------------------- deploy
def test_deploy_writes_the_module_atomically(tmp_path: Path, all_kinds: Design) -> None:
    out = tmp_path / "deployed"
    path = deploy_design(all_kinds, out)
    assert path == out / "all_kinds.py" == out / module_filename(all_kinds)
    assert path.read_text(encoding="utf-8") == generate(all_kinds)
    all_kinds.update_node(list(all_kinds.nodes)[1], body="return [1]")
    assert deploy_design(all_kinds, out) == path  # same design: replaced in place
    assert [p.name for p in out.iterdir()] == ["all_kinds.py"]


def test_deploy_refuses_errors_with_the_problem_list(tmp_path: Path,
                                                     all_kinds: Design) -> None:
    make = list(all_kinds.nodes)[1]
    all_kinds.update_node(make, body="return (")
    with pytest.raises(DeployRefused) as caught:
        deploy_design(all_kinds, tmp_path)
    assert [p.node_id for p in caught.value.problems if p.is_error] == [make]
    assert "1 error(s)" in str(caught.value) and "never closed" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_deploy_refuses_to_overwrite_another_designs_module(tmp_path: Path,
                                                            all_kinds: Design) -> None:
    deploy_design(all_kinds, tmp_path)
    twin = Design(all_kinds.name)
    with pytest.raises(DeployRefused, match="another design's flow"):
        deploy_design(twin, tmp_path)


def test_deploy_refuses_to_overwrite_a_hand_written_file(tmp_path: Path,
                                                         all_kinds: Design) -> None:
    mine = tmp_path / module_filename(all_kinds)
    mine.write_text("print('mine')\n", encoding="utf-8")
    with pytest.raises(DeployRefused, match="not generated by Flowdesk"):
        deploy_design(all_kinds, tmp_path)
    assert mine.read_text(encoding="utf-8") == "print('mine')\n"


def test_a_long_run_of_escapes_after_a_space_is_still_cut_to_fit() -> None:
    """Found by the property test: the part after a space grew past the width unchecked."""
    from desktop_app.designer.pysource import WIDTH, Text, render, width

    title = "N0 000\x1f\x1b" + "".join(
        chr(c) for c in (0x101FE, 0x11DAA, 0x12544, 0x1342F, 0x18D09, 0x18D09, 0x1BCA0, 0x2EBE1)
    )
    lines = render(Text(title), 4, "name=", ",")
    assert all(width(line) <= WIDTH for line in lines), lines
    assert eval("".join(line.strip() for line in lines)[len("name=") : -1]) == title


def test_a_long_text_default_of_an_approval_field_is_split_to_fit() -> None:
    """Found by the property test: a field's default was written as one unsplittable literal."""
    from desktop_app.designer import ApprovalNode, Design, InputField
    from desktop_app.designer.codegen import generate
    from desktop_app.designer.pysource import WIDTH, width

    default = "00000000\x1f\x1f\x1f\x1f\x1f\x08" + "\U00018cd6" * 4 + "\U0002ebe1"
    design = Design(name="Long default")
    design.add_node(ApprovalNode(title="Check", fields=[InputField("f1", "str", "F1", default)]))
    source = generate(design)
    assert all(width(line) <= WIDTH for line in source.splitlines())
    namespace: dict = {}
    exec(compile(source, "generated", "exec"), namespace)
    model = namespace["CheckInput"]
    assert model.model_fields["f1"].default == default


def test_a_flow_signature_with_wide_characters_is_measured_in_columns() -> None:
    """Found by the property test: 97 characters, but 105 columns with Chinese defaults."""
    from desktop_app.designer import Design, ParametersNode
    from desktop_app.designer.codegen import generate
    from desktop_app.designer.nodes import Parameter
    from desktop_app.designer.pysource import WIDTH, width

    design = Design(name="宽")
    params = tuple(Parameter(f"p{i}", "str", "数据集名称") for i in range(4))
    design.add_node(ParametersNode(parameters=params))
    source = generate(design)
    assert all(width(line) <= WIDTH for line in source.splitlines())
    compile(source, "generated", "exec")


def test_chinese_titles_give_chinese_names_and_an_ascii_module(tmp_path: Path, ruff: Ruff) -> None:
    """A design titled only in Chinese is valid: its names keep their script."""
    from desktop_app.designer.names import slugify
    from desktop_app.designer.symbols import design_symbols

    design = Design("数据处理", "把每个数平方。")
    params = design.add_node(ParametersNode(parameters=[Parameter("count", "int", 3)]))
    make = design.add_node(CodeNode(title="生成 数字", inputs=[Port("count", "int")],
                                    returns="list", body="return list(range(count))"))
    square = design.add_node(LoopNode(title="逐个平方", body="return item * item"))
    ask = design.add_node(ApprovalNode(title="审批", inputs=["results"],
                                       description="结果：{results}。继续吗？",
                                       fields=[InputField("ok", "bool", "同意", default=False)]))
    design.connect(params.id, "count", make.id, "count")
    design.connect(make.id, "result", square.id, "items")
    design.connect(square.id, "results", ask.id, "results")
    assert [p.message for p in validate(design) if p.is_error] == []
    symbols = design_symbols(design)
    assert (symbols.flow_function, symbols.flow_name) == ("数据处理", "数据处理")
    assert symbols.module_name.isascii() and symbols.module_name.startswith("design_")
    assert slugify("生成 数字") == "生成_数字" and slugify("１２３") == "n_123"
    assert slugify("😀") == ""  # still needs a letter or a digit
    source = generate(design)
    assert ruff(write(tmp_path, source)) == ""
    assert "def 数据处理(" in source and "def 生成_数字(" in source
