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

from sqlalchemy import func, insert, select, update
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


_HEAD_FOR_UPDATE = select(AuditHeadRow.seq, AuditHeadRow.hash).where(AuditHeadRow.id == 1).with_for_update()
_INSERT_ENTRY = insert(AuditRow.__table__)
_INSERT_HEAD = insert(AuditHeadRow.__table__).values(id=1)
_UPDATE_HEAD = update(AuditHeadRow.__table__).where(AuditHeadRow.__table__.c.id == 1)


def _head_for_update(session: Session) -> tuple[int, str] | None:
    """The head, locked until the caller commits (on PostgreSQL; SQLite writers hold the whole
    database from BEGIN IMMEDIATE)."""
    row = session.connection().execute(_HEAD_FOR_UPDATE).first()
    return (row[0], row[1]) if row else None


def append(session: Session, entries: Iterable[NewEntry]) -> int:
    """Append entries at the end of the chain, inside the caller's transaction; returns how many."""
    head = _head_for_update(session)
    seq, prev = head or (0, GENESIS)
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
        rows.append(fields)
    if not rows:
        return 0
    conn = session.connection()
    conn.execute(_INSERT_ENTRY, rows)  # Core executemany: no unit-of-work cost per entry
    conn.execute(_INSERT_HEAD if head is None else _UPDATE_HEAD, {"seq": seq, "hash": prev})
    return len(rows)


def _to_entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(seq=row.seq, uuid=row.uuid, at=datetime.fromisoformat(row.at), actor_id=row.actor_id,
                      actor_name=row.actor_name, role=row.role, action=row.action, entity=row.entity,
                      entity_id=row.entity_id, before=json.loads(row.before), after=json.loads(row.after),
                      reason=row.reason, hash=row.hash)


def history(session: Session, entity_id: str) -> list[AuditEntry]:
    rows = session.scalars(select(AuditRow).where(AuditRow.entity_id == entity_id).order_by(AuditRow.seq))
    return [_to_entry(r) for r in rows]


def _rows_in_order(session: Session, after: int, upto: int, batch: int = 5000) -> Iterator[AuditRow]:
    """Entries with ``after < seq <= upto`` in order, a batch at a time; each batch is let go of once
    read, so a long chain is walked in bounded memory."""
    while True:
        rows = session.scalars(select(AuditRow).where(AuditRow.seq > after, AuditRow.seq <= upto)
                               .order_by(AuditRow.seq).limit(batch)).all()
        if not rows:
            return
        yield from rows
        after = rows[-1].seq
        for row in rows:  # only our rows: the caller's objects stay in its session
            session.expunge(row)


def _head_of(session: Session) -> tuple[int, str] | None:
    row = session.execute(select(AuditHeadRow.seq, AuditHeadRow.hash).where(AuditHeadRow.id == 1)).first()
    return (row[0], row[1]) if row else None


def verify(session: Session) -> ChainReport:
    """Walk the whole chain; name the first entry whose sequence, link or content is wrong.

    The walk goes up to the head read first, then looks for entries past it: on a server (read
    committed) entries appended meanwhile come with a moved head and are walked too, while entries
    past a head that did not move were added behind the chain's back.
    """
    expected_seq, prev, count = 1, GENESIS, 0
    head = _head_of(session)
    head_seq, head_hash = head or (0, GENESIS)
    while True:
        hash_at_head = prev if count == head_seq else None
        for row in _rows_in_order(session, count, head_seq):
            fields = {name: getattr(row, name) for name in _FIELDS}
            if row.seq != expected_seq:
                return ChainReport(False, count, expected_seq,
                                   f"entry {expected_seq} is missing (next present is {row.seq})")
            if row.prev_hash != prev:
                return ChainReport(False, count, row.seq, f"entry {row.seq} does not link to entry {row.seq - 1}")
            if entry_hash(fields) != row.hash:
                return ChainReport(False, count, row.seq, f"entry {row.seq} was altered after it was written")
            prev, expected_seq, count = row.hash, expected_seq + 1, count + 1
            if row.seq == head_seq:
                hash_at_head = row.hash
        if count < head_seq:
            return ChainReport(False, count, count + 1,
                               f"the chain ends at entry {count} but its head records entry {head_seq}")
        if hash_at_head != head_hash:
            return ChainReport(False, count, head_seq,
                               f"entry {head_seq} does not match the chain head (altered after it was written)")
        beyond = session.scalar(select(func.min(AuditRow.seq)).where(AuditRow.seq > head_seq))
        if beyond is None:
            return ChainReport(True, count)
        moved = _head_of(session)
        if moved is None or moved[0] <= head_seq:
            problem = ("the chain head is missing" if moved is None else
                       f"entry {beyond} lies beyond the chain head (entry {head_seq})")
            return ChainReport(False, count, head_seq + 1, problem)
        head_seq, head_hash = moved  # appended while we walked: walk on to the new head
