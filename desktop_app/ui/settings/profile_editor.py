"""The fields of one connection profile, shown according to its kind.

Local: port preference, keep the server running after quit, start minimised
to the tray, start at login. Remote Prefect server: address and auth string.
Prefect Cloud: API address and API key. Secrets are typed into password
fields and never read back into them: an empty field means "keep the saved
one", so opening the dialog never pulls a secret out of the keyring.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from desktop_app.core.config.profiles import CLOUD_API_URL, Profile
from desktop_app.ui.retranslating import Retranslating


class ProfileEditor(Retranslating, QWidget):
    edited = Signal(object)
    """The edited `Profile` (a copy) after any field changed."""
    secret_edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile: Profile | None = None
        self.has_stored_secret = False
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.kind_value = QLabel(self)
        self.name = QLineEdit(self, objectName="profileName")
        self.url = QLineEdit(self, objectName="profileUrl")
        self.secret = QLineEdit(self, objectName="profileSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.reveal = QToolButton(self, objectName="revealSecret")
        self.reveal.setCheckable(True)
        self.reveal.toggled.connect(self._reveal)
        self.secret_row = QWidget(self)
        row = QHBoxLayout(self.secret_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.secret, 1)
        row.addWidget(self.reveal)
        self.port = QSpinBox(self, objectName="profilePort")
        self.port.setRange(1024, 65535)
        self.keep_running = QCheckBox(self, objectName="keepServerRunning")
        self.start_minimised = QCheckBox(self, objectName="startMinimised")
        self.start_at_login = QCheckBox(self, objectName="startAtLogin")

        self.kind_label = QLabel(self)
        self.name_label = QLabel(self)
        self.url_label = QLabel(self)
        self.secret_label = QLabel(self)
        self.port_label = QLabel(self)
        self.form.addRow(self.kind_label, self.kind_value)
        self.form.addRow(self.name_label, self.name)
        self.form.addRow(self.url_label, self.url)
        self.form.addRow(self.secret_label, self.secret_row)
        self.form.addRow(self.port_label, self.port)
        self.form.addRow("", self.keep_running)
        self.form.addRow("", self.start_minimised)
        self.form.addRow("", self.start_at_login)

        self.name.textEdited.connect(self._changed)
        self.url.textEdited.connect(self._changed)
        self.port.valueChanged.connect(self._changed)
        for box in (self.keep_running, self.start_minimised, self.start_at_login):
            box.toggled.connect(self._changed)
        self.secret.textEdited.connect(self.secret_edited.emit)
        self.retranslate()

    # -- showing a profile --------------------------------------------------------------
    def load(self, profile: Profile, has_stored_secret: bool, new_secret: str = "") -> None:
        self.profile = profile
        self.has_stored_secret = has_stored_secret
        widgets = (self.name, self.url, self.secret, self.port, self.keep_running)
        blockers = [
            QSignalBlocker(w) for w in (*widgets, self.start_minimised, self.start_at_login)
        ]
        self.name.setText(profile.name)
        self.name.setReadOnly(profile.kind == "local")
        self.url.setText(profile.api_url)
        self.secret.setText(new_secret)
        self.port.setValue(profile.port_preference)
        self.keep_running.setChecked(profile.keep_server_running)
        self.start_minimised.setChecked(profile.start_minimised)
        self.start_at_login.setChecked(profile.start_at_login)
        del blockers
        local = profile.kind == "local"
        for field in (self.url, self.secret_row):
            self.form.setRowVisible(field, not local)
        for field in (self.port, self.keep_running, self.start_minimised, self.start_at_login):
            self.form.setRowVisible(field, local)
        self.retranslate()

    def current(self) -> Profile | None:
        if self.profile is None:
            return None
        return replace(
            self.profile,
            name=self.name.text().strip() if self.profile.kind != "local" else self.profile.name,
            api_url=self.url.text().strip(),
            port_preference=self.port.value(),
            keep_server_running=self.keep_running.isChecked(),
            start_minimised=self.start_minimised.isChecked(),
            start_at_login=self.start_at_login.isChecked(),
        )

    def new_secret(self) -> str:
        return self.secret.text().strip()

    def _changed(self, *_args: object) -> None:
        profile = self.current()
        if profile is not None:
            self.profile = profile
            self.edited.emit(profile)

    def _reveal(self, shown: bool) -> None:
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.reveal.setText(self.tr("Hide") if shown else self.tr("Show"))

    def focus(self, field: str) -> None:
        widget = {"name": self.name, "url": self.url, "secret": self.secret, "port": self.port}
        target = widget.get(field)
        if target is not None:
            target.setFocus()
            if isinstance(target, QLineEdit):
                target.selectAll()

    # -- words -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        kind = self.profile.kind if self.profile else "local"
        kinds = {
            "local": self.tr("Local (managed server)"),
            "remote": self.tr("Remote Prefect server"),
            "cloud": self.tr("Prefect Cloud"),
        }
        self.kind_label.setText(self.tr("Kind:"))
        self.kind_value.setText(kinds[kind])
        self.name_label.setText(self.tr("Name:"))
        self.port_label.setText(self.tr("Preferred port:"))
        self.port.setToolTip(self.tr("Another free port is used if this one is taken."))
        self.keep_running.setText(self.tr("Keep the server running after quitting"))
        self.keep_running.setToolTip(
            self.tr("Flows keep running and the command line keeps working without the window.")
        )
        self.start_minimised.setText(self.tr("Start minimised to the tray"))
        self.start_at_login.setText(self.tr("Start Flowdesk when I log in"))
        self.reveal.setText(self.tr("Hide") if self.reveal.isChecked() else self.tr("Show"))
        if kind == "cloud":
            self.url_label.setText(self.tr("API URL:"))
            self.url.setPlaceholderText(CLOUD_API_URL)
            self.secret_label.setText(self.tr("API key:"))
            typed = self.tr("pnu_… (Prefect Cloud → API keys)")
        else:
            self.url_label.setText(self.tr("Server API URL:"))
            self.url.setPlaceholderText("http://my-server:4200/api")
            self.secret_label.setText(self.tr("Auth string:"))
            typed = self.tr("user:password, if the server asks for one")
        stored = self.tr("Saved — type to replace")
        self.secret.setPlaceholderText(stored if self.has_stored_secret else typed)

