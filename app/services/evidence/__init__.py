"""Evidence from devices: the import engine, the evidence store, triage and links to cases, the chain
of custody. Exports load on first use (PEP 562), so importing the package costs nothing at start-up."""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {"EvidenceService": "service", "ImportSource": "service", "CopyHooks": "importer",
            "EvidenceStore": "layout", "file_meta": "service"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
