"""Signed approvals: the approver signs the canonical approval record plus the SHA-256 of the document
approved, with their own key; checking a case says, per approval, that it verifies — or exactly what no
longer matches (the opinion, the time, the document changed since, the certificate revoked…)."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from app.domain.approval_record import FIELD_NAMES_ZH, ApprovalRecord, approved_document
from app.domain.errors import NotFound, UserError
from app.domain.officers import Actor
from app.services.documents import DocumentService
from app.services.signing.pki import PkiService
from app.signing import certs
from app.signing.handler import SigningHandler
from app.store import audit
from app.store.audit import NewEntry
from app.store.signing_repository import SigningRepository, StoredApproval


@dataclass(frozen=True)
class ApprovalCheck:
    """One approval of a case and what its signature says."""

    slot: str
    actor_name: str
    at: object  # datetime of the approval
    decision: str
    state: str  # "verified" | "broken" | "unsigned"
    problems: list[str] = field(default_factory=list)  # Chinese lines saying what no longer matches
    signer_name: str = ""


class ApprovalSigning:
    def __init__(self, pki: PkiService, documents: DocumentService):
        self.pki, self.documents = pki, documents
        self.db, self.clock = pki.db, pki.clock

    def _document(self, case, slot: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
        code = approved_document(case.kind, slot)
        records = [r for r in self.documents.records(case.uuid) if r.code == code and r.current_version]
        if not records:
            return code, ""
        versions = self.documents.versions(records[-1].uuid)
        return code, versions[-1].sha256

    def _record(self, case, approval: StoredApproval, document_sha256: str | None = None) -> ApprovalRecord:  # type: ignore[no-untyped-def]
        code, sha = self._document(case, approval.slot)
        return ApprovalRecord.of(case_uuid=case.uuid, case_number=case.number, slot=approval.slot,
                                 decision=approval.decision, actor_id=approval.actor_id,
                                 actor_name=approval.actor_name, role=approval.role, at=approval.at,
                                 comment=approval.comment, document_code=code,
                                 document_sha256=sha if document_sha256 is None else document_sha256)

    def unsigned(self, actor: Actor, case_uuid: str) -> list[StoredApproval]:
        """The approvals ``actor`` gave in this case and has not signed yet."""
        with self.db.read() as s:
            repo = SigningRepository(s)
            signed = {sig.approval_uuid for sig in repo.approval_signatures(case_uuid)}
            return [a for a in repo.approvals(case_uuid) if a.actor_id == actor.user_id and a.uuid not in signed]

    def sign(self, actor: Actor, case_uuid: str, approval_uuid: str, handler: SigningHandler):  # type: ignore[no-untyped-def]
        """Sign one of ``actor``'s own approvals with ``actor``'s certificate."""
        cert = self.pki.certificate_of(actor.user_id)
        if cert is None:
            raise NotFound("{name} has no signing certificate; the administrator issues one in the settings",
                           rule="signing.no_certificate", name=actor.name)
        approval = next((a for a in self.unsigned(actor, case_uuid) if a.uuid == approval_uuid), None)
        if approval is None:
            raise UserError("only the person who gave an approval signs it, once", rule="signing.not_own")
        case = self.documents.cases.get(case_uuid)
        record = self._record(case, approval)
        payload = record.canonical()
        key = self.pki.key(cert.key_ref, handler)
        signature = key.sign_digest(hashlib.sha256(payload).digest(), handler)
        now = self.clock.now()
        with self.db.write() as s:
            stored = SigningRepository(s).add_approval_signature(
                case_uuid=case_uuid, approval_uuid=approval.uuid, slot=approval.slot, signer_user_id=actor.user_id,
                signer_name=actor.name, certificate_uuid=cert.uuid, payload=payload.decode("utf-8"),
                signature=base64.b64encode(signature).decode("ascii"), document_sha256=record.document_sha256,
                now=now)
            audit.append(s, [NewEntry(actor_id=actor.user_id, actor_name=actor.name, role=actor.role.value,
                                      action="approval_signed", entity="case_document", entity_id=case_uuid,
                                      before={}, after={"slot": approval.slot, "document": record.document_code,
                                                        "document_sha256": record.document_sha256}, at=now)])
        return stored

    def check(self, case_uuid: str) -> list[ApprovalCheck]:
        """Every approval of the case, with its signature checked against the case as it is now."""
        case = self.documents.cases.get(case_uuid)
        with self.db.read() as s:
            repo = SigningRepository(s)
            approvals = repo.approvals(case_uuid)
            signatures = {sig.approval_uuid: sig for sig in repo.approval_signatures(case_uuid)}
        trusted, revoked, now = self.pki.trusted(), self.pki.revoked_serials(), self.clock.now()
        found = []
        for approval in approvals:
            sig = signatures.get(approval.uuid)
            if sig is None:
                found.append(ApprovalCheck(approval.slot, approval.actor_name, approval.at, approval.decision,
                                           "unsigned"))
                continue
            problems = []
            cert_record = self.pki.certificate(sig.certificate_uuid)
            cert = self.pki.x509(cert_record)
            payload = sig.payload.encode("utf-8")
            try:
                cert.public_key().verify(base64.b64decode(sig.signature), payload,  # type: ignore[call-arg]
                                         ec.ECDSA(hashes.SHA256()))  # type: ignore[arg-type]
            except (InvalidSignature, ValueError):
                problems.append("签名值与所签内容不符（签名记录被改动）")
            signed = ApprovalRecord.parse(payload)
            current = self._record(case, approval)
            for name in signed.differences(current):
                if name == "document_sha256":
                    problems.append(f"所批文书在审批后已被修改（审批时 {signed.document_sha256[:12] or '未生成'}，"
                                    f"现为 {current.document_sha256[:12] or '无'}）")
                else:
                    problems.append(f"{FIELD_NAMES_ZH.get(name, name)}与签名时不一致")
            chain = certs.check_chain(cert, trusted, at=approval.at, revoked=revoked)
            problems += [f"证书：{text}" for text in chain.texts()]
            if cert_record.revoked_at is not None and cert_record.revoked_at <= now:
                problems.append(f"证书已于 {cert_record.revoked_at:%Y-%m-%d} 吊销：{cert_record.revoked_reason}")
            found.append(ApprovalCheck(approval.slot, approval.actor_name, approval.at, approval.decision,
                                       "broken" if problems else "verified", list(dict.fromkeys(problems)),
                                       sig.signer_name))
        return found
