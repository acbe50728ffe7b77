"""The errors of PDF making, each a :class:`UserError` with a Chinese text in ``messages_zh_pdf``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.domain.errors import UserError

CONVERTER_MISSING = ("no PDF converter is installed: install LibreOffice (libreoffice-writer) to make PDFs; "
                     "the .docx files are unaffected")
CONVERTER_UNUSABLE = "could not start the PDF converter {program}: {reason}"
CONVERSION_FAILED = "could not convert {file} to PDF (LibreOffice exit code {code}): {detail}"
CONVERSION_TIMEOUT = "converting {file} to PDF took longer than {seconds} seconds and was stopped"
PDF_UNREADABLE = "{file} is not a readable PDF: {reason}"

SOURCES = (CONVERTER_MISSING, CONVERTER_UNUSABLE, CONVERSION_FAILED, CONVERSION_TIMEOUT, PDF_UNREADABLE)


def _names(paths: Sequence[Path]) -> str:
    return "、".join(p.name for p in paths)


class ConverterMissing(UserError):
    """No LibreOffice was found (or the one found cannot be started: ``program`` and ``reason`` set)."""

    def __init__(self, program: Path | None = None, reason: str = ""):
        self.program = program
        if program is None:
            super().__init__(CONVERTER_MISSING, rule="pdf.converter_missing")
        else:
            super().__init__(CONVERTER_UNUSABLE, rule="pdf.converter_missing", program=str(program),
                             reason=reason)


class ConversionFailed(UserError):
    """LibreOffice failed or wrote no PDF for ``files`` (the inputs, as the caller named them).
    Nothing was written to the output folder."""

    def __init__(self, files: Sequence[Path], exit_code: int, stderr_tail: str):
        self.files = list(files)
        self.exit_code = exit_code
        self.stderr_tail = stderr_tail
        super().__init__(CONVERSION_FAILED, rule="pdf.conversion_failed", file=_names(self.files),
                         code=exit_code, detail=stderr_tail or "—")


class ConversionTimeout(UserError):
    """LibreOffice took longer than ``seconds`` for ``files``; it was killed and nothing was written."""

    def __init__(self, files: Sequence[Path], seconds: float):
        self.files = list(files)
        self.seconds = seconds
        super().__init__(CONVERSION_TIMEOUT, rule="pdf.conversion_timeout", file=_names(self.files),
                         seconds=f"{seconds:g}")


class PdfUnreadable(UserError):
    """A file given to the PDF helpers is missing, unreadable or not a PDF pdfium can open."""

    def __init__(self, path: Path, reason: str):
        self.path = path
        super().__init__(PDF_UNREADABLE, rule="pdf.unreadable", file=str(path), reason=reason)
