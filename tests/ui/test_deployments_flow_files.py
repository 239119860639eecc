"""The deployments tab and the user's flows: examples marked read-only, "Copy to my
flows", clash and load-error warnings, and File ▸ Open flows folder -- against the
real server and runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from desktop_app.core.config import paths
from desktop_app.core.serving.flow_ownership import entrypoint_file
from desktop_app.core.serving.user_flows import README_NAME
from desktop_app.ui.deployments.model import DColumn
from tests.ui import test_main_window_support as support
from tests.ui.test_main_window_support import await_until, open_window, run

qloop = support.qloop  # the fixture
SHOTS = Path(os.environ.get("FLOWDESK_SHOTS", "/tmp"))


class UrlCatcher(QObject):
    """Receives `file:` URLs instead of the desktop's file manager (Qt's own hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def cell(view, full_name: str, column: DColumn) -> str:
    model = view.model
    row = next(r for r, d in enumerate(model.deployments()) if d.full_name == full_name)
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


@pytest.mark.integration
def test_examples_copy_clash_and_load_errors_in_the_deployments_tab(
    qloop, qtbot, managed_server
) -> None:
    folder = paths.user_flows_dir().resolve()
    made: list[Path] = []

    async def scenario() -> None:
        async with open_window(qtbot, manager=managed_server.manager) as h:
            await h.connected_and_loaded()
            view = h.window.deployments
            h.window.tabs.setCurrentWidget(view)
            await await_until(lambda: view.loads >= 1, 30, what="deployments")
            assert cell(view, "basic-workflow/local", DColumn.NAME) == (
                "local · example (read-only)"
            )
            assert str(folder) in view.notes.folder.text()
            by_name = {d.full_name: d for d in view.model.deployments()}
            assert view.select(by_name["basic-workflow/local"].id)
            assert view.copy_action.isEnabled()

            # The run form says where the file is, and that it is read-only.
            view.run_with.trigger()
            dialog = view._dialogs[-1]
            note = dialog.file_note.text()
            assert note.startswith("Example (read-only): ") and "basic_workflow.py" in note
            dialog.reject()

            view.copy_action.trigger()
            copy = folder / "basic_workflow_copy.py"
            made.append(copy)
            assert copy.is_file()
            assert any("basic-workflow-copy" in m and str(copy) in m for m in h.messages)

            def copied():
                view.reload()
                return next(
                    (
                        d
                        for d in view.model.deployments()
                        if d.full_name == "basic-workflow-copy/local"
                    ),
                    None,
                )

            mine = await await_until(copied, 60, what="the copy served")
            assert entrypoint_file(mine.entrypoint) == str(copy)
            assert cell(view, mine.full_name, DColumn.NAME) == "local"
            assert view.select(mine.id)
            assert not view.copy_action.isEnabled()  # it is the user's own file now
            view.run_with.trigger()
            assert view._dialogs[-1].file_note.text().startswith("Your flow file: ")
            view._dialogs[-1].reject()

            # A second file with the same flow name: refused, named in a warning.
            clash = folder / "own_ui_clash.py"
            broken = folder / "own_ui_broken.py"
            made.extend([clash, broken])
            write(clash, copy.read_text(encoding="utf-8"))
            write(broken, "import no_such_module_for_flowdesk\n")
            banner = view.notes.banner
            await await_until(
                lambda: "own_ui_clash.py" in banner.text() and "own_ui_broken.py" in banner.text(),
                30,
                what="the warning",
            )
            assert banner.kind == "warning" and banner.isVisible()
            assert (  # both files named
                "• basic-workflow-copy/local is defined twice: own_ui_clash.py is not served for "
                "it, because basic_workflow_copy.py already serves that name." in banner.text()
            )
            assert str(clash) in banner.toolTip()
            assert "No module named 'no_such_module_for_flowdesk'" in banner.text()
            view.resize(1100, 420)
            view.grab().save(str(SHOTS / "flows-deployments-warning.png"))

            for path in made:
                path.unlink()
            await await_until(lambda: not banner.isVisible(), 30, what="the warning gone")

            # File ▸ Open flows folder: the system file manager gets the user's folder.
            catcher = UrlCatcher()
            QDesktopServices.setUrlHandler("file", catcher, "open")
            try:
                (folder / README_NAME).unlink(missing_ok=True)
                h.window.flows_folder_action.trigger()
            finally:
                QDesktopServices.unsetUrlHandler("file")
            assert [Path(u.toLocalFile()).resolve() for u in catcher.urls] == [folder]
            assert "next run uses your changes" in (folder / README_NAME).read_text("utf-8")

    try:
        run(qloop, scenario(), timeout=240)
    finally:
        for path in made:
            path.unlink(missing_ok=True)


def test_flow_notes_show_only_for_the_local_server_and_say_who_shadows_whom(qtbot) -> None:
    from desktop_app.core.api.connection import Connection
    from desktop_app.core.serving.flow_ownership import FlowReport, Shadow
    from desktop_app.core.supervision.server import ServerManager
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.deployments.flow_notes import FlowNotes

    remote = AppContext(
        connection=Connection(api_url="http://127.0.0.1:9/api", kind="remote", managed=False)
    )
    notes = FlowNotes(remote)
    qtbot.addWidget(notes)
    assert notes.isHidden()  # another machine's runner: our folders mean nothing there

    notes = FlowNotes(AppContext(ServerManager()))
    qtbot.addWidget(notes)
    assert not notes.isHidden()
    user, examples = paths.user_flows_dir(), paths.seed_flows_dir()
    notes.report = FlowReport(
        shadowed=(
            Shadow(
                "basic-workflow/local",
                str(examples / "basic_workflow.py"),
                str(user / "designs" / "mine.py"),
            ),
        ),
        user_folder=str(user),
        example_folder=str(examples),
    )
    notes._render()
    assert notes.banner.kind == "info"  # a notice, not a problem
    assert notes.banner.text() == (
        "• basic-workflow/local: your designs/mine.py is served instead of the "
        "example basic_workflow.py."
    )
