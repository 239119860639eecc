"""The Connection tab: a list of profiles, the editor of the selected one, "Test connection".

Edits are drafts until Apply/OK: then every profile is validated first, and
only if all are fine is anything written (profiles file, secret store, the
start-at-login entry). A bad address is shown next to its profile with the
typed text kept -- nothing is lost and nothing half-saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api.connection import Connection
from desktop_app.core.config.autostart import Autostart
from desktop_app.core.config.profiles import LOCAL_ID, Profile, ProfileStore, default_local
from desktop_app.ui.async_tools import TaskKeeper
from desktop_app.ui.forms.banner import Banner
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.settings.connection_test import ConnectionTester
from desktop_app.ui.settings.preferences import Preferences
from desktop_app.ui.settings.profile_editor import ProfileEditor
from desktop_app.ui.settings.validation import profile_problem

LocalConnection = Callable[[], Connection | None]


class ConnectionPage(Retranslating, QWidget):
    dirty_changed = Signal(bool)

    def __init__(
        self,
        store: ProfileStore,
        tasks: TaskKeeper,
        autostart: Autostart | None = None,
        local_connection: LocalConnection | None = None,
        preferences: Preferences | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.preferences = preferences or Preferences()
        self.autostart = autostart or Autostart()
        self.local_connection = local_connection or (lambda: None)
        self.drafts: dict[str, Profile] = {}
        self.new_secrets: dict[str, str] = {}
        self.removed: set[str] = set()
        self.active_id = store.active_id
        self._stored_secret: dict[str, bool] = {}
        self.dirty = False

        self.profiles = QListWidget(self, objectName="profileList")
        self.profiles.setMaximumWidth(220)
        self.add_remote = QPushButton(self, objectName="addRemote")
        self.add_cloud = QPushButton(self, objectName="addCloud")
        self.remove = QPushButton(self, objectName="removeProfile")
        self.use = QPushButton(self, objectName="useProfile")
        self.editor = ProfileEditor(self)
        self.tester = ConnectionTester(tasks, self)
        self.banner = Banner(self)
        self.banner.setObjectName("profileProblem")
        self.secret_warning = QLabel(self, objectName="secretWarning")
        self.secret_warning.setWordWrap(True)
        self.secret_warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QVBoxLayout()
        left.addWidget(self.profiles, 1)
        left.addWidget(self.add_remote)
        left.addWidget(self.add_cloud)
        left.addWidget(self.remove)
        right = QVBoxLayout()
        right.addWidget(self.editor)
        self.tester.row.addWidget(self.use)
        right.addWidget(self.banner)
        right.addWidget(self.tester)
        right.addStretch(1)
        right.addWidget(self.secret_warning)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)

        self.profiles.currentItemChanged.connect(self._selected)
        self.add_remote.clicked.connect(lambda: self.add_profile("remote"))
        self.add_cloud.clicked.connect(lambda: self.add_profile("cloud"))
        self.remove.clicked.connect(self.remove_selected)
        self.use.clicked.connect(self.use_selected)
        self.editor.edited.connect(self._edited)
        self.editor.secret_edited.connect(self._secret_edited)
        self.tester.button.clicked.connect(self.test_selected)
        self.reset()
        self.retranslate()

    # -- the list ----------------------------------------------------------------------------
    def reset(self) -> None:
        """Forget every draft: show what is saved."""
        self.store.load()
        self.drafts = {p.id: replace(p) for p in self.store.profiles}
        # Keep-running is the local profile's own field (the Server menu edits the
        # same one); start-at-login is in force in the OS, which wins if they differ.
        local = self.drafts[LOCAL_ID]
        try:
            local.start_at_login = self.autostart.enabled()
        except OSError:
            pass
        self.new_secrets.clear()
        self.removed.clear()
        self.active_id = self.store.active_id
        self.banner.clear()
        self._fill(self.active_id)
        self._set_dirty(False)

    def _fill(self, select: str | None) -> None:
        self.profiles.blockSignals(True)
        self.profiles.clear()
        for profile in self.drafts.values():
            item = QListWidgetItem(self._label(profile))
            item.setData(Qt.ItemDataRole.UserRole, profile.id)
            if profile.id == self.active_id:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.profiles.addItem(item)
        self.profiles.blockSignals(False)
        ids = list(self.drafts)
        row = ids.index(select) if select in ids else 0
        self.profiles.setCurrentRow(row)
        self._selected()

    def _label(self, profile: Profile) -> str:
        kinds = {"local": "⌂", "remote": "⇄", "cloud": "☁"}
        name = profile.name or self.tr("(unnamed)")
        if profile.id == LOCAL_ID and name == default_local().name:
            name = self.tr("Local")  # the built-in profile's default name, not one typed in
        text = f"{kinds.get(profile.kind, '')} {name}"
        if profile.id == self.active_id:
            text += " " + self.tr("(in use)")
        return text

    def selected_id(self) -> str | None:
        item = self.profiles.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, profile_id: str) -> None:
        for row in range(self.profiles.count()):
            if self.profiles.item(row).data(Qt.ItemDataRole.UserRole) == profile_id:
                self.profiles.setCurrentRow(row)
                return

    def _selected(self, *_args: object) -> None:
        profile_id = self.selected_id()
        self.tester.clear()
        if profile_id is None:
            return
        profile = self.drafts[profile_id]
        self.editor.load(profile, self._has_secret(profile), self.new_secrets.get(profile_id, ""))
        self.remove.setEnabled(profile_id != LOCAL_ID)
        self.use.setEnabled(profile_id != self.active_id)

    def _has_secret(self, profile: Profile) -> bool:
        if profile.kind == "local":
            return False
        if profile.id not in self._stored_secret:
            try:
                self._stored_secret[profile.id] = bool(self.store.secrets.get(profile.secret_key))
            except Exception:  # a locked keyring: treat as "none saved"
                self._stored_secret[profile.id] = False
        return self._stored_secret[profile.id]

    # -- editing ------------------------------------------------------------------------------
    def add_profile(self, kind: str) -> Profile:
        name = self.tr("Prefect Cloud") if kind == "cloud" else self.tr("Remote server")
        profile = Profile(name=name, kind=kind)
        self.drafts[profile.id] = profile
        self._fill(profile.id)
        self.editor.focus("url")
        self._set_dirty(True)
        return profile

    def remove_selected(self) -> None:
        profile_id = self.selected_id()
        if profile_id is None or profile_id == LOCAL_ID:
            return
        self.drafts.pop(profile_id)
        self.new_secrets.pop(profile_id, None)
        self.removed.add(profile_id)  # apply() removes it only if it was saved
        if self.active_id == profile_id:
            self.active_id = LOCAL_ID
        self._fill(LOCAL_ID)
        self._set_dirty(True)

    def use_selected(self) -> None:
        profile_id = self.selected_id()
        if profile_id is None:
            return
        self.active_id = profile_id
        self._fill(profile_id)
        self._set_dirty(True)

    def _edited(self, profile: Profile) -> None:
        self.drafts[profile.id] = profile
        item = self.profiles.currentItem()
        if item is not None:
            item.setText(self._label(profile))
        if self.banner.kind == "error":
            self.banner.clear()
        self._set_dirty(True)

    def _secret_edited(self, text: str) -> None:
        profile_id = self.selected_id()
        if profile_id is not None:
            self.new_secrets[profile_id] = text.strip()
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self.dirty:
            self.dirty = dirty
            self.dirty_changed.emit(dirty)

    # -- testing ------------------------------------------------------------------------------
    def test_selected(self) -> None:
        profile_id = self.selected_id()
        if profile_id is None:
            return
        profile = self.editor.current() or self.drafts[profile_id]
        if profile.kind == "local":
            self.tester.test(
                self.local_connection(),
                self.tr("The local server is not running yet: it starts with the window."),
            )
            return
        problem = profile_problem(profile, self.new_secrets.get(profile_id, ""), True)
        if problem is not None and problem.field == "url":
            self.tester.test(None, problem.message)
            return
        self.tester.test(self.connection_for(profile))

    def connection_for(self, profile: Profile) -> Connection:
        """The draft's connection: the typed secret, else the saved one."""
        secret = self.new_secrets.get(profile.id) or None
        if secret is None and self._has_secret(profile):
            secret = self.store.secrets.get(profile.secret_key)
        if profile.kind == "cloud":
            return Connection(api_url=profile.api_url, api_key=secret, kind="cloud", managed=False)
        return Connection(api_url=profile.api_url, auth_string=secret, kind="remote", managed=False)

    # -- saving -------------------------------------------------------------------------------
    def validate(self) -> bool:
        for profile in self.drafts.values():
            problem = profile_problem(
                profile, self.new_secrets.get(profile.id, ""), self._has_secret(profile)
            )
            if problem is not None:
                self.select(profile.id)
                self.banner.show_message(
                    self.tr("“{name}”: {problem} Nothing was saved.").format(
                        name=profile.name or self.tr("(unnamed)"), problem=problem.message
                    ),
                    "error",
                )
                self.editor.focus(problem.field)
                return False
        return True

    def apply(self) -> tuple[bool, Profile | None]:
        """Save every draft if all are valid. (saved?, the active profile if it changed)."""
        if not self.validate():
            return False, None
        before = self.store.active
        before_secret_changed = bool(self.new_secrets.get(before.id))
        try:
            for profile_id in self.removed:
                if any(p.id == profile_id for p in self.store.profiles):
                    self.store.remove(profile_id)
            for profile in self.drafts.values():
                self.store.upsert(profile, secret=self.new_secrets.get(profile.id) or None)
            self.store.activate(self.active_id)
        except (OSError, ValueError) as exc:
            self.banner.show_message(
                self.tr("The profiles could not be saved: {error}").format(error=exc), "error"
            )
            return False, None
        local = self.drafts[LOCAL_ID]
        problem = self._apply_autostart(local)
        for profile_id, secret in self.new_secrets.items():
            if secret:
                self._stored_secret[profile_id] = True
        self.new_secrets.clear()
        self.removed.clear()
        after = self.store.active
        changed = (
            after.id != before.id
            or after.api_url != before.api_url
            or after.kind != before.kind
            or (before_secret_changed and after.id == before.id)
            or (after.kind == "local" and after.port_preference != before.port_preference)
        )
        self._fill(self.selected_id())
        self._set_dirty(False)
        if problem:
            self.banner.show_message(problem, "warning")
        return True, (after if changed else None)

    def _apply_autostart(self, local: Profile) -> str | None:
        try:
            enabled = self.autostart.enabled()
            if local.start_at_login and not enabled:
                self.autostart.enable(minimised=local.start_minimised)
            elif not local.start_at_login and enabled:
                self.autostart.disable()
            elif local.start_at_login:
                self.autostart.enable(minimised=local.start_minimised)  # keep the flag in step
        except OSError as exc:
            return self.tr("Start at login could not be changed: {error}").format(error=exc)
        return None

    # -- words ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.add_remote.setText(self.tr("Add remote server…"))
        self.add_cloud.setText(self.tr("Add Prefect Cloud…"))
        self.remove.setText(self.tr("Remove"))
        self.use.setText(self.tr("Use this profile"))
        secrets = self.store.secrets
        self.secret_warning.setVisible(bool(secrets.warning))
        if secrets.warning:
            self.secret_warning.setText(
                "⚠ "
                + self.tr(
                    "No system keyring is available: secrets are kept in {path}, "
                    "readable only by you."
                ).format(path=secrets.file_path)
            )
        for row in range(self.profiles.count()):
            item = self.profiles.item(row)
            profile = self.drafts.get(item.data(Qt.ItemDataRole.UserRole))
            if profile is not None:
                item.setText(self._label(profile))

