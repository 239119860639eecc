"""The 简体中文 catalogue is complete and safe to format, and the CLI speaks it too."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "flowdesk_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[A-Za-z_0-9]*\}|%n|%[0-9]|%\([a-z_]+\)s|%s")


def _script():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_every_string_of_the_code_has_a_chinese_translation(tmp_path):
    script = _script()
    copy = tmp_path / TS.name
    copy.write_bytes(TS.read_bytes())
    script.regenerate(copy)  # what the code asks for today, old translations kept
    missing = script.problems(copy)
    assert not missing, (
        f"{len(missing)} string(s) lack a translation; run "
        "`python scripts/update_translations.py` and translate them:\n" + "\n".join(missing[:40])
    )
    assert len(script.existing_translations(copy)) > 700


def test_translations_keep_every_placeholder_and_accelerator():
    script = _script()
    wrong = []
    for (context, source), (text, _kind) in script.existing_translations(TS).items():
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append(f"{context}: {source!r} → {text!r} (placeholders differ)")
        accelerator = re.search(r"&([A-Za-z])", source.replace("&&", ""))
        if accelerator and f"&{accelerator.group(1).upper()}" not in text.upper():
            wrong.append(f"{context}: {source!r} → {text!r} (accelerator lost)")
    assert not wrong, "\n".join(wrong)


def test_no_translated_call_hides_its_text_from_the_extractor():
    """`self.tr(variable)` is fine only where the texts are marked with a NOOP."""
    script = _script()
    marked = {source for _context, source in script.qt_strings()}
    assert "Completed" in marked and "Run id:" in marked
    for call in script.dynamic_calls():
        path = Path(call.rsplit(":", 1)[0])  # "path:line"; Windows paths hold a ':' too
        text = path.read_text(encoding="utf-8")
        assert "QT_TRANSLATE_NOOP" in text or "QT_TR_NOOP" in text, f"{call}: unmarked texts"


@pytest.mark.parametrize("variable", ["LANG", "FLOWDESK_LANGUAGE"])
def test_the_command_line_follows_the_locale(variable):
    unset = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "FLOWDESK_LANGUAGE")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env["LANG"] = "C.UTF-8"
    env[variable] = "zh_CN.UTF-8"
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--help"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "不带命令" in done.stdout or "窗口" in done.stdout, done.stdout
    english = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--help"],
        env={**env, variable: "en_US.UTF-8"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "opens the window" in english.stdout


def test_engine_messages_follow_the_chosen_language():
    """What the engine says (errors shown in the window and the CLI) is translated too."""
    from desktop_app import i18n
    from desktop_app.core.api.connection_check import _url_problem
    from desktop_app.core.api.errors import InputRejected

    previous = i18n.current_language()
    try:
        i18n.set_language("zh_CN")
        assert _url_problem("ftp://x/api").startswith("“ftp://x/api”不是 http(s) 地址")
        assert "运行仍处于暂停状态" in str(InputRejected("too big"))
        assert i18n.state_word("Suspended") == "已挂起"
        i18n.set_language("en")
        assert _url_problem("ftp://x/api").startswith("'ftp://x/api' is not an http(s) URL")
    finally:
        i18n.set_language(previous)
