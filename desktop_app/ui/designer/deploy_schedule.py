"""`DeployScheduleDialog`: deploy the design and give its deployment a schedule.

The schedule editor is the one of the Deployments tab (`ui/schedules`): the
same checks, words and next times. Nothing is sent here: `chosen` hands the
checked schedule to the designer, which deploys and, once the runner serves
the deployment, adds the schedule through `services.schedules` (source
"designer"), so it is marked as edited here and kept on every later deploy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop_app.ui.schedules.edit_dialog import kept_note
from desktop_app.ui.schedules.editor import ScheduleEditor


class DeployScheduleDialog(QDialog):
    """A schedule for `deployment_name`; `chosen(ScheduleSpec)` on Deploy."""

    chosen = Signal(object)

    def __init__(self, deployment_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deployScheduleDialog")
        self.setModal(False)
        self.setMinimumWidth(520)
        self.setWindowTitle(self.tr("Deploy with a schedule"))
        layout = QVBoxLayout(self)
        title = QLabel(deployment_name, self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(title)
        self.editor = ScheduleEditor(parent=self)
        layout.addWidget(self.editor)
        note = QLabel(
            self.tr(
                "The schedule is added to the deployment once it is served; schedules it "
                "already has stay (change them in Deployments → Schedules…)."
            )
            + " "
            + kept_note(),
            self,
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        layout.addWidget(note)
        buttons = QDialogButtonBox(self)
        self.deploy_button = buttons.addButton(
            self.tr("Deploy"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.deploy_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        self.deploy_button.clicked.connect(self.submit)
        layout.addWidget(buttons)
        self.editor.changed.connect(
            lambda: self.deploy_button.setEnabled(self.editor.spec() is not None)
        )
        self.deploy_button.setEnabled(self.editor.spec() is not None)

    def submit(self) -> None:
        spec = self.editor.spec()
        if spec is None:
            return  # the editor says what is wrong, under the field
        self.chosen.emit(spec)
        self.accept()
