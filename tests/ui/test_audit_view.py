"""The audit trail viewer answers "who resumed this, with what?"."""

from __future__ import annotations

import json

from desktop_app.services import audit


def test_audit_view_lists_newest_first_and_filters_by_run_id(qapp, tmp_path):
    from desktop_app.ui.audit_view import ACTION, INPUT, RUN, SOURCE, AuditView

    path = tmp_path / "audit.jsonl"
    run_a = "aaaaaaaa-1111-2222-3333-444444444444"
    run_b = "bbbbbbbb-1111-2222-3333-444444444444"
    audit.record("pause", run_a, source="window", path=path)
    audit.record(
        "resume", run_a, source="tray", run_input={"approved": True, "note": "发布"}, path=path
    )
    audit.record("cancel", run_b, source="cli", path=path)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('{"time": 1, "action": "resu')  # a torn last line (crash mid-write)

    view = AuditView(None, path=path)
    model = view.model
    assert model.rowCount() == 3
    assert [model.index(r, ACTION).data() for r in range(3)] == [
        "Cancelled",
        "Resumed",
        "Pause requested",
    ]
    assert "3 entries" in view.summary.text()
    assert "1 damaged line(s)" in view.summary.text() and str(path) in view.summary.text()

    view.filter.setText("AAAAAAAA-1111")  # pasted, any case, any part
    assert model.rowCount() == 2
    row = [model.index(r, ACTION).data() for r in range(2)].index("Resumed")
    assert model.index(row, SOURCE).data() == "Tray"
    assert model.index(row, RUN).data() == run_a[:8]
    assert model.index(row, RUN).data(3) == run_a  # tooltip: the full id
    assert model.index(row, INPUT).data() == 'approved=true, note="发布"'
    assert json.loads(model.index(row, INPUT).data(3)) == {"approved": True, "note": "发布"}
    assert "2 of 3" in view.summary.text()

    view.table.selectRow(row)
    view.copy_selection()
    copied = qapp.clipboard().text()
    assert run_a in copied and "resume" in copied and "tray" in copied

    view.filter.setText("no-such-run")
    assert model.rowCount() == 0 and "no-such-run" in view.summary.text()
    view.close()


def test_audit_view_without_a_file_says_so(qapp, tmp_path):
    from desktop_app.ui.audit_view import AuditView

    view = AuditView(None, path=tmp_path / "missing.jsonl", run_id="abc")
    assert view.model.rowCount() == 0
    assert view.filter.text() == "abc"
    assert "Nothing recorded yet" in view.summary.text()
    view.close()


def test_binary_garbage_costs_only_its_own_lines(qapp, tmp_path):
    """Undecodable bytes used to make the window lose every entry; now they are counted."""
    from desktop_app.ui.audit_view import ACTION, AuditView, _when

    path = tmp_path / "audit.jsonl"
    audit.record("pause", "run-1", source="designer", path=path)
    with open(path, "ab") as handle:
        handle.write(b"\x00\xff\xfe\x9c binary \x80\n\xc3\x28\n")
        handle.write(b'{"time": "not a number", "action": "retry", "run_id": "run-2"}\n')
    audit.record("resume", "run-1", source="cli", path=path)

    view = AuditView(None, path=path)
    model = view.model
    assert model.rowCount() == 3
    assert sorted(model.index(r, ACTION).data() for r in range(3)) == [
        "Pause requested",
        "Resumed",
        "Retried",
    ]
    assert "Designer" in [model.index(r, 3).data() for r in range(3)]
    assert _when({"time": "not a number"}) == "?"
    assert model.skipped == 2
    assert "2 damaged line(s)" in view.summary.text()
    view.close()
