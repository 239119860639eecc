"""RunParametersDialog starting real deployments served by our runner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui import test_forms_support as support
from tests.ui.test_forms_support import arun, await_until, cleanup_run, wait_state

qloop = support.qloop
server_client = support.server_client

pytestmark = pytest.mark.integration


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def test_run_basic_workflow_with_count_3(qtbot, qloop, server_client):
    from desktop_app.ui.forms.run_parameters_dialog import RunParametersDialog

    client = server_client
    deployment = arun(qloop, client.resolve_deployment("basic-workflow/local"))
    dialog = RunParametersDialog(lambda: client, deployment)
    qtbot.addWidget(dialog)
    dialog.show()
    started = []
    dialog.started.connect(started.append)
    form = dialog.form
    assert form.values() == {"count": 5, "factor": 2}  # the flow's defaults
    _type(qtbot, form.editor("count").box.lineEdit(), "3")
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)

    async def scenario():
        await await_until(lambda: started, timeout=30, what="started signal")
        run = started[0]
        assert run.parameters == {"count": 3, "factor": 2}
        assert run.deployment_id == deployment.id
        assert not dialog.isVisible()
        await wait_state(client, run.id, "COMPLETED")

        async def logged():
            lines = await client.logs(run.id, limit=200)
            return any("prepared 3 records" in line.message for line in lines)

        await await_until(logged, timeout=30, what="'prepared 3 records' in the run's logs")

    try:
        arun(qloop, scenario())
    finally:
        if started:
            arun(qloop, cleanup_run(client, started[0].id))


@pytest.mark.http_expected(409, "/create_flow_run")  # the refusal is what this test wants
def test_server_refusal_is_shown_next_to_the_field(qtbot, qloop, server_client):
    from desktop_app.ui.forms.run_parameters_dialog import RunParametersDialog

    client = server_client
    deployment = arun(qloop, client.resolve_deployment("basic-workflow/local"))
    dialog = RunParametersDialog(lambda: client, deployment)
    qtbot.addWidget(dialog)
    dialog.show()
    started = []
    dialog.started.connect(started.append)
    form = dialog.form
    # Skip the local check so the server's own validation (enforced schema) answers.
    form.validate = lambda: []
    form.values = lambda: {"count": "three", "factor": 2}
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)

    async def scenario():
        await await_until(lambda: dialog.banner.text(), timeout=30, what="refusal")

    arun(qloop, scenario())
    assert "The run was not started" in dialog.banner.text()
    assert "'three' is not of type 'integer'" in form.error_text("count")
    assert dialog.isVisible() and dialog.run_button.isEnabled() and not started


def test_invalid_value_is_not_sent(qtbot, qloop, server_client):
    from desktop_app.core.api.models import DeploymentInfo
    from desktop_app.core.api.schema_checks import server_checks
    from desktop_app.ui.forms.run_parameters_dialog import RunParametersDialog

    client = server_client
    deployment = arun(qloop, client.resolve_deployment("pause-resume-workflow/local"))
    schema = dict(deployment.parameter_schema)
    props = {**schema["properties"]}
    props["items_count"] = {**props["items_count"], "minimum": 1}
    bounded_schema = {**schema, "properties": props}
    bounded = DeploymentInfo(
        **{
            **deployment.__dict__,
            "parameter_schema": bounded_schema,
            "parameter_checks": server_checks(bounded_schema),  # as core makes it
        }
    )
    before = arun(qloop, client.count_runs())
    dialog = RunParametersDialog(lambda: client, bounded)
    qtbot.addWidget(dialog)
    _type(qtbot, dialog.form.editor("items_count").box.lineEdit(), "0")
    dialog.submit()
    assert dialog.form.error_text("items_count") == "Must be at least 1."
    assert "Nothing was started" in dialog.banner.text()
    assert arun(qloop, client.count_runs()) == before


def test_not_connected(qtbot, qapp):
    from desktop_app.core.api.models import DeploymentInfo
    from desktop_app.ui.forms.run_parameters_dialog import RunParametersDialog

    deployment = DeploymentInfo(
        id="00000000-0000-0000-0000-000000000000",
        name="local",
        flow_id="f",
        flow_name="basic-workflow",
        parameter_schema={"properties": {"count": {"type": "integer", "default": 5}}},
    )
    dialog = RunParametersDialog(lambda: None, deployment)
    qtbot.addWidget(dialog)
    assert "Not connected" in dialog.banner.text()
    dialog.submit()
    assert "Not connected" in dialog.banner.text()
    assert dialog.form.values() == {"count": 5}
