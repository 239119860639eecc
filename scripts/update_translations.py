"""Keep resources/translations/flowdesk_zh_CN.ts in step with the code.

    python scripts/update_translations.py          # update the .ts in place
    python scripts/update_translations.py --check  # exit 1 if strings are missing or untranslated

Qt strings (`self.tr`, `QCoreApplication.translate`) are extracted by
PySide6's own `lupdate`; CLI strings (`_("...")` in desktop_app/cli and
desktop_app/i18n users) by an AST walk into the context "CLI". Existing
translations are kept; new strings are marked unfinished for the translator.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "flowdesk_zh_CN.ts"
CLI_CONTEXT = "CLI"


def qt_sources() -> list[Path]:
    return sorted((ROOT / "desktop_app" / "ui").rglob("*.py"))


def cli_sources() -> list[Path]:
    return sorted((ROOT / "desktop_app" / "cli").rglob("*.py"))


def cli_strings() -> list[str]:
    found: list[str] = []
    for path in cli_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                text = node.args[0].value
                if text not in found:
                    found.append(text)
    return found


def lupdate_binary() -> list[str]:
    exe = shutil.which("pyside6-lupdate")
    if exe:
        return [exe]
    import PySide6

    return [str(Path(PySide6.__file__).parent / "lupdate")]


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
    old = existing_translations(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "sources.lst"
        listing.write_text("\n".join(str(p) for p in qt_sources()), encoding="utf-8")
        subprocess.run(
            [
                *lupdate_binary(),
                f"@{listing}",
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                "zh_CN",
                "-ts",
                str(target),
            ],
            check=True,
            capture_output=True,
        )
    tree = ET.parse(target)
    root = tree.getroot()
    for context in list(root.iter("context")):
        if context.findtext("name") == CLI_CONTEXT:
            root.remove(context)
    cli = ET.SubElement(root, "context")
    ET.SubElement(cli, "name").text = CLI_CONTEXT
    for text in cli_strings():
        message = ET.SubElement(cli, "message")
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        previous, kind = old.get((CLI_CONTEXT, text), ("", "unfinished"))
        if previous:
            translation.text = previous
        if kind or not previous:
            translation.set("type", kind or "unfinished")
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    target.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


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
