"""Template specs -> .docx templates: the layout and Jinja tags each block turns into, the same
bytes for the same spec, and refusals that name the block."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from lxml import etree

from app.documents import layout
from app.documents.builder import SEAL_BOOKMARK, build_template
from app.documents.layout import W
from app.documents.template_check import check_template
from app.domain.errors import ValidationError
from app.domain.i18n import set_language

SPEC = {
    "title": "行政处罚决定书",
    "number_line": True,
    "blocks": [
        {"p": "当事人：{{ party.name }}", "indent": False},
        {"p": "法定代表人：{{ party.legal_representative }}", "when": "not party.is_person", "indent": False},
        {"heading": "一、违法事实"},
        {"p": "{{ case.facts }}"},
        {"loop": "officers", "p": "{{ item.name }}（执法证号：{{ item.certificate_no }}）", "align": "center"},
        {"table": [["案由", "{{ case.cause }}"], ["当事人", "{{ party.name }}"], ["以下为审批意见"]], "widths": [40, 116]},
        {"approval": "filing", "label": "承办机构负责人意见"},
        {"approval": "decision"},
        {"loop_table": "evidence", "header": ["序号", "证据名称", "来源"],
         "cells": ["{{ item.index }}", "{{ item.name }}", "{{ item.source }}"], "widths": [16, 90, 50]},
        {"signature": True},
        {"note": "本文书一式两份。"},
        {"page_break": True},
        {"p": "送达地址：{{ party.address }}", "indent": False},
    ],
}


def built(spec=SPEC) -> docx.document.Document:
    return docx.Document(io.BytesIO(build_template(spec)))


def paragraph_texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_the_title_and_the_number_line_come_first():
    document = built()
    title, number = document.paragraphs[:2]
    assert (title.text, title.style.style_id) == ("行政处罚决定书", "ZhifaTitle")
    assert (number.text, number.style.style_id) == ("{{ document.number }}", "ZhifaNumber")
    assert number.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    without = built({"title": "询问笔录", "blocks": [{"p": "x"}]})
    assert "{{ document.number }}" not in paragraph_texts(without)
    with_issuer = built({"title": "询问笔录", "issuer": True, "blocks": []})
    assert paragraph_texts(with_issuer)[:2] == ["{{ bureau.name }}", "询问笔录"]


def test_conditions_and_loops_get_paragraphs_of_their_own():
    texts = paragraph_texts(built())
    i = texts.index("{%p if not party.is_person %}")
    assert texts[i:i + 3] == ["{%p if not party.is_person %}", "法定代表人：{{ party.legal_representative }}",
                              "{%p endif %}"]
    i = texts.index("{%p for item in officers %}")
    assert texts[i:i + 3] == ["{%p for item in officers %}", "{{ item.name }}（执法证号：{{ item.certificate_no }}）",
                              "{%p endfor %}"]


def test_paragraph_styles_indent_and_alignment():
    document = built()
    by_text = {p.text: p for p in document.paragraphs}
    assert by_text["{{ case.facts }}"].style.style_id == "ZhifaBody"  # first-line indent of two characters
    assert by_text["当事人：{{ party.name }}"].style.style_id == "Normal"  # "indent": false
    assert by_text["一、违法事实"].style.style_id == "ZhifaHeading"
    assert by_text["本文书一式两份。"].style.style_id == "ZhifaNote"
    assert by_text["{{ item.name }}（执法证号：{{ item.certificate_no }}）"].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_tables_have_fixed_widths_in_millimetres_and_approval_boxes_join_the_form_before_them():
    document = built()
    form, evidence = document.tables
    grid = [int(c.get(qn("w:w"))) for c in form._tbl.find(qn("w:tblGrid"))]
    assert grid == [layout.mm_to_twips(40), layout.mm_to_twips(116)]
    assert form._tbl.find(f"{W}tblPr/{W}tblLayout").get(qn("w:type")) == "fixed"
    rows = [[c.text for c in r.cells] for r in form.rows]
    assert rows[0] == ["案由", "{{ case.cause }}"]
    assert rows[2] == ["以下为审批意见", "以下为审批意见"]  # one cell spanning both columns
    assert rows[3][0] == "承办机构负责人意见"
    assert rows[3][1].startswith("{{ approvals.filing.opinion }}\n签名：{{ approvals.filing.name or")
    assert rows[4][0] == "处罚决定审批意见"  # the default label
    assert [[c.text for c in r.cells] for r in evidence.rows] == [
        ["序号", "证据名称", "来源"],
        ["{%tr for item in evidence %}"] * 3,
        ["{{ item.index }}", "{{ item.name }}", "{{ item.source }}"],
        ["{%tr endfor %}"] * 3,
    ]
    assert evidence.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None  # repeated on every page


def test_the_signature_carries_the_seal_bookmark_on_the_bureau_name():
    document = built()
    starts = list(document.element.body.iter(qn("w:bookmarkStart")))
    assert [b.get(qn("w:name")) for b in starts] == [SEAL_BOOKMARK]
    paragraph = starts[0].getparent()
    assert "".join(t.text for t in paragraph.iter(qn("w:t"))) == "{{ bureau.name }}"
    texts = paragraph_texts(document)
    assert texts[texts.index("{{ bureau.name }}") + 1] == "{{ document.date }}"


def test_a_page_break_block_breaks_the_page():
    breaks = [b for b in built().element.body.iter(qn("w:br")) if b.get(qn("w:type")) == "page"]
    assert len(breaks) == 1


def test_the_built_template_passes_the_import_check_and_names_its_fields():
    info = check_template(build_template(SPEC))
    assert info.fields == {"document.number", "party.name", "party.legal_representative", "party.is_person",
                           "case.facts", "officers", "case.cause", "approvals.filing.opinion",
                           "approvals.filing.name", "approvals.filing.date", "approvals.decision.opinion",
                           "approvals.decision.name", "approvals.decision.date", "evidence", "bureau.name",
                           "document.date", "party.address"}


def test_every_run_names_its_east_asian_font_and_the_page_is_set_up():
    data = build_template(SPEC)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = z.read("word/document.xml")
    runs = list(etree.fromstring(body).iter(qn("w:r")))
    assert runs and all(r.find(f"{W}rPr/{W}rFonts").get(qn("w:eastAsia")) for r in runs)
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert (section.page_width.mm, section.left_margin.mm) == pytest.approx((210, 28), abs=0.1)


def test_the_same_spec_gives_the_same_bytes():
    assert build_template(SPEC) == build_template(dict(SPEC))


def refused(spec) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        build_template(spec)
    return caught.value


def test_the_spec_itself_must_be_well_formed():
    assert refused(["not", "an", "object"]).rule == "spec.format"
    assert refused({"title": "x", "blocks": [], "footer": "y"}).params["key"] == "footer"
    assert refused({"blocks": []}).rule == "spec.title"
    assert refused({"title": " ", "blocks": []}).rule == "spec.title"
    assert refused({"title": "x", "number_line": "yes", "blocks": []}).rule == "spec.flag"
    assert refused({"title": "x", "blocks": {"p": "x"}}).rule == "spec.blocks"
    assert refused({"title": "{{ party.nickname }}", "blocks": []}).rule == "spec.title"


def block_refusal(block: object, before: int = 1) -> ValidationError:
    error = refused({"title": "测试", "blocks": [{"p": "正文"}] * before + [block]})
    assert error.rule == "spec.block" and error.params["index"] == before
    return error


@pytest.mark.parametrize(("block", "rule"), [
    ("a string", "spec.format"),
    ({}, "spec.kind"),
    ({"p": "x", "colour": "red"}, "spec.key"),
    ({"heading": "一、", "p": "x"}, "spec.key"),
    ({"table": [["a"]], "note": "x"}, "spec.kind"),
    ({"p": 12}, "spec.text"),
    ({"p": "当事人\x07：{{ party.name }}"}, "spec.text"),
    ({"p": "x", "align": "middle"}, "spec.align"),
    ({"p": "x", "indent": "no"}, "spec.flag"),
    ({"p": "{{ party.nickname }}"}, "template.field"),
    ({"p": "{{ party.name }"}, "template.syntax"),
    ({"p": "{% if party.is_person %}个人"}, "template.syntax"),
    ({"p": "{{ ''.__class__ }}"}, "template.private"),
    ({"p": "{% include 'x' %}"}, "template.tag"),
    ({"p": "{%p if party.is_person %}"}, "spec.docxtpl_tag"),
    ({"p": "x", "when": "party.is_person %}{% include 'x'"}, "spec.when"),
    ({"p": "x", "when": "party.nickname"}, "template.field"),
    ({"p": "x", "when": ""}, "spec.when"),
    ({"loop": "party.name", "p": "{{ item.name }}"}, "spec.loop"),
    ({"loop": "officers"}, "spec.text"),
    ({"loop": "officers", "p": "{{ item.phone }}"}, "template.item"),
    ({"table": [["a", "b"]], "widths": [40]}, "spec.table"),
    ({"table": [["a", "b"]], "widths": [40, -1]}, "spec.widths"),
    ({"table": [["a", "b"]], "widths": [100, 100]}, "spec.widths"),
    ({"table": [["a", "b"]], "widths": [True, 40]}, "spec.widths"),
    ({"table": [["a", "b"], ["a", "b", "c"]]}, "spec.table"),
    ({"table": []}, "spec.table"),
    ({"table": [["a", 3]]}, "spec.text"),
    ({"loop_table": "evidence", "header": ["a", "b"], "cells": ["{{ item.name }}"]}, "spec.loop_table"),
    ({"loop_table": "hearing", "header": ["a"], "cells": ["x"]}, "spec.loop"),
    ({"approval": "payment"}, "spec.approval"),
    ({"signature": "yes"}, "spec.flag"),
    ({"page_break": False}, "spec.flag"),
])
def test_a_bad_block_is_refused_naming_its_index(block, rule):
    error = block_refusal(block, before=2)
    assert error.params["reason"].error.rule == rule, error.message


def test_the_refusal_reads_in_chinese_and_in_english():
    error = block_refusal({"p": "{{ party.nickname }}"})
    assert error.message == "文书模板内容块 blocks[1]：模板使用了未知字段“party.nickname”"
    assert error.english == "template block 1: the template uses an unknown field “party.nickname”"
    set_language("en")
    assert error.message == error.english


def test_a_template_has_one_signature():
    error = refused({"title": "x", "blocks": [{"signature": True}, {"p": "x"}, {"signature": True}]})
    assert (error.rule, error.params["index"]) == ("spec.block.signature", 2)
