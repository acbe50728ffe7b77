"""The settings page: one row per declared setting, each checked by its own validator as it is
edited (Save stays disabled while any is invalid), then user administration and user-defined
devices for administrators and, for administrators and bureau heads, the document templates, the
文号 register and the seals and certificates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.config.settings import SETTINGS, Settings
from app.domain import i18n as domain_i18n
from app.domain.errors import ValidationError
from app.domain.officers import Role
from app.domain.users import SignedIn
from app.services.documents.policy import REGISTRARS
from app.ui.documents.register_section import NumberRegisterSection
from app.ui.documents.templates_section import TemplatesSection
from app.ui.settings.devices_section import DevicesSection
from app.ui.settings.setting_editors import SettingEditor, make_editor
from app.ui.settings.users_section import UsersSection
from app.ui.signin.style import message_label, show_message
from app.ui.signing.seals_section import SealsSection
from app.ui.signing.usage_section import SealUsageSection

if TYPE_CHECKING:
    from app.services import Services

SETTING_LABELS = {
    "data_dir": QT_TRANSLATE_NOOP("SettingsPage", "&Data folder:"),
    "central_url": QT_TRANSLATE_NOOP("SettingsPage", "&Central service address:"),
    "language": QT_TRANSLATE_NOOP("SettingsPage", "&Language:"),
    "idle_lock_minutes": QT_TRANSLATE_NOOP("SettingsPage", "&Idle lock after (minutes):"),
    "font_size": QT_TRANSLATE_NOOP("SettingsPage", "&Font size (points):"),
}
SETTING_HINTS = {
    "data_dir": QT_TRANSLATE_NOOP("SettingsPage", "A change of the data folder takes effect at the next start."),
    "central_url": QT_TRANSLATE_NOOP("SettingsPage", "https address; leave empty to work offline."),
}
RESTART_SETTINGS = frozenset({"data_dir"})
SEAL_ADMINS = frozenset({Role.ADMIN, Role.BUREAU_HEAD})  # the database is opened once, at start


class SettingsPage(QWidget):
    settings_changed = Signal(list)  # names of the settings saved with a new value

    def __init__(self, settings: Settings, services: Services, session: SignedIn, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.settings, self.services, self.session = settings, services, session
        self.editors: dict[str, SettingEditor] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.values: dict[str, Any] = {}  # validated (normalised) editor values
        self.invalid: dict[str, ValidationError] = {}
        self._labels: dict[str, QLabel] = {}
        self._hints: dict[str, QLabel] = {}

        self.settings_box = QGroupBox(objectName="settingsBox")
        form = QFormLayout(self.settings_box)
        for name, setting in SETTINGS.items():
            editor = make_editor(setting)
            editor.changed.connect(lambda name=name: self.validate(name))
            label = QLabel()
            label.setBuddy(editor.focus_widget())
            error = message_label(f"error_{name}")
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(error)
            if name in SETTING_HINTS:
                self._hints[name] = QLabel(wordWrap=True, objectName=f"hint_{name}")
                column.addWidget(self._hints[name])
            form.addRow(label, column)
            self.editors[name], self.error_labels[name], self._labels[name] = editor, error, label

        self.save_button = QPushButton(objectName="saveSettings")  # Alt+S from its text's mnemonic
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save)
        self.revert_button = QPushButton(objectName="revertSettings")
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        self.saved_label = QLabel(objectName="savedNotice")
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.settings_box)
        layout.addLayout(buttons)
        # Built for administrators only: nobody else even loads the list of accounts.
        self.users_section = UsersSection(services, session) if session.role is Role.ADMIN else None
        if self.users_section is not None:
            layout.addWidget(self.users_section, 1)
        # Devices declared without code (USB ids and a file-name pattern): administrators only.
        self.devices_section = DevicesSection(services, session) if session.role is Role.ADMIN else None
        if self.devices_section is not None:
            layout.addWidget(self.devices_section, 1)
        # Document templates and the 文号 register: administrators and bureau heads only.
        registrar = session.role in REGISTRARS
        self.templates_section = TemplatesSection(services, session) if registrar else None
        self.register_section = NumberRegisterSection(services, session) if registrar else None
        # Seals and certificates (the bureau CA, seals, who may use them): administrators and bureau heads.
        self.seals_section = SealsSection(services, session) if session.role in SEAL_ADMINS else None
        self.usage_section = SealUsageSection(services) if session.role in SEAL_ADMINS else None
        for section in (self.templates_section, self.register_section, self.seals_section, self.usage_section):
            if section is not None:
                layout.addWidget(section, 1)
        layout.addStretch(0)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._retranslate()
        self.load()

    # ---- editing ------------------------------------------------------------------------------
    def load(self) -> None:
        """Show the current values (Revert)."""
        for name, editor in self.editors.items():
            editor.set_value(self.settings.get(name))
        for name in self.editors:
            self.validate(name)
        self.saved_label.clear()

    def validate(self, name: str) -> bool:
        editor = self.editors[name]
        try:
            self.values[name] = editor.setting.validate(editor.value())
        except ValidationError as exc:
            self.values.pop(name, None)
            self.invalid[name] = exc
            show_message(self.error_labels[name], exc.message)
        else:
            self.invalid.pop(name, None)
            show_message(self.error_labels[name], "")
        self.saved_label.clear()
        self._update_buttons()
        return name not in self.invalid

    def changes(self) -> dict[str, Any]:
        return {name: value for name, value in self.values.items() if value != self.settings.get(name)}

    def _update_buttons(self) -> None:
        dirty = bool(self.changes()) or bool(self.invalid)
        self.save_button.setEnabled(not self.invalid and dirty)
        self.revert_button.setEnabled(dirty)

    def save(self) -> None:
        """All or nothing: every change is set, then the file written atomically; if anything
        fails, the settings in memory go back to what they were."""
        if self.invalid:
            return
        changes = self.changes()
        if not changes:
            return
        before = {name: (self.settings.is_default(name), self.settings.get(name)) for name in changes}
        try:
            for name, value in changes.items():
                self.settings.set(name, value)
            self.settings.save()
        except BaseException:
            for name, (was_default, value) in before.items():
                if was_default:
                    self.settings.reset(name)
                else:
                    self.settings.set(name, value)
            raise
        self.load()
        restart = RESTART_SETTINGS & changes.keys()
        self.saved_label.setText(self.tr("Saved. The data folder changes at the next start.") if restart
                                 else self.tr("Saved."))
        self.settings_changed.emit(list(changes))

    # ---- texts --------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.settings_box.setTitle(self.tr("Settings"))
        for name, label in self._labels.items():
            source = SETTING_LABELS.get(name)
            label.setText(self.tr(source) if source else domain_i18n.tr(name) + ":")
        for name, hint in self._hints.items():
            hint.setText(self.tr(SETTING_HINTS[name]))
        for name, error in self.invalid.items():
            show_message(self.error_labels[name], error.message)
        self.save_button.setText(self.tr("&Save"))
        self.revert_button.setText(self.tr("&Revert"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
