"""The record an approver signs: canonical bytes that do not depend on field order, every changed field
named, and the document each approval slot is given on."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from app.domain.approval_record import ApprovalRecord, approved_document
from app.domain.cases import CaseKind

AT = datetime(2026, 3, 16, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def record(**changes) -> ApprovalRecord:
    base = ApprovalRecord.of(case_uuid="c-1", case_number="江海市监罚案〔2026〕1号", slot="filing",
                             decision="approved", actor_id="u-chen", actor_name="陈科长", role="section_head", at=AT,
                             comment="同意立案", document_code="LASPB", document_sha256="ab" * 32)
    return replace(base, **changes)


def test_the_canonical_form_is_stable_sorted_and_utf8():
    data = record().canonical()
    assert data == record().canonical()
    assert data.startswith(b'{"actor_id":"u-chen","actor_name":"') and "同意立案".encode() in data
    assert b" " not in data.replace("江海市监罚案".encode(), b"")  # no padding between tokens
    assert ApprovalRecord.parse(data) == record()


def test_every_changed_field_is_named():
    signed = record()
    assert signed.differences(record()) == []
    assert signed.differences(record(comment="不同意", document_sha256="cd" * 32)) == ["comment", "document_sha256"]


def test_each_slot_approves_its_document():
    assert approved_document(CaseKind.PENALTY_ORDINARY, "filing") == "LASPB"  # not the 不予立案 form
    assert approved_document(CaseKind.PENALTY_ORDINARY, "decision") == "XZCFJDS"  # drafted when submitted
    assert approved_document(CaseKind.PENALTY_ORDINARY, "legal_review") == "FZSHB"
    assert approved_document(CaseKind.COERCIVE, "measure") == "QZCSJDS"
    assert approved_document(CaseKind.INSPECTION, "decision") == ""
