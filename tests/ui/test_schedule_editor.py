"""The schedule editor and dialogs: messages for bad input (no server needed), and
adding, changing, pausing and removing schedules against the real server."""

from __future__ import annotations

from uuid import UUID

import pytest

from desktop_app import i18n
from desktop_app.core.api.schedule_models import ScheduleSpec
from desktop_app.services import schedules
from desktop_app.ui.schedules.edit_dialog import ScheduleEditDialog
from desktop_app.ui.schedules.editor import ScheduleEditor
from tests.ui import test_main_window_support as support
from tests.ui.test_main_window_support import await_until, run

qloop = support.qloop  # the fixture


def type_into(editor: ScheduleEditor, kind: str, value: str, zone: str = "UTC") -> None:
    editor.kind.setCurrentIndex(editor.kind.findData(kind))
    editor.value.setText(value)
    editor.zone.setCurrentText(zone)


@pytest.mark.parametrize(
    ("kind", "value", "zone", "words"),
    [
        ("cron", "0 9 * *", "UTC", "is not a cron expression"),
        ("cron", "0 9 * * *", "Mars/Olympus", "is not a time zone"),
        ("rrule", "FREQ=SOMETIMES", "UTC", "is not a valid RRule"),
        ("interval", "0", "UTC", "at least one second"),
        ("interval", "-1h", "UTC", "is not an interval"),
    ],
)
def test_bad_input_is_named_and_cannot_be_saved(qtbot, kind, value, zone, words) -> None:
    from desktop_app.core.api.models import DeploymentInfo

    dep = DeploymentInfo(
        id="00000000-0000-0000-0000-000000000001", name="local", flow_id="f", flow_name="probe"
    )
    dialog = ScheduleEditDialog(lambda: None, dep)
    qtbot.addWidget(dialog)
    type_into(dialog.editor, kind, value, zone)
    assert words in dialog.editor.problem.text()
    assert not dialog.editor.problem.isHidden()
    assert dialog.editor.spec() is None
    assert not dialog.save_button.isEnabled()
    dialog.submit()  # e.g. Enter in the field: refused in words, nothing sent
    assert words in dialog.banner.text() and dialog.banner.text().startswith("Not saved")


def test_the_editor_explains_in_english_and_chinese(qtbot) -> None:
    editor = ScheduleEditor(ScheduleSpec("cron", "0 9 * * 1-5", "Asia/Shanghai"))
    qtbot.addWidget(editor)
    assert editor.meaning.text() == "every weekday at 09:00 (Asia/Shanghai)"
    times = editor.upcoming.text().splitlines()
    assert len(times) == 5 and all(t.endswith("09:00") for t in times)
    assert {t.split()[0] for t in times} == {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
    try:
        i18n.set_language("zh_CN")
        editor.refresh()
        assert editor.meaning.text() == "每个工作日 09:00（Asia/Shanghai）"
        assert editor.upcoming.text().splitlines()[0].startswith("星期")
    finally:
        i18n.set_language("en")
    # An example from the list fills kind and text, and keeps the time zone.
    index = editor.presets.findText("every Monday at 08:00")
    assert index > 0
    editor.presets.activated.emit(index)
    assert (editor.value.text(), editor.zone.currentText()) == ("0 8 * * 1", "Asia/Shanghai")
    # Switching kind puts an example of that kind in place of text that means nothing there.
    editor.kind.setCurrentIndex(editor.kind.findData("interval"))
    assert editor.value.text() == "1h" and editor.meaning.text().startswith("every hour")


@pytest.mark.integration
def test_the_dialogs_change_what_prefect_has(qloop, qtbot, managed_server) -> None:
    from desktop_app.ui.schedules.dialog import SchedulesDialog

    async def scenario() -> None:
        async with managed_server.client() as client:
            dep = await client.resolve_deployment("pause-resume-workflow/local")

            async def on_server() -> dict:
                raw = await client.prefect.read_deployment_schedules(UUID(dep.id))
                return {str(s.id): s for s in raw}

            before = set(await on_server())
            dialog = SchedulesDialog(lambda: client, dep)
            qtbot.addWidget(dialog)
            dialog.show()
            await await_until(lambda: dialog.loads >= 1, 30, what="schedules read")

            # Add: a cron in Berlin time.
            dialog.add()
            editor = dialog.editor_dialog
            type_into(editor.editor, "cron", "15 6 * * 1-5", "Europe/Berlin")
            assert "Flowdesk are kept when the flow file changes" in editor.note.text()
            editor.save_button.click()
            await await_until(lambda: not editor.isVisible(), 30, what="saved")
            added = await await_until(
                lambda: next((e for e in dialog.entries if e.id not in before), None),
                30,
                what="the new row",
            )
            server = await on_server()
            assert server[added.id].schedule.cron == "15 6 * * 1-5"
            assert server[added.id].schedule.timezone == "Europe/Berlin"
            assert "Edited in Flowdesk" in dialog.owner.text()

            # Change it into an interval.
            dialog.table.selectRow(dialog.entries.index(added))
            dialog.edit_selected()
            editor = dialog.editor_dialog
            assert editor.editor.raw_spec().value == "15 6 * * 1-5"
            editor.editor.kind.setCurrentIndex(editor.editor.kind.findData("interval"))
            editor.editor.value.setText("45m")
            editor.save_button.click()
            await await_until(lambda: not editor.isVisible(), 30, what="edit saved")
            await await_until(
                lambda: any(e.id == added.id and e.spec.kind == "interval" for e in dialog.entries),
                30,
                what="the row changed",
            )
            assert (await on_server())[added.id].schedule.interval.total_seconds() == 2700

            # Pause, then remove.
            dialog.table.selectRow([e.id for e in dialog.entries].index(added.id))
            dialog.set_selected_active(False)
            await await_until(
                lambda: any(e.id == added.id and not e.active for e in dialog.entries),
                30,
                what="paused row",
            )
            assert (await on_server())[added.id].active is False
            dialog.table.selectRow([e.id for e in dialog.entries].index(added.id))
            dialog.remove_selected()
            await await_until(
                lambda: all(e.id != added.id for e in dialog.entries), 30, what="removed"
            )
            assert added.id not in await on_server()
            assert schedules.edited_here(dep)

            # The server refuses (the schedule was removed elsewhere meanwhile): the editor
            # stays open with the reason in one line, and the list shows what is there.
            dialog.add()
            editor = dialog.editor_dialog
            type_into(editor.editor, "interval", "2h")
            editor.save_button.click()
            await await_until(lambda: not editor.isVisible(), 30, what="second saved")
            other = await await_until(
                lambda: next((e for e in dialog.entries if e.id not in before), None),
                30,
                what="the second row",
            )
            await client.prefect.delete_deployment_schedule(UUID(dep.id), UUID(other.id))
            dialog.table.selectRow(dialog.entries.index(other))
            dialog.edit_selected()
            editor = dialog.editor_dialog
            editor.editor.value.setText("3h")
            editor.save_button.click()
            await await_until(lambda: editor.banner.text(), 30, what="the refusal")
            assert editor.isVisible() and editor.banner.text().startswith("Not saved:")
            refusal = editor.banner.text()
            assert "no longer on this deployment" in refusal and "\n" not in refusal
            assert editor.save_button.isEnabled()  # fix and try again, nothing lost
            editor.reject()
            dialog.reload()
            await await_until(
                lambda: all(e.id != other.id for e in dialog.entries), 30, what="list re-read"
            )
            dialog.close()

    run(qloop, scenario(), timeout=150)
