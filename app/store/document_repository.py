"""Generated documents (执法文书) of a case and their versions in and out of the store.

A document is a row per produced document (a case may hold several of one code, e.g. 询问笔录);
each generation or accepted edit adds a version (1..n) that names its file in the document store
by a path relative to it, with its SHA-256 and size. A frozen document (served, notice served…)
takes no new version and keeps its 文号.
"""

from __future__ import annotations

import json
import re
import uuid as uuidlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import NotFound, UserError, ValidationError
from app.store.tables import CaseRow, DocumentRow, DocumentVersionRow
from app.store.times import aware as _aware
from app.store.times import local as _local

ORIGINS = ("generated", "edited")
_SHA256 = re.compile(r"[0-9a-f]{64}")


class DocumentFrozen(UserError):
    """The document may no longer change (it was served or otherwise fixed)."""

    def __init__(self, *, code: str, number: str, reason: str):
        super().__init__("the document {code} {number} is frozen ({reason}) and can no longer change",
                         rule="document.frozen", code=code, number=number, reason=reason)


@dataclass(frozen=True)
class DocumentRecord:
    uuid: str
    case_uuid: str
    code: str
    number: str  # 文号, "" if none
    state: str  # "open" | "frozen"
    frozen_reason: str
    current_version: int  # 0 until the first version is added
    change_counter: int
    created_at: datetime
    updated_at: datetime
    inputs: Mapping[str, str] = field(default_factory=dict)  # fields typed for this document

    @property
    def frozen(self) -> bool:
        return self.state == "frozen"


@dataclass(frozen=True)
class VersionRecord:
    document_uuid: str
    version: int
    sha256: str
    size: int
    origin: str  # "generated" | "edited"
    file: str  # relative to the document store
    actor_id: str
    actor_name: str
    created_at: datetime




def _record(row: DocumentRow) -> DocumentRecord:
    return DocumentRecord(uuid=row.uuid, case_uuid=row.case_uuid, code=row.code, number=row.number,
                          state=row.state, frozen_reason=row.frozen_reason, current_version=row.current_version,
                          change_counter=row.change_counter, created_at=_aware(row.created_at),
                          updated_at=_aware(row.updated_at), inputs=json.loads(row.inputs or "{}"))


def _version(row: DocumentVersionRow) -> VersionRecord:
    return VersionRecord(document_uuid=row.document_uuid, version=row.version, sha256=row.sha256, size=row.size,
                         origin=row.origin, file=row.file, actor_id=row.actor_id, actor_name=row.actor_name,
                         created_at=_aware(row.created_at))


class DocumentRepository:
    def __init__(self, session: Session):
        self.session = session

    # ---- reading ------------------------------------------------------------------------------
    def _row(self, uuid: str, *, lock: bool = False) -> DocumentRow:
        stmt = select(DocumentRow).where(DocumentRow.uuid == uuid, DocumentRow.deleted.is_(False))
        if lock:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        row = self.session.scalars(stmt).first()
        if row is None:
            raise NotFound("document {uuid} does not exist", rule="document.exists", uuid=uuid)
        return row

    def get(self, uuid: str) -> DocumentRecord:
        return _record(self._row(uuid))

    def list_for_case(self, case_uuid: str) -> list[DocumentRecord]:
        """The case's live documents, oldest first."""
        stmt = (select(DocumentRow).where(DocumentRow.case_uuid == case_uuid, DocumentRow.deleted.is_(False))
                .order_by(DocumentRow.created_at, DocumentRow.id))
        return [_record(r) for r in self.session.scalars(stmt)]

    def versions(self, document_uuid: str) -> list[VersionRecord]:
        """The document's versions, 1 first."""
        self._row(document_uuid)
        stmt = (select(DocumentVersionRow).where(DocumentVersionRow.document_uuid == document_uuid)
                .order_by(DocumentVersionRow.version))
        return [_version(r) for r in self.session.scalars(stmt)]

    # ---- writing ------------------------------------------------------------------------------
    def add(self, case_uuid: str, code: str, number: str, now: datetime) -> DocumentRecord:
        """A new open document without versions yet."""
        if not code or not code.strip():
            raise ValidationError("{field}: this field is required", field="document.code", rule="required")
        exists = self.session.scalar(select(CaseRow.id).where(CaseRow.uuid == case_uuid,
                                                              CaseRow.deleted.is_(False)))
        if exists is None:
            raise NotFound("case {uuid} does not exist", rule="case.exists", uuid=case_uuid)
        at = _local(now)
        row = DocumentRow(uuid=str(uuidlib.uuid4()), case_uuid=case_uuid, code=code.strip(), number=number or "",
                          state="open", frozen_reason="", current_version=0, change_counter=1, deleted=False,
                          created_at=at, updated_at=at)
        self.session.add(row)
        self.session.flush()
        return _record(row)

    def add_version(self, document_uuid: str, *, sha256: str, size: int, origin: str, file: str, actor_id: str,
                    actor_name: str, now: datetime) -> VersionRecord:
        """Record the next version's file; it becomes the document's current version."""
        if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
            raise ValidationError("{field}: {value!r} is not a SHA-256 (64 lower-case hex digits)",
                                  field="document.sha256", rule="document.sha256", value=sha256)
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise ValidationError("{field}: expected a whole number, got {value!r}", field="document.size",
                                  rule="document.size", value=size)
        if origin not in ORIGINS:
            raise ValidationError("{field}: must be one of {choices}, got {value!r}", field="document.origin",
                                  rule="document.origin", choices=", ".join(ORIGINS), value=origin)
        if not file or not file.strip():
            raise ValidationError("{field}: this field is required", field="document.file", rule="required")
        row = self._row(document_uuid, lock=True)
        if row.state == "frozen":
            raise DocumentFrozen(code=row.code, number=row.number, reason=row.frozen_reason)
        at = _local(now)
        version = DocumentVersionRow(document_uuid=document_uuid, version=row.current_version + 1, sha256=sha256,
                                     size=size, origin=origin, file=file, actor_id=actor_id,
                                     actor_name=actor_name, created_at=at)
        self.session.add(version)
        row.current_version += 1
        row.change_counter += 1
        row.updated_at = at
        self.session.flush()
        return _version(version)

    def freeze(self, document_uuid: str, reason: str, now: datetime) -> DocumentRecord:
        """Fix the document for good; freezing a frozen document changes nothing (the first reason stays)."""
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError("{field}: this field is required", field="document.frozen_reason",
                                  rule="required")
        row = self._row(document_uuid, lock=True)
        if row.state != "frozen":
            row.state = "frozen"
            row.frozen_reason = reason.strip()
            row.change_counter += 1
            row.updated_at = _local(now)
            self.session.flush()
        return _record(row)

    def set_inputs(self, document_uuid: str, inputs: Mapping[str, str], now: datetime) -> DocumentRecord:
        """Keep what the officer typed for this document, for the next generation."""
        return self._set(document_uuid, "inputs", json.dumps(dict(sorted(inputs.items())), ensure_ascii=False), now)

    def set_number(self, document_uuid: str, number: str, now: datetime) -> DocumentRecord:
        """Give the document its 文号 ("" removes it); refused once the document is frozen."""
        return self._set(document_uuid, "number", number or "", now)

    def _set(self, document_uuid: str, column: str, value: str, now: datetime) -> DocumentRecord:
        """Change one column of an open document (a frozen one refuses any change)."""
        row = self._row(document_uuid, lock=True)
        if getattr(row, column) == value:
            return _record(row)
        if row.state == "frozen":
            raise DocumentFrozen(code=row.code, number=row.number, reason=row.frozen_reason)
        setattr(row, column, value)
        row.change_counter += 1
        row.updated_at = _local(now)
        self.session.flush()
        return _record(row)
