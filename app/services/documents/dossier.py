"""卷宗 export: one PDF per volume (正卷 / 副卷) in binding order — cover, 卷内文件目录 with page numbers,
the documents, the evidence list, the 备考表 — and a zip of the original files with a manifest of their
SHA-256 hashes. Every file appears in the target folder whole or not at all."""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from app.documents.cn_format import chinese_date
from app.documents.pdf import ConverterMissing, merge, page_count
from app.documents.renderer import render
from app.domain.cases import Case
from app.domain.documents import DocumentType, Volume
from app.domain.errors import NotFound, UserCancelled, ValidationError
from app.domain.officers import Actor
from app.files import write_atomically
from app.services.documents.context import SHANGHAI_TZ as SHANGHAI
from app.services.documents.service import DocumentService, safe_name
from app.store import audit
from app.store.audit import NewEntry
from app.store.document_repository import DocumentRecord, VersionRecord

VOLUME_NAMES = {Volume.MAIN: "正卷", Volume.SECONDARY: "副卷"}
RETENTION = "永久"  # 行政处罚案卷: permanent or 30 years; the bureau's archive rules may say 30
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Bound:
    """A document in the binding order of its volume."""

    doc_type: DocumentType
    record: DocumentRecord
    version: VersionRecord
    path: Path


@dataclass
class DossierResult:
    archive: Path
    volumes: list[Path] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)  # volume name -> pages
    documents: int = 0
    pdf_skipped: bool = False  # no converter: the zip of originals only


class DossierExporter:
    def __init__(self, documents: DocumentService):
        self.documents = documents

    def _bound(self, case: Case) -> dict[Volume, list[Bound]]:
        volumes: dict[Volume, list[Bound]] = {v: [] for v in Volume}
        for record in self.documents.records(case.uuid):
            versions = self.documents.versions(record.uuid)
            try:
                t = self.documents.doc_type(record.code)
            except NotFound:
                continue
            if not versions or t.dossier_part:
                continue
            v = versions[-1]
            volumes[t.volume].append(Bound(t, record, v, self.documents.blobs.path(v.file)))
        for items in volumes.values():
            items.sort(key=lambda b: (b.doc_type.binding_order, b.record.created_at))
        return volumes

    def _part(self, part: str, volume: Volume) -> DocumentType:
        """The catalogue entry making a part of the volume (cover, contents, evidence list, 备考表)."""
        found = self.documents.catalogue.dossier_part(part, volume)
        if found is None:
            raise ValidationError("{field}: the document catalogue has no {part} for the case file",
                                  field="dossier_part", rule="dossier.part", part=part)
        return found

    def _render_part(self, case: Case, t: DocumentType, extra: dict, folder: Path) -> Path:
        """A framing part rendered from the case plus the volume's own fields, as .docx in ``folder``."""
        service = self.documents
        context = service.context(case, t, "")
        context.update(extra)
        data = render(service.library.template(t), context, required=t.required_fields)
        path = folder / f"{t.dossier_part}.docx"
        path.write_bytes(data)
        return path

    def export(self, actor: Actor, case_uuid: str, dest: Path, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None) -> DossierResult:
        def step(done: int, total: int, text: str) -> None:
            if cancelled is not None and cancelled():
                raise UserCancelled()
            if progress is not None:
                progress(done, total, text)

        service = self.documents
        case = service.cases.get(case_uuid)
        dest = Path(dest)
        dest.mkdir(parents=True, exist_ok=True)
        stem = safe_name(case.number)
        volumes = self._bound(case)
        count = sum(len(v) for v in volumes.values())
        if count == 0:
            raise ValidationError("{field}: case {number} has no generated documents to bind", field="documents",
                                  rule="dossier.empty", number=case.number)
        result = DossierResult(archive=dest / f"{stem}-原件.zip", documents=count)
        step(0, 4, "documents")
        with tempfile.TemporaryDirectory(prefix="zhifa-dossier-") as tmp:
            work = Path(tmp)
            if service.converter is None:
                result.pdf_skipped = True
            else:
                for i, (volume, items) in enumerate(volumes.items(), 1):
                    if items:
                        step(i, 4, VOLUME_NAMES[volume])
                        path, pages = self._volume_pdf(actor, case, volume, items, work, dest, stem)
                        result.volumes.append(path)
                        result.pages[VOLUME_NAMES[volume]] = pages
            step(3, 4, "archive")
            self._archive(actor, case, volumes, result)
        now = service.clock.now()
        with service.db.write() as s:
            audit.append(s, [NewEntry(
                actor_id=actor.user_id, actor_name=actor.name, role=actor.role.value, action="dossier_exported",
                entity="case_document", entity_id=case.uuid, before={},
                after={"documents": count, "volumes": [p.name for p in result.volumes], "archive": result.archive.name,
                       "pdf": not result.pdf_skipped}, at=now)])
        step(4, 4, "done")
        return result

    def _volume_pdf(self, actor: Actor, case: Case, volume: Volume, items: list[Bound], work: Path, dest: Path,
                    stem: str) -> tuple[Path, int]:
        service = self.documents
        parts = work / volume.value
        parts.mkdir()
        body = service.pdfs([b.path for b in items])
        evidence_pdf: list[Path] = []
        lines = service.evidence_lines(case.uuid)
        if volume is Volume.MAIN and lines:
            t = self._part("evidence_list", volume)
            evidence_pdf = service.converter.convert([self._render_part(case, t, {}, parts)], parts)
        contents, page = [], 1
        for i, (b, pdf) in enumerate(zip(items, body, strict=True), 1):
            n = page_count(pdf)
            contents.append({"index": str(i), "number": b.record.number, "responsible": service.bureau.name,
                             "title": b.doc_type.name, "date": _day(b.version), "pages": _pages(page, n)})
            page += n
        if evidence_pdf:
            n = page_count(evidence_pdf[0])
            contents.append({"index": str(len(contents) + 1), "number": "", "responsible": service.bureau.name,
                             "title": self._part("evidence_list", volume).name, "date": "", "pages": _pages(page, n)})
            page += n
        total = page - 1
        name = VOLUME_NAMES[volume]
        today = chinese_date(service.clock.now().date())
        dossier = {"volume_name": name, "archive_no": case.number, "retention": RETENTION, "pages": str(total)}
        reference = {"pages": str(total), "compiler": actor.name, "checker": "", "date": today,
                     "note": f"本卷共有文件材料{len(contents)}件，共{total}页。"}
        extra = {"dossier": dossier, "contents": contents, "reference": reference}
        framing = [self._render_part(case, self._part(part, volume), extra, parts)
                   for part in ("cover", "contents", "reference")]
        cover, toc, ref = service.converter.convert(framing, parts)
        target = dest / f"{stem}-{name}.pdf"
        parts = [cover, toc, *body, *evidence_pdf, ref]
        merge(parts, target, numbered=[False, False, *([True] * (len(body) + len(evidence_pdf))), False])
        return target, total

    def _archive(self, actor: Actor, case: Case, volumes: dict[Volume, list[Bound]], result: DossierResult) -> None:
        service = self.documents
        entries, manifest = [], []
        for volume, items in volumes.items():
            for order, b in enumerate(items, 1):
                for v in service.versions(b.record.uuid):
                    arc = f"{VOLUME_NAMES[volume]}/{order:02d}-{safe_name(b.doc_type.name)}-v{v.version}.docx"
                    entries.append((arc, service.blobs.read(v.file, v.sha256)))
                    manifest.append({"file": arc, "sha256": v.sha256, "size": v.size, "code": b.doc_type.code,
                                     "name": b.doc_type.name, "number": b.record.number, "version": v.version,
                                     "origin": v.origin, "created_at": v.created_at.isoformat(),
                                     "created_by": v.actor_name})
        for pdf in result.volumes:
            data = pdf.read_bytes()
            entries.append((f"pdf/{pdf.name}", data))
            manifest.append({"file": f"pdf/{pdf.name}", "sha256": _sha(data), "size": len(data)})
        head = {"case": case.number, "case_uuid": case.uuid, "bureau": service.bureau.name,
                "exported_at": service.clock.now().isoformat(), "exported_by": actor.name, "files": manifest}
        def write(handle: BinaryIO) -> None:
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as z:
                for arc, data in entries:
                    z.writestr(arc, data)
                z.writestr("manifest.json", json.dumps(head, ensure_ascii=False, indent=2))

        write_atomically(result.archive, write)

def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _pages(first: int, n: int) -> str:
    return str(first) if n <= 1 else f"{first}-{first + n - 1}"


def _day(v: VersionRecord) -> str:
    """Dates in a 卷内文件目录 are written as eight digits (20260316), as archives do."""
    return v.created_at.astimezone(SHANGHAI).strftime("%Y%m%d")


__all__ = ["ConverterMissing", "DossierExporter", "DossierResult"]
