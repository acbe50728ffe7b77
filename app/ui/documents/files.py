"""Files handed to the desktop: documents opened in Word/WPS, read-only copies of old versions, and
PDF pages turned into images (rendered by the document service, wrapped here in QImages).

Rendering happens on a worker thread: QImage (unlike QPixmap) may be made off the UI thread."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImage

from app.domain.errors import UserCancelled

if TYPE_CHECKING:
    from app.services.documents import DocumentService
    from app.ui.tasks import Progress

PREVIEW_DPI = 96


def open_file(path: Path) -> bool:
    """Open ``path`` with the program the desktop associates with it (Word/WPS for .docx)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def read_only_copy(source: Path, name: str) -> Path:
    """A copy of ``source`` in a fresh temporary folder, named ``name``, that editors open read-only
    (an old version is looked at, never changed)."""
    folder = Path(tempfile.mkdtemp(prefix="zhifa-version-"))
    target = folder / name
    shutil.copyfile(source, target)
    os.chmod(target, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return target


def page_image(page: Any) -> QImage:
    """A rendered page (BGRA rows of ``stride`` bytes, opaque) as a QImage that owns its pixels."""
    image = QImage(page.data, page.width, page.height, page.stride, QImage.Format.Format_RGB32)
    return image.copy()


def render_pages(documents: DocumentService, pdf: Path, progress: Progress, text: str,
                 dpi: int = PREVIEW_DPI) -> list[QImage]:
    """Every page of ``pdf`` as an image (worker thread); ``text`` is formatted with done and total."""
    count = documents.pdf_page_count(pdf)
    images = []
    for index in range(count):
        if progress.cancelled:
            raise UserCancelled()
        images.append(page_image(documents.render_pdf_page(pdf, index, dpi)))
        progress.report(index + 1, count, text.format(done=index + 1, total=count))
    return images
