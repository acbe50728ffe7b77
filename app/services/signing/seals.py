"""Seals (公章, 行政执法专用章): the registry, who may use which, and sealing a document — the approved PDF
signed (PAdES) with the visible seal over the bureau name of its signature block; where no PDF converter
exists, the .docx with the seal picture and a detached signature file. Each use is logged (用印登记) and
the document is frozen, in one transaction after the sealed file is safely stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.documents.stamp import stamp_docx
from app.domain.errors import UserError, ValidationError
from app.domain.officers import Actor
from app.services.documents import DocumentService
from app.services.signing.pki import PkiService, TokenRef, require_admin
from app.signing import cms, seal_image
from app.signing.handler import SigningHandler
from app.signing.pdf_seal import seal_position, sign_pdf
from app.store import audit
from app.store.audit import NewEntry
from app.store.document_repository import DocumentRepository
from app.store.signing_repository import SealRecord, SealUsageRecord, SigningRepository

KINDS = {"official": "公章", "enforcement": "行政执法专用章"}
SIGNATURE_FIELD = "ZhifaSeal"
SEALING_STEP, SEALING_STEP_DOCUMENTS = "seal_decision", ("XZCFJDS", "BYCFJDS")


@dataclass(frozen=True)
class UsageLine:
    """One line of the 用印登记, names resolved for reading."""

    at: datetime
    seal: str
    user: str
    document: str
    number: str
    case_number: str
    format: str
    sealed_sha256: str


@dataclass(frozen=True)
class Sealed:
    usage: SealUsageRecord
    path: Path  # the sealed PDF, or the stamped .docx
    signature_path: Path | None  # the detached .p7s beside a .docx


class SealService:
    def __init__(self, pki: PkiService, documents: DocumentService):
        self.pki, self.documents = pki, documents
        self.db, self.clock = pki.db, pki.clock

    # -- registry -------------------------------------------------------------------------------
    def seals(self) -> list[SealRecord]:
        with self.db.read() as s:
            return SigningRepository(s).seals()

    def seal(self, uuid: str) -> SealRecord:
        with self.db.read() as s:
            return SigningRepository(s).seal(uuid)

    def image(self, seal: SealRecord) -> bytes:
        return self.documents.blobs.read(seal.image_file, seal.image_sha256)

    def create(self, actor: Actor, *, kind: str, handler: SigningHandler, allowed_user_ids: tuple[str, ...] = (),
               image: bytes | None = None, pin: str | None = None, token: TokenRef | None = None) -> SealRecord:
        """Register a seal: the 公章 uses the bureau certificate (the CA), another kind gets its own key and
        certificate. ``image``: an imported picture (checked), else one is drawn with the bureau name."""
        require_admin(actor)
        if kind not in KINDS:
            raise ValidationError("{field}: unknown seal kind {kind}", field="kind", rule="seal.kind", kind=kind)
        bureau = self.pki.bureau.name
        png = seal_image.load_seal_image(image) if image is not None else \
            seal_image.seal_image(bureau, kind_text="" if kind == "official" else KINDS[kind])
        if kind == "official":
            cert = self.pki.require_ca()
        else:
            cert = self.pki.issue(actor, kind="seal", subject=f"{bureau}{KINDS[kind]}", handler=handler, pin=pin,
                                  token=token)
        blob = self.documents.blobs.put(png, ".png")
        now = self.clock.now()
        with self.db.write() as s:
            record = SigningRepository(s).add_seal(name=f"{bureau}{KINDS[kind]}", kind=kind, image_file=blob.relpath,
                                                   image_sha256=blob.sha256, certificate_uuid=cert.uuid,
                                                   allowed_user_ids=tuple(allowed_user_ids), now=now)
            audit.append(s, [NewEntry(actor_id=actor.user_id, actor_name=actor.name, role=actor.role.value,
                                      action="seal_created", entity="seal", entity_id=record.uuid, before={},
                                      after={"name": record.name, "users": list(allowed_user_ids)}, at=now)])
        return record

    def set_users(self, actor: Actor, seal_uuid: str, user_ids: tuple[str, ...]) -> SealRecord:
        require_admin(actor)
        now = self.clock.now()
        with self.db.write() as s:
            repo = SigningRepository(s)
            before = repo.seal(seal_uuid)
            record = repo.set_seal_users(seal_uuid, tuple(user_ids), now)
            audit.append(s, [NewEntry(actor_id=actor.user_id, actor_name=actor.name, role=actor.role.value,
                                      action="seal_users", entity="seal", entity_id=seal_uuid,
                                      before={"users": list(before.allowed_user_ids)},
                                      after={"users": list(user_ids)}, at=now)])
        return record

    def may_use(self, actor: Actor, seal: SealRecord) -> bool:
        return seal.active and actor.user_id in seal.allowed_user_ids

    def needs_pin(self, seal: SealRecord) -> bool:
        return self.pki.needs_pin(self.pki.certificate(seal.certificate_uuid).key_ref)

    def usage(self, *, case_uuid: str | None = None, document_uuid: str | None = None) -> list[SealUsageRecord]:
        with self.db.read() as s:
            return SigningRepository(s).usage(case_uuid=case_uuid, document_uuid=document_uuid)

    def usage_log(self, limit: int = 500) -> list[UsageLine]:
        """The newest uses of every seal first (用印登记), with seal, document and case named."""
        names = {seal.uuid: seal.name for seal in self.seals()}
        lines, cases = [], {}
        for u in reversed(self.usage()[-limit:]):
            try:
                t_name = self.documents.doc_type(u.document_code).name
            except UserError:
                t_name = u.document_code
            try:
                number = self.documents.get(u.document_uuid).number
                cases.setdefault(u.case_uuid, self.documents.cases.get(u.case_uuid).number)
            except UserError:  # a document or case removed since: the log keeps the use
                number = ""
                cases.setdefault(u.case_uuid, "")
            lines.append(UsageLine(u.at, names.get(u.seal_uuid, u.seal_uuid), u.user_name, t_name, number,
                                   cases[u.case_uuid], u.format, u.sealed_sha256))
        return lines

    def sealed_path(self, usage: SealUsageRecord) -> Path:
        return self.documents.blobs.path(usage.sealed_file)

    # -- sealing --------------------------------------------------------------------------------
    def _check(self, actor: Actor, seal: SealRecord, document_uuid: str) -> None:
        if not self.may_use(actor, seal):
            raise UserError("{name} may not use the seal {seal}", rule="seal.not_allowed", name=actor.name,
                            seal=seal.name)
        record = self.documents.get(document_uuid)
        case = self.documents.cases.get(record.case_uuid)
        t = self.documents.doc_type(record.code)
        if self.usage(document_uuid=document_uuid):
            raise ValidationError("{field}: {name} is sealed already", field="document", rule="seal.twice",
                                  name=t.name)
        missing = [slot for slot in t.approvals if not case.approved(slot)]
        if missing or (t.number_series and not record.number):
            raise ValidationError("{field}: {name} is not approved yet and cannot be sealed", field="document",
                                  rule="seal.unapproved", name=t.name)
        if not record.current_version:
            raise ValidationError("{field}: {name} has not been generated yet", field="document",
                                  rule="seal.no_file", name=t.name)

    def seal_document(self, actor: Actor, document_uuid: str, seal_uuid: str, handler: SigningHandler) -> Sealed:
        """Seal the current version of an approved document (refused: nothing is sealed, nothing changes)."""
        seal = self.seal(seal_uuid)
        self._check(actor, seal, document_uuid)
        docs = self.documents
        record = docs.get(document_uuid)
        version = docs.versions(document_uuid)[-1]
        cert = self.pki.certificate(seal.certificate_uuid)
        key = self.pki.key(cert.key_ref, handler)
        signer = key.pyhanko_signer(self.pki.x509(cert), self.pki.chain_for(cert), handler)
        png = self.image(seal)
        name = docs.doc_type(record.code).name
        if docs.converter is not None:
            pdf = docs.pdf(document_uuid).read_bytes()
            found = seal_position(pdf, self.pki.bureau.name)
            page, box = found if found else (0, None)
            sealed = sign_pdf(pdf, signer, field_name=SIGNATURE_FIELD, reason=f"{name} {record.number}".strip(),
                              location=self.pki.bureau.name, stamp_png=png if found else None, page=page, box=box,
                              signing_time=self.clock.now())
            blob, signature, fmt = docs.blobs.put(sealed, ".pdf"), None, "pdf"
        else:
            stamped = stamp_docx(docs.blobs.read(version.file, version.sha256), png)
            blob = docs.blobs.put(stamped, ".docx")
            signature = docs.blobs.put(cms.sign_detached(stamped, signer, signing_time=self.clock.now()), ".p7s")
            fmt = "docx"
        now = self.clock.now()
        with self.db.write() as s:
            usage = SigningRepository(s).add_usage(
                seal_uuid=seal.uuid, user_id=actor.user_id, user_name=actor.name, case_uuid=record.case_uuid,
                document_uuid=document_uuid, document_code=record.code, source_sha256=version.sha256,
                sealed_sha256=blob.sha256, sealed_file=blob.relpath,
                signature_file=signature.relpath if signature else "", format=fmt, now=now)
            DocumentRepository(s).freeze(document_uuid, "sealed", now)
            audit.append(s, [NewEntry(actor_id=actor.user_id, actor_name=actor.name, role=actor.role.value,
                                      action="document_sealed", entity="case_document", entity_id=record.case_uuid,
                                      before={}, after={"document": record.code, "number": record.number,
                                                        "seal": seal.name, "sha256": blob.sha256, "format": fmt},
                                      at=now)])
        self._record_sealing_step(actor, record.case_uuid, record.code, seal.name)
        return Sealed(usage, docs.blobs.path(blob.relpath), docs.blobs.path(signature.relpath) if signature else None)

    def _record_sealing_step(self, actor: Actor, case_uuid: str, code: str, seal_name: str) -> None:
        """Sealing the decision is the workflow's 盖章 step: taken here when the case waits for it and the
        person may take it, so the case and its file never disagree about whether the decision is sealed."""
        cases = self.documents.cases
        if code not in SEALING_STEP_DOCUMENTS:
            return
        offered = [o for o in cases.available_actions(actor, case_uuid)
                   if o.transition.action == SEALING_STEP and o.allowed]
        if offered:
            case = cases.get(case_uuid)
            cases.advance(actor, case_uuid, SEALING_STEP, expected_version=case.version, comment=f"已加盖{seal_name}")
