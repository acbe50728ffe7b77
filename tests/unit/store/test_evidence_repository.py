"""The evidence tables through their repositories, on SQLite and (marked postgres) on PostgreSQL:
the import journal, items by content, links with their history, proposal reads, device definitions,
and migration 0008 up and down."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from app.domain.errors import NotFound
from app.domain.evidence import DeviceDefinition, DeviceInfo, FileOutcome, ImportState, MediaKind
from app.domain.i18n import set_language
from app.domain.officers import Actor, Role
from app.services.clock import SHANGHAI
from app.store.database import alembic_config, current_revision, migrate, open_database
from app.store.evidence_journal import ImportJournal, ListedFile, message
from app.store.evidence_repository import EvidenceRepository, NewItem
from tests.conftest import make_world
from tests.fakes.leads import lead

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)
ACTOR = Actor("u-li", "李明", Role.OFFICER)
EVIDENCE_TABLES = {"evidence_imports", "evidence_import_files", "evidence_items", "evidence_links",
                   "device_definitions"}


@pytest.fixture(autouse=True)
def evidence_messages(monkeypatch):
    """Chinese texts of this area, until the lead merges MESSAGES_ZH_EVIDENCE into MESSAGES_ZH."""
    from app.domain.messages_zh import MESSAGES_ZH
    from app.domain.messages_zh_evidence import MESSAGES_ZH_EVIDENCE

    for key, text in MESSAGES_ZH_EVIDENCE.items():
        if key not in MESSAGES_ZH:
            monkeypatch.setitem(MESSAGES_ZH, key, text)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, database):
    if request.param == "sqlite":
        yield database
        return
    pg = open_database(request.getfixturevalue("postgres_url"))
    yield pg
    pg.dispose()


@pytest.fixture
def world(db, clock):
    return make_world(db, clock)


def journal_with_files(db, uuid="imp-1", serial="JH0012") -> None:
    with db.write() as s:
        j = ImportJournal(s)
        j.create(uuid=uuid, source="usb 2b7e:a001", label="执法记录仪", volume="/media/cam", driver="ga947",
                 info=DeviceInfo(serial=serial, officer_no="440704200000", clock_offset_s=-12.5, model="DSJ-A8",
                                 device_time=NOW), actor=ACTOR, workstation="WS-01", now=NOW,
                 warnings=[message("the file time {time} lies in the future", time="x")])
        j.add_files(uuid, [ListedFile(b"DCIM/caf\xe9.mp4", "DCIM/caf\\xe9.mp4", 100, {"kind": "video"}),
                           ListedFile("DCIM/现场.jpg".encode(), "DCIM/现场.jpg", 20, {"kind": "image"}),
                           ListedFile(b"x.mp4", "x.mp4", 5, {})])


def new_item(sha: str, import_uuid: str = "imp-1", **kw) -> NewItem:  # type: ignore[no-untyped-def]
    base = dict(sha256=sha, size=100, kind=MediaKind.VIDEO, name="caf\\xe9.mp4", original_path="DCIM/caf\\xe9.mp4",
                stored_path=f"{sha[:2]}/{sha}.mp4", device_serial="JH0012", driver="ga947",
                officer_no="440704200000", recorded_at=NOW - timedelta(hours=1),
                recorded_at_corrected=NOW - timedelta(hours=1, seconds=-12), modified_at=NOW, import_uuid=import_uuid,
                important=True, meta={"gps": [22.5, 113.1], "results": [], "warnings": [], "sequence": 7})
    return NewItem(**{**base, **kw})


def test_the_journal_keeps_the_listed_files_with_their_exact_names_and_counts_outcomes(world, db):
    journal_with_files(db)
    with db.read() as s:
        j = ImportJournal(s)
        rec = j.get("imp-1")
        todo = j.to_copy("imp-1")
        head = j.head("imp-1")
    assert (rec.state, rec.files, rec.bytes, rec.pending, rec.clock_offset_s) == (ImportState.PLANNED, 3, 125, 3, -12.5)
    assert [f.raw_path for f in todo] == [b"DCIM/caf\xe9.mp4", "DCIM/现场.jpg".encode(), b"x.mp4"]
    assert head.device["model"] == "DSJ-A8" and head.warnings[0]["params"] == {"time": "x"}
    with db.write() as s:
        j = ImportJournal(s)
        j.set_outcome("imp-1", 0, FileOutcome.COPIED, NOW, None, "a" * 64, "item-1")
        j.set_outcome("imp-1", 1, FileOutcome.FAILED, NOW, message("{path} is an empty file", path="DCIM/现场.jpg"))
        j.set_outcome("imp-1", 2, FileOutcome.REFUSED, NOW, message("{path} is an empty file", path="x.mp4"))
        j.set_state("imp-1", ImportState.STOPPED, NOW, message("the import was cancelled by {name}", name="李明"))
    with db.read() as s:
        j = ImportJournal(s)
        rec, files = j.get("imp-1"), j.files("imp-1")
        assert [f.position for f in j.to_copy("imp-1")] == [1]  # failed ones are tried again
        assert j.known_files("JH0012") == {("DCIM/caf\\xe9.mp4", 100)} and j.known_files("other") == set()
        assert [r.uuid for r in j.unfinished()] == ["imp-1"] and [r.uuid for r in j.recent()] == ["imp-1"]
    assert (rec.copied, rec.failed, rec.refused, rec.pending, rec.state) == (1, 1, 1, 0, ImportState.STOPPED)
    assert rec.stop_reason == "导入已被李明取消"
    set_language("en")
    with db.read() as s:
        assert ImportJournal(s).files("imp-1")[2].message == "x.mp4 is an empty file"
    assert files[0].sha256 == "a" * 64 and files[0].item_uuid == "item-1" and files[0].message == ""
    with db.read() as s, pytest.raises(NotFound):
        ImportJournal(s).get("nope")


def test_one_item_per_content_with_what_the_device_said(world, db):
    journal_with_files(db)
    with db.write() as s:
        item = EvidenceRepository(s).add(new_item("ab" * 32), actor_id="u-li", actor_name="李明", workstation="WS-01",
                                         now=NOW)
    with db.read() as s:
        repo = EvidenceRepository(s)
        got, seen = repo.get(item.uuid), repo.seen("ab" * 32)
        assert repo.seen("cd" * 32) is None and repo.seen_uuid(item.uuid) and not repo.seen_uuid("x")
    assert got == item and got.recorded_at == NOW - timedelta(hours=1) and got.gps == (22.5, 113.1)
    assert (seen.uuid, seen.imported_at, seen.import_uuid) == (item.uuid, NOW, "imp-1")
    with pytest.raises(IntegrityError), db.write() as s:
        EvidenceRepository(s).add(new_item("ab" * 32), actor_id="u-li", actor_name="李明", workstation="WS-01", now=NOW)


def test_links_keep_their_history_and_the_queue_counts_what_is_unlinked(world, db, rng):
    journal_with_files(db)
    case = world.services.cases.open_case_from_lead(world.officer, lead(world, rng))
    with db.write() as s:
        repo = EvidenceRepository(s)
        a = repo.add(new_item("ab" * 32), actor_id="u", actor_name="李明", workstation="W", now=NOW - timedelta(days=9))
        b = repo.add(new_item("cd" * 32), actor_id="u", actor_name="李明", workstation="W", now=NOW)
        assert repo.link(a.uuid, case.uuid, "confirmed", "u", "李明", NOW)
        assert not repo.link(a.uuid, case.uuid, "picked", "u", "李明", NOW)
        with pytest.raises(NotFound):
            repo.link(a.uuid, "no-case", "picked", "u", "李明", NOW)
    with db.read() as s:
        repo = EvidenceRepository(s)
        assert [i.uuid for i in repo.case_items(case.uuid)] == [a.uuid]
        assert [i.uuid for i in repo.unlinked()] == [b.uuid] and repo.count_unlinked() == 1
        assert repo.count_unlinked(imported_before=NOW - timedelta(days=7)) == 0
    with db.write() as s:
        repo = EvidenceRepository(s)
        assert repo.unlink(a.uuid, case.uuid, "李明", "误关联", NOW)
        assert not repo.unlink(a.uuid, case.uuid, "李明", "again", NOW)
        assert repo.link(a.uuid, case.uuid, "picked", "u", "李明", NOW)  # linked again: a new row
    with db.read() as s:
        repo = EvidenceRepository(s)
        assert repo.ever_linked(case.uuid) == [a.uuid] and repo.linked_cases([a.uuid]) == {a.uuid: (case.uuid,)}
        assert repo.count_unlinked(imported_before=NOW - timedelta(days=7)) == 0
        assert repo.case_number(case.uuid) == case.number


def test_what_proposals_read_of_cases_and_officers(world, db, rng):
    case = world.services.cases.open_case_from_lead(world.officer, lead(world, rng))
    with db.read() as s:
        repo = EvidenceRepository(s)
        assert {c for _, c, _ in repo.officers()} == {"440704200000", "440704200001", "440704200002"}
        [window] = repo.cases_of_officers([world.officers[0].uuid])
        assert (window.uuid, window.officer_uuids) == (case.uuid, case.officer_uuids)
        assert window.created_at == NOW and window.events["registered"] == "2026-03-02"
        assert [c.uuid for c in repo.cases_registered_between(NOW - timedelta(days=1), NOW)] == [case.uuid]
        assert repo.cases_registered_between(NOW + timedelta(days=1), NOW + timedelta(days=2)) == []
        assert repo.cases_of_officers([world.officers[2].uuid]) == []
        assert [a for _, a in repo.case_moments([case.uuid])[case.uuid]] == ["register"]


def test_device_definitions_are_saved_updated_and_deleted(world, db):
    d = DeviceDefinition(uuid="", name="录音笔", vendor_id=0x1234, product_id=None, pattern="{seq}.wav",
                         kind=MediaKind.AUDIO)
    with db.write() as s:
        saved, before = EvidenceRepository(s).save_definition(d, NOW)
        again, before2 = EvidenceRepository(s).save_definition(
            DeviceDefinition(saved.uuid, "录音笔 2", 0x1234, 7, "{seq}.wav"), NOW)
    assert before == {} and before2["name"] == "录音笔" and again.kind is MediaKind.OTHER
    with db.write() as s:
        repo = EvidenceRepository(s)
        assert repo.definitions() == [again]
        repo.delete_definition(saved.uuid, NOW)
        assert repo.definitions() == []
        with pytest.raises(NotFound):
            repo.delete_definition(saved.uuid, NOW)


def test_migration_0008_goes_down_and_up_again(tmp_path):
    db = open_database(tmp_path / "m.sqlite3")
    try:
        command.downgrade(alembic_config(db.engine), "0007")
        assert current_revision(db.engine) == "0007"
        assert not EVIDENCE_TABLES & set(inspect(db.engine).get_table_names())
        migrate(db.engine)
        assert set(inspect(db.engine).get_table_names()) >= EVIDENCE_TABLES
    finally:
        db.dispose()


def test_random_bytes_of_a_name_survive_the_journal(db, world):
    raw = bytes(random.Random(3).randrange(1, 256) for _ in range(60)).replace(b"/", b"_")
    with db.write() as s:
        j = ImportJournal(s)
        j.create(uuid="imp-2", source="s", label="l", volume="/v", driver="d", info=DeviceInfo(serial=""),
                 actor=ACTOR, workstation="W", now=NOW)
        j.add_files("imp-2", [ListedFile(raw, "printable", 1, {})])
    with db.read() as s:
        assert ImportJournal(s).to_copy("imp-2")[0].raw_path == raw


def test_an_import_linked_and_resumed_through_the_service_on_either_database(world, db, rng, tmp_path, clock):
    from app.devices.folder import FolderDriver
    from app.services.evidence import EvidenceService, ImportSource

    volume = tmp_path / "vol"
    (volume / "DCIM").mkdir(parents=True)
    for i in range(4):
        (volume / "DCIM" / f"现场{i}.mp4").write_bytes(bytes([i]) * (1000 + i))
    (volume / "DCIM" / "again.mp4").write_bytes(bytes([0]) * 1000)
    evidence = EvidenceService(db, clock, world.services.cases, world.services.officers, tmp_path / "evidence", "WS")
    src = ImportSource(volume, FolderDriver(), DeviceInfo(serial="JH0012", officer_no="440704200000"), "cam")
    record = evidence.run(evidence.plan(src, world.officer).uuid, world.officer)
    assert (record.copied, record.duplicates, record.state) == (4, 1, ImportState.DONE)
    case = world.services.cases.open_case_from_lead(world.officer, lead(world, rng))
    queue = evidence.triage()
    assert len(queue) == 4 and all(t.proposals[0].case_uuid == case.uuid for t in queue)
    assert evidence.link([t.item.uuid for t in queue], case.uuid, world.officer) == 4
    assert len(evidence.case_items(case.uuid)) == 4 and evidence.flagged_count() == 0
    assert len(evidence.custody(case.uuid)) == 8
    assert world.services.audit.verify().ok
