"""ORM tables. Repositories map these to domain objects; nothing outside ``app.store`` sees them.

Every syncable row has a UUID, a change counter and a tombstone flag (deletes are never physical).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """The metadata every table of the client store belongs to (Alembic compares against it)."""


class SyncMixin:
    uuid: Mapped[str] = mapped_column(String(36), unique=True, nullable=False)
    change_counter: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class MatterRow(Base):
    __tablename__ = "matters"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    implementing_body: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    legal_basis: Mapped[str] = mapped_column(Text, nullable=False, default="")
    penalty_basis: Mapped[str] = mapped_column(Text, nullable=False, default="")
    requires_legal_review: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    supervision_code: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    tiers: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)


class OfficerRow(SyncMixin, Base):
    __tablename__ = "officers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    certificate_no: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    certificate_valid_from: Mapped[date] = mapped_column(Date, nullable=False)
    certificate_valid_to: Mapped[date] = mapped_column(Date, nullable=False)
    certificate_status: Mapped[str] = mapped_column(String(20), nullable=False)
    bureau_code: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    legal_qualification: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    id_number: Mapped[str] = mapped_column(String(18), nullable=False, default="")
    mobile: Mapped[str] = mapped_column(String(20), nullable=False, default="")


class CaseRow(SyncMixin, Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(80), nullable=False)
    bureau_code: Mapped[str] = mapped_column(String(40), nullable=False)
    kind: Mapped[str] = mapped_column(String(30), nullable=False)
    stage: Mapped[str] = mapped_column(String(30), nullable=False)
    matter_code: Mapped[str] = mapped_column(ForeignKey("matters.code"), nullable=False)
    cause: Mapped[str] = mapped_column(String(300), nullable=False)
    source: Mapped[str] = mapped_column(String(100), nullable=False)
    act_date: Mapped[date] = mapped_column(Date, nullable=False)
    act_end_date: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(300), nullable=False)
    facts: Mapped[str] = mapped_column(Text, nullable=False, default="")
    legal_basis: Mapped[str] = mapped_column(Text, nullable=False, default="")
    serious_harm: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    major: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    proposed_fine_fen: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    fine_fen: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    paid_fen: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    events: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    # Denormalised for the list and its filters; rewritten on every write of the case.
    party_names: Mapped[str] = mapped_column(String(400), nullable=False, default="")
    officer_names: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    next_due: Mapped[date | None] = mapped_column(Date)
    next_rule: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    deadline_status: Mapped[str] = mapped_column(String(20), nullable=False, default="none")  # none/ok/calendar_missing
    deadline_note: Mapped[str] = mapped_column(Text, nullable=False, default="")  # how next_due was computed
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)

    # Live cases only (deleted = 0), each sort key with the id as tie-breaker: the list pages and
    # counts at 100,000 cases read these indexes alone (migration 0005).
    __table_args__ = (
        Index("ix_cases_kind", "kind"),
        *(Index(f"ix_cases_live_{name}", *columns, sqlite_where=text("deleted = 0"),
                postgresql_where=text("deleted = false"))
          for name, columns in (("updated", ("updated_at", "id")), ("created", ("created_at", "id")),
                                ("number", ("number", "id")), ("party", ("party_names", "id")),
                                ("matter", ("matter_code", "id")), ("stage", ("stage", "updated_at", "id")),
                                ("next_due", ("next_due", "id")),
                                ("deadline", ("deadline_status", "next_due", "id")))),
    )


class PartyRow(SyncMixin, Base):
    __tablename__ = "case_parties"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    role: Mapped[str] = mapped_column(String(20), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    id_number: Mapped[str] = mapped_column(String(18), nullable=False, index=True)
    legal_representative: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    phone: Mapped[str] = mapped_column(String(30), nullable=False, default="")
    address: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    postcode: Mapped[str] = mapped_column(String(10), nullable=False, default="")
    represents: Mapped[str] = mapped_column(String(36), nullable=False, default="")


class CaseOfficerRow(SyncMixin, Base):
    __tablename__ = "case_officers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    officer_uuid: Mapped[str] = mapped_column(ForeignKey("officers.uuid"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)


class PauseRow(SyncMixin, Base):
    __tablename__ = "case_pauses"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(30), nullable=False)
    start: Mapped[date] = mapped_column(Date, nullable=False)
    end: Mapped[date | None] = mapped_column(Date)


class ExtensionRow(SyncMixin, Base):
    __tablename__ = "case_extensions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    rule_code: Mapped[str] = mapped_column(String(40), nullable=False)
    days: Mapped[int] = mapped_column(Integer, nullable=False)
    approved_on: Mapped[date] = mapped_column(Date, nullable=False)
    approved_by_role: Mapped[str] = mapped_column(String(30), nullable=False)


class ApprovalRow(SyncMixin, Base):
    __tablename__ = "approvals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    slot: Mapped[str] = mapped_column(String(40), nullable=False)
    decision: Mapped[str] = mapped_column(String(20), nullable=False)
    actor_id: Mapped[str] = mapped_column(String(64), nullable=False)
    actor_name: Mapped[str] = mapped_column(String(50), nullable=False)
    role: Mapped[str] = mapped_column(String(30), nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    comment: Mapped[str] = mapped_column(Text, nullable=False, default="")


class NumberSequenceRow(Base):
    """Last number issued per bureau, series and year (案号)."""

    __tablename__ = "number_sequences"
    bureau_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    series: Mapped[str] = mapped_column(String(40), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class CalendarYearRow(Base):
    """Working-day calendars loaded as data for years the bundled library does not know."""

    __tablename__ = "calendar_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[dict] = mapped_column(JSON, nullable=False)
    source: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class AuditRow(Base):
    """One entry of the hash-chained audit log. Append-only; ``seq`` has no gaps."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                     autoincrement=False)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, nullable=False)
    at: Mapped[str] = mapped_column(String(40), nullable=False)  # ISO text: hashed as written
    actor_id: Mapped[str] = mapped_column(String(64), nullable=False)
    actor_name: Mapped[str] = mapped_column(String(50), nullable=False)
    role: Mapped[str] = mapped_column(String(30), nullable=False)
    action: Mapped[str] = mapped_column(String(60), nullable=False)
    entity: Mapped[str] = mapped_column(String(40), nullable=False)
    entity_id: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    before: Mapped[str] = mapped_column(Text, nullable=False)  # canonical JSON text
    after: Mapped[str] = mapped_column(Text, nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)


class AuditHeadRow(Base):
    """The chain's head, written in the same transaction as each entry: a cut-off tail is detected."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)


class CaseSearchRow(Base):
    """Search text per case (created by migration 0002). On SQLite the FTS5 table ``case_fts``
    indexes ``tokens`` through triggers; elsewhere ``text`` is matched with LIKE."""

    __tablename__ = "case_search"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    tokens: Mapped[str] = mapped_column(Text, nullable=False)


class UserRow(SyncMixin, Base):
    """A local account (until central sign-in arrives): an Argon2id hash, never the password."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    display_name: Mapped[str] = mapped_column(String(50), nullable=False)
    roles: Mapped[list] = mapped_column(JSON, nullable=False, default=list)  # Role values
    officer_uuid: Mapped[str | None] = mapped_column(ForeignKey("officers.uuid"))
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)  # Argon2id PHC string
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class CredentialCacheRow(Base):
    """The last account the central service confirmed, for signing in while it is unreachable.
    ``verifier`` is an Argon2id hash of the password: one-way, never the password itself."""

    __tablename__ = "credential_cache"
    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    user: Mapped[dict] = mapped_column(JSON, nullable=False)
    verifier: Mapped[str] = mapped_column(String(255), nullable=False)
    verified_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


# ---- documents (执法文书) and 文号 (migration 0006) ----------------------------------------------------------------
class DocumentRow(SyncMixin, Base):
    """A generated document of a case; its files are ``document_versions`` (1..n)."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_uuid: Mapped[str] = mapped_column(ForeignKey("cases.uuid"), nullable=False, index=True)
    code: Mapped[str] = mapped_column(String(40), nullable=False)
    number: Mapped[str] = mapped_column(String(80), nullable=False, default="")  # 文号, "" if none
    state: Mapped[str] = mapped_column(String(10), nullable=False, default="open")  # open / frozen
    frozen_reason: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    current_version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    # what the officer typed for this document (hearing time and place, seized items…), JSON
    inputs: Mapped[str] = mapped_column(Text, nullable=False, default="{}")


class DocumentVersionRow(Base):
    """One file of a document: ``file`` is relative to the document store, ``sha256`` its content hash."""

    __tablename__ = "document_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_uuid: Mapped[str] = mapped_column(ForeignKey("documents.uuid"), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    origin: Mapped[str] = mapped_column(String(20), nullable=False)  # generated / edited
    file: Mapped[str] = mapped_column(String(500), nullable=False)
    actor_id: Mapped[str] = mapped_column(String(64), nullable=False)
    actor_name: Mapped[str] = mapped_column(String(50), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)

    __table_args__ = (UniqueConstraint("document_uuid", "version", name="uq_document_versions_version"),)


class NumberBlockRow(Base):
    """A range of 文号 (first..last) of one series and year, held by a workstation ("*" = any);
    ``next`` is the lowest number not yet issued from it. A closed block with next <= last has
    returned next..last (to be handed out again by the central service)."""

    __tablename__ = "number_blocks"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    bureau_code: Mapped[str] = mapped_column(String(40), nullable=False)
    series: Mapped[str] = mapped_column(String(20), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    first: Mapped[int] = mapped_column(Integer, nullable=False)
    last: Mapped[int] = mapped_column(Integer, nullable=False)
    next: Mapped[int] = mapped_column(Integer, nullable=False)
    workstation: Mapped[str] = mapped_column(String(64), nullable=False)
    source: Mapped[str] = mapped_column(String(10), nullable=False)  # profile / central
    state: Mapped[str] = mapped_column(String(10), nullable=False, default="active")  # active / closed
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (UniqueConstraint("bureau_code", "series", "year", "first", name="uq_number_blocks_range"),)


class IssuedNumberRow(Base):
    """The 文号登记簿: one row per number ever issued. The primary key makes a duplicate impossible."""

    __tablename__ = "issued_numbers"
    bureau_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    series: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    text: Mapped[str] = mapped_column(String(80), nullable=False)
    state: Mapped[str] = mapped_column(String(10), nullable=False, default="used")  # used / void
    document_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    case_uuid: Mapped[str | None] = mapped_column(String(36))
    block_uuid: Mapped[str] = mapped_column(String(36), nullable=False)
    workstation: Mapped[str] = mapped_column(String(64), nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    actor_name: Mapped[str] = mapped_column(String(50), nullable=False)
    void_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    voided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    voided_by: Mapped[str] = mapped_column(String(50), nullable=False, default="")


class CertificateRow(SyncMixin, Base):
    """A certificate of the bureau's small PKI: the bureau CA (its seal certificate), people's and seals'."""

    __tablename__ = "certificates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)  # bureau_ca / person / seal
    subject: Mapped[str] = mapped_column(String(200), nullable=False)
    serial: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)  # hex
    pem: Mapped[str] = mapped_column(Text, nullable=False)
    key_ref: Mapped[str] = mapped_column(String(300), nullable=False)  # software key id or pkcs11:<token>/<label>
    user_id: Mapped[str | None] = mapped_column(String(64), index=True)  # the person a person certificate is for
    valid_from: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    valid_to: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")


class SealRow(SyncMixin, Base):
    """A seal (公章, 行政执法专用章): its image in the file store, its certificate, who may use it."""

    __tablename__ = "seals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)  # official / enforcement
    image_file: Mapped[str] = mapped_column(String(500), nullable=False)
    image_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    certificate_uuid: Mapped[str] = mapped_column(ForeignKey("certificates.uuid"), nullable=False)
    allowed_user_ids: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class SealUsageRow(SyncMixin, Base):
    """用印登记: who used which seal, when, on which document, and the hashes before and after."""

    __tablename__ = "seal_usage"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seal_uuid: Mapped[str] = mapped_column(ForeignKey("seals.uuid"), nullable=False, index=True)
    user_id: Mapped[str] = mapped_column(String(64), nullable=False)
    user_name: Mapped[str] = mapped_column(String(50), nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    case_uuid: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    document_uuid: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    document_code: Mapped[str] = mapped_column(String(40), nullable=False)
    source_sha256: Mapped[str] = mapped_column(String(64), nullable=False)  # the version sealed
    sealed_sha256: Mapped[str] = mapped_column(String(64), nullable=False)  # the sealed file
    sealed_file: Mapped[str] = mapped_column(String(500), nullable=False)
    signature_file: Mapped[str] = mapped_column(String(500), nullable=False, default="")  # .p7s beside a .docx
    format: Mapped[str] = mapped_column(String(10), nullable=False)  # pdf / docx


class ApprovalSignatureRow(SyncMixin, Base):
    """An approval signed by the person who gave it: the canonical record plus the approved document's hash."""

    __tablename__ = "approval_signatures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_uuid: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    approval_uuid: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)
    slot: Mapped[str] = mapped_column(String(40), nullable=False)
    signer_user_id: Mapped[str] = mapped_column(String(64), nullable=False)
    signer_name: Mapped[str] = mapped_column(String(50), nullable=False)
    certificate_uuid: Mapped[str] = mapped_column(ForeignKey("certificates.uuid"), nullable=False)
    payload: Mapped[str] = mapped_column(Text, nullable=False)  # canonical JSON that was signed
    signature: Mapped[str] = mapped_column(Text, nullable=False)  # base64 DER ECDSA
    document_sha256: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


# ---- evidence from devices (migration 0008) --------------------------------------------------------------------
class EvidenceImportRow(Base):
    """One import of a device or folder: the journal an interrupted import resumes from."""

    __tablename__ = "evidence_imports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, nullable=False)
    source: Mapped[str] = mapped_column(Text, nullable=False)  # "usb 2b7e:a001 …" or the folder
    label: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    volume: Mapped[str] = mapped_column(Text, nullable=False)  # where the files were read (for resuming)
    driver: Mapped[str] = mapped_column(String(40), nullable=False)
    device_serial: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    officer_no: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    device: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)  # the rest of DeviceInfo
    clock_offset_s: Mapped[float | None] = mapped_column(Float)
    state: Mapped[str] = mapped_column(String(10), nullable=False)  # ImportState
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    actor_id: Mapped[str] = mapped_column(String(64), nullable=False)
    actor_name: Mapped[str] = mapped_column(String(50), nullable=False)
    workstation: Mapped[str] = mapped_column(String(64), nullable=False)
    stop_reason: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)  # {"source", "params"}
    warnings: Mapped[list] = mapped_column(JSON, nullable=False, default=list)  # [[source, params], …]


class EvidenceImportFileRow(Base):
    """One file an import listed, and how it ended. ``raw_path`` keeps the name's exact bytes."""

    __tablename__ = "evidence_import_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    import_uuid: Mapped[str] = mapped_column(ForeignKey("evidence_imports.uuid"), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    original_path: Mapped[str] = mapped_column(Text, nullable=False)  # printable (\xNN for bad bytes)
    raw_path: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    meta: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)  # what the driver read
    outcome: Mapped[str] = mapped_column(String(10), nullable=False, default="pending")
    message: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)  # {"source", "params"}
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    item_uuid: Mapped[str] = mapped_column(String(36), nullable=False, default="")
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (UniqueConstraint("import_uuid", "position", name="uq_evidence_import_files_position"),)


class EvidenceItemRow(SyncMixin, Base):
    """One stored evidence file (by content: one row per SHA-256), byte for byte as it came off the device."""

    __tablename__ = "evidence_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    original_path: Mapped[str] = mapped_column(Text, nullable=False)
    stored_path: Mapped[str] = mapped_column(String(100), nullable=False)
    device_serial: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    driver: Mapped[str] = mapped_column(String(40), nullable=False)
    officer_no: Mapped[str] = mapped_column(String(40), nullable=False, default="", index=True)
    recorded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    recorded_at_corrected: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    modified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, index=True)
    actor_id: Mapped[str] = mapped_column(String(64), nullable=False)
    imported_by: Mapped[str] = mapped_column(String(50), nullable=False)
    workstation: Mapped[str] = mapped_column(String(64), nullable=False)
    import_uuid: Mapped[str] = mapped_column(ForeignKey("evidence_imports.uuid"), nullable=False, index=True)
    important: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    meta: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)  # gps, results, warnings, sequence


class EvidenceLinkRow(SyncMixin, Base):
    """An evidence item serving a case; unlinking marks the row deleted (history stays)."""

    __tablename__ = "evidence_links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_uuid: Mapped[str] = mapped_column(ForeignKey("evidence_items.uuid"), nullable=False, index=True)
    case_uuid: Mapped[str] = mapped_column(ForeignKey("cases.uuid"), nullable=False, index=True)
    how: Mapped[str] = mapped_column(String(20), nullable=False)  # confirmed / picked
    actor_id: Mapped[str] = mapped_column(String(64), nullable=False)
    actor_name: Mapped[str] = mapped_column(String(50), nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    unlinked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    unlinked_by: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")

    __table_args__ = (Index("uq_evidence_links_live", "item_uuid", "case_uuid", unique=True,
                            sqlite_where=text("deleted = 0"), postgresql_where=text("deleted = false")),)


class DeviceDefinitionRow(SyncMixin, Base):
    """A device an administrator declared without code: USB ids and a file-name pattern."""

    __tablename__ = "device_definitions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    vendor_id: Mapped[int] = mapped_column(Integer, nullable=False)
    product_id: Mapped[int | None] = mapped_column(Integer)
    pattern: Mapped[str] = mapped_column(String(300), nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
