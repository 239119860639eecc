"""The user's own flows folder, and copying a bundled example into it.

After `pip install .` (or in an installed app) the bundled examples live in a
read-only place inside the package: editing them is either impossible or lost
at the next upgrade. The user's folder (`<data>/flows`) is where their flows
belong; it explains itself with a README.txt, and "Copy to my flows" turns an
example into a file of theirs under a flow name that clashes with nothing.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.config import paths
from desktop_app.core.config.atomic import atomic_write_text

README_NAME = "README.txt"
README_TEXT = """\
Your Flowdesk flows
===================

Every Python file in this folder (and one level of sub-folders) is served by Flowdesk as a
deployment: each @flow in it becomes "<flow name>/local" in the Deployments tab.

- Add a file: it appears within a second or two.
- Edit a file: the next run uses your changes (each run loads the file afresh).
- Delete a file, or rename a flow: its deployment goes away; nothing else is touched.
- Files starting with "_" are not served (use them for shared helpers).
- Two of your files must not define the same flow name: the second one is refused, and
  `flowdesk server status` and the Deployments tab say which files clash.
- A flow of yours with the same name as a bundled example replaces that example while
  your file exists.
- The examples shipped with Flowdesk are read-only; "Copy to my flows" in the Deployments
  tab copies one here under a new name for you to change.
- designs/ holds the modules the Designer's Deploy writes.

你的 Flowdesk 流程
==================

此文件夹（及其下一级子文件夹）中的每个 Python 文件都会由 Flowdesk 作为部署提供：
其中每个 @flow 在“部署”标签页中显示为“<流程名>/local”。

- 添加文件：一两秒内出现。
- 编辑文件：下一次运行即使用你的修改（每次运行都会重新载入文件）。
- 删除文件或重命名流程：它的部署随之移除，其他部署不受影响。
- 以“_”开头的文件不会被提供（可用于存放共享的辅助代码）。
- 你的两个文件不能定义同名流程：后来的那个会被拒绝，
  `flowdesk server status` 和“部署”标签页会说明是哪两个文件冲突。
- 若你的流程与内置示例同名，只要你的文件存在，它就会取代该示例。
- Flowdesk 自带的示例是只读的；在“部署”标签页中用“复制到我的流程”
  可将示例以新名称复制到这里，供你修改。
- designs/ 存放设计器“部署”生成的模块。
"""


def ensure_user_flows_folder() -> Path:
    """The user's flows folder, created with its README.txt if missing."""
    folder = paths.user_flows_dir()
    readme = folder / README_NAME
    if not readme.exists():
        try:
            _write_atomically(readme, README_TEXT)
        except OSError:
            pass  # a read-only or full disk: the folder itself is what matters
    return folder


def is_example(path: str | Path) -> bool:
    """True for a file among the bundled, read-only examples."""
    try:
        return Path(path).resolve().is_relative_to(paths.seed_flows_dir().resolve())
    except (OSError, ValueError):
        return False


@dataclass(frozen=True)
class CopiedFlow:
    path: Path
    flow_name: str


class CopyError(Exception):
    """The example could not be copied; the message says why, in words."""


def copy_example(
    source: Path, flow_name: str, taken: Iterable[str], folder: Path | None = None
) -> CopiedFlow:
    """Copy `source` into the user's folder with `flow_name` renamed so it clashes with nothing.

    `taken`: flow names already in use (the deployments the window knows, what
    the runner serves). The new file is written whole or not at all.
    """
    folder = folder or ensure_user_flows_folder()
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise CopyError(f"cannot read {source}: {exc.strerror or exc}") from exc
    used = set(taken)
    for n in range(1, 1000):
        suffix = "copy" if n == 1 else f"copy-{n}"
        new_name = f"{flow_name}-{suffix}"
        target = folder / f"{source.stem}_{suffix.replace('-', '_')}.py"
        if new_name not in used and not target.exists():
            break
    else:  # pragma: no cover - a thousand copies
        raise CopyError("too many copies already; delete some from your flows folder")
    renamed = rename_flow(text, flow_name, new_name)
    header = (
        f"# Your copy of the Flowdesk example {source.name} (flow {flow_name!r}).\n"
        f"# Edit it freely: the next run of {new_name}/local uses your changes.\n"
    )
    try:
        _write_atomically(target, header + renamed)
    except OSError as exc:
        raise CopyError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return CopiedFlow(target, new_name)


def rename_flow(source: str, flow_name: str, new_name: str) -> str:
    """Give the `@flow` named `flow_name` in `source` the name `new_name`, touching nothing else."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise CopyError(f"the example does not parse: {exc.msg} (line {exc.lineno})") from exc
    data = source.encode("utf-8")
    starts = [0]
    for line in data.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def offset(lineno: int, col: int) -> int:  # ast columns count UTF-8 bytes
        return starts[lineno - 1] + col

    quoted = _quote(new_name)
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            if not _is_flow(call.func if call else decorator):
                continue
            keyword = next((k for k in (call.keywords if call else []) if k.arg == "name"), None)
            if keyword is not None:
                value = keyword.value
                if not (isinstance(value, ast.Constant) and value.value == flow_name):
                    continue
                start = offset(value.lineno, value.col_offset)
                end = offset(value.end_lineno, value.end_col_offset)
                return (data[:start] + quoted.encode() + data[end:]).decode("utf-8")
            if node.name.replace("_", "-") != flow_name:
                continue
            if call is not None:
                at = offset(call.func.end_lineno, call.func.end_col_offset)
                at = data.index(b"(", at) + 1
                rest = b"" if not (call.args or call.keywords) else b", "
                return (data[:at] + f"name={quoted}".encode() + rest + data[at:]).decode("utf-8")
            at = offset(decorator.end_lineno, decorator.end_col_offset)
            return (data[:at] + f"(name={quoted})".encode() + data[at:]).decode("utf-8")
    raise CopyError(f"no @flow named {flow_name!r} in the example")


def _is_flow(node: ast.expr) -> bool:
    return (isinstance(node, ast.Name) and node.id == "flow") or (
        isinstance(node, ast.Attribute) and node.attr == "flow"
    )


def _quote(text: str) -> str:
    return '"' + re.sub(r'(["\\])', r"\\\1", text) + '"'


def _write_atomically(path: Path, text: str) -> None:
    """All or nothing (core.atomic): the runner never imports half a file."""
    atomic_write_text(path, text)
