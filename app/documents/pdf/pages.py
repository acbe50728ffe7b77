"""Reading, merging and rendering PDFs with pdfium (pypdfium2).

pdfium is not thread-safe: every call into it, including opening and closing, runs under
:data:`PDFIUM_LOCK`, and every pdfium object is closed explicitly inside the lock (a garbage-collector
finaliser running on another thread is thereby never the one that closes it).

Files are read into memory before pdfium sees them: pdfium opens paths with the C runtime, which
on Windows cannot open non-ASCII (Chinese) paths, and an open handle there would block replacing
the file.
"""

from __future__ import annotations

import ctypes
import io
import threading
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from app.documents.pdf.errors import PdfUnreadable
from app.documents.pdf.png import encode_rgb
from app.files import write_atomically

PDFIUM_LOCK = threading.RLock()
"""Held around every pdfium call in this package; other code calling pypdfium2 must take it too."""

STAMP_SIZE, STAMP_MARGIN = 12.0, 36.0  # points: the archive page number, half an inch in from the corner

PAGE_SEPARATOR = "\f"
"""Between the texts of two pages in :func:`pdf_text` (as pdftotext does)."""


@dataclass(frozen=True)
class RenderedPage:
    """One rendered page: ``height`` rows of ``width`` pixels, each row ``stride`` bytes, in ``format``.
    "BGRA" is QImage.Format_ARGB32 (on little-endian machines) and opaque (white background)."""

    width: int
    height: int
    stride: int
    data: bytes
    format: str = "BGRA"


@contextmanager
def _open(path: Path) -> Iterator[pdfium.PdfDocument]:
    """The document at ``path``; must be used with PDFIUM_LOCK held."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PdfUnreadable(path, exc.strerror or str(exc)) from exc
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise PdfUnreadable(path, str(exc)) from exc
    try:
        yield pdf
    finally:
        pdf.close()


def page_count(path: Path) -> int:
    with PDFIUM_LOCK, _open(path) as pdf:
        return len(pdf)


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """(width, height) of every page in PDF points (1/72 inch); A4 is about (595.3, 841.9)."""
    with PDFIUM_LOCK, _open(path) as pdf:
        return [pdf.get_page_size(index) for index in range(len(pdf))]


def pdf_text(path: Path) -> str:
    """The text of every page (line ends ``\\n``), pages separated by :data:`PAGE_SEPARATOR`."""
    texts = []
    with PDFIUM_LOCK, _open(path) as pdf:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    texts.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
                finally:
                    textpage.close()
            finally:
                page.close()
    return PAGE_SEPARATOR.join(texts)


def _stamp(merged: pdfium.PdfDocument, font: object, index: int, number: int) -> None:
    """The archive page number (页号) in the top right corner of page ``index``, as 卷宗 are numbered."""
    page = merged[index]
    try:
        width, height = page.get_size()
        obj = pdfium_c.FPDFPageObj_CreateTextObj(merged.raw, font, STAMP_SIZE)
        text = ctypes.create_string_buffer((str(number) + "\0").encode("utf-16-le"))  # FPDF_WIDESTRING
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(text, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        digits = len(str(number))
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, width - STAMP_MARGIN - digits * STAMP_SIZE * 0.56,
                                       height - STAMP_MARGIN)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        if not pdfium_c.FPDFPage_GenerateContent(page.raw):
            raise pdfium.PdfiumError(f"cannot write the page number on page {index + 1}")
    finally:
        page.close()


def merge(parts: Sequence[Path], out: Path, numbered: Sequence[bool] | None = None) -> None:
    """Write the pages of ``parts``, in order, to ``out`` (atomically; ``out`` may be one of the parts).
    ``numbered``: per part, whether its pages get the volume's running page number (1, 2, …) in the top
    right corner — the cover, contents and reference sheet of a 卷宗 are not numbered."""
    if not parts:
        raise ValueError("merge needs at least one PDF")
    if numbered is not None and len(numbered) != len(parts):
        raise ValueError("numbered needs one flag per part")
    buffer = io.BytesIO()
    with PDFIUM_LOCK, ExitStack() as stack:
        merged = pdfium.PdfDocument.new()
        stack.callback(merged.close)  # closed last: registered first
        to_number: list[int] = []
        for i, part in enumerate(parts):
            source = stack.enter_context(_open(part))
            start = len(merged)
            try:
                merged.import_pages(source)
            except pdfium.PdfiumError as exc:
                raise PdfUnreadable(Path(part), str(exc)) from exc
            if numbered is not None and numbered[i]:
                to_number.extend(range(start, len(merged)))
        if to_number:
            font = pdfium_c.FPDFText_LoadStandardFont(merged.raw, b"Helvetica")
            try:
                for n, index in enumerate(to_number, 1):
                    _stamp(merged, font, index, n)
            finally:
                pdfium_c.FPDFFont_Close(font)
        merged.save(buffer)
    write_atomically(Path(out), lambda handle: handle.write(buffer.getbuffer()))


def _render(path: Path, index: int, dpi: float, bitmap_format: int, rev_byteorder: bool) -> RenderedPage:
    if dpi <= 0:
        raise ValueError(f"dpi must be positive, not {dpi}")
    with PDFIUM_LOCK, _open(path) as pdf:
        pdf.init_forms()  # form fields drawn too: a seal is the appearance of a signature field
        count = len(pdf)
        if not 0 <= index < count:
            raise IndexError(f"page {index} of {path} (pages 0..{count - 1})")
        page = pdf[index]
        try:
            bitmap = page.render(scale=dpi / 72, force_bitmap_format=bitmap_format, rev_byteorder=rev_byteorder,
                                 may_draw_forms=True)
            try:
                return RenderedPage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            finally:
                bitmap.close()
        finally:
            page.close()


def render_page(path: Path, index: int, dpi: float) -> RenderedPage:
    """Page ``index`` (0-based) rendered at ``dpi``: ``ceil(points * dpi / 72)`` pixels each way, BGRA."""
    return _render(path, index, dpi, pdfium_c.FPDFBitmap_BGRA, rev_byteorder=False)


def render_page_png(path: Path, index: int, dpi: float, out: Path) -> None:
    """Write page ``index`` rendered at ``dpi`` to ``out`` as an RGB PNG (atomically; no Pillow needed)."""
    page = _render(path, index, dpi, pdfium_c.FPDFBitmap_BGR, rev_byteorder=True)  # reversed BGR = RGB
    png = encode_rgb(page.width, page.height, page.stride, page.data, dpi=dpi)
    write_atomically(Path(out), lambda handle: handle.write(png))
