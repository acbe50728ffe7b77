"""Documents of a case and their versions in the store: several documents of one code per case,
versions numbered 1..n, every change counted, and a frozen document fixed for good."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.domain.errors import NotFound, ValidationError
from app.store.document_repository import DocumentFrozen, DocumentRecord, DocumentRepository, VersionRecord
from app.store.tables import CaseRow, DocumentRow, DocumentVersionRow, MatterRow

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)
SHA = "a" * 64


def add_case(s, uuid: str = "c-1") -> None:
    if s.get(MatterRow, "SJ-CF-001") is None:
        s.add(MatterRow(code="SJ-CF-001", name="对销售不符合食品安全标准的食品的处罚", kind="penalty", tiers=[]))
        s.flush()
    s.add(CaseRow(uuid=uuid, number=f"江海市监立〔2026〕{len(uuid)}号", bureau_code="JHSJJ", kind="penalty_ordinary",
                  stage="investigating", matter_code="SJ-CF-001", cause="销售过期食品", source="群众举报",
                  act_date=date(2026, 1, 3), place="江门市江海区外海街道金瓯路18号", events={}, created_at=NOW,
                  updated_at=NOW))
    s.flush()


@pytest.fixture
def case(database) -> str:
    with database.write() as s:
        add_case(s)
    return "c-1"


def version(repo: DocumentRepository, uuid: str, *, sha: str = SHA, origin: str = "generated",
            now: datetime = NOW) -> VersionRecord:
    return repo.add_version(uuid, sha256=sha, size=12_345, origin=origin, file=f"ab/{sha}.docx", actor_id="u-li",
                            actor_name="李明", now=now)


def test_a_document_round_trips(database, case):
    with database.write() as s:
        doc = DocumentRepository(s).add(case, "XZCFGZS", "", NOW)
    assert isinstance(doc, DocumentRecord)
    assert (doc.case_uuid, doc.code, doc.number, doc.state, doc.frozen_reason, doc.current_version) == (
        case, "XZCFGZS", "", "open", "", 0)
    assert len(doc.uuid) == 36 and doc.change_counter == 1 and doc.created_at == doc.updated_at == NOW
    assert not doc.frozen
    with database.read() as s:
        assert DocumentRepository(s).get(doc.uuid) == doc
        assert DocumentRepository(s).versions(doc.uuid) == []


def test_a_case_may_hold_several_documents_of_one_code_listed_oldest_first(database, case):
    with database.write() as s:
        add_case(s, "c-2")
        repo = DocumentRepository(s)
        first = repo.add(case, "XWBL", "", NOW)
        second = repo.add(case, "XWBL", "", NOW + timedelta(hours=1))
        decision = repo.add(case, "XZCFJDS", "江海市监罚〔2026〕1号", NOW + timedelta(hours=2))
        other = repo.add("c-2", "XWBL", "", NOW)
    with database.read() as s:
        repo = DocumentRepository(s)
        assert [d.uuid for d in repo.list_for_case(case)] == [first.uuid, second.uuid, decision.uuid]
        assert repo.list_for_case(case)[2].number == "江海市监罚〔2026〕1号"
        assert [d.uuid for d in repo.list_for_case("c-2")] == [other.uuid]
        assert repo.list_for_case("c-none") == []


def test_versions_count_up_from_one_and_each_bumps_the_document(database, case):
    with database.write() as s:
        doc = DocumentRepository(s).add(case, "XZCFGZS", "", NOW)
    for i in range(1, 4):
        with database.write() as s:
            made = version(DocumentRepository(s), doc.uuid, sha=f"{i:x}" * 64, origin="edited" if i > 1 else "generated",
                           now=NOW + timedelta(minutes=i))
        assert made.version == i and made.created_at == NOW + timedelta(minutes=i)
    with database.read() as s:
        repo = DocumentRepository(s)
        now = repo.get(doc.uuid)
        assert (now.current_version, now.change_counter, now.updated_at) == (3, 4, NOW + timedelta(minutes=3))
        versions = repo.versions(doc.uuid)
    assert [v.version for v in versions] == [1, 2, 3]
    assert [v.origin for v in versions] == ["generated", "edited", "edited"]
    assert versions[0] == VersionRecord(doc.uuid, 1, "1" * 64, 12_345, "generated", f"ab/{'1' * 64}.docx", "u-li",
                                        "李明", NOW + timedelta(minutes=1))


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"sha256": "A" * 64}, "document.sha256"), ({"sha256": "a" * 63}, "document.sha256"),
    ({"size": -1}, "document.size"), ({"origin": "scanned"}, "document.origin"), ({"file": ""}, "document.file")])
def test_a_version_with_a_bad_hash_size_origin_or_file_is_refused(database, case, kwargs, field):
    with database.write() as s:
        doc = DocumentRepository(s).add(case, "XZCFGZS", "", NOW)
    values = {"sha256": SHA, "size": 10, "origin": "generated", "file": "ab/x.docx", **kwargs}
    with pytest.raises(ValidationError) as caught, database.write() as s:
        DocumentRepository(s).add_version(doc.uuid, actor_id="u-li", actor_name="李明", now=NOW, **values)
    assert caught.value.field == field
    assert caught.value.message != caught.value.english
    with database.read() as s:
        assert DocumentRepository(s).get(doc.uuid).current_version == 0


def test_a_frozen_document_takes_no_new_version_and_keeps_its_number(database, case):
    with database.write() as s:
        repo = DocumentRepository(s)
        doc = repo.add(case, "XZCFJDS", "", NOW)
        version(repo, doc.uuid)
        numbered = repo.set_number(doc.uuid, "江海市监罚〔2026〕12号", NOW + timedelta(minutes=1))
        assert (numbered.number, numbered.change_counter) == ("江海市监罚〔2026〕12号", 3)
        frozen = repo.freeze(doc.uuid, "served", NOW + timedelta(days=1))
    assert (frozen.state, frozen.frozen_reason, frozen.frozen, frozen.change_counter) == ("frozen", "served", True, 4)
    assert frozen.updated_at == NOW + timedelta(days=1)
    with pytest.raises(DocumentFrozen) as caught, database.write() as s:
        version(DocumentRepository(s), doc.uuid, sha="b" * 64)
    assert "江海市监罚〔2026〕12号" in caught.value.english and "已定稿" in caught.value.message
    with pytest.raises(DocumentFrozen), database.write() as s:
        DocumentRepository(s).set_number(doc.uuid, "江海市监罚〔2026〕13号", NOW)
    with database.write() as s:
        repo = DocumentRepository(s)
        assert repo.set_number(doc.uuid, "江海市监罚〔2026〕12号", NOW).change_counter == 4  # unchanged: allowed
        again = repo.freeze(doc.uuid, "signed", NOW + timedelta(days=2))
        assert (again.frozen_reason, again.change_counter) == ("served", 4)  # the first reason stays
        assert [v.version for v in repo.versions(doc.uuid)] == [1]


def test_freezing_needs_a_reason(database, case):
    with database.write() as s:
        doc = DocumentRepository(s).add(case, "XZCFJDS", "", NOW)
    with pytest.raises(ValidationError) as caught, database.write() as s:
        DocumentRepository(s).freeze(doc.uuid, " ", NOW)
    assert caught.value.field == "document.frozen_reason"


def test_unknown_documents_and_cases_are_not_found(database, case):
    with database.write() as s:
        repo = DocumentRepository(s)
        for call in (lambda: repo.get("d-none"), lambda: repo.versions("d-none"),
                     lambda: version(repo, "d-none"), lambda: repo.freeze("d-none", "served", NOW),
                     lambda: repo.set_number("d-none", "x", NOW)):
            with pytest.raises(NotFound) as caught:
                call()
            assert "d-none" in caught.value.message and "不存在" in caught.value.message
        with pytest.raises(NotFound):
            repo.add("c-none", "XWBL", "", NOW)
        with pytest.raises(ValidationError):
            repo.add(case, " ", "", NOW)


def test_a_tombstoned_document_is_gone_from_the_case(database, case):
    with database.write() as s:
        doc = DocumentRepository(s).add(case, "XWBL", "", NOW)
        s.scalars(select(DocumentRow).where(DocumentRow.uuid == doc.uuid)).one().deleted = True
    with database.read() as s:
        assert DocumentRepository(s).list_for_case(case) == []
        with pytest.raises(NotFound):
            DocumentRepository(s).get(doc.uuid)


def test_the_store_refuses_a_second_version_with_the_same_number(database, case):
    with database.write() as s:
        doc = DocumentRepository(s).add(case, "XWBL", "", NOW)
        version(DocumentRepository(s), doc.uuid)
    with pytest.raises(IntegrityError), database.write() as s:
        s.add(DocumentVersionRow(document_uuid=doc.uuid, version=1, sha256=SHA, size=1, origin="generated",
                                 file="x", actor_id="u", actor_name="x", created_at=NOW))
        s.flush()
