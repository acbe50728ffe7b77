"""Evidence items as a list model for the thumbnail grid: the thumbnail, the file name, its type and
recording time, the officer; the tooltip says where it came from and its hash."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.domain.evidence import EvidenceItem
from app.ui.case_view.texts import when
from app.ui.evidence.labels import kind_label, message, size_text
from app.ui.evidence.thumbnails import Thumbnails

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


def item_caption(item: EvidenceItem) -> str:
    lines = [item.name, f"{kind_label(item.kind)} · {when(item.recorded_at_corrected or item.recorded_at)}".rstrip(" ·")]
    if item.officer_no:
        lines.append(QCoreApplication.translate("EvidenceItemModel", "Officer no. {number}").format(number=item.officer_no))
    return "\n".join(lines)


def item_details(item: EvidenceItem) -> str:
    lines = [
        QCoreApplication.translate("EvidenceItemModel", "Original path: {path}").format(path=item.original_path),
        QCoreApplication.translate("EvidenceItemModel", "Device {serial} ({driver}), {size}").format(serial=item.device_serial or "-", driver=item.driver,
                                                          size=size_text(item.size)),
        QCoreApplication.translate("EvidenceItemModel", "Imported {when} by {name} on {workstation}").format(when=when(item.imported_at), name=item.imported_by,
                                                                  workstation=item.workstation),
        f"SHA-256: {item.sha256}",
    ]
    if item.recorded_at and item.recorded_at_corrected and item.recorded_at != item.recorded_at_corrected:
        lines.append(QCoreApplication.translate("EvidenceItemModel", "Device clock {device}, corrected {corrected}").format(
            device=when(item.recorded_at), corrected=when(item.recorded_at_corrected)))
    if item.important:
        lines.append(QCoreApplication.translate("EvidenceItemModel", "Marked important on the device"))
    lines += [message(w) for w in item.warnings]
    return "\n".join(lines)


class EvidenceListModel(QAbstractListModel):
    def __init__(self, thumbnails: Thumbnails, parent: QObject | None = None):
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.items: list[EvidenceItem] = []
        thumbnails.ready.connect(self._thumbnail_ready)

    def set_items(self, items: list[EvidenceItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()  # thumbnails are asked for as the view paints (data(DecorationRole))

    def item_at(self, row: int) -> EvidenceItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item_caption(item)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnails.icon(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item_details(item)
        if role == ITEM_ROLE:
            return item
        return None

    def retranslate(self) -> None:
        if self.items:
            self.dataChanged.emit(self.index(0), self.index(len(self.items) - 1))

    def _thumbnail_ready(self, uuid: str) -> None:
        for row, item in enumerate(self.items):
            if item.uuid == uuid:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
