"""执法文书 of a case: generate from the case, number (文号), keep every version with its SHA-256,
notice edits made in Word/WPS, freeze what was served or signed, convert to PDF.

Generating is resumable rather than one transaction: the document record and its 文号 are written
first (so a number is never issued twice nor lost), the file is rendered and stored by content, then
the version is recorded. A crash in between leaves a record without a version, which the next
generation completes with the same number."""

from __future__ import annotations

import hashlib
import logging
import platform
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from app.documents.pdf import (
    ConverterMissing,
    LibreOfficeConverter,
    RenderedPage,
    find_converter,
    page_count,
    render_page,
)
from app.documents.renderer import render, template_info
from app.domain.cases import Case, Stage
from app.domain.deadlines import Phrase
from app.domain.documents import DocumentCatalogue, DocumentType
from app.domain.errors import NotFound, UserError, ValidationError
from app.domain.officers import ROLE_NAMES_ZH, Actor, Role
from app.files import write_bytes
from app.services.cases import CaseService
from app.services.clock import Clock
from app.services.documents import inputs as typed
from app.services.documents.context import (
    DECISION_CODES,
    SHANGHAI_TZ,
    DecisionRef,
    EvidenceLine,
    build_context,
)
from app.services.documents.policy import REGISTRARS, WRITERS, safe_name
from app.services.documents.templates import TemplateLibrary
from app.services.officers import OfficerService
from app.store import audit, document_numbers
from app.store.audit import NewEntry
from app.store.blobs import Blob, BlobStore
from app.store.database import Database
from app.store.document_repository import DocumentFrozen as FrozenInStore
from app.store.document_repository import DocumentRecord, DocumentRepository, VersionRecord
from app.store.matter_repository import MatterRepository

log = logging.getLogger(__name__)
DRAFT_NUMBER = "（批准后编号）"  # shown on a numbered document generated before its approval




class DocumentFrozen(FrozenInStore):
    """The document was served or signed: it can no longer change (refused before the store would)."""

    def __init__(self, name: str):
        UserError.__init__(self, "{name} was served or signed and can no longer change", rule="document.frozen",
                           name=name)


def _allowed(actor: Actor, roles: frozenset[Role], what: Phrase) -> None:
    if actor.role not in roles:
        raise UserError("{role} may not {what}", rule="document.role", role=ROLE_NAMES_ZH.get(actor.role, actor.role),
                        what=what)


@dataclass(frozen=True)
class DocumentItem:
    """One line of a case's 文书 list: a document made, or one its current stage can make."""

    code: str
    name: str
    stage: Stage | None  # the first stage that produces it
    record: DocumentRecord | None  # None while pending
    frozen: bool
    generatable: bool  # the current stage (or an earlier one) produces it and it is not frozen
    served: bool
    repeatable: bool = False  # a record a case may hold several of (询问笔录 of each witness)

    @property
    def document_uuid(self) -> str | None:
        return self.record.uuid if self.record else None


@dataclass(frozen=True)
class Generated:
    record: DocumentRecord
    version: VersionRecord
    path: Path
    changed: bool  # False when the new rendering equals the current version (no version added)


@dataclass(frozen=True)
class EditNotice:
    document_uuid: str
    name: str
    outcome: str  # "recorded" | "frozen" | "unreadable"
    version: int = 0


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            return "word/document.xml" in z.namelist() and z.testzip() is None
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


class DocumentService:
    def __init__(self, db: Database, clock: Clock, cases: CaseService, officers: OfficerService, bureau: Any,
                 files_root: Path, workstation: str | None = None, converter: LibreOfficeConverter | None = None,
                 find: bool = True):
        self.db, self.clock, self.cases, self.officers, self.bureau = db, clock, cases, officers, bureau
        self.root = Path(files_root)
        self.blobs = BlobStore(self.root / "objects")
        self.library = TemplateLibrary(self.root)
        self.workstation = workstation or platform.node() or "workstation"
        self._converter = converter
        self._find_converter = find and converter is None
        self._blocks_loaded = False

    # -- reading ------------------------------------------------------------------------------------
    @property
    def catalogue(self) -> DocumentCatalogue:
        return self.library.catalogue()

    def doc_type(self, code: str) -> DocumentType:
        return self.catalogue.get(code)

    def records(self, case_uuid: str) -> list[DocumentRecord]:
        with self.db.read() as s:
            return DocumentRepository(s).list_for_case(case_uuid)

    def get(self, document_uuid: str) -> DocumentRecord:
        with self.db.read() as s:
            return DocumentRepository(s).get(document_uuid)

    def versions(self, document_uuid: str) -> list[VersionRecord]:
        with self.db.read() as s:
            return DocumentRepository(s).versions(document_uuid)

    def is_frozen(self, case: Case, record: DocumentRecord) -> bool:
        if record.state == "frozen":
            return True
        try:
            frozen_by = self.doc_type(record.code).frozen_by
        except NotFound:
            return False
        return any(event in case.events for event in frozen_by)

    def list_for_case(self, case_uuid: str) -> list[DocumentItem]:
        """Documents made (oldest first), then those the case's stages so far can still make."""
        case = self.cases.get(case_uuid)
        catalogue = self.catalogue
        items, made = [], set()
        for record in self.records(case_uuid):
            try:
                t = catalogue.get(record.code)
                name, stage, served, repeatable = t.name, (t.stages[0] if t.stages else None), t.served, t.evidence
            except NotFound:  # a type the bureau removed: still listed, never lost
                name, stage, served, repeatable = record.code, None, False, False
            frozen = self.is_frozen(case, record)
            items.append(DocumentItem(record.code, name, stage, record, frozen, not frozen, served, repeatable))
            made.add(record.code)
        for t in catalogue.for_stage(case.kind, case.stage):
            if t.code not in made and not t.dossier_part:
                items.append(DocumentItem(t.code, t.name, case.stage, None, False, True, t.served, t.evidence))
        return items

    def file_path(self, document_uuid: str, version: int | None = None) -> Path:
        found = self.versions(document_uuid)
        if not found:
            raise NotFound("document {uuid} has no file yet", rule="document.file", uuid=document_uuid)
        chosen = found[-1] if version is None else next((v for v in found if v.version == version), None)
        if chosen is None:
            raise NotFound("document {uuid} has no version {version}", rule="document.version",
                           uuid=document_uuid, version=version)
        return self.blobs.path(chosen.file)

    def evidence_lines(self, case_uuid: str) -> list[EvidenceLine]:
        lines = []
        for record in self.records(case_uuid):
            try:
                t = self.doc_type(record.code)
            except NotFound:
                continue
            if t.evidence and record.current_version:
                name = f"{t.name}（{record.number}）" if record.number else t.name
                lines.append(EvidenceLine(name=name, source="执法人员制作", day=record.created_at.date()))
        return lines

    # -- generating ---------------------------------------------------------------------------------
    def _ensure_blocks(self) -> None:
        """The 文号 blocks the bureau profile assigns to this workstation (idempotent)."""
        if self._blocks_loaded:
            return
        now = self.clock.now()
        with self.db.write() as s:
            for b in getattr(self.bureau, "number_blocks", ()):
                if b.workstation in ("*", self.workstation):
                    document_numbers.add_block(s, bureau_code=self.bureau.code, series=b.series, year=b.year,
                                               first=b.first, last=b.last, workstation=b.workstation,
                                               source="profile", now=now)
        self._blocks_loaded = True

    def _format_number(self, series: str, year: int, seq: int) -> str:
        prefix = getattr(self.bureau, "document_prefix", "") or self.bureau.case_prefix
        return f"{prefix}{series}〔{year}〕{seq}号"

    def context(self, case: Case, t: DocumentType, number: str,
                 inputs: Mapping[str, str] | None = None) -> dict[str, Any]:
        with self.db.read() as s:
            try:
                matter = MatterRepository(s).get(case.matter_code)
            except NotFound:
                matter = None
        officers = [o for o in self.officers.all() if o.uuid in case.officer_uuids]
        context = build_context(case=case, matter=matter, officers=officers, bureau=self.bureau, doc_type=t,
                                number=number, issued_on=self.clock.now().date(),
                                evidence=self.evidence_lines(case.uuid), decision=self._decision(case))
        typed.apply(context, {**typed.suggestions(case), **(inputs or {})})
        return context

    def _decision(self, case: Case) -> DecisionRef | None:
        for record in self.records(case.uuid):
            if record.code in DECISION_CODES and record.number:
                return DecisionRef(self.doc_type(record.code).name, record.number,
                                   record.updated_at.astimezone(SHANGHAI_TZ).date())
        return None

    def input_fields(self, case_uuid: str, code: str, document_uuid: str | None = None) -> list[typed.InputField]:
        """What the officer types for this document (its template prints it; the case does not hold it)."""
        case = self.cases.get(case_uuid)
        t = self._type_for(case, code)
        used = set(template_info(self.library.template(t)).fields)
        stored = self._stored_inputs(case_uuid, code, document_uuid)
        return typed.fields_for(used, stored, case)

    @staticmethod
    def check_inputs(values: Mapping[str, str]) -> dict[str, str]:
        """Typed values checked (ValidationError naming the field), as ``generate`` will take them."""
        return typed.clean(values)

    def _stored_inputs(self, case_uuid: str, code: str, document_uuid: str | None) -> Mapping[str, str]:
        if document_uuid is not None:
            return self.get(document_uuid).inputs
        existing = [r for r in self.records(case_uuid) if r.code == code]
        return existing[-1].inputs if existing else {}

    def _type_for(self, case: Case, code: str) -> DocumentType:
        t = self.doc_type(code)
        if t.kinds and case.kind not in t.kinds:
            raise ValidationError("{field}: {name} is not a document of this kind of case", field="document",
                                  rule="document.kind", name=t.name)
        return t

    def _may_number(self, case: Case, t: DocumentType) -> bool:
        return bool(t.number_series) and all(case.approved(slot) for slot in t.approvals)

    def _reserve(self, actor: Actor, case: Case, t: DocumentType, document_uuid: str | None,
                 inputs: Mapping[str, str]) -> DocumentRecord:
        """Step 1: the record, with its 文号 once the approvals it needs are given."""
        if self._may_number(case, t):
            self._ensure_blocks()
        now = self.clock.now()
        with self.db.write() as s:
            repo = DocumentRepository(s)
            record = repo.get(document_uuid) if document_uuid else repo.add(case.uuid, t.code, "", now)
            if record.case_uuid != case.uuid or record.code != t.code:
                raise ValidationError("{field}: document {uuid} belongs to another case or type", field="document",
                                      rule="document.mismatch", uuid=record.uuid)
            if not record.number and self._may_number(case, t):
                year = now.year
                issued = document_numbers.issue(
                    s, bureau_code=self.bureau.code, series=t.number_series, year=year,
                    workstation=self.workstation, fmt=lambda n: self._format_number(t.number_series, year, n),
                    document_uuid=record.uuid, case_uuid=case.uuid, actor_name=actor.name, now=now)
                record = repo.set_number(record.uuid, issued.text, now)
            if inputs:
                record = repo.set_inputs(record.uuid, {**record.inputs, **inputs}, now)
            return record

    def generate(self, actor: Actor, case_uuid: str, code: str, document_uuid: str | None = None,
                 inputs: Mapping[str, str] | None = None) -> Generated:
        """Generate (or regenerate) a document from the case as it is now. ``inputs``: values typed for
        the document's input fields (see ``input_fields``), kept with it for the next generation."""
        _allowed(actor, WRITERS, Phrase("generate documents"))
        case = self.cases.get(case_uuid)
        t = self._type_for(case, code)
        if document_uuid is None:  # one document per type unless asked for another (笔录 may repeat)
            existing = [r for r in self.records(case_uuid) if r.code == code]
            document_uuid = existing[-1].uuid if existing else None
        if document_uuid is not None and self.is_frozen(case, self.get(document_uuid)):
            raise DocumentFrozen(t.name)
        template = self.library.template(t)
        numbered = self._may_number(case, t)
        typed_now = typed.clean(inputs or {})
        values = {**self._stored_inputs(case_uuid, code, document_uuid), **typed_now}
        # Check the fields before a 文号 is issued: a refused document must not use up a number.
        provisional = "〔文号〕" if numbered else (DRAFT_NUMBER if t.number_series else "")
        render(template, self.context(case, t, provisional, values), required=t.required_fields)
        record = self._reserve(actor, case, t, document_uuid, typed_now)
        number = record.number or (DRAFT_NUMBER if t.number_series else "")
        data = render(template, self.context(case, t, number, record.inputs), required=t.required_fields)
        return self._record_version(actor, case, t, record, data, "generated")

    def generate_new(self, actor: Actor, case_uuid: str, code: str,
                     inputs: Mapping[str, str] | None = None) -> Generated:
        """Another document of a type a case may hold several of (a second 询问笔录)."""
        _allowed(actor, WRITERS, Phrase("generate documents"))
        case = self.cases.get(case_uuid)
        t = self._type_for(case, code)
        now = self.clock.now()
        with self.db.write() as s:
            record = DocumentRepository(s).add(case.uuid, t.code, "", now)
        return self.generate(actor, case_uuid, code, record.uuid, inputs)

    def _record_version(self, actor: Actor, case: Case, t: DocumentType, record: DocumentRecord, data: bytes,
                        origin: str) -> Generated:
        blob: Blob = self.blobs.put(data, ".docx")
        now = self.clock.now()
        with self.db.write() as s:
            repo = DocumentRepository(s)
            versions = repo.versions(record.uuid)
            if versions and versions[-1].sha256 == blob.sha256:
                return Generated(repo.get(record.uuid), versions[-1], self.blobs.path(blob.relpath), False)
            version = repo.add_version(record.uuid, sha256=blob.sha256, size=blob.size, origin=origin,
                                       file=blob.relpath, actor_id=actor.user_id, actor_name=actor.name, now=now)
            audit.append(s, [NewEntry(
                actor_id=actor.user_id, actor_name=actor.name, role=actor.role.value,
                action=f"document_{origin}", entity="case_document", entity_id=case.uuid, before={},
                after={"document": t.code, "name": t.name, "version": version.version, "sha256": blob.sha256,
                       "number": record.number}, at=now)])
            return Generated(repo.get(record.uuid), version, self.blobs.path(blob.relpath), True)

    # -- editing outside Zhifa ----------------------------------------------------------------------
    def working_path(self, record: DocumentRecord) -> Path:
        try:
            name = self.doc_type(record.code).name
        except NotFound:
            name = record.code
        return self.root / "working" / record.uuid / f"{safe_name(name)}.docx"

    def working_copy(self, document_uuid: str) -> Path:
        """A copy of the current version to open in Word/WPS. Unrecorded edits in an existing copy are
        never overwritten (``check_edits`` records them first)."""
        record = self.get(document_uuid)
        versions = self.versions(document_uuid)
        if not versions:
            raise NotFound("document {uuid} has no file yet", rule="document.file", uuid=document_uuid)
        path = self.working_path(record)
        current = versions[-1]
        if path.exists():
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
            if sha == current.sha256 or sha not in {v.sha256 for v in versions}:
                return path  # up to date, or holding edits not yet recorded
        write_bytes(path, self.blobs.read(current.file, current.sha256))
        return path

    def check_edits(self, actor: Actor, case_uuid: str) -> list[EditNotice]:
        """Record, as new versions, the working copies changed since they were handed out."""
        case = self.cases.get(case_uuid)
        notices = []
        for record in self.records(case_uuid):
            path = self.working_path(record)
            if not path.exists():
                continue
            data = path.read_bytes()
            sha = hashlib.sha256(data).hexdigest()
            versions = self.versions(record.uuid)
            if sha in {v.sha256 for v in versions}:
                continue
            name = self.working_path(record).stem
            if self.is_frozen(case, record):
                notices.append(EditNotice(record.uuid, name, "frozen"))
            elif not _is_docx(data):  # still being saved, or not a Word file any more
                notices.append(EditNotice(record.uuid, name, "unreadable"))
            else:
                made = self._record_version(actor, case, self.doc_type(record.code), record, data, "edited")
                notices.append(EditNotice(record.uuid, name, "recorded", made.version.version))
        return notices

    def freeze(self, actor: Actor, document_uuid: str, reason: str) -> DocumentRecord:
        """Freeze a document (signed or sealed); issue #5's signing calls this."""
        now = self.clock.now()
        with self.db.write() as s:
            repo = DocumentRepository(s)
            record = repo.freeze(document_uuid, reason, now)
            audit.append(s, [NewEntry(actor_id=actor.user_id, actor_name=actor.name, role=actor.role.value,
                                      action="document_frozen", entity="case_document", entity_id=record.case_uuid,
                                      before={}, after={"document": record.code, "reason": reason}, at=now)])
            return record

    # -- PDF ----------------------------------------------------------------------------------------
    @property
    def converter(self) -> LibreOfficeConverter | None:
        if self._converter is None and self._find_converter:
            self._converter, self._find_converter = find_converter(), False
        return self._converter

    def pdf(self, document_uuid: str, version: int | None = None) -> Path:
        """The document as PDF (converted once per content; ConverterMissing without LibreOffice)."""
        source = self.file_path(document_uuid, version)
        return self.pdfs([source])[0]

    def pdfs(self, sources: Sequence[Path]) -> list[Path]:
        """PDFs of stored .docx files, converting the missing ones in one converter run."""
        cache = self.root / "pdf"
        wanted = [cache / f"{p.stem}.pdf" for p in sources]
        missing = [p for p, out in zip(sources, wanted, strict=True) if not out.exists()]
        if missing:
            converter = self.converter
            if converter is None:
                raise ConverterMissing()
            made = converter.convert(missing, cache)
            log.info("converted %d document(s) to PDF", len(made))
        return wanted

    @staticmethod
    def pdf_page_count(path: Path) -> int:
        return page_count(path)

    @staticmethod
    def render_pdf_page(path: Path, index: int, dpi: int = 96) -> RenderedPage:
        """One page as BGRA pixels, for the preview and the printer (the UI wraps them in a QImage)."""
        return render_page(path, index, dpi)

    # -- templates ----------------------------------------------------------------------------------
    def export_template(self, code: str, dest: Path) -> Path:
        write_bytes(Path(dest), self.library.template(self.doc_type(code)))
        return Path(dest)

    def import_template(self, actor: Actor, code: str, source: Path) -> None:
        _allowed(actor, REGISTRARS, Phrase("change document templates"))
        t = self.doc_type(code)
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise ValidationError("{field}: cannot read {path}: {why}", field="file", rule="documents.file",
                                  path=str(source), why=str(exc)) from exc
        self.library.install(t, data)
        self._audit_template(actor, "template_imported", t, hashlib.sha256(data).hexdigest())

    def reset_template(self, actor: Actor, code: str) -> bool:
        _allowed(actor, REGISTRARS, Phrase("change document templates"))
        t = self.doc_type(code)
        removed = self.library.reset(t)
        if removed:
            self._audit_template(actor, "template_reset", t, "")
        return removed

    def _audit_template(self, actor: Actor, action: str, t: DocumentType, sha: str) -> None:
        now = self.clock.now()
        with self.db.write() as s:
            audit.append(s, [NewEntry(actor_id=actor.user_id, actor_name=actor.name, role=actor.role.value,
                                      action=action, entity="document_type", entity_id=t.code, before={},
                                      after={"template": t.template, "sha256": sha}, at=now)])

    # -- the 文号 register --------------------------------------------------------------------------
    def register(self, year: int) -> list[document_numbers.RegisterLine]:
        self._ensure_blocks()
        with self.db.read() as s:
            return document_numbers.register(s, self.bureau.code, year)

    def void_number(self, actor: Actor, series: str, year: int, seq: int, reason: str) -> None:
        _allowed(actor, REGISTRARS, Phrase("void document numbers"))
        now = self.clock.now()
        with self.db.write() as s:
            issued = document_numbers.void(s, bureau_code=self.bureau.code, series=series, year=year, seq=seq,
                                           reason=reason, actor_name=actor.name, now=now)
            audit.append(s, [NewEntry(actor_id=actor.user_id, actor_name=actor.name, role=actor.role.value,
                                      action="number_voided", entity="document_number", entity_id=issued.text,
                                      before={}, after={"number": issued.text, "reason": reason}, at=now)])

