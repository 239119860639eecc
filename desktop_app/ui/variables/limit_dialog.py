"""Create or change one concurrency limit: global (by name) or on a tag.

Checked as you type with the CLI's rules (`desktop_app.services.limits`);
a limit below the slots in use now is refused by the service, in words,
and the dialog stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop_app.services import limits
from desktop_app.services.limits import LimitChanged
from desktop_app.services.variables import BadInput
from desktop_app.ui.async_tools import GetClient, TaskKeeper
from desktop_app.ui.variables.change_dialog import ChangeDialog
from desktop_app.ui.variables.models import LimitRow

MAX_SLOTS = 1_000_000


class LimitDialog(ChangeDialog):
    """`existing` None: a new limit (`name`/`kind` pre-filled, e.g. from a run's notice)."""

    prefix = "limit"

    def __init__(
        self,
        get_client: GetClient,
        tasks: TaskKeeper,
        existing: LimitRow | None = None,
        parent: QWidget | None = None,
        *,
        name: str = "",
        kind: str = "global",
    ) -> None:
        super().__init__(get_client, tasks, existing, parent)
        if existing is not None:
            self.kind.setCurrentIndex(1 if existing.kind == "tag" else 0)
            self.name.setText(existing.name)
            self.slots.setValue(existing.limit)
            self.decay.setValue(existing.decay or 0.0)
            self.active.setChecked(existing.active)
            self.kind.setEnabled(False)
            self.name.setReadOnly(True)
        else:
            self.kind.setCurrentIndex(1 if kind == "tag" else 0)
            self.name.setText(name)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.name.textChanged.connect(self.check)
        self.retranslate()
        self._kind_changed()

    def add_fields(self, form: QFormLayout) -> None:
        self.kind = QComboBox(self, objectName="limitKind")
        self.kind.addItem("", "global")
        self.kind.addItem("", "tag")
        self.name = QLineEdit(self, objectName="limitName")
        self.slots = QSpinBox(self, objectName="limitSlots")
        self.slots.setRange(0, MAX_SLOTS)
        self.slots.setValue(1)
        self.decay = QDoubleSpinBox(self, objectName="limitDecay")
        self.decay.setRange(0.0, 1_000_000.0)
        self.decay.setDecimals(2)
        self.active = QCheckBox(self, objectName="limitActive")
        self.active.setChecked(True)
        self.labels = [QLabel(self) for _ in range(5)]
        for label, field in zip(
            self.labels, (self.kind, self.name, self.slots, self.decay, self.active), strict=True
        ):
            form.addRow(label, field)
            label.setBuddy(field)

    @property
    def is_tag(self) -> bool:
        return self.kind.currentData() == "tag"

    def _kind_changed(self) -> None:
        for row in (3, 4):  # decay and on/off are for global limits only
            self.form.setRowVisible(row, not self.is_tag)
        self.retranslate()
        self.check()

    def check(self) -> bool:
        text = ""
        try:
            (limits.check_tag if self.is_tag else limits.check_name)(self.name.text())
        except BadInput as exc:
            text = str(exc) if self.name.text() else ""
            ok = False
        else:
            ok = True
        self.problem.setText(text)
        self.save_button().setEnabled(ok)
        return ok

    def change(self, client: Any) -> Awaitable[LimitChanged]:
        name, slots = self.name.text(), self.slots.value()
        if self.existing is None and self.is_tag:
            return limits.add_tag(client, name, slots, source="window")
        if self.existing is None:
            return limits.add_global(client, name, slots, decay=self.decay.value(), source="window")
        if self.is_tag:
            return limits.set_tag(client, name, slots, source="window")
        return limits.set_global(
            client,
            name,
            limit=slots,
            active=self.active.isChecked(),
            decay=self.decay.value(),
            source="window",
        )

    def retranslate(self) -> None:
        new = self.existing is None
        self.setWindowTitle(self.tr("New concurrency limit") if new else self.tr("Edit limit"))
        self.kind.setItemText(0, self.tr("Global: flows take slots by name"))
        self.kind.setItemText(1, self.tr("Tag: task runs with this tag"))
        texts = (
            self.tr("&Kind:"),
            self.tr("&Tag:") if self.is_tag else self.tr("&Name:"),
            self.tr("&Slots:"),
            self.tr("&Decay per second:"),
            self.tr("&Enforced"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.active.setText(self.tr("enforce this limit (off: kept, not applied)"))
        if self.is_tag:
            hint = self.tr(
                "At most this many task runs carrying the tag run at once; the others wait "
                "in Pending for a slot."
            )
        else:
            hint = self.tr(
                'Code takes a slot with concurrency("name"). Decay above 0 frees slots over '
                "time, for a rate limit."
            )
        self.hint.setText(hint)
