"""The seal image placed in a .docx at its seal position (the ``zhifa_seal`` bookmark of the signature
block), for bureaus without a PDF converter: the .docx then travels with a detached signature file."""

from __future__ import annotations

from io import BytesIO

import docx
from docx.oxml.ns import qn
from docx.shared import Mm

from app.documents.builder import SEAL_BOOKMARK
from app.domain.errors import ValidationError

SEAL_MM = 42  # an official round seal is about 4 cm across


def stamp_docx(document: bytes, png: bytes, bookmark: str = SEAL_BOOKMARK, size_mm: float = SEAL_MM) -> bytes:
    """``document`` with the seal picture at the end of the paragraph holding ``bookmark`` (the last
    paragraph when a bureau template has no bookmark)."""
    d = docx.Document(BytesIO(document))
    marks = d.element.body.iter(qn("w:bookmarkStart"))
    start = next((m for m in marks if m.get(qn("w:name")) == bookmark), None)
    paragraphs = d.paragraphs
    if start is None and not paragraphs:
        raise ValidationError("{field}: the document has no place for the seal", field="document",
                              rule="seal.position")
    target = next((p for p in paragraphs if start is not None and start in p._p.iter()), paragraphs[-1])
    target.add_run().add_picture(BytesIO(png), width=Mm(size_mm), height=Mm(size_mm))
    out = BytesIO()
    d.save(out)
    return out.getvalue()
