"""Helpers for the key, token and certificate tests: a fake PIN handler, a small PDF, pyHanko signing
and validation with the bureau CA as the only trust root."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Sequence

from asn1crypto import cms as asn1_cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import PageObject, PdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
from pyhanko_certvalidator import ValidationContext

from app.domain.errors import UserCancelled
from app.signing.keys import to_asn1_certificate


class FakeHandler:
    """Answers every PIN prompt with ``pin`` (cancels when ``pin`` is None) and records the prompts."""

    def __init__(self, pin: str | None = None):
        self.pin = pin
        self.prompts: list[tuple[str, int | None]] = []

    def ask_pin(self, prompt: str, retries_left: int | None) -> str:
        self.prompts.append((prompt, retries_left))
        if self.pin is None:
            raise UserCancelled()
        return self.pin


def verify_digest_signature(public_key: ec.EllipticCurvePublicKey, signature: bytes, data: bytes) -> None:
    """Raises InvalidSignature unless ``signature`` (DER) signs SHA-256(``data``)."""
    public_key.verify(signature, data, ec.ECDSA(hashes.SHA256()))


def small_pdf() -> bytes:
    """A one-page A4 PDF with a red square (no fonts needed)."""
    writer = PdfFileWriter()
    content = writer.add_object(generic.StreamObject(stream_data=b"1 0 0 rg 72 700 100 100 re f"))
    writer.insert_page(PageObject(contents=content, media_box=[0, 0, 595, 842]))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sign_pdf(pdf: bytes, signer: signers.Signer) -> bytes:
    meta = signers.PdfSignatureMetadata(field_name="Seal", subfilter=fields.SigSeedSubFilter.PADES)
    out = signers.PdfSigner(meta, signer=signer).sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)))
    return out.getvalue()


def _context(trusted: Sequence[x509.Certificate]) -> ValidationContext:
    return ValidationContext(trust_roots=[to_asn1_certificate(c) for c in trusted], allow_fetching=False)


def validate_pdf(signed: bytes, trusted: Sequence[x509.Certificate]):
    """pyHanko's verdict on the one signature of ``signed``, ``trusted`` the only trust roots."""
    reader = PdfFileReader(io.BytesIO(signed))
    (embedded,) = reader.embedded_signatures
    return validate_pdf_signature(embedded, _context(trusted))


def sign_and_validate_detached(data: bytes, signer: signers.Signer, trusted: Sequence[x509.Certificate]):
    async def run():
        content_info: asn1_cms.ContentInfo = await signer.async_sign_general_data(data, "sha256", detached=True)
        return await async_validate_detached_cms(data, content_info["content"], _context(trusted))

    return asyncio.run(run())
