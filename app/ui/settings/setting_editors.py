"""One editor per declared setting, chosen by the setting's type and what its validator accepts:
a folder chooser for paths, a spin box over the declared range for whole numbers, a combo for a
fixed choice, a line edit for other text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QWidget

from app.config.settings import Setting

# Language names are written in their own language, so a reader of either finds theirs.
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class SettingEditor(QWidget):
    """One setting's editor. Each kind (int, choice, folder, text) provides ``value()`` and
    ``set_value(value)``; ``changed`` is emitted on every edit."""

    changed = Signal()

    def __init__(self, setting: Setting, parent: QWidget | None = None):
        super().__init__(parent)
        self.setting = setting
        self.setObjectName(f"setting_{setting.name}")

    def focus_widget(self) -> QWidget:
        return self.focusProxy() or self


class TextEditor(SettingEditor):
    def __init__(self, setting: Setting, parent: QWidget | None = None):
        super().__init__(setting, parent)
        self.edit = QLineEdit()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self.changed)

    def value(self) -> str:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class FolderEditor(TextEditor):
    """A path typed in, or chosen with a (non-blocking) folder dialog."""

    def __init__(self, setting: Setting, parent: QWidget | None = None):
        super().__init__(setting, parent)
        self.browse = QPushButton()
        self.layout().addWidget(self.browse)
        self.browse.clicked.connect(self.choose_folder)
        self.dialog: QFileDialog | None = None
        self._retranslate()

    def choose_folder(self) -> None:
        self.dialog = QFileDialog(self, self.tr("Choose the data folder"), self.edit.text())
        self.dialog.setFileMode(QFileDialog.FileMode.Directory)
        self.dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        self.dialog.fileSelected.connect(self.folder_chosen)
        self.dialog.open()

    def folder_chosen(self, folder: str) -> None:
        if folder:
            self.edit.setText(str(Path(folder)))
            self.changed.emit()

    def _retranslate(self) -> None:
        self.browse.setText(self.tr("&Browse…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class ChoiceEditor(SettingEditor):
    def __init__(self, setting: Setting, choices: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(setting, parent)
        self.combo = QComboBox()
        for choice in choices:
            self.combo.addItem(LANGUAGE_NAMES.get(choice, choice), choice)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        self.setFocusProxy(self.combo)
        self.combo.activated.connect(self.changed)

    def value(self) -> str:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index < 0:  # a value this version does not list: show it rather than lose it
            self.combo.addItem(str(value), value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)


class IntEditor(SettingEditor):
    def __init__(self, setting: Setting, bounds: tuple[int, int] | None, parent: QWidget | None = None):
        super().__init__(setting, parent)
        self.spin = QSpinBox()
        low, high = bounds or (-(2**31), 2**31 - 1)
        self.spin.setRange(low, high)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin)
        layout.addStretch(1)
        self.setFocusProxy(self.spin)
        self.spin.valueChanged.connect(self.changed)

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        self.spin.setValue(int(value))


def make_editor(setting: Setting, parent: QWidget | None = None) -> SettingEditor:
    if setting.type is Path:
        return FolderEditor(setting, parent)
    if setting.type is int:
        return IntEditor(setting, setting.bounds, parent)
    if setting.choices:
        return ChoiceEditor(setting, setting.choices, parent)
    return TextEditor(setting, parent)
