"""执法文书 use cases: the catalogue and templates in force, generating and versioning documents,
their 文号, PDFs and the 卷宗 export."""

from app.services.documents.dossier import DossierExporter, DossierResult
from app.services.documents.service import (
           DocumentFrozen,
           DocumentItem,
           DocumentService,
           EditNotice,
           Generated,
)

__all__ = ["DocumentFrozen", "DocumentItem", "DocumentService", "DossierExporter", "DossierResult", "EditNotice",
           "Generated"]
