"""Seals and signatures as use cases: the bureau PKI, the seal registry and sealing documents, signed
approvals and their checks, verifying a file anyone hands in. Exports load on first use (PEP 562): the
cryptography and PDF libraries are not needed to start the client."""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {"ApprovalCheck": "approvals", "ApprovalSigning": "approvals", "FileVerifier": "verify",
            "PkiService": "pki", "SealService": "seals", "Sealed": "seals", "UsageLine": "seals",
            "TokenRef": "refs"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
