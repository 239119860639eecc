"""The designer's Deploy with schedule…: the design is served, and its deployment has the
schedule chosen in the dialog (read back by Prefect's own client), marked as edited here."""

from __future__ import annotations

import uuid
from uuid import UUID

import pytest

from desktop_app.designer import CodeNode, Design, Parameter, ParametersNode, Port
from desktop_app.services import schedules
from tests.ui import test_main_window_support as support
from tests.ui.test_designer_support import load_design
from tests.ui.test_main_window_support import await_until, run

qloop = support.qloop  # one loop per test, closed after it (no session loop left behind)

pytestmark = pytest.mark.integration


def test_deploy_with_a_schedule(qtbot, qloop, managed_server, tmp_path) -> None:
    from desktop_app.ui.designer import DesignerWidget

    server_client = managed_server.client()
    run(qloop, server_client.open())
    widget = DesignerWidget(lambda: server_client)
    widget.resize(1300, 820)
    widget.show()
    qtbot.waitExposed(widget)
    widget.notice.clear()
    design = Design(f"Sched {uuid.uuid4().hex[:6]}")
    params = design.add_node(ParametersNode(x=0, y=0, parameters=[Parameter("n", "int", 3)]))
    double = design.add_node(
        CodeNode(
            title="Double",
            x=300,
            y=0,
            inputs=[Port("n", "int")],
            returns="int",
            body="return n * 2\n",
        )
    )
    design.connect(params.id, "n", double.id, "n")
    load_design(widget, design, tmp_path, "scheduled")
    path = None
    try:
        dialog = widget.deploy_with_schedule()
        dialog.editor.value.setText("0 */6 * * *")
        dialog.editor.zone.setCurrentText("Asia/Shanghai")
        assert dialog.editor.meaning.text() == "every 6 hours at minute 0 (Asia/Shanghai)"
        dialog.editor.value.setText("0 99 * * *")
        assert not dialog.deploy_button.isEnabled()  # a wrong schedule cannot be deployed
        dialog.editor.value.setText("0 */6 * * *")
        dialog.deploy_button.click()

        async def scenario():
            await await_until(
                lambda: widget.notice.isVisible() and "scheduled" in widget.notice.label.text(),
                timeout=90,
                what="deployed + scheduled",
            )
            deployment = widget.runs.deployment
            raw = await server_client.prefect.read_deployment_schedules(UUID(deployment.id))
            return deployment, raw

        deployment, raw = run(qloop, scenario(), timeout=120)
        path = widget.runs.deployer.path
        assert "every 6 hours at minute 0 (Asia/Shanghai)" in widget.notice.label.text()
        assert [(s.schedule.cron, s.schedule.timezone) for s in raw] == [
            ("0 */6 * * *", "Asia/Shanghai")
        ]
        assert schedules.edited_here(deployment)

        # Deployed again with the same schedule: still one schedule, not two.
        widget.notice.clear()
        again = widget.deploy_with_schedule()
        again.editor.value.setText("0 */6 * * *")
        again.editor.zone.setCurrentText("Asia/Shanghai")
        again.deploy_button.click()

        async def second():
            await await_until(
                lambda: "scheduled" in widget.notice.text(), timeout=90, what="deployed again"
            )
            return await server_client.prefect.read_deployment_schedules(UUID(deployment.id))

        assert len(run(qloop, second(), timeout=120)) == 1
    finally:
        run(qloop, widget.shutdown(), timeout=30)
        run(qloop, server_client.close(), timeout=30)
        widget.close()
        widget.deleteLater()
        if path is not None and path.exists():
            path.unlink()
