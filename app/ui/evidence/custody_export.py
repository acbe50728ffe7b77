"""Export a case's chain-of-custody report (证据保管链报告) as PDF or xlsx: a save dialog, then the
report is written in the background (PDF through LibreOffice takes seconds); ``exported(path)``
when the file is complete. A failure says why; nothing half-written is left."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.domain.cases import Case
from app.domain.users import SignedIn
from app.ui.tasks import Progress, TaskRunner

if TYPE_CHECKING:
    from app.services import Services


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class CustodyExport(QObject):
    exported = Signal(str)

    def __init__(self, services: Services, session: SignedIn, runner: TaskRunner, parent: QWidget):
        super().__init__(parent)
        self.services, self.session, self.runner, self._parent = services, session, runner, parent
        self._folder: Path | None = None  # the folder of the last export, offered again

    def export(self, case: Case) -> Path | None:
        path = self.ask_path(case)
        if path is not None:
            self.export_to(case, path)
        return path

    def ask_path(self, case: Case) -> Path | None:
        folder = self._folder or Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        pdf, xlsx = self.tr("PDF document (*.pdf)"), self.tr("Excel workbook (*.xlsx)")
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in case.number) or case.uuid[:8]
        suggested = folder / self.tr("custody-{number}.pdf").format(number=safe)
        name, chosen = QFileDialog.getSaveFileName(self._parent, self.tr("Export the custody report"),
                                                   str(suggested), f"{pdf};;{xlsx}")
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() in (".pdf", ".xlsx"):
            return path
        return path.with_name(path.name + (".xlsx" if chosen == xlsx else ".pdf"))

    def export_to(self, case: Case, path: Path) -> None:
        evidence, actor = self.services.evidence, self.session.actor
        bureau, clock = self.services.bureau_name, self.services.clock
        name = self.session.user.display_name

        def work(_progress: Progress) -> Path:
            # imported here: python-docx and openpyxl take a while to load and few sessions export
            from app.services.evidence.custody_report import write_custody_pdf, write_custody_xlsx

            items = evidence.case_items(case.uuid)
            custody = evidence.custody(case.uuid)
            write = write_custody_xlsx if path.suffix.lower() == ".xlsx" else write_custody_pdf
            write(path, case=case, bureau_name=bureau, items=items, custody=custody, generated_at=clock.now(),
                  generated_by=name)
            evidence.record_export(actor, case.uuid, path, sha256=file_sha256(path))
            return path

        def done(written: Path) -> None:
            self._folder = written.parent
            self.exported.emit(str(written))

        self.runner.run(self.tr("Writing the custody report"), work, done,
                        self.runner.failure_shown(self.tr("Export the custody report")), cancellable=False)
