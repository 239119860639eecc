"""Forms that read well: nothing clipped after a validation error, Markdown rendered.

The resume form of a real paused approval-workflow run gets a value the form
refuses; every help and error text must then still be shown whole. The pause
description's heading (with bold in it) is one size; the run form renders the
deployment's description as Markdown instead of showing its backticks.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel

from tests.ui import test_forms_support as support
from tests.ui.test_forms_support import (
    approval_deployment,
    arun,
    await_until,
    cleanup_run,
    start_run,
    wait_state,
)

qloop = support.qloop
server_client = support.server_client
SHOTS = os.environ.get("FLOWDESK_SHOTS")  # a folder: keep the pictures for the docs


def clipped_labels(root, viewport) -> list[str]:
    """Visible labels cut short: shorter than their text needs, or out of the form's view."""
    found = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap() and label.heightForWidth(label.width()) > label.height() + 1:
            found.append(f"{label.text()[:40]!r}: {label.height()} px, needs more")
        if viewport.isAncestorOf(label):
            bottom = label.mapTo(viewport, label.rect().bottomLeft()).y()
            if bottom > viewport.height():
                found.append(f"{label.text()[:40]!r}: below the form's view")
    return found


def heading_formats(document) -> set[tuple[float, int]]:
    """(point size, weight) of the characters of every heading block."""
    sizes: set[tuple[float, int]] = set()
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            cursor = QTextCursor(block)
            for position in range(block.position() + 1, block.position() + block.length()):
                cursor.setPosition(position)
                font = cursor.charFormat().font()
                sizes.add((font.pointSizeF(), font.weight()))
        block = block.next()
    return sizes


@pytest.mark.integration
def test_resume_form_keeps_help_text_whole_after_a_refusal(qtbot, qloop, server_client):
    from desktop_app.ui.forms.resume_dialog import ResumeDialog

    client = server_client

    async def paused():
        run = await start_run(client, approval_deployment, dataset="layout")
        await wait_state(client, run.id, "PAUSED")
        return run

    run = arun(qloop, paused())
    try:
        dialog = ResumeDialog(lambda: client, run.id, source="test")
        qtbot.addWidget(dialog)
        dialog.show()

        async def scenario():
            await await_until(lambda: dialog.form is not None, timeout=20, what="form")
            form = dialog.form
            assert len(heading_formats(dialog.description.document())) == 1
            edit = form.editor("batch_size").box.lineEdit()
            edit.setFocus()
            edit.selectAll()
            qtbot.keyClicks(edit, "500")
            qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
            assert form.error_text("batch_size")
            viewport = dialog.scroll.viewport()
            await await_until(
                lambda: not clipped_labels(dialog, viewport),
                5,
                what=f"nothing clipped: {clipped_labels(dialog, viewport)}",
            )
            if SHOTS:
                dialog.grab().save(os.path.join(SHOTS, "resume-dialog.png"))

        arun(qloop, scenario())
    finally:
        arun(qloop, cleanup_run(client, run.id))


def test_run_form_renders_the_description_as_markdown(qtbot):
    from desktop_app.core.api.models import DeploymentInfo
    from desktop_app.ui.forms.run_parameters_dialog import RunParametersDialog

    deployment = DeploymentInfo(
        id="d1",
        name="local",
        flow_id="f1",
        flow_name="report",
        description="Writes `report.csv` into the **results** folder.",
    )
    dialog = RunParametersDialog(lambda: None, deployment)
    qtbot.addWidget(dialog)
    about = dialog.findChild(QLabel, "deploymentDescription")
    assert about is not None
    assert about.textFormat() == Qt.TextFormat.MarkdownText
    rendered = about.text()
    assert "`" in rendered  # the source is Markdown…
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setMarkdown(rendered)
    assert "`" not in document.toPlainText()  # …and what a person reads has no backticks
