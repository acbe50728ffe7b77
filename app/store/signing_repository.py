"""Certificates of the bureau PKI, seals, the seal usage log (用印登记) and signed approvals."""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import NotFound
from app.store.tables import (
    ApprovalRow,
    ApprovalSignatureRow,
    CaseRow,
    CertificateRow,
    SealRow,
    SealUsageRow,
)
from app.store.times import aware as _aware
from app.store.times import local as _local


@dataclass(frozen=True)
class CertificateRecord:
    uuid: str
    kind: str  # bureau_ca / person / seal
    subject: str
    serial: str  # hex
    pem: str
    key_ref: str
    user_id: str | None
    valid_from: datetime
    valid_to: datetime
    revoked_at: datetime | None
    revoked_reason: str


@dataclass(frozen=True)
class SealRecord:
    uuid: str
    name: str
    kind: str  # official / enforcement
    image_file: str
    image_sha256: str
    certificate_uuid: str
    allowed_user_ids: tuple[str, ...]
    active: bool


@dataclass(frozen=True)
class SealUsageRecord:
    uuid: str
    seal_uuid: str
    user_id: str
    user_name: str
    at: datetime
    case_uuid: str
    document_uuid: str
    document_code: str
    source_sha256: str
    sealed_sha256: str
    sealed_file: str
    signature_file: str
    format: str  # pdf / docx


@dataclass(frozen=True)
class ApprovalSignatureRecord:
    uuid: str
    case_uuid: str
    approval_uuid: str
    slot: str
    signer_user_id: str
    signer_name: str
    certificate_uuid: str
    payload: str
    signature: str
    document_sha256: str
    at: datetime


@dataclass(frozen=True)
class StoredApproval:
    """An approval row with its own uuid (what a signature is bound to)."""

    uuid: str
    slot: str
    decision: str
    actor_id: str
    actor_name: str
    role: str
    at: datetime
    comment: str


def _cert(r: CertificateRow) -> CertificateRecord:
    return CertificateRecord(r.uuid, r.kind, r.subject, r.serial, r.pem, r.key_ref, r.user_id, _aware(r.valid_from),
                             _aware(r.valid_to), _aware(r.revoked_at), r.revoked_reason)


def _seal(r: SealRow) -> SealRecord:
    return SealRecord(r.uuid, r.name, r.kind, r.image_file, r.image_sha256, r.certificate_uuid,
                      tuple(r.allowed_user_ids or ()), r.active)


def _usage(r: SealUsageRow) -> SealUsageRecord:
    return SealUsageRecord(r.uuid, r.seal_uuid, r.user_id, r.user_name, _aware(r.at), r.case_uuid, r.document_uuid,
                           r.document_code, r.source_sha256, r.sealed_sha256, r.sealed_file, r.signature_file,
                           r.format)


def _signature(r: ApprovalSignatureRow) -> ApprovalSignatureRecord:
    return ApprovalSignatureRecord(r.uuid, r.case_uuid, r.approval_uuid, r.slot, r.signer_user_id, r.signer_name,
                                   r.certificate_uuid, r.payload, r.signature, r.document_sha256, _aware(r.at))



def _sync(now: datetime) -> dict[str, object]:
    return {"uuid": str(uuidlib.uuid4()), "change_counter": 1, "deleted": False, "updated_at": _local(now)}


class SigningRepository:
    def __init__(self, session: Session):
        self.session = session

    # -- certificates ---------------------------------------------------------------------------
    def add_certificate(self, *, kind: str, subject: str, serial: str, pem: str, key_ref: str,
                        user_id: str | None, valid_from: datetime, valid_to: datetime,
                        now: datetime) -> CertificateRecord:
        row = CertificateRow(kind=kind, subject=subject, serial=serial, pem=pem, key_ref=key_ref, user_id=user_id,
                             valid_from=_local(valid_from), valid_to=_local(valid_to), revoked_reason="",
                             **_sync(now))
        self.session.add(row)
        self.session.flush()
        return _cert(row)

    def certificates(self, kind: str | None = None) -> list[CertificateRecord]:
        stmt = select(CertificateRow).where(CertificateRow.deleted.is_(False)).order_by(CertificateRow.id)
        if kind is not None:
            stmt = stmt.where(CertificateRow.kind == kind)
        return [_cert(r) for r in self.session.scalars(stmt)]

    def certificate(self, uuid: str) -> CertificateRecord:
        row = self.session.scalars(select(CertificateRow).where(CertificateRow.uuid == uuid)).first()
        if row is None:
            raise NotFound("certificate {uuid} does not exist", rule="certificate.exists", uuid=uuid)
        return _cert(row)

    def certificate_of_user(self, user_id: str) -> CertificateRecord | None:
        """The person's newest certificate that is not revoked."""
        stmt = (select(CertificateRow).where(CertificateRow.user_id == user_id, CertificateRow.kind == "person",
                                             CertificateRow.revoked_at.is_(None), CertificateRow.deleted.is_(False))
                .order_by(CertificateRow.id.desc()))
        row = self.session.scalars(stmt).first()
        return _cert(row) if row else None

    def revoke(self, uuid: str, reason: str, now: datetime) -> CertificateRecord:
        row = self.session.scalars(select(CertificateRow).where(CertificateRow.uuid == uuid)).first()
        if row is None:
            raise NotFound("certificate {uuid} does not exist", rule="certificate.exists", uuid=uuid)
        if row.revoked_at is None:
            row.revoked_at, row.revoked_reason = _local(now), reason
            row.change_counter += 1
            row.updated_at = _local(now)
            self.session.flush()
        return _cert(row)

    # -- seals ----------------------------------------------------------------------------------
    def add_seal(self, *, name: str, kind: str, image_file: str, image_sha256: str, certificate_uuid: str,
                 allowed_user_ids: tuple[str, ...], now: datetime) -> SealRecord:
        row = SealRow(name=name, kind=kind, image_file=image_file, image_sha256=image_sha256,
                      certificate_uuid=certificate_uuid, allowed_user_ids=list(allowed_user_ids), active=True,
                      **_sync(now))
        self.session.add(row)
        self.session.flush()
        return _seal(row)

    def seals(self) -> list[SealRecord]:
        stmt = select(SealRow).where(SealRow.deleted.is_(False)).order_by(SealRow.id)
        return [_seal(r) for r in self.session.scalars(stmt)]

    def _seal_row(self, uuid: str) -> SealRow:
        row = self.session.scalars(select(SealRow).where(SealRow.uuid == uuid, SealRow.deleted.is_(False))).first()
        if row is None:
            raise NotFound("seal {uuid} does not exist", rule="seal.exists", uuid=uuid)
        return row

    def seal(self, uuid: str) -> SealRecord:
        return _seal(self._seal_row(uuid))

    def set_seal_users(self, uuid: str, user_ids: tuple[str, ...], now: datetime) -> SealRecord:
        row = self._seal_row(uuid)
        row.allowed_user_ids = list(user_ids)
        row.change_counter += 1
        row.updated_at = _local(now)
        self.session.flush()
        return _seal(row)

    # -- 用印登记 ---------------------------------------------------------------------------------
    def add_usage(self, *, seal_uuid: str, user_id: str, user_name: str, case_uuid: str, document_uuid: str,
                  document_code: str, source_sha256: str, sealed_sha256: str, sealed_file: str, signature_file: str,
                  format: str, now: datetime) -> SealUsageRecord:
        row = SealUsageRow(seal_uuid=seal_uuid, user_id=user_id, user_name=user_name, at=_local(now),
                           case_uuid=case_uuid,
                           document_uuid=document_uuid, document_code=document_code, source_sha256=source_sha256,
                           sealed_sha256=sealed_sha256, sealed_file=sealed_file, signature_file=signature_file,
                           format=format, **_sync(now))
        self.session.add(row)
        self.session.flush()
        return _usage(row)

    def usage(self, *, case_uuid: str | None = None, document_uuid: str | None = None) -> list[SealUsageRecord]:
        stmt = select(SealUsageRow).where(SealUsageRow.deleted.is_(False)).order_by(SealUsageRow.id)
        if case_uuid is not None:
            stmt = stmt.where(SealUsageRow.case_uuid == case_uuid)
        if document_uuid is not None:
            stmt = stmt.where(SealUsageRow.document_uuid == document_uuid)
        return [_usage(r) for r in self.session.scalars(stmt)]

    # -- signed approvals -----------------------------------------------------------------------
    def approvals(self, case_uuid: str) -> list[StoredApproval]:
        stmt = (select(ApprovalRow).join(CaseRow, CaseRow.id == ApprovalRow.case_id)
                .where(CaseRow.uuid == case_uuid, ApprovalRow.deleted.is_(False)).order_by(ApprovalRow.position))
        return [StoredApproval(r.uuid, r.slot, r.decision, r.actor_id, r.actor_name, r.role, _aware(r.at), r.comment)
                for r in self.session.scalars(stmt)]

    def add_approval_signature(self, *, case_uuid: str, approval_uuid: str, slot: str, signer_user_id: str,
                               signer_name: str, certificate_uuid: str, payload: str, signature: str,
                               document_sha256: str, now: datetime) -> ApprovalSignatureRecord:
        row = ApprovalSignatureRow(case_uuid=case_uuid, approval_uuid=approval_uuid, slot=slot,
                                   signer_user_id=signer_user_id, signer_name=signer_name,
                                   certificate_uuid=certificate_uuid, payload=payload, signature=signature,
                                   document_sha256=document_sha256, at=_local(now), **_sync(now))
        self.session.add(row)
        self.session.flush()
        return _signature(row)

    def approval_signatures(self, case_uuid: str) -> list[ApprovalSignatureRecord]:
        stmt = (select(ApprovalSignatureRow).where(ApprovalSignatureRow.case_uuid == case_uuid,
                                                   ApprovalSignatureRow.deleted.is_(False))
                .order_by(ApprovalSignatureRow.id))
        return [_signature(r) for r in self.session.scalars(stmt)]
