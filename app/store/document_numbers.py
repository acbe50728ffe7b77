"""文号 (document numbers): number blocks held per workstation, issuing, voiding and the yearly
文号登记簿 (register).

A bureau hands each workstation blocks of numbers per series and year (from its profile, later from
the central service); a workstation issues only from its own blocks (or blocks for any workstation,
``"*"``), so workstations working offline on their own database files never issue the same number.
Every function runs inside the caller's transaction: a number and the document that carries it
commit together or not at all. On SQLite the write transaction (BEGIN IMMEDIATE) serialises writers;
on PostgreSQL the candidate blocks are row-locked (SELECT … FOR UPDATE). The register's primary key
(bureau, series, year, number) makes a duplicate impossible even if blocks were mis-assigned: such
an allocation fails with a clear error instead.

Numbers are never reused: ``next`` only grows, a void number stays void, and the unissued rest of a
released block is recorded as returned (its block is closed with next <= last).
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby, pairwise
from typing import Literal

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.errors import NotFound, UserError, ValidationError
from app.store.tables import IssuedNumberRow, NumberBlockRow
from app.store.times import aware as _aware
from app.store.times import local as _local

ANY_WORKSTATION = "*"
SOURCES = ("profile", "central")


# ---- errors -----------------------------------------------------------------------------------------------------
class NumberBlockConflict(ValidationError):
    """A new block overlaps a block already held (by this or another workstation)."""

    def __init__(self, *, series: str, year: int, first: int, last: int, workstation: str, other: NumberBlock):
        self.other = other
        super().__init__(
            "the 文号 block {series} {year} {first}–{last} for workstation {workstation} overlaps the block "
            "{other_first}–{other_last} held by workstation {other_workstation}",
            field="number_block", rule="number_block.overlap", series=series, year=year, first=first, last=last,
            workstation=workstation, other_first=other.first, other_last=other.last,
            other_workstation=other.workstation)


class NumberBlockExhausted(UserError):
    """No active block of the series and year is left on the workstation."""

    def __init__(self, *, series: str, year: int, workstation: str):
        super().__init__("no 文号 left for series {series} {year} on workstation {workstation}; ask the "
                         "administrator for a new number block", rule="number_block.exhausted", series=series,
                         year=year, workstation=workstation)


class NumberAlreadyIssued(UserError):
    """The next number of a block is already in the register: the blocks were mis-assigned."""

    def __init__(self, *, text: str, workstation: str, first: int, last: int):
        super().__init__("文号 {text} has already been issued: the number block {first}–{last} of workstation "
                         "{workstation} overlaps numbers issued elsewhere; ask the administrator to correct the "
                         "number blocks", rule="number.duplicate", text=text, workstation=workstation,
                         first=first, last=last)


# ---- records ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class NumberBlock:
    uuid: str
    bureau_code: str
    series: str
    year: int
    first: int
    last: int
    next: int  # the lowest number not yet issued (last + 1 when all are issued)
    workstation: str  # "*" = any workstation
    source: str  # "profile" | "central"
    state: str  # "active" | "closed"
    created_at: datetime
    closed_at: datetime | None

    @property
    def remaining(self) -> int:
        """Numbers still to issue (0 for a closed block)."""
        return max(0, self.last - self.next + 1) if self.state == "active" else 0

    @property
    def returned(self) -> tuple[int, int] | None:
        """The range given back when the block was released before it was used up."""
        return (self.next, self.last) if self.state == "closed" and self.next <= self.last else None


@dataclass(frozen=True)
class IssuedNumber:
    bureau_code: str
    series: str
    year: int
    seq: int
    text: str  # e.g. 江海市监罚〔2026〕12号
    state: str  # "used" | "void"
    document_uuid: str | None
    case_uuid: str | None
    block_uuid: str
    workstation: str
    at: datetime
    actor_name: str
    void_reason: str
    voided_at: datetime | None
    voided_by: str


LineState = Literal["used", "void", "unissued", "returned"]


@dataclass(frozen=True)
class RegisterLine:
    """One line of the 文号登记簿: an issued number (first == last), or a run of unissued or returned
    numbers. For used/void lines ``at`` and ``actor_name`` tell when and by whom the number was
    issued and ``reason`` why it was voided; for a returned run ``at`` is when its block was released."""

    series: str
    year: int
    first: int
    last: int
    state: LineState
    text: str
    document_uuid: str | None
    case_uuid: str | None
    at: datetime | None
    actor_name: str
    reason: str
    workstation: str


# ---- helpers ----------------------------------------------------------------------------------------------------


def _block(row: NumberBlockRow) -> NumberBlock:
    created = _aware(row.created_at)
    assert created is not None
    return NumberBlock(uuid=row.uuid, bureau_code=row.bureau_code, series=row.series, year=row.year,
                       first=row.first, last=row.last, next=row.next, workstation=row.workstation,
                       source=row.source, state=row.state, created_at=created, closed_at=_aware(row.closed_at))


def _issued(row: IssuedNumberRow) -> IssuedNumber:
    at = _aware(row.at)
    assert at is not None
    return IssuedNumber(bureau_code=row.bureau_code, series=row.series, year=row.year, seq=row.seq,
                        text=row.text, state=row.state, document_uuid=row.document_uuid, case_uuid=row.case_uuid,
                        block_uuid=row.block_uuid, workstation=row.workstation, at=at,
                        actor_name=row.actor_name, void_reason=row.void_reason, voided_at=_aware(row.voided_at),
                        voided_by=row.voided_by)


def _is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _check_text(value: str, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("{field}: this field is required", field=field, rule="required")
    return value.strip()


# ---- blocks -----------------------------------------------------------------------------------------------------
def add_block(session: Session, *, bureau_code: str, series: str, year: int, first: int, last: int,
              workstation: str, source: str, now: datetime) -> NumberBlock:
    """Record a block of numbers first..last held by ``workstation`` ("*" = any).

    Adding the identical block again (same range and workstation) returns the one recorded, whatever
    its state (a released block is not reopened). A range overlapping another block of the same
    bureau, series and year is refused with :class:`NumberBlockConflict`; only the returned rest of
    a released block may be handed out again."""
    series = _check_text(series, "number_block.series")
    workstation = _check_text(workstation, "number_block.workstation")
    if isinstance(year, bool) or not isinstance(year, int) or not 1000 <= year <= 9999:
        raise ValidationError("{field}: {value!r} is not a four-digit year", field="number_block.year",
                              rule="number_block.year", value=year)
    if isinstance(first, bool) or not isinstance(first, int) or first < 1:
        raise ValidationError("{field}: a 文号 block starts at 1 or above, not {value!r}",
                              field="number_block.first", rule="number_block.first", value=first)
    if isinstance(last, bool) or not isinstance(last, int) or last < first:
        raise ValidationError("{field}: the block ends at {value!r}, before its first number {first}",
                              field="number_block.last", rule="number_block.last", value=last, first=first)
    if source not in SOURCES:
        raise ValidationError("{field}: must be one of {choices}, got {value!r}", field="number_block.source",
                              rule="number_block.source", choices=", ".join(SOURCES), value=source)
    if _is_postgres(session):
        # Blocks are added rarely: serialise additions so two overlapping ones cannot both pass the check.
        session.execute(text("LOCK TABLE number_blocks IN SHARE ROW EXCLUSIVE MODE"))
    nearby = session.scalars(select(NumberBlockRow).where(
        NumberBlockRow.bureau_code == bureau_code, NumberBlockRow.series == series, NumberBlockRow.year == year,
        NumberBlockRow.first <= last, NumberBlockRow.last >= first).order_by(NumberBlockRow.first)).all()
    for row in nearby:
        if (row.first, row.last, row.workstation) == (first, last, workstation):
            return _block(row)
    for row in nearby:
        held_last = row.last if row.state == "active" else row.next - 1  # a released block keeps what it issued
        if row.first == first or (row.first <= last and first <= held_last):
            raise NumberBlockConflict(series=series, year=year, first=first, last=last, workstation=workstation,
                                      other=_block(row))
    row = NumberBlockRow(uuid=str(uuidlib.uuid4()), bureau_code=bureau_code, series=series, year=year,
                         first=first, last=last, next=first, workstation=workstation, source=source,
                         state="active", created_at=_local(now), closed_at=None)
    session.add(row)
    session.flush()
    return _block(row)


def blocks(session: Session, bureau_code: str, *, year: int | None = None,
           series: str | None = None) -> list[NumberBlock]:
    """The bureau's blocks (every state), by year, series and first number."""
    stmt = select(NumberBlockRow).where(NumberBlockRow.bureau_code == bureau_code)
    if year is not None:
        stmt = stmt.where(NumberBlockRow.year == year)
    if series is not None:
        stmt = stmt.where(NumberBlockRow.series == series)
    stmt = stmt.order_by(NumberBlockRow.year, NumberBlockRow.series, NumberBlockRow.first)
    return [_block(r) for r in session.scalars(stmt)]


def release_block(session: Session, block_uuid: str, now: datetime) -> tuple[int, int] | None:
    """Close a block. Its unissued rest (returned, shown so in the register) is given back as
    (first, last) for the central service to hand out again; None when nothing was left or the
    block was already closed."""
    row = session.get(NumberBlockRow, block_uuid, with_for_update=True, populate_existing=True)
    if row is None:
        raise NotFound("number block {uuid} does not exist", rule="number_block.exists", uuid=block_uuid)
    if row.state == "closed":
        return None
    row.state = "closed"
    row.closed_at = _local(now)
    session.flush()
    return (row.next, row.last) if row.next <= row.last else None


# ---- issuing ----------------------------------------------------------------------------------------------------
def issue(session: Session, *, bureau_code: str, series: str, year: int, workstation: str,
          fmt: Callable[[int], str], document_uuid: str | None, case_uuid: str | None, actor_name: str,
          now: datetime) -> IssuedNumber:
    """Issue the next number of ``series`` and ``year`` from the lowest active block the workstation
    holds (its own or "*"), record it in the register and advance the block (closed when used up).
    ``fmt`` turns the sequence number into the 文号 text."""
    # Every candidate block is locked (not just the first with LIMIT 1): after waiting for another
    # writer PostgreSQL re-checks the rows and drops a block that writer has just used up.
    stmt = (select(NumberBlockRow)
            .where(NumberBlockRow.bureau_code == bureau_code, NumberBlockRow.series == series,
                   NumberBlockRow.year == year, NumberBlockRow.state == "active",
                   NumberBlockRow.next <= NumberBlockRow.last,
                   NumberBlockRow.workstation.in_((workstation, ANY_WORKSTATION)))
            .order_by(NumberBlockRow.first).with_for_update().execution_options(populate_existing=True))
    row = next((r for r in session.scalars(stmt) if r.state == "active" and r.next <= r.last), None)
    if row is None:
        raise NumberBlockExhausted(series=series, year=year, workstation=workstation)
    seq = row.next
    number = fmt(seq)
    if session.get(IssuedNumberRow, (bureau_code, series, year, seq)) is not None:
        raise NumberAlreadyIssued(text=number, workstation=row.workstation, first=row.first, last=row.last)
    issued = IssuedNumberRow(bureau_code=bureau_code, series=series, year=year, seq=seq, text=number, state="used",
                             document_uuid=document_uuid, case_uuid=case_uuid, block_uuid=row.uuid,
                             workstation=workstation, at=_local(now), actor_name=actor_name, void_reason="",
                             voided_at=None, voided_by="")
    session.add(issued)
    row.next = seq + 1
    if row.next > row.last:
        row.state = "closed"
        row.closed_at = _local(now)
    try:
        session.flush()
    except IntegrityError as exc:  # another database session issued it between our check and insert
        raise NumberAlreadyIssued(text=number, workstation=row.workstation, first=row.first,
                                  last=row.last) from exc
    return _issued(issued)


def issued_number(session: Session, *, bureau_code: str, series: str, year: int, seq: int) -> IssuedNumber:
    row = session.get(IssuedNumberRow, (bureau_code, series, year, seq))
    if row is None:
        raise NotFound("文号 number {seq} of series {series} {year} has not been issued", rule="number.exists",
                       series=series, year=year, seq=seq)
    return _issued(row)


def issued_for_document(session: Session, document_uuid: str) -> list[IssuedNumber]:
    """Every number issued for a document (a void one and its replacement too), oldest first."""
    stmt = (select(IssuedNumberRow).where(IssuedNumberRow.document_uuid == document_uuid)
            .order_by(IssuedNumberRow.at, IssuedNumberRow.series, IssuedNumberRow.seq))
    return [_issued(r) for r in session.scalars(stmt)]


def void(session: Session, *, bureau_code: str, series: str, year: int, seq: int, reason: str,
         actor_name: str, now: datetime) -> IssuedNumber:
    """Mark an issued number void (it stays in the register and is never issued again)."""
    if not isinstance(reason, str) or not reason.strip():
        raise ValidationError("{field}: give the reason the 文号 is voided", field="void_reason",
                              rule="number.void_reason")
    row = session.get(IssuedNumberRow, (bureau_code, series, year, seq), with_for_update=True,
                      populate_existing=True)
    if row is None:
        raise NotFound("文号 number {seq} of series {series} {year} has not been issued", rule="number.exists",
                       series=series, year=year, seq=seq)
    if row.state == "void":
        raise ValidationError("文号 {text} is already void ({reason})", field="void_reason", rule="number.void",
                              text=row.text, reason=row.void_reason)
    row.state = "void"
    row.void_reason = reason.strip()
    row.voided_at = _local(now)
    row.voided_by = actor_name
    session.flush()
    return _issued(row)


# ---- the register -----------------------------------------------------------------------------------------------
def register(session: Session, bureau_code: str, year: int) -> list[RegisterLine]:
    """The 文号登记簿 of a year: every number of every block (and any number issued outside one) is
    exactly one of used / void / unissued / returned; by series, then number. Runs of unissued or
    returned numbers of one workstation collapse into one line. A returned run that a later block
    hands out again is shown by that block."""
    block_rows = session.scalars(select(NumberBlockRow).where(
        NumberBlockRow.bureau_code == bureau_code, NumberBlockRow.year == year)
        .order_by(NumberBlockRow.series, NumberBlockRow.first)).all()
    issued_rows = session.scalars(select(IssuedNumberRow).where(
        IssuedNumberRow.bureau_code == bureau_code, IssuedNumberRow.year == year)
        .order_by(IssuedNumberRow.series, IssuedNumberRow.seq)).all()
    by_series_blocks = {s: list(rows) for s, rows in groupby(block_rows, key=lambda r: r.series)}
    by_series_issued = {s: list(rows) for s, rows in groupby(issued_rows, key=lambda r: r.series)}
    lines: list[RegisterLine] = []
    for series in sorted(set(by_series_blocks) | set(by_series_issued)):
        lines.extend(_series_lines(series, year, by_series_blocks.get(series, []),
                                   by_series_issued.get(series, [])))
    return lines


def _series_lines(series: str, year: int, block_rows: Iterable[NumberBlockRow],
                  issued_rows: Iterable[IssuedNumberRow]) -> list[RegisterLine]:
    # Ranges not yet issued: (first, last, state, priority, block); an active block outranks the
    # returned rest of a released one it overlaps.
    claims = [(b.next, b.last, "unissued" if b.state == "active" else "returned", 2 if b.state == "active" else 1, b)
              for b in block_rows if b.next <= b.last]
    issued = {r.seq: r for r in issued_rows}
    bounds = sorted({c[0] for c in claims} | {c[1] + 1 for c in claims} | set(issued) | {s + 1 for s in issued})
    lines: list[RegisterLine] = []
    for lo, upper in pairwise(bounds):
        hi = upper - 1
        row = issued.get(lo)
        if row is not None:  # an issued number is its own line (lo == hi: seq + 1 is a bound)
            lines.append(RegisterLine(series=series, year=year, first=lo, last=lo, state=row.state, text=row.text,
                                      document_uuid=row.document_uuid, case_uuid=row.case_uuid,
                                      at=_aware(row.at), actor_name=row.actor_name, reason=row.void_reason,
                                      workstation=row.workstation))
            continue
        covering = [c for c in claims if c[0] <= lo and hi <= c[1]]
        if not covering:
            continue
        _, _, state, _, block = max(covering, key=lambda c: (c[3], c[4].first))
        at = _aware(block.closed_at) if state == "returned" else None
        prev = lines[-1] if lines else None
        if (prev is not None and prev.state == state and prev.workstation == block.workstation
                and prev.last + 1 == lo):
            lines[-1] = RegisterLine(series=series, year=year, first=prev.first, last=hi, state=prev.state,
                                     text="", document_uuid=None, case_uuid=None, at=prev.at, actor_name="",
                                     reason="", workstation=prev.workstation)
        else:
            lines.append(RegisterLine(series=series, year=year, first=lo, last=hi, state=state,  # type: ignore[arg-type]
                                      text="", document_uuid=None, case_uuid=None, at=at, actor_name="",
                                      reason="", workstation=block.workstation))
    return lines
