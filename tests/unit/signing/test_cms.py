"""Detached CMS signatures (a .docx and its signature file): valid; one byte of the data or of the signature
file changed; untrusted, expired, revoked certificates; not a signature; async-only signers; the chain check
used by every verification."""

from __future__ import annotations

import asyncio
import io
from datetime import timedelta

import pytest
from asn1crypto import cms as asn1_cms
from docx import Document

from app.domain.messages_zh_signing_pdf import MESSAGES_ZH_SIGNING_PDF
from app.signing import cms, reports
from app.signing.cms import NotASignature, SigningFailed, check_chain, sign_detached, verify_detached
from app.signing.reports import describe
from tests.unit.signing.pki import NOW, issue, make_ca

BUREAU = "江海区市场监督管理局"


@pytest.fixture(scope="module")
def ca():
    return make_ca(BUREAU)


@pytest.fixture(scope="module")
def officer(ca):
    return issue(ca, "张三")


@pytest.fixture(scope="module")
def docx() -> bytes:
    document = Document()
    document.add_paragraph(f"{BUREAU}行政处罚决定书")
    document.add_paragraph("当事人：某某商贸有限公司")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def signature(docx, officer) -> bytes:
    return sign_detached(docx, officer.signer(), signing_time=NOW)


def _flip(data: bytes, position: int, bit: int = 0x01) -> bytes:
    changed = bytearray(data)
    changed[position] ^= bit
    return bytes(changed)


def test_a_detached_signature_is_der_signed_data_without_the_content(docx, signature, officer):
    info = asn1_cms.ContentInfo.load(signature)
    assert info["content_type"].native == "signed_data" and info.dump() == signature
    signed = info["content"]
    assert signed["encap_content_info"]["content"].native is None  # detached
    signer_info = signed["signer_infos"][0]
    assert signer_info["digest_algorithm"]["algorithm"].native == "sha256"
    attrs = {a["type"].native: a["values"].native[0] for a in signer_info["signed_attrs"]}
    assert attrs["signing_time"] == NOW
    assert "signing_certificate_v2" in attrs
    assert len(signature) < 4000 < len(docx)


def test_a_detached_signature_verifies(docx, signature, ca, officer):
    report = verify_detached(docx, signature, [ca.cert], set(), NOW)
    assert report.verdict == reports.VALID and report.intact and report.covers_whole_file
    assert report.field == "" and not report.modified_after and report.modification == reports.MOD_NONE
    assert report.signer_name == "张三" and report.issuer_name == BUREAU
    assert report.signer_serial == officer.cert.serial_number and report.signed_at == NOW
    assert report.chain.ok and report.chain.trust_anchor == BUREAU


def test_one_changed_byte_of_the_data_is_not_intact(docx, signature, ca):
    for position in (0, len(docx) // 2, len(docx) - 1):
        report = verify_detached(_flip(docx, position), signature, [ca.cert], set(), NOW)
        assert not report.intact and report.verdict == reports.TAMPERED, position
        assert report.signer_name == "张三"  # still says whose signature is broken
    assert verify_detached(docx + b"\0", signature, [ca.cert], set(), NOW).verdict == reports.TAMPERED
    assert verify_detached(docx[:-1], signature, [ca.cert], set(), NOW).verdict == reports.TAMPERED


def test_one_changed_byte_of_the_signature_file_is_tampered_or_not_a_signature(docx, signature, ca):
    for position in range(0, len(signature), 3):
        try:
            report = verify_detached(docx, _flip(signature, position), [ca.cert], set(), NOW)
        except NotASignature:
            continue
        assert report.verdict == reports.TAMPERED, position
    assert verify_detached(docx, signature + b"\0", [ca.cert], set(), NOW).verdict == reports.TAMPERED


@pytest.mark.parametrize("data", [b"", b"not der", b"\x30\x03\x02\x01\x01", asn1_cms.ContentInfo(
    {"content_type": "data", "content": b"x"}).dump()])
def test_what_is_not_a_signature_is_refused(docx, ca, data):
    with pytest.raises(NotASignature) as caught:
        verify_detached(docx, data, [ca.cert], set(), NOW)
    assert "CMS" in caught.value.message and caught.value.message != caught.value.english


def test_certificate_problems_of_a_detached_signature(docx, signature, ca, officer):
    assert verify_detached(docx, signature, [make_ca("外单位").cert], set(), NOW).verdict == reports.UNTRUSTED
    assert verify_detached(docx, signature, [ca.cert], {officer.cert.serial_number}, NOW).verdict == reports.REVOKED
    assert verify_detached(docx, signature, [ca.cert], set(), NOW + timedelta(days=400)).verdict == reports.EXPIRED
    early = verify_detached(docx, signature, [ca.cert], set(), NOW - timedelta(days=5))
    assert early.verdict == reports.UNTRUSTED and early.chain.reasons == (reports.R_NOT_YET_VALID,)


def test_an_async_only_signer_signs_detached_also_inside_an_event_loop(docx, ca, officer):
    signer = officer.async_signer()
    signature = sign_detached(docx, signer)
    assert signer.calls == 1
    report = verify_detached(docx, signature, [ca.cert])
    assert report.verdict == reports.VALID and report.signed_at is not None

    async def inside() -> bytes:
        return sign_detached(docx, officer.async_signer(), signing_time=NOW)

    assert verify_detached(docx, asyncio.run(inside()), [ca.cert], set(), NOW).verdict == reports.VALID


def test_a_failing_signer_is_a_clear_error(docx, officer):
    class Broken(type(officer.async_signer())):
        async def async_sign_raw(self, data, digest_algorithm, dry_run=False):
            raise ValueError("token removed")

    with pytest.raises(SigningFailed) as caught:
        sign_detached(docx, Broken(officer.cert, officer.key, officer.chain))
    assert "token removed" in caught.value.message


def test_the_detached_report_reads_well(docx, signature, ca):
    report = verify_detached(docx, signature, [ca.cert], set(), NOW)
    text = describe(report, "zh_CN")
    assert text.startswith("签章人：张三 · 时间 ") and "证书链可追溯到受信任的单位证书 江海区市场监督管理局。" in text
    assert describe(verify_detached(docx[:-1], signature, [ca.cert], set(), NOW), "en").endswith(
        "Verdict: tampered with")


# --- the chain check ----------------------------------------------------------------------------------------


def test_check_chain_reports_each_reason(ca, officer):
    assert check_chain(officer.cert, [ca.cert], set(), NOW).ok
    assert check_chain(ca.cert, [ca.cert], set(), NOW).ok  # the bureau CA is its own seal certificate
    assert check_chain(officer.cert, [], set(), NOW).reasons == (reports.R_UNKNOWN_ISSUER,)
    assert check_chain(officer.cert, [ca.cert], {officer.cert.serial_number}, NOW).reasons == (reports.R_REVOKED,)
    assert check_chain(officer.cert, [ca.cert], set(), NOW + timedelta(days=400)).reasons == (reports.R_EXPIRED,)
    expired_ca = check_chain(officer.cert, [ca.cert], set(), NOW + timedelta(days=365 * 6))
    assert reports.R_EXPIRED in expired_ca.reasons
    impostor = make_ca(BUREAU)
    assert check_chain(issue(impostor, "李四").cert, [ca.cert], set(), NOW).reasons == (reports.R_BAD_SIGNATURE,)
    stranger = make_ca("外单位")
    via_bag = check_chain(issue(stranger, "王五").cert, [ca.cert], set(), NOW, other_certs=[stranger.cert])
    assert via_bag.reasons == (reports.R_UNKNOWN_ISSUER,)
    forged_bag = check_chain(issue(stranger, "王五").cert, [ca.cert], set(), NOW, other_certs=[make_ca("外单位").cert])
    assert forged_bag.reasons == (reports.R_BAD_SIGNATURE,)


def test_expected_chain_failures_are_not_logged_as_warnings(ca, officer, caplog):
    with caplog.at_level("WARNING"):
        check_chain(officer.cert, [], set(), NOW)
        check_chain(officer.cert, [ca.cert], set(), NOW + timedelta(days=400))
        verify_detached(b"x", sign_detached(b"y", officer.signer()), [], set())
    assert not [r for r in caplog.records if r.exc_info]


def test_every_cms_error_has_a_chinese_text():
    assert set(cms.SOURCES) <= set(MESSAGES_ZH_SIGNING_PDF)
    for error in (NotASignature("bad"), SigningFailed("gone")):
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error.message)
