"""The 卷宗 export: PDFs per volume in binding order with cover, contents with page numbers and 备考表,
and a zip of the originals whose manifest matches every file; without LibreOffice, the zip alone."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile

import pytest

from app.documents.pdf import page_count, pdf_text
from app.services.documents import DocumentService, DossierExporter
from tests.fakes.walks import in_decision_review, step

REQUIRE = os.environ.get("ZHIFA_REQUIRE_LIBREOFFICE") == "1"


def _decided(world, rng):
    case = step(world, world.bureau_head, in_decision_review(world, rng, fine_fen=12_000_00), "approve_decision")
    docs = world.services.documents
    for code in ("LASPB", "XWBL", "DCZJBG", "XZCFGZS", "XZCFJDS", "SDHZ"):
        docs.generate(world.officer, case.uuid, code)
    return case


def _check_archive(path, expected_docs: int) -> dict:
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
        for entry in manifest["files"]:
            data = z.read(entry["file"])
            assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["file"]
        docx_entries = [e for e in manifest["files"] if e["file"].endswith(".docx")]
        assert len(docx_entries) == expected_docs
    return manifest


def test_without_a_converter_the_export_writes_the_zip_and_says_so(world, rng, tmp_path):
    case = _decided(world, rng)
    s = world.services
    docs = DocumentService(s.database, s.clock, s.cases, s.officers, s.documents.bureau, s.documents.root,
                           find=False)
    result = DossierExporter(docs).export(world.officer, case.uuid, tmp_path / "out")
    assert result.pdf_skipped and result.volumes == []
    manifest = _check_archive(result.archive, 6)
    assert manifest["case"] == case.number
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [result.archive.name]  # nothing half-written


@pytest.mark.slow
def test_the_export_binds_each_volume_with_cover_contents_and_reference_sheet(world, rng, tmp_path):
    if world.services.documents.converter is None:
        if REQUIRE:
            pytest.fail("LibreOffice is required here (ZHIFA_REQUIRE_LIBREOFFICE=1) but not found")
        pytest.skip("LibreOffice (soffice) is not installed: no PDF converter")
    case = _decided(world, rng)
    result = world.services.dossiers.export(world.officer, case.uuid, tmp_path / "out")
    assert not result.pdf_skipped
    names = sorted(p.name for p in result.volumes)
    assert any("正卷" in n for n in names) and any("副卷" in n for n in names)
    main = next(p for p in result.volumes if "正卷" in p.name)
    text = pdf_text(main).replace(" ", "")  # the PDF spaces Latin digits from Chinese text
    assert "卷内文件目录" in text and "卷内备考表" in text and "行政处罚决定书" in text
    assert case.number in text
    assert page_count(main) >= result.pages["正卷"] + 3  # cover, contents, reference sheet around the documents
    # the decision precedes the proof of service in the binding order
    assert text.index("送达回证") > text.index("行政处罚决定书")
    _check_archive(result.archive, 6)


@pytest.mark.slow
def test_a_decision_converts_to_pdf_with_its_number_and_amount_in_capitals(world, rng):
    docs = world.services.documents
    if docs.converter is None:
        if REQUIRE:
            pytest.fail("LibreOffice is required here (ZHIFA_REQUIRE_LIBREOFFICE=1) but not found")
        pytest.skip("LibreOffice (soffice) is not installed: no PDF converter")
    case = step(world, world.bureau_head, in_decision_review(world, rng, fine_fen=12_000_00), "approve_decision")
    made = docs.generate(world.officer, case.uuid, "XZCFJDS")
    text = pdf_text(docs.pdf(made.record.uuid)).replace(" ", "")
    assert "行政处罚决定书" in text
    assert made.record.number in text
    assert "壹万贰仟元整" in text and "12,000.00" in text
    assert docs.pdf(made.record.uuid) == docs.pdf(made.record.uuid)  # converted once per content
