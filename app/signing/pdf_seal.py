"""Sealing a PDF: find where the seal goes, then sign the PDF (PAdES baseline B) with the seal image as the
visible appearance of the signature field.

:func:`find_anchor` looks for the anchor text (usually the bureau name in the signature block; the last
occurrence, spaces ignored) with pdfium; :func:`seal_box` makes the seal's square around it. :func:`sign_pdf`
appends the signature as an incremental update, so the bytes of the original file stay as they were and any
later change is detectable.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from datetime import datetime

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.stamp import StaticStampStyle

from app.domain.errors import UserError
from app.signing.cms import DIGEST, SigningFailed, aware, run_sync
from app.signing.seal_image import IMAGE_UNREADABLE, SealImageError

NOT_A_PDF = "the file is not a readable PDF: {reason}"
PDF_ENCRYPTED = "the PDF is password-protected and cannot be sealed"
FIELD_TAKEN = "the PDF already has a signature named {name}"
SOURCES = (NOT_A_PDF, PDF_ENCRYPTED, FIELD_TAKEN)

# pdfium is not thread-safe: every call into it from this module holds this lock
PDFIUM_LOCK = threading.Lock()

SEAL_SIZE_PT = 120.0  # 42 mm, the size of an official round seal


class NotAPdf(UserError):
    """The bytes are not a PDF that can be read."""

    def __init__(self, reason: str):
        super().__init__(NOT_A_PDF, rule="signing.not_a_pdf", reason=reason)


class PdfEncrypted(UserError):
    def __init__(self) -> None:
        super().__init__(PDF_ENCRYPTED, rule="signing.pdf_encrypted")


class FieldTaken(UserError):
    """A signature field of that name exists (and is signed) already: nothing was sealed."""

    def __init__(self, field: str):
        self.field_name = field
        super().__init__(FIELD_TAKEN, rule="signing.field_taken", name=field)


# --- where the seal goes ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """Where the anchor text is: page index and its box in PDF points (origin bottom left)."""

    page_index: int
    x0: float
    y0: float
    x1: float
    y1: float
    page_box: tuple[float, float, float, float] = (0.0, 0.0, 595.276, 841.89)  # the page's crop box (l, b, r, t)


def _open(pdf: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(bytes(pdf))
    except pdfium.PdfiumError as exc:
        raise NotAPdf(str(exc)) from exc


def _is_space(char: str) -> bool:
    return char.isspace() or char in ("\x00", "\ufeff", "\u200b", "\x02", "\ufffe")


def find_anchor(pdf: bytes, text: str) -> Anchor | None:
    """The last place ``text`` occurs in ``pdf`` (whitespace ignored on both sides, so "江 海 区" and a line
    break inside the name still match), or None. Raises :class:`NotAPdf` for bytes pdfium cannot open."""
    needle = "".join(ch for ch in text if not _is_space(ch))
    if not needle:
        return None
    with PDFIUM_LOCK:
        doc = _open(pdf)
        try:
            for page_index in reversed(range(len(doc))):
                page = doc[page_index]
                textpage = page.get_textpage()
                try:
                    count = textpage.count_chars()
                    indices: list[int] = []
                    chars: list[str] = []
                    for i in range(count):
                        char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))
                        if not _is_space(char):
                            indices.append(i)
                            chars.append(char)
                    at = "".join(chars).rfind(needle)
                    if at < 0:
                        continue
                    boxes = [textpage.get_charbox(indices[k]) for k in range(at, at + len(needle))]
                    crop = page.get_cropbox()
                    return Anchor(page_index, min(b[0] for b in boxes), min(b[1] for b in boxes),
                                  max(b[2] for b in boxes), max(b[3] for b in boxes),
                                  tuple(float(v) for v in crop))  # type: ignore[arg-type]
                finally:
                    textpage.close()
                    page.close()
        finally:
            doc.close()
    return None


def seal_box(anchor: Anchor, size_pt: float = SEAL_SIZE_PT) -> tuple[float, float, float, float]:
    """A ``size_pt`` square (x0, y0, x1, y1) centred on the anchor text, moved inside the page if needed."""
    left, bottom, right, top = anchor.page_box
    cx, cy = (anchor.x0 + anchor.x1) / 2, (anchor.y0 + anchor.y1) / 2
    x0 = min(max(cx - size_pt / 2, left), right - size_pt)
    y0 = min(max(cy - size_pt / 2, bottom), top - size_pt)
    x0, y0 = max(x0, left), max(y0, bottom)  # a page smaller than the seal: keep the corner on the page
    return (round(x0, 2), round(y0, 2), round(x0 + size_pt, 2), round(y0 + size_pt, 2))


def seal_position(pdf: bytes, anchor_text: str, size_pt: float = SEAL_SIZE_PT
                  ) -> tuple[int, tuple[float, float, float, float]] | None:
    """(page index, box) for a seal over the last ``anchor_text``, or None when the text is not in the PDF."""
    anchor = find_anchor(pdf, anchor_text)
    return None if anchor is None else (anchor.page_index, seal_box(anchor, size_pt))


# --- signing ------------------------------------------------------------------------------------------------


class _PdfSigner(signers.PdfSigner):
    """pyHanko's PdfSigner with a chosen signing time (the /M entry; PAdES keeps it out of the CMS)."""

    def __init__(self, *args, signing_time: datetime | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._signing_time = signing_time

    def init_signing_session(self, pdf_out, existing_fields_only=False):
        session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        if self._signing_time is not None:
            session.system_time = self._signing_time
        return session


def _stamp_style(stamp_png: bytes) -> StaticStampStyle:
    try:
        image = Image.open(io.BytesIO(stamp_png))
        image.load()
    except (OSError, ValueError) as exc:
        raise SealImageError(IMAGE_UNREADABLE, rule="seal.image_format") from exc
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    return StaticStampStyle(
        background=PdfImage(image),
        border_width=0,
        background_opacity=1.0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(0), inner_content_scaling=layout.InnerScaling.STRETCH_TO_FIT),
    )


def _writer(pdf: bytes) -> IncrementalPdfFileWriter:
    data = bytes(pdf)
    if b"%PDF-" not in data[:1024]:
        raise NotAPdf("no %PDF header")
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        _ = writer.root["/Pages"]
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise NotAPdf(str(exc) or type(exc).__name__) from exc
    if writer.prev.encrypted:
        raise PdfEncrypted()
    return writer


def _room_for_signature(signer: signers.Signer) -> int:
    """Bytes to reserve for the CMS: the certificates it embeds plus room for attributes and the signature.
    Reserving up front spares pyHanko its size-estimating dry run, so the key signs exactly once (one PIN)."""
    certs = [signer.signing_cert, *(signer.cert_registry or ())]
    size = sum(len(c.dump()) for c in certs if c is not None)
    return max(8192, 2 * size + 4096)


def sign_pdf(pdf: bytes, signer: signers.Signer, *, field_name: str, reason: str, location: str,
             stamp_png: bytes | None, page: int, box: tuple[float, float, float, float] | None,
             signing_time: datetime | None = None) -> bytes:
    """``pdf`` with a PAdES baseline-B signature (SHA-256) appended as an incremental update.

    ``signer`` is any pyHanko signer (software key, PKCS#11 token, or one that implements only the async API).
    With ``stamp_png`` the signature field is visible at ``box`` (x0, y0, x1, y1 in points) on page ``page``
    (0-based) and shows the image, scaled to fit; without it the signature is invisible. ``signing_time``
    (default: now) goes into the signature's /M entry. Raises :class:`NotAPdf`, :class:`PdfEncrypted`,
    :class:`FieldTaken` or :class:`SigningFailed`; on any error nothing is returned, so nothing is sealed."""
    writer = _writer(pdf)
    page_count = int(writer.root["/Pages"]["/Count"])
    if not 0 <= page < page_count:
        raise ValueError(f"page {page} is outside the PDF's {page_count} pages")
    for name, value, _ref in fields.enumerate_sig_fields(writer.prev, filled_status=None):
        if name == field_name and value is not None:
            raise FieldTaken(field_name)
    visible = stamp_png is not None
    if visible and box is None:
        raise ValueError("a visible seal needs a box")
    meta = signers.PdfSignatureMetadata(field_name=field_name, subfilter=fields.SigSeedSubFilter.PADES,
                                        reason=reason or None, location=location or None, md_algorithm=DIGEST)
    spec = fields.SigFieldSpec(sig_field_name=field_name, on_page=page,
                               box=tuple(box) if visible and box is not None else None)
    pdf_signer = _PdfSigner(meta, signer, stamp_style=_stamp_style(stamp_png) if visible else None,
                            new_field_spec=spec, signing_time=aware(signing_time) if signing_time else None)
    out = io.BytesIO()
    try:
        run_sync(pdf_signer.async_sign_pdf(writer, output=out, bytes_reserved=_room_for_signature(signer)))
    except UserError:
        raise
    except (SigningError, PdfError, ValueError) as exc:
        raise SigningFailed(str(exc) or type(exc).__name__) from exc
    return out.getvalue()
