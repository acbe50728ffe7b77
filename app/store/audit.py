"""The tamper-evident audit chain.

Each entry stores the hash of the previous entry and the SHA-256 of its own canonical content
(which includes its sequence number and that previous hash). ``audit_head`` holds the last
sequence and hash, written in the same transaction, so removing entries from the end is detected
as well as editing, deleting or reordering any past entry.
"""

from __future__ import annotations

import hashlib
import json
import uuid as uuidlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.tables import AuditHeadRow, AuditRow

GENESIS = "0" * 64
_FIELDS = ("seq", "uuid", "at", "actor_id", "actor_name", "role", "action", "entity", "entity_id", "before",
           "after", "reason", "prev_hash")


def canonical_json(value: object) -> str:
    """Stable JSON text: sorted keys, no spaces, dates as ISO strings, Chinese kept as is."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def entry_hash(fields: dict[str, object]) -> str:
    content = canonical_json({name: fields[name] for name in _FIELDS})
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    uuid: str
    at: datetime
    actor_id: str
    actor_name: str
    role: str
    action: str
    entity: str
    entity_id: str
    before: dict
    after: dict
    reason: str
    hash: str


@dataclass(frozen=True)
class NewEntry:
    actor_id: str
    actor_name: str
    role: str
    action: str
    entity: str
    entity_id: str
    before: dict
    after: dict
    at: datetime
    reason: str = ""


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_broken_seq: int | None = None
    problem: str = ""


def _head(session: Session) -> AuditHeadRow | None:
    return session.scalars(select(AuditHeadRow).where(AuditHeadRow.id == 1).with_for_update()).first()


def append(session: Session, entries: Iterable[NewEntry]) -> list[AuditRow]:
    """Append entries at the end of the chain, inside the caller's transaction."""
    head = _head(session)
    seq, prev = (head.seq, head.hash) if head else (0, GENESIS)
    rows = []
    for e in entries:
        seq += 1
        fields: dict[str, object] = {
            "seq": seq, "uuid": str(uuidlib.uuid4()), "at": e.at.isoformat(), "actor_id": e.actor_id,
            "actor_name": e.actor_name, "role": e.role, "action": e.action, "entity": e.entity,
            "entity_id": e.entity_id, "before": canonical_json(e.before), "after": canonical_json(e.after),
            "reason": e.reason, "prev_hash": prev,
        }
        fields["hash"] = prev = entry_hash(fields)
        rows.append(AuditRow(**fields))
    if not rows:
        return rows
    session.add_all(rows)
    if head is None:
        session.add(AuditHeadRow(id=1, seq=seq, hash=prev))
    else:
        head.seq, head.hash = seq, prev
    session.flush()
    return rows


def _to_entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(seq=row.seq, uuid=row.uuid, at=datetime.fromisoformat(row.at), actor_id=row.actor_id,
                      actor_name=row.actor_name, role=row.role, action=row.action, entity=row.entity,
                      entity_id=row.entity_id, before=json.loads(row.before), after=json.loads(row.after),
                      reason=row.reason, hash=row.hash)


def history(session: Session, entity_id: str) -> list[AuditEntry]:
    rows = session.scalars(select(AuditRow).where(AuditRow.entity_id == entity_id).order_by(AuditRow.seq))
    return [_to_entry(r) for r in rows]


def _rows_in_order(session: Session, batch: int = 5000) -> Iterator[AuditRow]:
    last = 0
    while True:
        rows = session.scalars(select(AuditRow).where(AuditRow.seq > last).order_by(AuditRow.seq).limit(batch)).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq
        session.expunge_all()


def verify(session: Session) -> ChainReport:
    """Walk the whole chain; name the first entry whose sequence, link or content is wrong."""
    expected_seq, prev, count = 1, GENESIS, 0
    for row in _rows_in_order(session):
        fields = {name: getattr(row, name) for name in _FIELDS}
        if row.seq != expected_seq:
            return ChainReport(False, count, expected_seq,
                               f"entry {expected_seq} is missing (next present is {row.seq})")
        if row.prev_hash != prev:
            return ChainReport(False, count, row.seq, f"entry {row.seq} does not link to entry {row.seq - 1}")
        if entry_hash(fields) != row.hash:
            return ChainReport(False, count, row.seq, f"entry {row.seq} was altered after it was written")
        prev, expected_seq, count = row.hash, expected_seq + 1, count + 1
    head = session.get(AuditHeadRow, 1)
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if head_seq != count or head_hash != prev:
        return ChainReport(False, count, count + 1,
                           f"the chain ends at entry {count} but its head records entry {head_seq}")
    return ChainReport(True, count)
