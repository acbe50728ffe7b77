"""Sealing PDFs: finding the seal position (last occurrence of the anchor text, spaces ignored), the seal box,
and signing with a visible seal (PAdES-B, incremental) with software and async-only signers; a real
LibreOffice PDF with Chinese text when LibreOffice is installed."""

from __future__ import annotations

import io
import threading
import time
from datetime import timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from app.domain.messages_zh_signing_pdf import MESSAGES_ZH_SIGNING_PDF
from app.signing import pdf_seal
from app.signing.pdf_seal import (
    PDFIUM_LOCK,
    Anchor,
    FieldTaken,
    NotAPdf,
    PdfEncrypted,
    find_anchor,
    seal_box,
    seal_position,
    sign_pdf,
)
from app.signing.pdf_verify import verify_pdf
from app.signing.seal_image import SealImageError, seal_image
from tests.unit.signing.pki import NOW, append_update, blank_pdf, issue, make_ca

BUREAU = "江海区市场监督管理局"
A4 = (595.276, 841.89)


@pytest.fixture(scope="module")
def ca():
    return make_ca(BUREAU)


@pytest.fixture(scope="module")
def stamp() -> bytes:
    return seal_image(BUREAU)


def red_pixels(pdf: bytes, page: int, box: tuple[float, float, float, float], scale: float = 2.0) -> tuple[int, int]:
    """Red pixels (inside ``box``, outside it) on ``page`` rendered with form fields (signature widgets)."""
    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(pdf)
        try:
            doc.init_forms()
            p = doc[page]
            height = p.get_height()
            image = p.render(scale=scale, may_draw_forms=True).to_pil().convert("RGB")
            p.close()
        finally:
            doc.close()
    x0, y0, x1, y1 = (v * scale for v in box)
    top, bottom = height * scale - y1, height * scale - y0
    inside = outside = 0
    for y in range(0, image.height, 2):
        for x in range(0, image.width, 2):
            r, g, b = image.getpixel((x, y))
            if r > 180 and g < 120 and b < 120:
                if x0 <= x <= x1 and top <= y <= bottom:
                    inside += 1
                else:
                    outside += 1
    return inside, outside


# --- anchors ------------------------------------------------------------------------------------------------


def test_the_anchor_is_the_last_occurrence_of_the_text():
    pdf = blank_pdf(3)
    anchor = find_anchor(pdf, "test decision")
    assert anchor is not None and anchor.page_index == 2
    assert 72 <= anchor.x0 < anchor.x1 < 300 and 700 < anchor.y0 < anchor.y1 < 745
    assert anchor.page_box == pytest.approx((0, 0, *A4), abs=0.01)


def test_spaces_do_not_matter_when_looking_for_the_anchor():
    pdf = blank_pdf(1)
    assert find_anchor(pdf, "test   decision") == find_anchor(pdf, "testdecision") is not None
    assert find_anchor(pdf, "Page 1 of a") is not None


def test_a_missing_anchor_gives_none():
    assert find_anchor(blank_pdf(1), "江海区") is None
    assert find_anchor(blank_pdf(1), "   ") is None
    assert seal_position(blank_pdf(1), "nowhere") is None


def test_find_anchor_refuses_what_is_not_a_pdf():
    with pytest.raises(NotAPdf):
        find_anchor(b"hello", "x")


def test_the_seal_box_is_centred_on_the_anchor_and_kept_on_the_page():
    anchor = Anchor(0, 300, 200, 400, 212, (0, 0, *A4))
    assert seal_box(anchor) == (290.0, 146.0, 410.0, 266.0)
    near_corner = Anchor(0, 560, 820, 590, 835, (0, 0, *A4))
    x0, y0, x1, y1 = seal_box(near_corner)
    assert x1 == pytest.approx(A4[0], abs=0.01) and y1 == pytest.approx(A4[1], abs=0.01)
    assert (x1 - x0, y1 - y0) == pytest.approx((120, 120))
    low_left = seal_box(Anchor(0, 5, 5, 20, 15, (0, 0, *A4)), size_pt=100)
    assert low_left == (0, 0, 100, 100)
    pos = seal_position(blank_pdf(2), "decision")
    assert pos is not None and pos[0] == 1 and pos[1][2] - pos[1][0] == pytest.approx(120)


def test_anchors_can_be_searched_from_several_threads():
    pdf = blank_pdf(4)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(10):
                assert find_anchor(pdf, "Page 3").page_index == 2
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


# --- signing ------------------------------------------------------------------------------------------------


def test_a_sealed_pdf_shows_the_seal_in_its_box_and_verifies(ca, stamp):
    pdf = blank_pdf(2)
    box = (400.0, 100.0, 520.0, 220.0)
    assert red_pixels(pdf, 1, box) == (0, 0)
    sealed = sign_pdf(pdf, issue(ca, BUREAU).signer(), field_name="BureauSeal", reason="行政处罚决定书",
                      location="江海区", stamp_png=stamp, page=1, box=box, signing_time=NOW)
    assert sealed.startswith(pdf)  # an incremental update: the original bytes are untouched
    inside, outside = red_pixels(sealed, 1, box)
    assert inside > 1000 and outside == 0
    assert red_pixels(sealed, 0, box) == (0, 0)  # only on the page asked for
    [report] = verify_pdf(sealed, [ca.cert], set(), NOW)
    assert report.verdict == "valid" and report.field == "BureauSeal"
    assert report.reason == "行政处罚决定书" and report.location == "江海区"
    assert report.signed_at == NOW


def test_the_signature_is_pades_with_sha256(ca, stamp):
    sealed = sign_pdf(blank_pdf(1), issue(ca, BUREAU).signer(), field_name="S", reason="r", location="l",
                      stamp_png=stamp, page=0, box=(100, 100, 220, 220), signing_time=NOW)
    sig = PdfFileReader(io.BytesIO(sealed)).embedded_regular_signatures[0]
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert sig.md_algorithm == "sha256"
    assert sig.sig_object["/M"].startswith("D:20260316")


def test_without_a_stamp_the_signature_is_invisible(ca):
    sealed = sign_pdf(blank_pdf(1), issue(ca, "张三").signer(), field_name="Approval", reason="", location="",
                      stamp_png=None, page=0, box=None, signing_time=NOW)
    assert red_pixels(sealed, 0, (0, 0, *A4)) == (0, 0)
    [report] = verify_pdf(sealed, [ca.cert], set(), NOW)
    assert report.verdict == "valid" and report.signer_name == "张三"


def test_an_async_only_signer_works_also_inside_a_running_event_loop(ca, stamp):
    import asyncio

    identity = issue(ca, BUREAU)
    signer = identity.async_signer()
    sealed = sign_pdf(blank_pdf(1), signer, field_name="S", reason="r", location="l", stamp_png=stamp, page=0,
                      box=(100, 100, 220, 220), signing_time=NOW)
    assert signer.calls == 1  # no dry run: a token would ask for its PIN once
    assert verify_pdf(sealed, [ca.cert], set(), NOW)[0].verdict == "valid"

    async def in_loop() -> bytes:
        return sign_pdf(blank_pdf(1), identity.async_signer(), field_name="S", reason="r", location="l",
                        stamp_png=None, page=0, box=None, signing_time=NOW)

    assert verify_pdf(asyncio.run(in_loop()), [ca.cert], set(), NOW)[0].verdict == "valid"


def test_a_second_seal_is_another_incremental_signature(ca, stamp):
    first = sign_pdf(blank_pdf(1), issue(ca, "李四").signer(), field_name="Review", reason="", location="",
                     stamp_png=None, page=0, box=None, signing_time=NOW)
    second = sign_pdf(first, issue(ca, BUREAU).signer(), field_name="Seal", reason="", location="",
                      stamp_png=stamp, page=0, box=(300, 100, 420, 220), signing_time=NOW + timedelta(hours=1))
    reports = verify_pdf(second, [ca.cert], set(), NOW + timedelta(hours=2))
    assert [r.field for r in reports] == ["Review", "Seal"]
    assert [r.verdict for r in reports] == ["valid", "valid"]
    assert reports[0].modified_after and reports[0].modification == "signatures"
    assert not reports[1].modified_after


def test_a_signed_field_name_cannot_be_signed_again(ca):
    sealed = sign_pdf(blank_pdf(1), issue(ca, BUREAU).signer(), field_name="Seal", reason="", location="",
                      stamp_png=None, page=0, box=None)
    with pytest.raises(FieldTaken) as caught:
        sign_pdf(sealed, issue(ca, BUREAU).signer(), field_name="Seal", reason="", location="", stamp_png=None,
                 page=0, box=None)
    assert "Seal" in caught.value.message and "签章" in caught.value.message


def test_sealing_refuses_bad_input(ca, stamp):
    signer = issue(ca, BUREAU).signer()
    kwargs = dict(field_name="S", reason="", location="", stamp_png=None, box=None)
    with pytest.raises(NotAPdf):
        sign_pdf(b"PK\x03\x04 a docx, not a pdf", signer, page=0, **kwargs)
    with pytest.raises(NotAPdf):
        sign_pdf(b"%PDF-1.7\n garbage without objects", signer, page=0, **kwargs)
    with pytest.raises(ValueError):
        sign_pdf(blank_pdf(1), signer, page=1, **kwargs)
    with pytest.raises(ValueError):
        sign_pdf(blank_pdf(1), signer, field_name="S", reason="", location="", stamp_png=stamp, page=0, box=None)
    with pytest.raises(SealImageError):
        sign_pdf(blank_pdf(1), signer, field_name="S", reason="", location="", stamp_png=b"not a png", page=0,
                 box=(0, 0, 100, 100))


def test_an_encrypted_pdf_is_refused(ca):
    from pyhanko.pdf_utils.writer import copy_into_new_writer

    writer = copy_into_new_writer(PdfFileReader(io.BytesIO(blank_pdf(1))))
    writer.encrypt("owner", "user")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(PdfEncrypted) as caught:
        sign_pdf(out.getvalue(), issue(ca, BUREAU).signer(), field_name="S", reason="", location="",
                 stamp_png=None, page=0, box=None)
    assert "密码" in caught.value.message


def test_every_pdf_seal_error_has_a_chinese_text():
    assert set(pdf_seal.SOURCES) <= set(MESSAGES_ZH_SIGNING_PDF)
    for error in (NotAPdf("x"), PdfEncrypted(), FieldTaken("Seal")):
        assert error.message != error.english
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error.message)


def test_sealing_and_verifying_a_one_page_pdf_is_quick(ca, stamp):
    pdf = blank_pdf(1)
    signer = issue(ca, BUREAU).signer()
    started = time.perf_counter()
    sealed = sign_pdf(pdf, signer, field_name="S", reason="", location="", stamp_png=stamp, page=0,
                      box=(100, 100, 220, 220))
    sealing = time.perf_counter() - started
    started = time.perf_counter()
    verify_pdf(sealed, [ca.cert], set())
    verifying = time.perf_counter() - started
    assert sealing < 2.0 and verifying < 2.0, (sealing, verifying)


# --- a real document from LibreOffice ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def decision_pdf(tmp_path_factory) -> bytes:
    """A two-page 行政处罚决定书-like PDF made by LibreOffice (skipped without LibreOffice)."""
    from docx import Document

    from app.documents.pdf import find_converter

    converter = find_converter()
    if converter is None:
        pytest.skip("no LibreOffice to make a real PDF")
    folder = tmp_path_factory.mktemp("decision")
    document = Document()
    document.add_paragraph(f"{BUREAU}行政处罚决定书")
    document.add_paragraph("江市监处罚〔2026〕12号")
    document.add_paragraph("当事人：某某商贸有限公司。" * 20)
    document.add_page_break()
    document.add_paragraph("如不服本处罚决定，可在收到本决定书之日起六十日内申请行政复议。")
    document.add_paragraph("江 海 区 市 场 监 督 管 理 局")
    document.add_paragraph("2026年3月16日")
    docx = folder / "decision.docx"
    document.save(str(docx))
    [pdf] = converter.convert([docx], folder)
    return Path(pdf).read_bytes()


def test_a_libreoffice_pdf_is_sealed_over_the_bureau_name_in_the_signature_block(ca, stamp, decision_pdf):
    position = seal_position(decision_pdf, BUREAU)
    assert position is not None
    page, box = position
    assert page == 1  # the signature block, not the title on page 1
    anchor = find_anchor(decision_pdf, BUREAU)
    assert anchor.page_index == page
    assert ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) == pytest.approx(
        ((anchor.x0 + anchor.x1) / 2, (anchor.y0 + anchor.y1) / 2), abs=0.05)
    sealed = sign_pdf(decision_pdf, issue(ca, BUREAU).signer(), field_name="BureauSeal", reason="行政处罚决定书",
                      location="江海区", stamp_png=stamp, page=page, box=box, signing_time=NOW)
    inside, outside = red_pixels(sealed, page, box)
    assert inside > 1000 and outside == 0
    [report] = verify_pdf(sealed, [ca.cert], set(), NOW)
    assert report.verdict == "valid" and report.covers_whole_file
    tampered = append_update(sealed, new_content=b"BT /F1 12 Tf 72 72 Td (x) Tj ET")
    assert verify_pdf(tampered, [ca.cert], set(), NOW)[0].verdict == "modified_after_signing"
