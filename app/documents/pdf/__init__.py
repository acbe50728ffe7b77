"""PDFs of the documents: .docx → PDF with LibreOffice, and reading, merging and rendering PDFs
with pdfium. No store, no Qt (the UI wraps :class:`RenderedPage` in a QImage)."""

from __future__ import annotations

from app.documents.pdf.converter import (
    ENV_VAR,
    FONTS_CONF,
    LibreOfficeConverter,
    find_converter,
    require_converter,
)
from app.documents.pdf.errors import ConversionFailed, ConversionTimeout, ConverterMissing, PdfUnreadable
from app.documents.pdf.pages import (
    PAGE_SEPARATOR,
    PDFIUM_LOCK,
    RenderedPage,
    merge,
    page_count,
    page_sizes,
    pdf_text,
    render_page,
    render_page_png,
)

__all__ = [
    "ENV_VAR",
    "FONTS_CONF",
    "PAGE_SEPARATOR",
    "PDFIUM_LOCK",
    "ConversionFailed",
    "ConversionTimeout",
    "ConverterMissing",
    "LibreOfficeConverter",
    "PdfUnreadable",
    "RenderedPage",
    "find_converter",
    "merge",
    "page_count",
    "page_sizes",
    "pdf_text",
    "render_page",
    "render_page_png",
    "require_converter",
]
