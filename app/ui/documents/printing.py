"""Printing a document's PDF: the system print dialog on the UI thread, then each page rendered and
painted scaled to the paper on a worker thread (QPainter may paint on a QPrinter off the UI thread).
The PDF already carries the GB/T 9704 margins, so pages go on the whole sheet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.domain.errors import UserCancelled, UserError
from app.ui.documents.files import page_image

if TYPE_CHECKING:
    from app.services.documents import DocumentService
    from app.ui.tasks import Progress, TaskRunner

PRINT_DPI = 300  # plenty for text; a 1200 dpi printer would otherwise get 500 MB a page


class PrinterRefused(Exception):
    """The printer could not be started (QPainter.begin failed)."""


def paint_pdf(documents: DocumentService, pdf: Path, printer: QPrinter, progress: Progress, text: str) -> int:
    """Paint the pages of ``pdf`` (the printer's page range if one was chosen) on ``printer``; returns
    the number of pages printed."""
    count = documents.pdf_page_count(pdf)
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0:
        first, last = 1, count
    last = min(max(last, first), count)
    dpi = max(72, min(printer.resolution(), PRINT_DPI))
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterRefused()
    try:
        for number in range(first, last + 1):
            if progress.cancelled:
                printer.abort()
                raise UserCancelled()
            if number > first:
                printer.newPage()
            image = page_image(documents.render_pdf_page(pdf, number - 1, dpi))
            paper = QRectF(painter.viewport())
            scale = min(paper.width() / image.width(), paper.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            target = QRectF(paper.x() + (paper.width() - width) / 2, paper.y() + (paper.height() - height) / 2,
                            width, height)
            painter.drawImage(target, image)
            progress.report(number - first + 1, last - first + 1,
                            text.format(done=number - first + 1, total=last - first + 1))
    finally:
        painter.end()
    return last - first + 1


class PdfPrinting(QObject):
    """``print_pdf(pdf, title)``: asks for the printer, then prints in the background; ``printed(pages)``
    when the job went to the printer."""

    printed = Signal(int)

    def __init__(self, documents: DocumentService, runner: TaskRunner, parent: QWidget):
        super().__init__(parent)
        self._documents, self._runner, self._parent = documents, runner, parent
        self._printer: QPrinter | None = None  # kept alive while the job runs

    def ask_printer(self, title: str) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        dialog = QPrintDialog(printer, self._parent)
        dialog.setWindowTitle(self.tr("Print {name}").format(name=title))
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def print_pdf(self, pdf: Path, title: str, printer: QPrinter | None = None) -> None:
        printer = printer or self.ask_printer(title)
        if printer is None:
            return
        self._printer = printer
        documents, text = self._documents, self.tr("Printing page {done} of {total}…")

        def work(progress: Progress) -> int:
            return paint_pdf(documents, pdf, printer, progress, text)

        self._runner.run(self.tr("Printing {name}").format(name=title), work, self._done, self._failed)

    def _done(self, pages: int) -> None:
        self._printer = None
        self.printed.emit(pages)

    def _failed(self, exc: BaseException) -> None:
        self._printer = None
        if isinstance(exc, PrinterRefused):
            QMessageBox.warning(self._parent, self.tr("Print"),
                                self.tr("The printer could not be started. Check that it is connected and "
                                        "try again."))
        elif isinstance(exc, UserError) and not isinstance(exc, UserCancelled):
            QMessageBox.warning(self._parent, self.tr("Print"), exc.message)
        else:
            self._runner.default_failure(exc)
