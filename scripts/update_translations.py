"""Keep resources/translations/flowdesk_zh_CN.ts in step with the code.

    python scripts/update_translations.py          # update the .ts in place
    python scripts/update_translations.py --check  # exit 1 if strings are missing or untranslated

Qt strings (`self.tr`, `QCoreApplication.translate`, the NOOP markers) and
CLI strings (`_("...")` in desktop_app/cli, context "CLI") and the engine's
messages (`tr_core("...")` in desktop_app/core and services, context "Core") are found by an
AST walk. Not `lupdate`: it misses aliases (`tr = self.tr`) and cannot be
told what we count as complete. Existing translations are kept; new strings
are marked unfinished for the translator.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "flowdesk_zh_CN.ts"
CLI_CONTEXT = "CLI"
CORE_CONTEXT = "Core"


def qt_sources() -> list[Path]:
    return sorted((ROOT / "desktop_app" / "ui").rglob("*.py"))


def cli_sources() -> list[Path]:
    return sorted((ROOT / "desktop_app" / "cli").rglob("*.py"))


def core_sources() -> list[Path]:
    """The engine, the application layer and the designer model: no Qt, so they
    translate with `tr_core`."""
    return [
        *sorted((ROOT / "desktop_app" / "core").rglob("*.py")),
        *sorted((ROOT / "desktop_app" / "services").rglob("*.py")),
        *sorted((ROOT / "desktop_app" / "designer").rglob("*.py")),
    ]


def marked_strings(sources: list[Path], function: str) -> list[str]:
    """The literal first arguments of calls to `function` (e.g. `_`, `tr_core`)."""
    found: list[str] = []
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == function
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                text = node.args[0].value
                if text not in found:
                    found.append(text)
    return found


def cli_strings() -> list[str]:
    return marked_strings(cli_sources(), "_")


def core_strings() -> list[str]:
    return marked_strings(core_sources(), "tr_core")


class _QtStrings(ast.NodeVisitor):
    """Finds what the window translates, with the context Qt will ask for.

    `self.tr("x")` (and an alias `tr = self.tr`) → the enclosing class;
    `QCoreApplication.translate("Ctx", "x")` (any `translate`, and an alias
    `tr = QCoreApplication.translate`) and `QT_TRANSLATE_NOOP("Ctx", "x")` → "Ctx";
    `QT_TR_NOOP("x")` → the enclosing class. Calls with a non-literal text must
    translate a string marked elsewhere with a NOOP; `dynamic` lists them.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.classes: list[str] = []
        self.found: list[tuple[str, str]] = []
        self.dynamic: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        texts = [
            a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
            for a in node.args
        ]
        here = self.classes[-1] if self.classes else "<module>"
        two = len(texts) >= 2 and texts[0] is not None and texts[1] is not None
        if name == "tr" and texts:
            if isinstance(func, ast.Name) and two:
                self.found.append((texts[0], texts[1]))  # type: ignore[arg-type]
            elif texts[0] is not None and not (isinstance(func, ast.Name) and len(texts) >= 2):
                self.found.append((here, texts[0]))
            else:
                self.dynamic.append(f"{self.path}:{node.lineno}")
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(texts) >= 2:
            if two:
                self.found.append((texts[0], texts[1]))  # type: ignore[arg-type]
            else:
                self.dynamic.append(f"{self.path}:{node.lineno}")
        elif name == "QT_TR_NOOP" and texts and texts[0] is not None:
            self.found.append((here, texts[0]))
        self.generic_visit(node)


def qt_strings() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in qt_sources():
        visitor = _QtStrings(path)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        for item in visitor.found:
            if item not in found:
                found.append(item)
    return found


def existing_translations(path: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    if not path.exists():
        return {}
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            source = message.findtext("source")
            if source is not None and node is not None:
                result[(name, source)] = (node.text or "", node.get("type"))
    return result


def regenerate(target: Path) -> None:
    """Rewrite `target` with every string of the code; translations kept, strays dropped."""
    old = existing_translations(target)
    by_source = {source: text for (_c, source), (text, kind) in old.items() if text and not kind}
    wanted = (
        qt_strings()
        + [(CLI_CONTEXT, text) for text in cli_strings()]
        + [(CORE_CONTEXT, text) for text in core_strings()]
    )
    contexts: dict[str, list[str]] = {}
    for context, source in wanted:
        contexts.setdefault(context, []).append(source)
    root = ET.Element("TS", version="2.1", language="zh_CN", sourcelanguage="en")
    for context in sorted(contexts):
        node = ET.SubElement(root, "context")
        ET.SubElement(node, "name").text = context
        for source in contexts[context]:
            message = ET.SubElement(node, "message")
            if "%n" in source:
                message.set("numerus", "yes")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            text, kind = old.get((context, source), ("", "unfinished"))
            if not text and source in by_source:
                text, kind = by_source[source], None  # same English elsewhere: same Chinese
            if text:
                translation.text = text
            if kind or not text:
                translation.set("type", kind or "unfinished")
    tree = ET.ElementTree(root)
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    tmp.replace(target)


def dynamic_calls() -> list[str]:
    calls: list[str] = []
    for path in qt_sources():
        visitor = _QtStrings(path)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        calls += visitor.dynamic
    return calls


def problems(path: Path) -> list[str]:
    issues = []
    for (context, source), (text, kind) in existing_translations(path).items():
        if kind in ("unfinished", "obsolete", "vanished") or not text:
            issues.append(f"{context}: {source!r} has no Chinese translation")
    return issues


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / TS.name
            if TS.exists():
                shutil.copy(TS, copy)
            regenerate(copy)
            found = problems(copy)
        for line in found:
            print(line)
        print(f"{len(found)} string(s) without a translation")
        return 1 if found else 0
    regenerate(TS)
    found = problems(TS)
    total = len(existing_translations(TS))
    print(f"{TS.relative_to(ROOT)}: {total} strings, {len(found)} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
