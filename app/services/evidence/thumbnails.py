"""Thumbnails of evidence images (Pillow), cached in ``evidence/.thumbs/<sha256>.png``. Video frames
are rendered by the UI (Qt Multimedia) and handed in as PNG bytes. A thumbnail is a convenience: a
file Pillow cannot read simply has none."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from app.domain.errors import ValidationError
from app.domain.evidence import EvidenceItem, MediaKind
from app.files import write_bytes
from app.services.evidence.layout import EvidenceStore

log = logging.getLogger(__name__)
DEFAULT_SIZE = 256
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_PIXELS = 120_000_000  # a larger "image" from a device is refused rather than decoded


def thumbnail_path(store: EvidenceStore, item: EvidenceItem, size: int = DEFAULT_SIZE) -> Path:
    suffix = "" if size == DEFAULT_SIZE else f"-{size}"
    return store.thumbs_dir / f"{item.sha256}{suffix}.png"


def image_thumbnail(store: EvidenceStore, item: EvidenceItem, size: int = DEFAULT_SIZE) -> Path | None:
    """The cached thumbnail of an image item, made on first use; None for other kinds or unreadable images."""
    if item.kind is not MediaKind.IMAGE:
        return None
    target = thumbnail_path(store, item, size)
    if target.exists():
        return target
    from PIL import Image, ImageOps

    try:
        with Image.open(store.path(item.stored_path)) as img:
            if img.width * img.height > MAX_PIXELS:
                return None
            img.draft("RGB", (size, size))  # JPEG: decode at a reduced scale
            shown = ImageOps.exif_transpose(img) or img
            shown.thumbnail((size, size))
            if shown.mode not in ("RGB", "RGBA", "L", "LA"):
                shown = shown.convert("RGBA" if "A" in shown.getbands() else "RGB")
            buf = io.BytesIO()
            shown.save(buf, "PNG")
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        log.info("no thumbnail for %s: %s", item.stored_path, exc)
        return None
    write_bytes(target, buf.getvalue())
    return target


def store_thumbnail(store: EvidenceStore, item: EvidenceItem, png: bytes, size: int = DEFAULT_SIZE) -> Path:
    """Keep a thumbnail the UI rendered (a video's first frame)."""
    if not isinstance(png, bytes | bytearray) or not bytes(png).startswith(PNG_MAGIC):
        raise ValidationError("{field}: a thumbnail must be a PNG image", field="thumbnail",
                              rule="evidence.thumbnail")
    target = thumbnail_path(store, item, size)
    write_bytes(target, bytes(png))
    return target
