"""Every shipped document type generates from a demo case walked through the real services, and the
.docx it makes holds the case's data, no template tags, an East Asian font on every run and the
GB/T 9704 page (A4, top margin 37 mm, binding margin 28 mm)."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from app.domain.cases import CaseKind
from tests.fakes.walks import in_decision_review, opened, step

TYPED = {"date": "2026-03-20", "text": "江海区市场监督管理局三楼听证室",
         "items": "过期饼干，500克/袋，12袋，已封存\n过期牛奶，250毫升/盒，6盒"}


def _walked(world, rng):
    """One case per kind, each as far along as its documents need."""
    ordinary = step(world, world.bureau_head, in_decision_review(world, rng, fine_fen=12_000_00), "approve_decision")
    simple = step(world, world.officer, opened(world, rng, kind=CaseKind.PENALTY_SIMPLE, proposed_fine_fen=100_00),
                  "decide_on_spot", params={"fine_fen": 100_00})
    coercive = opened(world, rng, kind=CaseKind.COERCIVE)
    coercive = step(world, world.officer, coercive, "submit_measure")
    coercive = step(world, world.bureau_head, coercive, "approve_measure")
    inspection = step(world, world.officer, opened(world, rng, kind=CaseKind.INSPECTION), "start_inspection")
    return {CaseKind.PENALTY_ORDINARY: ordinary, CaseKind.PENALTY_SIMPLE: simple, CaseKind.COERCIVE: coercive,
            CaseKind.INSPECTION: inspection}


def _all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def _runs_without_east_asian_font(document) -> int:
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.footer._element, section.header._element, section.even_page_footer._element]
    missing = 0
    for part in parts:
        for run in part.iter(qn("w:r")):
            fonts = run.find(qn("w:rPr") + "/" + qn("w:rFonts"))
            if fonts is None or not fonts.get(qn("w:eastAsia")):
                missing += 1
    return missing


@pytest.mark.slow
def test_every_shipped_document_type_generates_from_a_demo_case(world, rng):
    cases = _walked(world, rng)
    docs = world.services.documents
    types = [t for t in docs.catalogue.types if not t.dossier_part]
    assert len(types) >= 28
    for t in types:
        case = next(cases[k] for k in (*t.kinds, *cases) if k in cases)
        typed = {f.path: f.value or TYPED[f.kind] for f in docs.input_fields(case.uuid, t.code)}
        made = docs.generate(world.officer, case.uuid, t.code, inputs=typed)
        document = docx.Document(str(made.path))
        text = _all_text(document)
        assert "{{" not in text and "{%" not in text, t.code
        assert t.name.replace("/", "") in text.replace("/", "") or t.name in text, t.code
        assert case.party_names.split("、")[0] in text or case.number in text, t.code
        assert _runs_without_east_asian_font(document) == 0, t.code
        section = document.sections[0]
        assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1), t.code
        assert abs(section.top_margin - Mm(37)) < Mm(1) and abs(section.left_margin - Mm(28)) < Mm(1), t.code
