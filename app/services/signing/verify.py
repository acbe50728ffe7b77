"""Checking a signed file anyone hands in: a sealed PDF (every PAdES signature in it), or a .docx with its
detached signature (``<name>.docx.p7s`` or ``<name>.p7s`` beside it, or given). Trust comes from the
bureau CAs this installation knows; revoked certificates come from its registry. No network."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.domain.errors import ValidationError
from app.services.signing.pki import PkiService
from app.signing.cms import verify_detached
from app.signing.pdf_verify import verify_pdf
from app.signing.reports import SignatureReport


def signature_beside(path: Path) -> Path | None:
    for candidate in (path.with_name(path.name + ".p7s"), path.with_suffix(".p7s")):
        if candidate.is_file():
            return candidate
    return None


class FileVerifier:
    def __init__(self, pki: PkiService):
        self.pki = pki

    def verify(self, path: Path, signature: Path | None = None, at: datetime | None = None) -> list[SignatureReport]:
        """The signatures found and what checking each says; an empty list for an unsigned PDF."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ValidationError("{field}: cannot read {path}: {why}", field="file", rule="verify.file",
                                  path=str(path), why=exc.strerror or str(exc)) from exc
        trusted, revoked = self.pki.trusted(), self.pki.revoked_serials()
        moment = at or self.pki.clock.now()
        if data[:5] == b"%PDF-" or path.suffix.lower() == ".pdf":
            return verify_pdf(data, trusted, revoked, moment)
        detached = signature or signature_beside(path)
        if detached is None:
            raise ValidationError("{field}: {path} is neither a PDF nor accompanied by a signature file (.p7s)",
                                  field="file", rule="verify.no_signature", path=str(path))
        return [verify_detached(data, detached.read_bytes(), trusted, revoked, moment)]
