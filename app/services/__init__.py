"""Use cases the UI and the CLI call. No Qt here; each call is one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from app.services.approvals import ApprovalService
from app.services.audit import AuditService
from app.services.auth import AuthService
from app.services.calendar import CalendarService
from app.services.cases import CaseService
from app.services.catalogue import CatalogueService
from app.services.clock import Clock
from app.services.documents import DocumentService, DossierExporter
from app.services.officers import OfficerService
from app.services.signing import ApprovalSigning, FileVerifier, PkiService, SealService
from app.store.database import Database

if TYPE_CHECKING:
    from argon2 import PasswordHasher


class Bureau(Protocol):
    code: str
    name: str
    case_prefix: str


@dataclass
class Services:
    database: Database
    clock: Clock
    calendars: CalendarService
    cases: CaseService
    officers: OfficerService
    catalogue: CatalogueService
    audit: AuditService
    auth: AuthService
    approvals: ApprovalService
    documents: DocumentService
    dossiers: DossierExporter
    pki: PkiService
    seals: SealService
    approval_signing: ApprovalSigning
    verifier: FileVerifier
    bureau_name: str

    @classmethod
    def create(cls, database: Database, *, bureau: Bureau, clock: Clock | None = None,
               password_hasher: PasswordHasher | None = None, files_root: Path | None = None,
               workstation: str | None = None, keyring_backend: object = None) -> Services:
        """``password_hasher``: Argon2 defaults when None; tests pass a cheap one. ``files_root``: where
        generated documents live (default: ``documents/`` beside an SQLite database file, else the
        user's data folder); signing keys live in ``keys/`` beside it. ``keyring_backend``: the OS keyring
        unless given (tests pass one in memory)."""
        clock = clock or Clock()
        calendars = CalendarService(database, clock)
        cases = CaseService(database, clock, calendars, bureau.code, bureau.case_prefix)
        calendars.on_change = cases.rederive_deadlines  # provisional due dates become real ones
        officers = OfficerService(database, clock)
        root = files_root or _files_root(database)
        documents = DocumentService(database, clock, cases, officers, bureau, root, workstation=workstation)
        pki = PkiService(database, clock, bureau, root.parent / "keys", keyring_backend)
        return cls(database=database, clock=clock, calendars=calendars, cases=cases,
                   officers=officers,
                   catalogue=CatalogueService(database, on_change=cases.forget_matters),
                   audit=AuditService(database), auth=AuthService(database, clock, hasher=password_hasher),
                   approvals=ApprovalService(cases), documents=documents, dossiers=DossierExporter(documents),
                   pki=pki, seals=SealService(pki, documents), approval_signing=ApprovalSigning(pki, documents),
                   verifier=FileVerifier(pki),
                   bureau_name=bureau.name)


def _files_root(database: Database) -> Path:
    name = database.engine.url.database if database.is_sqlite else None
    if name and name != ":memory:":
        return Path(name).parent / "documents"
    from app.config.paths import default_data_dir

    return default_data_dir() / "documents"
