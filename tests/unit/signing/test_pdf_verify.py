"""Verifying sealed PDFs: a valid seal; one flipped byte anywhere in the signed file gives "tampered" (never an
exception); a later incremental update gives "modified_after_signing" with what it changed; untrusted,
expired, not-yet-valid, revoked and not-for-signing certificates; damaged and non-PDF input; the text
summary in Chinese and English."""

from __future__ import annotations

import re
from datetime import UTC, timedelta, timezone

import pytest
from asn1crypto import cms as asn1_cms

from app.signing import reports
from app.signing.pdf_seal import NotAPdf, sign_pdf
from app.signing.pdf_verify import verify_pdf
from app.signing.reports import describe
from app.signing.seal_image import seal_image
from tests.unit.signing.pki import NOW, append_update, blank_pdf, issue, make_ca

BUREAU = "江海区市场监督管理局"
BEIJING = timezone(timedelta(hours=8))


@pytest.fixture(scope="module")
def ca():
    return make_ca(BUREAU)


@pytest.fixture(scope="module")
def seal(ca):
    return issue(ca, BUREAU)


@pytest.fixture(scope="module")
def sealed(seal) -> bytes:
    return sign_pdf(blank_pdf(1), seal.signer(), field_name="BureauSeal", reason="行政处罚决定书", location="江海区",
                    stamp_png=seal_image(BUREAU, size_px=300), page=0, box=(400, 100, 520, 220), signing_time=NOW)


def _byte_range(pdf: bytes) -> tuple[int, int, int, int]:
    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", pdf)
    assert match
    return tuple(int(v) for v in match.groups())  # type: ignore[return-value]


def _flip(pdf: bytes, position: int, bit: int = 0x01) -> bytes:
    changed = bytearray(pdf)
    changed[position] ^= bit
    return bytes(changed)


def _verdicts(pdf: bytes, ca, at=NOW, revoked=frozenset()) -> list[str]:
    return [r.verdict for r in verify_pdf(pdf, [ca.cert], set(revoked), at)]


# --- valid ------------------------------------------------------------------------------------------------


def test_a_sealed_pdf_is_valid_and_says_who_when_and_with_which_certificate(ca, seal, sealed):
    [report] = verify_pdf(sealed, [ca.cert], set(), NOW + timedelta(days=1))
    assert report.verdict == reports.VALID and report.ok and report.summary_code == "valid"
    assert report.field == "BureauSeal"
    assert report.signer_name == BUREAU and report.issuer_name == BUREAU
    assert report.signer_serial == seal.cert.serial_number
    assert report.cert_valid_from == seal.cert.not_valid_before_utc
    assert report.cert_valid_to == seal.cert.not_valid_after_utc
    assert len(report.cert_fingerprint) == 64
    assert report.signed_at == NOW
    assert report.intact and report.covers_whole_file and not report.modified_after
    assert report.modification == reports.MOD_NONE
    assert report.chain.ok and report.chain.reasons == () and report.chain.trust_anchor == BUREAU
    assert report.reason == "行政处罚决定书" and report.location == "江海区" and report.detail == ""


def test_a_pdf_without_signatures_gives_no_reports(ca):
    assert verify_pdf(blank_pdf(2), [ca.cert], set(), NOW) == []


def test_the_bureau_ca_itself_can_seal(ca):
    pdf = sign_pdf(blank_pdf(1), ca.signer(), field_name="S", reason="", location="", stamp_png=None, page=0,
                   box=None, signing_time=NOW)
    [report] = verify_pdf(pdf, [ca.cert], set(), NOW)
    assert report.verdict == reports.VALID and report.signer_name == BUREAU


def test_verification_defaults_to_now(ca):
    identity = issue(ca, "王五", not_before=NOW - timedelta(days=3650), not_after=NOW + timedelta(days=3650))
    ca_long = ca  # the CA is valid for five years from a month before NOW
    pdf = sign_pdf(blank_pdf(1), identity.signer(), field_name="S", reason="", location="", stamp_png=None,
                   page=0, box=None)
    [report] = verify_pdf(pdf, [ca_long.cert])
    assert report.chain.checked_at is not None
    assert abs((report.chain.checked_at - report.signed_at).total_seconds()) < 60


# --- tampering ----------------------------------------------------------------------------------------------


def test_one_flipped_byte_in_the_page_content_is_tampered(ca, sealed):
    position = sealed.index(b"Page 1 of a test decision") + 5
    [report] = verify_pdf(_flip(sealed, position), [ca.cert], set(), NOW)
    assert report.verdict == reports.TAMPERED and not report.intact
    assert report.signer_name == BUREAU  # still says whose seal was broken
    assert report.chain.ok


@pytest.mark.parametrize("where", ["header", "version", "xref", "image", "before_gap", "gap_start", "gap_middle",
                                   "gap_end", "byte_range", "last"])
def test_one_flipped_byte_anywhere_is_tampered(ca, sealed, where):
    _, b, c, d = _byte_range(sealed)
    positions = {
        "header": 0, "version": 7, "xref": sealed.index(b"xref"), "image": sealed.index(b"/Subtype /Image") + 400,
        "before_gap": b - 1, "gap_start": b + 1, "gap_middle": (b + c) // 2, "gap_end": c - 1,
        "byte_range": c + 12, "last": c + d - 2,
    }
    for bit in (0x01, 0x04, 0x40):
        assert _verdicts(_flip(sealed, positions[where], bit), ca) == [reports.TAMPERED], (where, bit)


def test_a_sweep_of_flipped_bytes_never_passes_and_never_raises(ca, sealed):
    for position in range(3, len(sealed), 173):
        assert _verdicts(_flip(sealed, position), ca) == [reports.TAMPERED], position


def test_every_byte_of_the_signature_container_is_protected(ca, sealed):
    _, b, c, _ = _byte_range(sealed)
    cms_end = b + 1 + 2 * len(asn1_cms.ContentInfo.load(bytes.fromhex(sealed[b + 1:c - 1].decode())).dump())
    for position in [*range(b + 1, cms_end, 11), *range(cms_end, c - 1, 397)]:  # the CMS, then its padding
        assert _verdicts(_flip(sealed, position), ca) == [reports.TAMPERED], position


@pytest.mark.parametrize("damage", ["startxref", "truncated", "zeroed_tail", "garbage_xref"])
def test_a_damaged_signed_pdf_is_tampered_not_an_error(ca, sealed, damage):
    end = sealed.rindex(b"startxref")
    damaged = {
        "startxref": sealed[:end] + b"startxref\n999999\n%%EOF\n",
        "truncated": sealed[:-300],
        "zeroed_tail": sealed[:-300] + b"\0" * 300,
        "garbage_xref": sealed[:sealed.rindex(b"xref")] + b"x" * (len(sealed) - sealed.rindex(b"xref")),
    }[damage]
    [report] = verify_pdf(damaged, [ca.cert], set(), NOW)
    assert report.verdict == reports.TAMPERED and not report.intact
    assert report.signer_name == BUREAU and report.detail
    text = describe(report, "en")
    assert "cannot be read" in text and "tampered" in text


def test_a_signature_whose_byte_range_is_broken_is_tampered(ca, sealed):
    broken = sealed.replace(b"/ByteRange [", b"/ByteRanqe [", 1)
    [report] = verify_pdf(broken, [ca.cert], set(), NOW)
    assert report.verdict == reports.TAMPERED


@pytest.mark.parametrize("data", [b"", b"hello", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, b"PK\x03\x04" + b"x" * 500,
                                  b"%PDF-1.7\nnothing else"])
def test_what_is_not_a_pdf_is_refused(ca, data):
    with pytest.raises(NotAPdf) as caught:
        verify_pdf(data, [ca.cert], set(), NOW)
    assert "PDF" in caught.value.message


# --- changes after signing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("change", "kind"), [
    ({"annotation": True}, reports.MOD_ANNOTATIONS),
    ({"info_title": "改过的标题"}, reports.MOD_METADATA),
    ({"new_content": b"BT /F1 30 Tf 72 500 Td (FORGED) Tj ET"}, reports.MOD_CONTENT),
    ({"annotation": True, "new_content": b"0 0 m 10 10 l S"}, reports.MOD_CONTENT),
])
def test_an_update_after_signing_is_reported_with_what_it_changed(ca, sealed, change, kind):
    changed = append_update(sealed, **change)
    assert changed.startswith(sealed)
    [report] = verify_pdf(changed, [ca.cert], set(), NOW)
    assert report.verdict == reports.MODIFIED_AFTER_SIGNING
    assert report.intact and not report.covers_whole_file and report.modified_after
    assert report.modification == kind


def test_only_markup_annotations_count_as_annotations():
    from pyhanko.pdf_utils import generic

    from app.signing.pdf_verify import _is_annotation

    def name(value: str) -> generic.NameObject:
        return generic.NameObject(value)

    note = generic.DictionaryObject({name("/Type"): name("/Annot"), name("/Subtype"): name("/Text")})
    widget = generic.DictionaryObject({name("/Type"): name("/Annot"), name("/Subtype"): name("/Widget")})
    image = generic.StreamObject({name("/Subtype"): name("/Image")}, stream_data=b"")
    assert _is_annotation(note) and not _is_annotation(widget) and not _is_annotation(image)


def test_a_later_signature_is_not_a_modification_but_a_later_change_after_it_is(ca, seal, sealed):
    reviewer = issue(ca, "赵六")
    twice = sign_pdf(sealed, reviewer.signer(), field_name="Archive", reason="", location="", stamp_png=None,
                     page=0, box=None, signing_time=NOW + timedelta(minutes=5))
    first, second = verify_pdf(twice, [ca.cert], set(), NOW + timedelta(hours=1))
    assert (first.verdict, first.modification, first.modified_after) == ("valid", reports.MOD_SIGNATURES, True)
    assert (second.verdict, second.signer_name) == ("valid", "赵六")
    assert reports.overall_verdict([first, second]) == reports.VALID
    changed = append_update(twice, new_content=b"0 0 m 10 10 l S")
    first, second = verify_pdf(changed, [ca.cert], set(), NOW + timedelta(hours=1))
    assert first.verdict == second.verdict == reports.MODIFIED_AFTER_SIGNING
    flipped = _flip(twice, twice.index(b"Page 1 of") + 1)
    assert reports.overall_verdict(verify_pdf(flipped, [ca.cert], set(), NOW)) == reports.TAMPERED
    assert reports.overall_verdict([]) is None


# --- certificates -------------------------------------------------------------------------------------------


def _signed_by(identity, signing_time=NOW) -> bytes:
    return sign_pdf(blank_pdf(1), identity.signer(), field_name="S", reason="", location="", stamp_png=None,
                    page=0, box=None, signing_time=signing_time)


def test_a_certificate_from_an_unknown_ca_is_untrusted(ca):
    stranger = make_ca("某某县市场监督管理局")
    [report] = verify_pdf(_signed_by(issue(stranger, "某某县市场监督管理局")), [ca.cert], set(), NOW)
    assert report.verdict == reports.UNTRUSTED and report.intact
    assert report.chain.reasons == (reports.R_UNKNOWN_ISSUER,) and report.chain.trust_anchor == ""
    [report] = verify_pdf(_signed_by(issue(ca, BUREAU)), [], set(), NOW)  # nothing trusted: nothing passes
    assert report.verdict == reports.UNTRUSTED


def test_a_certificate_claiming_a_known_ca_but_signed_by_another_key_is_a_bad_signature(ca):
    impostor = make_ca(BUREAU)  # same name, different key
    [report] = verify_pdf(_signed_by(issue(impostor, BUREAU)), [ca.cert], set(), NOW)
    assert report.verdict == reports.UNTRUSTED
    assert report.chain.reasons == (reports.R_BAD_SIGNATURE,)


def test_an_expired_certificate_is_reported_as_expired(ca):
    short = issue(ca, BUREAU, not_before=NOW - timedelta(days=10), not_after=NOW + timedelta(days=10))
    pdf = _signed_by(short)  # signed while valid
    assert _verdicts(pdf, ca, at=NOW) == [reports.VALID]
    [report] = verify_pdf(pdf, [ca.cert], set(), NOW + timedelta(days=30))
    assert report.verdict == reports.EXPIRED and report.intact
    assert report.chain.reasons == (reports.R_EXPIRED,) and report.chain.trust_anchor == BUREAU


def test_a_certificate_not_yet_valid_is_untrusted(ca):
    early = issue(ca, BUREAU, not_before=NOW + timedelta(days=1), not_after=NOW + timedelta(days=30))
    [report] = verify_pdf(_signed_by(early), [ca.cert], set(), NOW)
    assert report.verdict == reports.UNTRUSTED and report.chain.reasons == (reports.R_NOT_YET_VALID,)


def test_a_revoked_certificate_is_reported_as_revoked(ca):
    officer = issue(ca, "张三")
    pdf = _signed_by(officer)
    [report] = verify_pdf(pdf, [ca.cert], {officer.cert.serial_number}, NOW)
    assert report.verdict == reports.REVOKED and report.chain.reasons == (reports.R_REVOKED,)
    assert _verdicts(pdf, ca, revoked={12345}) == [reports.VALID]
    # revoked and expired: revoked is the verdict, both are reasons
    [report] = verify_pdf(pdf, [ca.cert], {officer.cert.serial_number}, NOW + timedelta(days=400))
    assert report.verdict == reports.REVOKED
    assert set(report.chain.reasons) == {reports.R_REVOKED, reports.R_EXPIRED}


def test_a_revoked_bureau_ca_revokes_what_it_issued(ca):
    [report] = verify_pdf(_signed_by(issue(ca, "张三")), [ca.cert], {ca.cert.serial_number}, NOW)
    assert report.verdict == reports.REVOKED


def test_a_certificate_not_meant_for_signing_is_untrusted(ca):
    [report] = verify_pdf(_signed_by(issue(ca, "张三", for_signing=False)), [ca.cert], set(), NOW)
    assert report.verdict == reports.UNTRUSTED
    assert report.chain.reasons == (reports.R_NOT_FOR_SIGNING,)


def test_tampering_wins_over_certificate_problems(ca):
    stranger = make_ca("外单位")
    pdf = _signed_by(issue(stranger, "外单位"))
    position = pdf.index(b"Page 1 of a test decision") + 2
    assert _verdicts(_flip(pdf, position), ca) == [reports.TAMPERED]


# --- the text summary ---------------------------------------------------------------------------------------


def test_the_summary_in_chinese(ca, seal, sealed):
    [report] = verify_pdf(sealed, [ca.cert], set(), NOW)
    text = describe(report, "zh_CN", tz=BEIJING)
    first, *rest = text.splitlines()
    assert first.startswith(f"签章人：{BUREAU} · 时间 2026-03-16 10:00 · 证书 序列号 {seal.cert.serial_number:X}，"
                            f"由 {BUREAU} 签发")
    assert "文件自签章后未被改动。" in rest
    assert rest[-1] == "结论：有效"


def test_the_summary_in_english_and_for_each_finding(ca, seal, sealed):
    [report] = verify_pdf(sealed, [ca.cert], set(), NOW)
    text = describe(report, "en", tz=UTC)
    assert text.startswith(f"Signed by: {BUREAU} · time 2026-03-16 02:00 · certificate serial")
    assert "has not been changed since it was signed" in text and text.endswith("Verdict: valid")
    flipped = verify_pdf(_flip(sealed, sealed.index(b"Page 1") + 2), [ca.cert], set(), NOW)[0]
    assert "A signed byte was changed" in describe(flipped, "en")
    assert "已签章的内容被改动" in describe(flipped, "zh")
    later = verify_pdf(append_update(sealed, annotation=True), [ca.cert], set(), NOW)[0]
    assert "批注" in describe(later, "zh_CN") and describe(later, "zh_CN").endswith("结论：签章后被修改")
    revoked = verify_pdf(sealed, [ca.cert], {seal.cert.serial_number}, NOW)[0]
    assert "证书已被吊销" in describe(revoked, "zh_CN") and describe(revoked, "en").endswith("certificate revoked")
    expired = verify_pdf(sealed, [ca.cert], set(), NOW + timedelta(days=800))[0]
    assert describe(expired, "en").endswith("Verdict: certificate expired")
    untrusted = verify_pdf(sealed, [], set(), NOW)[0]
    assert "不是由已知单位签发" in describe(untrusted, "zh_CN")


def test_every_verdict_modification_and_reason_has_both_texts():
    for language in ("en", "zh_CN"):
        texts = reports._TEXTS[language]
        assert all("verdict " + v in texts for v in reports.VERDICTS)
        assert all("after " + m in texts for m in reports.MODIFICATIONS if m != reports.MOD_NONE)
        assert all("reason " + r in texts for r in reports.CHAIN_REASONS)
    assert set(reports._TEXTS["en"]) == set(reports._TEXTS["zh_CN"])
