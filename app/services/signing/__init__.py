"""Seals and signatures as use cases: the bureau PKI, the seal registry and sealing documents, signed
approvals and their checks, verifying a file anyone hands in."""

from app.services.signing.approvals import ApprovalCheck, ApprovalSigning
from app.services.signing.pki import PkiService, TokenRef
from app.services.signing.seals import Sealed, SealService, UsageLine
from app.services.signing.verify import FileVerifier

__all__ = ["ApprovalCheck", "ApprovalSigning", "FileVerifier", "PkiService", "SealService", "Sealed", "TokenRef", "UsageLine"]
