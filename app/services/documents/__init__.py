"""执法文书 use cases: the catalogue and templates in force, generating and versioning documents,
their 文号, PDFs and the 卷宗 export. Exports load on first use (PEP 562), so importing a light part
(``policy``) does not pull in the rendering and PDF libraries."""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {"DossierExporter": "dossier", "DossierResult": "dossier", "DocumentFrozen": "service",
            "DocumentItem": "service", "DocumentService": "service", "EditNotice": "service", "Generated": "service"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
