"""The hash-chained audit log: what ``zhifa audit verify`` finds when someone edits the database by hand."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import pairwise

import pytest
from sqlalchemy import event, select, text

from app.services.clock import SHANGHAI
from app.store import audit
from app.store.audit import GENESIS, NewEntry, entry_hash
from app.store.tables import AuditHeadRow, AuditRow, MatterRow
from tests.fakes.leads import lead

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)
COLUMNS = ("uuid", "at", "actor_id", "actor_name", "role", "action", "entity", "entity_id", "before", "after",
           "reason", "prev_hash", "hash")


def entry(i: int, entity_id: str = "case-1", **changes) -> NewEntry:
    values = dict(actor_id="u-li", actor_name="李明", role="officer", action=f"step-{i}", entity="case",
                  entity_id=entity_id, before={"stage": f"s{i}"}, after={"stage": f"s{i + 1}", "罚款": i * 100},
                  at=T0 + timedelta(minutes=i), reason=f"第{i}步")
    values.update(changes)
    return NewEntry(**values)


def append(db, entries) -> None:
    with db.write() as s:
        audit.append(s, list(entries))


def verify(db) -> audit.ChainReport:
    with db.read() as s:
        return audit.verify(s)


def execute(db, statement: str, **params) -> None:
    """Raw SQL, as someone with a database tool would do it."""
    with db.engine.begin() as conn:
        conn.execute(text(statement), params)


def row(db, seq: int) -> dict:
    with db.engine.connect() as conn:
        return dict(conn.execute(text("SELECT * FROM audit_log WHERE seq = :seq"), {"seq": seq}).mappings().one())


def overwrite(db, seq: int, values: dict) -> None:
    sets = ", ".join(f'"{k}" = :{k}' for k in values)
    execute(db, f"UPDATE audit_log SET {sets} WHERE seq = :seq_", seq_=seq, **values)


def rehash(values: dict) -> str:
    return entry_hash({k: values[k] for k in ("seq", *COLUMNS[:-1])})


@pytest.fixture
def chain(database):
    """Five entries, seq 1..5."""
    append(database, [entry(i) for i in range(1, 4)])
    append(database, [entry(4), entry(5, entity_id="case-2")])
    return database


# ---- appending --------------------------------------------------------------------------------------------------
def test_appended_entries_get_gapless_sequence_numbers_and_link_to_their_predecessor(chain):
    with chain.read() as s:
        rows = s.scalars(select(AuditRow).order_by(AuditRow.seq)).all()
        head = s.get(AuditHeadRow, 1)
    assert [r.seq for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0].prev_hash == GENESIS
    assert all(later.prev_hash == earlier.hash for earlier, later in pairwise(rows))
    assert (head.seq, head.hash) == (5, rows[-1].hash)


def test_an_entry_hash_covers_its_content_sequence_and_link(chain):
    r = row(chain, 3)
    assert rehash(r) == r["hash"]
    for name, other in (("seq", 4), ("reason", "x"), ("prev_hash", GENESIS), ("before", "{}")):
        assert rehash({**r, name: other}) != r["hash"], name


def test_history_reads_one_entitys_entries_back_in_order_with_their_json(chain):
    with chain.read() as s:
        history = audit.history(s, "case-1")
    assert [e.seq for e in history] == [1, 2, 3, 4]
    assert history[1].after == {"stage": "s3", "罚款": 200} and history[1].reason == "第2步"
    assert history[1].at == T0 + timedelta(minutes=2)


def test_appending_nothing_writes_nothing(database):
    append(database, [])
    with database.read() as s:
        assert s.get(AuditHeadRow, 1) is None
    assert verify(database) == audit.ChainReport(True, 0)


def test_entries_of_a_rolled_back_transaction_leave_no_trace(chain):
    with pytest.raises(RuntimeError), chain.write() as s:
        audit.append(s, [entry(6)])
        raise RuntimeError("the case write failed")
    report = verify(chain)
    assert report.ok and report.entries == 5


# ---- verifying --------------------------------------------------------------------------------------------------
def test_an_empty_chain_verifies(database):
    assert verify(database) == audit.ChainReport(True, 0)


def test_an_untouched_chain_verifies(chain):
    assert verify(chain) == audit.ChainReport(True, 5)


def test_the_audit_service_verifies_the_chain_the_case_services_write(world, rng):
    case = world.services.cases.open_case_from_lead(world.officer, lead(world, rng))
    world.services.cases.advance(world.officer, case.uuid, "submit_filing", expected_version=case.version)
    report = world.services.audit.verify()
    assert report.ok and report.entries >= 2


@pytest.mark.parametrize("column, value", [("reason", "已改"), ("before", '{"stage":"s0"}'), ("after", "{}"),
                                           ("actor_name", "王芳"), ("at", "2026-03-01T10:00:00+08:00"),
                                           ("entity_id", "case-9")])
def test_editing_any_field_of_a_past_entry_is_detected_at_that_entry(chain, column, value):
    overwrite(chain, 3, {column: value})
    report = verify(chain)
    assert not report.ok
    assert report.first_broken_seq == 3 and report.entries == 2
    assert "altered" in report.problem


def test_deleting_a_middle_entry_is_detected_at_the_missing_entry(chain):
    execute(chain, "DELETE FROM audit_log WHERE seq = 3")
    report = verify(chain)
    assert not report.ok and report.first_broken_seq == 3 and "missing" in report.problem


def test_deleting_the_first_entry_is_detected(chain):
    execute(chain, "DELETE FROM audit_log WHERE seq = 1")
    report = verify(chain)
    assert not report.ok and report.first_broken_seq == 1


def test_cutting_off_the_tail_is_detected_through_the_chain_head(chain):
    execute(chain, "DELETE FROM audit_log WHERE seq = 5")
    report = verify(chain)
    assert not report.ok and report.first_broken_seq == 5 and report.entries == 4
    execute(chain, "DELETE FROM audit_log WHERE seq >= 3")
    assert verify(chain).first_broken_seq == 3


def test_swapping_two_entries_contents_keeping_their_sequence_numbers_is_detected(chain):
    second, fourth = row(chain, 2), row(chain, 4)
    overwrite(chain, 4, {"uuid": "swap"})  # uuid is unique
    overwrite(chain, 2, {k: fourth[k] for k in COLUMNS})
    overwrite(chain, 4, {k: second[k] for k in COLUMNS})
    report = verify(chain)
    assert not report.ok and report.first_broken_seq == 2


def test_swapping_only_the_payloads_of_two_entries_is_detected(chain):
    second, fourth = row(chain, 2), row(chain, 4)
    payload = ("action", "before", "after", "reason", "at")
    overwrite(chain, 2, {k: fourth[k] for k in payload})
    overwrite(chain, 4, {k: second[k] for k in payload})
    report = verify(chain)
    assert not report.ok and report.first_broken_seq == 2


def test_a_forged_entry_with_a_recomputed_hash_but_a_wrong_link_is_detected_at_that_entry(chain):
    forged = {**row(chain, 3), "reason": "伪造", "prev_hash": "f" * 64}
    forged["hash"] = rehash(forged)
    overwrite(chain, 3, {k: forged[k] for k in COLUMNS})
    report = verify(chain)
    assert not report.ok and report.first_broken_seq == 3 and "link" in report.problem


def test_an_edit_with_a_recomputed_hash_breaks_the_next_entrys_link(chain):
    """The edited entry is self-consistent; the chain breaks where the next entry points back at it."""
    edited = {**row(chain, 3), "reason": "改过"}
    edited["hash"] = rehash(edited)
    overwrite(chain, 3, {"reason": edited["reason"], "hash": edited["hash"]})
    report = verify(chain)
    assert not report.ok and report.first_broken_seq == 4 and report.entries == 3


def test_an_edit_of_the_last_entry_with_a_recomputed_hash_is_detected_through_the_chain_head(chain):
    edited = {**row(chain, 5), "after": '{"stage":"closed"}'}
    edited["hash"] = rehash(edited)
    overwrite(chain, 5, {"after": edited["after"], "hash": edited["hash"]})
    report = verify(chain)
    assert not report.ok and report.first_broken_seq == 5 and "head" in report.problem


def test_an_entry_slipped_in_after_the_head_is_detected_at_that_entry(chain):
    last = row(chain, 5)
    extra = {**last, "seq": 6, "uuid": "extra", "reason": "补录", "prev_hash": last["hash"]}
    extra["hash"] = rehash(extra)
    cols = ("seq", *COLUMNS)
    execute(chain, f"INSERT INTO audit_log ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)})",
            **{c: extra[c] for c in cols})
    report = verify(chain)
    assert not report.ok and report.first_broken_seq == 6 and report.entries == 5


def test_a_deleted_chain_head_is_detected(chain):
    execute(chain, "DELETE FROM audit_head")
    report = verify(chain)
    assert not report.ok and report.first_broken_seq == 1 and "head" in report.problem


def test_verifying_leaves_the_callers_own_objects_in_its_session(database):
    with database.write() as s:
        matter = MatterRow(code="X-1", name="测试事项", kind="penalty", tiers=[])
        s.add(matter)
        s.flush()
        audit.append(s, [entry(1)])
        assert audit.verify(s).ok
        assert matter in s
        matter.name = "改名"
    with database.read() as s:
        assert s.get(MatterRow, "X-1").name == "改名"


@pytest.mark.slow
def test_verifying_twenty_thousand_entries_walks_them_in_batches(database):
    append(database, [entry(i, entity_id=f"case-{i % 97}") for i in range(1, 20_001)])
    statements: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        if "FROM audit_log" in statement and "ORDER BY" in statement:
            statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        with database.read() as s:
            report = audit.verify(s)
            held = len(s.identity_map)
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    assert report == audit.ChainReport(True, 20_000)
    assert len(statements) >= 4  # 5000 a batch
    assert held <= 5000
