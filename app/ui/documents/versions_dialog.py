"""The versions of one document: each generation and each edit recorded from Word/WPS, with its
SHA-256 (the proof the file is unchanged), when and by whom. A version opens as a read-only copy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.services.documents.policy import safe_name
from app.ui.case_view.table import TextTable
from app.ui.case_view.texts import when
from app.ui.documents import files
from app.ui.documents.labels import origin_label

if TYPE_CHECKING:
    from app.services.documents import DocumentService

SHORT_SHA = 12


class VersionsDialog(QDialog):
    def __init__(self, documents: DocumentService, document_uuid: str, name: str, number: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("documentVersions")
        self.documents, self.document_uuid, self.name, self.number = documents, document_uuid, name, number
        self.versions: list[Any] = documents.versions(document_uuid)
        self.opened: list = []  # the read-only copies handed to the desktop
        self.resize(760, 360)

        self.caption = QLabel(wordWrap=True)
        self.table = TextTable(objectName="versionsTable")
        self.caption.setBuddy(self.table)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.open_selected)
        self.open_button = QPushButton(objectName="openVersion")
        self.open_button.clicked.connect(self.open_selected)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        if self.versions:
            self.table.selectRow(len(self.versions) - 1)  # newest last, selected
        self.table.setFocus()

    def selected_version(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.versions[rows[0].row()] if rows and rows[0].row() < len(self.versions) else None

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_version() is not None)

    def open_selected(self) -> None:
        version = self.selected_version()
        if version is None:
            return
        try:
            source = self.documents.file_path(self.document_uuid, version.version)
            copy = files.read_only_copy(source, f"{safe_name(self.name)}-v{version.version}.docx")
        except (UserError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Open version"), getattr(exc, "message", None) or str(exc))
            return
        self.opened.append(copy)
        if not files.open_file(copy):
            QMessageBox.warning(self, self.tr("Open version"),
                                self.tr("No program to open Word documents was found. The copy is at {path}.")
                                .format(path=copy))

    def retranslate(self) -> None:
        title = f"{self.name}（{self.number}）" if self.number else self.name
        self.setWindowTitle(self.tr("Versions of {name}").format(name=title))
        self.caption.setText(self.tr("&Versions of {name}. Every version is kept; an old version opens as a "
                                     "read-only copy.").format(name=title))
        self.open_button.setText(self.tr("&Open this version (read-only)"))
        self.table.set_headers([self.tr("Version"), self.tr("Origin"), self.tr("SHA-256"), self.tr("When"),
                                self.tr("By")])
        rows = [[str(v.version), origin_label(v.origin), v.sha256[:SHORT_SHA] + "…", when(v.created_at),
                 v.actor_name] for v in self.versions]
        self.table.set_rows(rows)
        for r, v in enumerate(self.versions):
            self.table.item(r, 2).setToolTip(v.sha256)
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
