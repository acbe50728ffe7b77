"""Generating 执法文书 from a case: versions with SHA-256, 文号 once approved, edits made in Word kept as
new versions, frozen documents, missing fields, resumable generation, bureau templates."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from io import BytesIO

import docx
import pytest

from app.domain.cases import ApprovalDecision
from app.domain.errors import UserError, ValidationError
from app.domain.officers import Actor, Role
from app.services.documents import DocumentFrozen
from app.services.documents.service import DRAFT_NUMBER
from tests.fakes.leads import person
from tests.fakes.walks import in_decision_review, in_filing_review, step

ADMIN = Actor("admin", "管理员", Role.ADMIN)


def _text(path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def _audit_actions(world, case_uuid):
    return [e for e in world.services.cases.history(case_uuid) if e.action.startswith("document_")]


def test_generating_records_the_version_its_hash_and_an_audit_entry(world, rng):
    case = in_filing_review(world, rng)
    made = world.services.documents.generate(world.officer, case.uuid, "LASPB")
    assert made.version.version == 1 and made.version.origin == "generated"
    assert hashlib.sha256(made.path.read_bytes()).hexdigest() == made.version.sha256
    assert case.number in _text(made.path)
    entries = _audit_actions(world, case.uuid)
    assert [e.after["sha256"] for e in entries] == [made.version.sha256]
    assert made.record.number == ""  # an approval form carries no 文号


def test_a_decision_gets_its_number_only_once_approved_and_keeps_it(world, rng):
    case = in_decision_review(world, rng, fine_fen=12_000_00)
    docs = world.services.documents
    draft = docs.generate(world.officer, case.uuid, "XZCFJDS")
    assert draft.record.number == "" and DRAFT_NUMBER in _text(draft.path)
    case = step(world, world.bureau_head, world.services.cases.get(case.uuid), "approve_decision")
    issued = docs.generate(world.officer, case.uuid, "XZCFJDS")
    assert issued.record.uuid == draft.record.uuid and issued.version.version == 2
    assert issued.record.number == f"江海市监罚〔{world.clock.now().year}〕1号"
    text = _text(issued.path)
    assert issued.record.number in text and "壹万贰仟元整" in text
    again = docs.generate(world.officer, case.uuid, "XZCFJDS")
    assert again.record.number == issued.record.number
    used = [line for line in docs.register(world.clock.now().year) if line.state == "used"]
    assert [(line.series, line.first) for line in used] == [("罚", 1)]


def test_a_missing_field_blocks_generation_naming_it_and_uses_no_number(world, rng):
    no_address = replace(person(rng), address="")
    case = in_decision_review(world, rng, party=no_address)
    with pytest.raises(ValidationError) as refused:
        world.services.documents.generate(world.officer, case.uuid, "SDHZ")
    assert "当事人地址" in refused.value.message or "地址" in refused.value.message
    assert world.services.documents.records(case.uuid) == []


def test_a_served_document_is_frozen(world, rng):
    case = in_decision_review(world, rng)
    docs = world.services.documents
    case = step(world, world.bureau_head, case, "approve_decision")
    made = docs.generate(world.officer, case.uuid, "XZCFJDS")
    docs.freeze(world.bureau_head, made.record.uuid, "sealed")
    with pytest.raises(DocumentFrozen):
        docs.generate(world.officer, case.uuid, "XZCFJDS")
    item = next(i for i in docs.list_for_case(case.uuid) if i.code == "XZCFJDS")
    assert item.frozen and not item.generatable


def _edit(path, text: str) -> None:
    d = docx.Document(str(path))
    d.add_paragraph(text)
    buf = BytesIO()
    d.save(buf)
    path.write_bytes(buf.getvalue())


def test_edits_made_in_word_become_a_new_version_and_both_are_kept(world, rng):
    case = in_filing_review(world, rng)
    docs = world.services.documents
    made = docs.generate(world.officer, case.uuid, "LASPB")
    copy = docs.working_copy(made.record.uuid)
    assert copy.read_bytes() == made.path.read_bytes()
    _edit(copy, "承办人补充：已电话核实。")
    notices = docs.check_edits(world.officer, case.uuid)
    assert [(n.outcome, n.version) for n in notices] == [("recorded", 2)]
    versions = docs.versions(made.record.uuid)
    assert [v.origin for v in versions] == ["generated", "edited"]
    assert "已电话核实" in _text(docs.file_path(made.record.uuid))
    assert "已电话核实" not in _text(docs.file_path(made.record.uuid, 1))
    assert docs.check_edits(world.officer, case.uuid) == []  # recorded once


def test_edits_to_a_frozen_document_are_not_recorded(world, rng):
    case = in_filing_review(world, rng)
    docs = world.services.documents
    made = docs.generate(world.officer, case.uuid, "LASPB")
    copy = docs.working_copy(made.record.uuid)
    docs.freeze(world.section_head, made.record.uuid, "signed")
    _edit(copy, "改动")
    assert [n.outcome for n in docs.check_edits(world.officer, case.uuid)] == ["frozen"]
    assert len(docs.versions(made.record.uuid)) == 1


def test_a_crash_between_numbering_and_storing_resumes_with_the_same_number(world, rng, monkeypatch):
    case = step(world, world.bureau_head, in_decision_review(world, rng), "approve_decision")
    docs = world.services.documents
    import app.services.documents.service as service_module

    real, calls = service_module.render, []

    def failing(*args, **kw):
        calls.append(1)
        if len(calls) == 2:  # the real rendering, after the record and its number were written
            raise OSError("disk full")
        return real(*args, **kw)

    monkeypatch.setattr(service_module, "render", failing)
    with pytest.raises(OSError):
        docs.generate(world.officer, case.uuid, "XZCFJDS")
    monkeypatch.setattr(service_module, "render", real)
    [record] = docs.records(case.uuid)
    assert record.number and record.current_version == 0
    made = docs.generate(world.officer, case.uuid, "XZCFJDS")
    assert made.record.uuid == record.uuid and made.record.number == record.number
    used = [line for line in docs.register(world.clock.now().year) if line.state == "used"]
    assert len(used) == 1


def test_only_people_handling_cases_generate_documents(world, rng):
    case = in_filing_review(world, rng)
    with pytest.raises(UserError):
        world.services.documents.generate(Actor("sv", "吴监督", Role.SUPERVISOR), case.uuid, "LASPB")


def test_a_broken_template_is_refused_and_changes_nothing(world, rng, tmp_path):
    docs = world.services.documents
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a word file")
    with pytest.raises(ValidationError):
        docs.import_template(ADMIN, "LASPB", bad)
    assert not docs.library.overridden(docs.doc_type("LASPB"))


def test_a_bureau_template_replaces_the_shipped_one(world, rng, tmp_path):
    docs = world.services.documents
    exported = docs.export_template("LASPB", tmp_path / "LASPB.docx")
    d = docx.Document(str(exported))
    d.add_paragraph("本局专用格式")
    d.save(str(exported))
    docs.import_template(ADMIN, "LASPB", exported)
    case = in_filing_review(world, rng)
    assert "本局专用格式" in _text(docs.generate(world.officer, case.uuid, "LASPB").path)
    assert docs.reset_template(ADMIN, "LASPB")
    assert not docs.library.overridden(docs.doc_type("LASPB"))


def test_voiding_a_number_needs_a_reason_and_shows_in_the_register(world, rng):
    case = step(world, world.bureau_head, in_decision_review(world, rng), "approve_decision")
    docs = world.services.documents
    made = docs.generate(world.officer, case.uuid, "XZCFJDS")
    year = world.clock.now().year
    with pytest.raises(ValidationError):
        docs.void_number(world.bureau_head, "罚", year, 1, "")
    docs.void_number(world.bureau_head, "罚", year, 1, "决定书撤销重作")
    void = [line for line in docs.register(year) if line.state == "void"]
    assert [(line.text, line.reason) for line in void] == [(made.record.number, "决定书撤销重作")]


def test_approvals_fill_the_approval_form(world, rng):
    case = in_filing_review(world, rng)
    case = world.services.cases.advance(world.section_head, case.uuid, "approve_filing",
                                        expected_version=case.version, comment="同意立案调查")
    assert ApprovalDecision.APPROVED
    made = world.services.documents.generate(world.officer, case.uuid, "LASPB")
    text = _text(made.path)
    assert "同意立案调查" in text and world.section_head.name in text
