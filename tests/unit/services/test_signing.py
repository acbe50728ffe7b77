"""Seals and signed approvals through the services: the bureau CA and its seals, who may seal, sealing
an approved decision (PAdES where LibreOffice exists, else .docx with a detached signature), verifying
files, signing approvals and seeing exactly what no longer matches."""

from __future__ import annotations

import docx
import pytest

from app.domain.errors import UserError, ValidationError
from app.domain.officers import Actor, Role
from app.services.documents import DocumentFrozen, DocumentService
from app.services.signing import SealService
from app.signing.errors import WrongPin
from tests.fakes.signing import PIN, Pins
from tests.fakes.walks import in_decision_review, in_filing_review, step

ADMIN = Actor("admin", "管理员", Role.ADMIN)


@pytest.fixture
def sealing(world):
    """The bureau CA (PIN-protected software key) and a 行政执法专用章 the bureau head may use."""
    s = world.services
    s.pki.setup_bureau(ADMIN, Pins(), pin=PIN)
    seal = s.seals.create(ADMIN, kind="enforcement", handler=Pins(), pin=PIN,
                          allowed_user_ids=(world.bureau_head.user_id,))
    return seal


def _approved_decision(world, rng):
    case = step(world, world.bureau_head, in_decision_review(world, rng, fine_fen=12_000_00), "approve_decision")
    return case, world.services.documents.generate(world.officer, case.uuid, "XZCFJDS").record


def test_only_the_administrator_sets_up_the_bureau_certificate(world):
    with pytest.raises(UserError):
        world.services.pki.setup_bureau(world.officer, Pins(), pin=PIN)
    ca = world.services.pki.setup_bureau(ADMIN, Pins(), pin=PIN)
    assert ca.kind == "bureau_ca" and ca.subject == "江海区市场监督管理局"
    with pytest.raises(ValidationError):
        world.services.pki.setup_bureau(ADMIN, Pins(), pin=PIN)


def test_an_approved_decision_is_sealed_verified_logged_and_frozen(world, rng, sealing):
    s = world.services
    case, record = _approved_decision(world, rng)
    sealed = s.seals.seal_document(world.bureau_head, record.uuid, sealing.uuid, Pins())
    reports = s.verifier.verify(sealed.path, signature=sealed.signature_path)
    assert [r.verdict for r in reports] == ["valid"]
    assert "行政执法专用章" in reports[0].signer_name
    if sealed.path.suffix == ".pdf":  # the seal is visible where the bureau name stands
        last = s.documents.pdf_page_count(sealed.path) - 1
        page = s.documents.render_pdf_page(sealed.path, last, 40)
        px = page.data
        red = sum(1 for i in range(0, len(px), 4) if px[i + 2] > 180 and px[i + 1] < 90 and px[i] < 90)
        assert red > 200
    [usage] = s.seals.usage(case_uuid=case.uuid)
    assert usage.user_name == world.bureau_head.name and usage.document_code == "XZCFJDS"
    assert s.documents.get(record.uuid).state == "frozen"
    assert "decision_sealed" in s.cases.get(case.uuid).events  # the workflow's 盖章 step, taken with the seal
    with pytest.raises(DocumentFrozen):
        s.documents.generate(world.officer, case.uuid, "XZCFJDS")
    with pytest.raises(ValidationError):  # sealed once
        s.seals.seal_document(world.bureau_head, record.uuid, sealing.uuid, Pins())


def test_nothing_is_sealed_by_mistake(world, rng, sealing):
    s = world.services
    case = in_decision_review(world, rng)
    draft = s.documents.generate(world.officer, case.uuid, "XZCFJDS").record
    with pytest.raises(ValidationError):  # not approved: no 文号 yet
        s.seals.seal_document(world.bureau_head, draft.uuid, sealing.uuid, Pins())
    _case, record = _approved_decision(world, rng)
    with pytest.raises(UserError):  # the officer may not use the seal
        s.seals.seal_document(world.officer, record.uuid, sealing.uuid, Pins())
    with pytest.raises(WrongPin):
        s.seals.seal_document(world.bureau_head, record.uuid, sealing.uuid, Pins("wrong-pin-1"))
    assert s.seals.usage() == [] and s.documents.get(record.uuid).state == "open"


def test_without_a_converter_the_docx_gets_the_seal_and_a_detached_signature(world, rng, sealing):
    s = world.services
    docs = DocumentService(s.database, s.clock, s.cases, s.officers, s.documents.bureau, s.documents.root,
                           find=False)
    seals = SealService(s.pki, docs)
    _case, record = _approved_decision(world, rng)
    sealed = seals.seal_document(world.bureau_head, record.uuid, sealing.uuid, Pins())
    assert sealed.path.suffix == ".docx" and sealed.signature_path is not None
    assert any(r._element.xpath(".//pic:pic") for p in docx.Document(str(sealed.path)).paragraphs for r in p.runs)
    [report] = s.verifier.verify(sealed.path, signature=sealed.signature_path)
    assert report.verdict == "valid"
    data = bytearray(sealed.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = sealed.path.with_name("tampered.docx")
    tampered.write_bytes(bytes(data))
    [report] = s.verifier.verify(tampered, signature=sealed.signature_path)
    assert not report.intact and report.verdict == "tampered"


def test_a_signed_approval_verifies_and_says_what_changed_since(world, rng, sealing):
    s = world.services
    s.pki.issue(ADMIN, kind="person", subject=world.section_head.name, user_id=world.section_head.user_id,
                handler=Pins(), pin=PIN)
    case = in_filing_review(world, rng)
    form = s.documents.generate(world.officer, case.uuid, "LASPB").record
    case = step(world, world.section_head, case, "approve_filing", comment="同意立案")
    [approval] = s.approval_signing.unsigned(world.section_head, case.uuid)
    s.approval_signing.sign(world.section_head, case.uuid, approval.uuid, Pins())
    [check] = [c for c in s.approval_signing.check(case.uuid) if c.slot == "filing"]
    assert check.state == "verified" and check.problems == []
    copy = s.documents.working_copy(form.uuid)  # the form is edited after it was approved
    d = docx.Document(str(copy))
    d.add_paragraph("事后补充")
    d.save(str(copy))
    frozen = s.documents.is_frozen(case, s.documents.get(form.uuid))
    if not frozen:
        s.documents.check_edits(world.officer, case.uuid)
        [check] = [c for c in s.approval_signing.check(case.uuid) if c.slot == "filing"]
        assert check.state == "broken" and any("所批文书" in p for p in check.problems)
    cert = s.pki.certificate_of(world.section_head.user_id)
    s.pki.revoke(ADMIN, cert.uuid, "离职")
    [check] = [c for c in s.approval_signing.check(case.uuid) if c.slot == "filing"]
    assert check.state == "broken" and any("吊销" in p for p in check.problems)


def test_only_the_approver_signs_an_approval_and_needs_a_certificate(world, rng, sealing):
    s = world.services
    case = step(world, world.section_head, in_filing_review(world, rng), "approve_filing")
    with pytest.raises(UserError):  # no certificate yet
        s.approval_signing.sign(world.section_head, case.uuid, "x", Pins())
    s.pki.issue(ADMIN, kind="person", subject=world.officer.name, user_id=world.officer.user_id, handler=Pins(),
                pin=PIN)
    approval = s.approval_signing.unsigned(world.section_head, case.uuid)[0]
    with pytest.raises(UserError):
        s.approval_signing.sign(world.officer, case.uuid, approval.uuid, Pins())
    assert [c.state for c in s.approval_signing.check(case.uuid)] == ["unsigned"]
