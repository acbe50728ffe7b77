"""User-defined devices (administrators only): a device Zhifa has no driver for is declared here by
its USB vendor id and product id (hexadecimal, as the device's label or `lsusb` shows them) and a
file-name pattern, without code. Mistakes are shown next to the form as they are made; the service
checks again on save and its message is shown the same way."""

from __future__ import annotations

import uuid as uuidlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.device_pattern import compile_pattern
from app.domain.errors import UserError, ValidationError
from app.domain.evidence import DeviceDefinition, MediaKind
from app.domain.users import SignedIn
from app.ui.evidence.labels import kind_label
from app.ui.signin.style import message_label, show_message
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.domain.officers import Actor
    from app.services import Services
    from app.services.evidence import EvidenceService


def parse_hex_id(text: str) -> int | None:
    """'2b7e', '0x2B7E' -> 0x2b7e; '' -> None; anything else raises ValueError."""
    text = text.strip().lower().removeprefix("0x")
    if not text:
        return None
    if len(text) > 4 or any(c not in "0123456789abcdef" for c in text):
        raise ValueError(text)
    return int(text, 16)


class DeviceDefinitionDialog(QDialog):
    """Add or edit one definition; ``saved`` holds it after OK was accepted by the service."""

    def __init__(self, evidence: EvidenceService, actor: Actor, definition: DeviceDefinition | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("deviceDefinitionDialog")
        self.evidence, self.actor, self.definition = evidence, actor, definition
        self.saved: DeviceDefinition | None = None
        self.name = QLineEdit(objectName="definitionName")
        self.vendor = QLineEdit(objectName="vendorId", maxLength=6)
        self.product = QLineEdit(objectName="productId", maxLength=6)
        self.pattern = QLineEdit(objectName="filePattern")
        self.kind = QComboBox(objectName="definitionKind")
        for kind in MediaKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.sample = QLineEdit(objectName="sampleName")
        self.sample_result = QLabel(wordWrap=True, objectName="sampleResult")
        self.error = message_label("definitionError")
        self.help = QLabel(wordWrap=True, objectName="patternHelp")
        self.help.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.captions = [QLabel() for _ in range(6)]
        form = QFormLayout()
        for caption, field in zip(self.captions, (self.name, self.vendor, self.product, self.pattern, self.kind,
                                                  self.sample), strict=True):
            caption.setBuddy(field)
            form.addRow(caption, field)
        form.addRow("", self.sample_result)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.help)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if definition is not None:
            self.name.setText(definition.name)
            self.vendor.setText(f"{definition.vendor_id:04x}")
            self.product.setText("" if definition.product_id is None else f"{definition.product_id:04x}")
            self.pattern.setText(definition.pattern)
            self.kind.setCurrentIndex(max(0, self.kind.findData(MediaKind(definition.kind).value)))
        for field in (self.name, self.vendor, self.product, self.pattern, self.sample):
            field.textChanged.connect(self.check)
        self.retranslate()
        self.check()

    def problem(self) -> str:
        """What is wrong with the form now ("" when it may be saved)."""
        if not self.name.text().strip():
            return self.tr("Give the device a name.")
        try:
            if parse_hex_id(self.vendor.text()) is None:
                return self.tr("The vendor id is required: four hexadecimal digits, e.g. 2b7e.")
        except ValueError:
            return self.tr("The vendor id must be four hexadecimal digits, e.g. 2b7e.")
        try:
            parse_hex_id(self.product.text())
        except ValueError:
            return self.tr("The product id must be four hexadecimal digits, e.g. a001 (or empty for every "
                           "product of the vendor).")
        try:
            compile_pattern(self.pattern.text())
        except ValidationError as exc:
            return exc.message
        return ""

    def check(self) -> bool:
        problem = self.problem()
        show_message(self.error, problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
        self._try_sample()
        return not problem

    def _try_sample(self) -> None:
        name = self.sample.text().strip()
        if not name:
            self.sample_result.setText("")
            return
        try:
            found = compile_pattern(self.pattern.text()).match(name)
        except ValidationError:
            self.sample_result.setText("")
            return
        if found is None:
            self.sample_result.setText(self.tr("This name does not match the pattern."))
            return
        parts = [f"{key}={value}" for key, value in found.items() if value not in (None, "")]
        self.sample_result.setText(self.tr("Matches: {fields}").format(fields=", ".join(parts)))

    def built(self) -> DeviceDefinition:
        return DeviceDefinition(
            uuid=self.definition.uuid if self.definition is not None else str(uuidlib.uuid4()),
            name=self.name.text().strip(), vendor_id=parse_hex_id(self.vendor.text()) or 0,
            product_id=parse_hex_id(self.product.text()), pattern=self.pattern.text().strip(),
            kind=MediaKind(self.kind.currentData()))

    def accept(self) -> None:
        if not self.check():
            return
        try:
            self.saved = self.evidence.save_definition(self.built(), self.actor)
        except UserError as exc:  # the service's own check, shown where the form's are
            show_message(self.error, exc.message)
            return
        super().accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("User-defined device") if self.definition is None
                            else self.tr("Edit user-defined device"))
        for caption, text in zip(self.captions, (self.tr("&Name:"), self.tr("&Vendor id (hex):"),
                                                 self.tr("&Product id (hex):"), self.tr("File-name &pattern:"),
                                                 self.tr("&Kind of files:"), self.tr("&Try a file name:")),
                                 strict=True):
            caption.setText(text)
        self.product.setPlaceholderText(self.tr("empty: every product of the vendor"))
        self.pattern.setPlaceholderText("{officer}_{date}_{time}_{seq}.mp4")
        self.help.setText(self.tr(
            "Placeholders: {officer} officer number, {serial} device serial, {date} YYYYMMDD, {time} HHMMSS, "
            "{datetime} YYYYMMDDHHMMSS, {seq} sequence, {any} any text; * matches anything. A pattern with "
            "folders (DCIM/{date}/...) matches the whole path."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class DevicesSection(QGroupBox):
    """The user-defined devices and Add / Edit / Delete."""

    def __init__(self, services: Services, session: SignedIn, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("devicesSection")
        self.services, self.session = services, session
        self.evidence = services.evidence
        self.runner = TaskRunner(self)
        self.definitions: list[DeviceDefinition] = []
        self.dialog: DeviceDefinitionDialog | None = None
        self.intro = QLabel(wordWrap=True)
        self.table = QTableWidget(0, 5, objectName="definitionsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.add_button = QPushButton(objectName="addDefinition")
        self.edit_button = QPushButton(objectName="editDefinition")
        self.delete_button = QPushButton(objectName="deleteDefinition")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.note = message_label("definitionsNote")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self._retranslate()
        self.reload()

    def reload(self) -> None:
        evidence = self.evidence
        self.runner.run(self.tr("Reading the user-defined devices"), lambda _p: evidence.definitions(), self._show,
                        self.runner.failure_shown(self.tr("User-defined devices"), self.note), cancellable=False)

    def _show(self, definitions: list[DeviceDefinition], select: str | None = None) -> None:
        chosen = select or (self.selected().uuid if self.selected() else None)
        self.definitions = sorted(definitions, key=lambda d: d.name)
        self.table.setRowCount(len(self.definitions))
        for row, d in enumerate(self.definitions):
            texts = (d.name, f"{d.vendor_id:04x}", "" if d.product_id is None else f"{d.product_id:04x}",
                     d.pattern, kind_label(d.kind))
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if d.uuid == chosen:
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> DeviceDefinition | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        return self.definitions[rows[0].row()] if rows and rows[0].row() < len(self.definitions) else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def add(self) -> DeviceDefinitionDialog:
        return self._open(DeviceDefinitionDialog(self.evidence, self.session.actor, None, self))

    def edit(self) -> DeviceDefinitionDialog | None:
        chosen = self.selected()
        return self._open(DeviceDefinitionDialog(self.evidence, self.session.actor, chosen, self)) if chosen else None

    def _open(self, dialog: DeviceDefinitionDialog) -> DeviceDefinitionDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog.saved))
        dialog.open()
        return dialog

    def _saved(self, saved: DeviceDefinition | None) -> None:
        show_message(self.note, "")
        self.services.reload_device_drivers()  # devices docked from now on are matched with it
        evidence = self.evidence
        self.runner.run(self.tr("Reading the user-defined devices"), lambda _p: evidence.definitions(),
                        lambda found: self._show(found, saved.uuid if saved else None),
                        self.runner.failure_shown(self.tr("User-defined devices"), self.note), cancellable=False)

    def delete(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete user-defined device"), self.tr(
            "Delete {name}? Devices with its ids are no longer recognised; evidence already imported from them "
            "is kept.").format(name=chosen.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.evidence.delete_definition(chosen.uuid, self.session.actor)
        except UserError as exc:
            show_message(self.note, exc.message)
            return
        self.services.reload_device_drivers()
        self.reload()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("User-defined devices"))
        self.intro.setText(self.tr("Devices Zhifa has no driver for: it recognises them by their USB ids and reads "
                                   "officer, time and sequence from their file names."))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Vendor id"), self.tr("Product id"),
                                              self.tr("File-name pattern"), self.tr("Kind")])
        self.add_button.setText(self.tr("&Add device…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.delete_button.setText(self.tr("&Delete"))
        if self.definitions:
            self._show(self.definitions)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
