"""Use cases the UI and the CLI call. No Qt here; each call is one transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from app.services.approvals import ApprovalService
from app.services.audit import AuditService
from app.services.auth import AuthService
from app.services.calendar import CalendarService
from app.services.cases import CaseService
from app.services.catalogue import CatalogueService
from app.services.clock import Clock
from app.services.officers import OfficerService
from app.store.database import Database

if TYPE_CHECKING:
    from argon2 import PasswordHasher

    from app.devices.base import DeviceDriver
    from app.devices.manager import DeviceManager
    from app.domain.evidence import DeviceDefinition
    from app.services.documents import DocumentService, DossierExporter
    from app.services.evidence import EvidenceService
    from app.services.signing import ApprovalSigning, FileVerifier, PkiService, SealService


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
    bureau_name: str
    bureau: Any = None
    files_root: Path | None = None
    workstation: str | None = None
    keyring_backend: object = None
    # The device drivers, given the administrator's user-defined devices (drivers.drivers_for): the
    # composition root supplies it, since services may not import drivers.
    drivers: Callable[[Sequence[DeviceDefinition]], Sequence[type[DeviceDriver]]] | None = None
    evidence_flag_days: int = 7

    # Documents and signing are built on first use: their libraries (python-docx, LibreOffice glue,
    # pyHanko, cryptography) cost a second of start-up that the first case list does not need.
    @cached_property
    def documents(self) -> DocumentService:
        from app.services.documents import DocumentService

        return DocumentService(self.database, self.clock, self.cases, self.officers, self.bureau,
                               self.documents_root, workstation=self.workstation)

    @cached_property
    def dossiers(self) -> DossierExporter:
        from app.services.documents import DossierExporter

        return DossierExporter(self.documents)

    @cached_property
    def pki(self) -> PkiService:
        from app.services.signing import PkiService

        return PkiService(self.database, self.clock, self.bureau, self.documents.root.parent / "keys",
                          self.keyring_backend)

    @cached_property
    def seals(self) -> SealService:
        from app.services.signing import SealService

        return SealService(self.pki, self.documents)

    @cached_property
    def approval_signing(self) -> ApprovalSigning:
        from app.services.signing import ApprovalSigning

        return ApprovalSigning(self.pki, self.documents)

    @cached_property
    def verifier(self) -> FileVerifier:
        from app.services.signing import FileVerifier

        return FileVerifier(self.pki)

    @cached_property
    def evidence(self) -> EvidenceService:
        from app.services.evidence import EvidenceService

        return EvidenceService(self.database, self.clock, self.cases, self.officers,
                               self.documents_root.parent / "evidence", workstation=self.workstation,
                               flag_days=self.evidence_flag_days)

    @cached_property
    def devices(self) -> DeviceManager:
        """The device manager (not started: the window starts it, the CLI polls it). Its handler
        declines questions until the UI or the CLI sets one that can ask a person."""
        from app.devices.folder import FolderDriver
        from app.devices.handlers import UnattendedHandler
        from app.devices.manager import DeviceManager

        return DeviceManager(self.device_drivers(), UnattendedHandler(), clock=self.clock.now,
                             fallback_driver=FolderDriver)

    def device_drivers(self) -> tuple[type[DeviceDriver], ...]:
        """Every driver in matching order, the administrator's user-defined devices first."""
        return tuple(self.drivers(self.evidence.definitions())) if self.drivers else ()

    def reload_device_drivers(self) -> None:
        """After the user-defined devices changed: the manager matches newly docked devices with them."""
        if "devices" in self.__dict__:
            self.devices.drivers = self.device_drivers()

    def set_evidence_flag_days(self, days: int) -> None:
        """Unlinked evidence older than ``days`` is flagged (the setting changed)."""
        self.evidence_flag_days = days
        if "evidence" in self.__dict__:
            self.evidence.flag_days = days

    @property
    def documents_root(self) -> Path:
        return self.files_root or _files_root(self.database)

    @classmethod
    def create(cls, database: Database, *, bureau: Bureau, clock: Clock | None = None,
               password_hasher: PasswordHasher | None = None, files_root: Path | None = None,
               workstation: str | None = None, keyring_backend: object = None,
               drivers: Callable[[Sequence[DeviceDefinition]], Sequence[type[DeviceDriver]]] | None = None,
               evidence_flag_days: int = 7) -> Services:
        """``password_hasher``: Argon2 defaults when None; tests pass a cheap one. ``files_root``: where
        generated documents live (default: ``documents/`` beside an SQLite database file, else the
        user's data folder); signing keys live in ``keys/`` beside it. ``keyring_backend``: the OS keyring
        unless given (tests pass one in memory). ``drivers``: the device drivers for a list of
        user-defined devices (``drivers.drivers_for``); without it no device is recognised. Evidence
        lives in ``evidence/`` beside the documents."""
        clock = clock or Clock()
        calendars = CalendarService(database, clock)
        cases = CaseService(database, clock, calendars, bureau.code, bureau.case_prefix)
        calendars.on_change = cases.rederive_deadlines  # provisional due dates become real ones
        return cls(database=database, clock=clock, calendars=calendars, cases=cases,
                   officers=OfficerService(database, clock),
                   catalogue=CatalogueService(database, on_change=cases.forget_matters),
                   audit=AuditService(database), auth=AuthService(database, clock, hasher=password_hasher),
                   approvals=ApprovalService(cases), bureau_name=bureau.name, bureau=bureau, files_root=files_root,
                   workstation=workstation, keyring_backend=keyring_backend, drivers=drivers,
                   evidence_flag_days=evidence_flag_days)


def _files_root(database: Database) -> Path:
    name = database.engine.url.database if database.is_sqlite else None
    if name and name != ":memory:":
        return Path(name).parent / "documents"
    from app.config.paths import default_data_dir

    return default_data_dir() / "documents"
