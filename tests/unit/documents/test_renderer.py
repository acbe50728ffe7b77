"""Rendering templates with a field context: values filled in and never able to become markup or
template code, missing fields named in Chinese, fonts on every run, and the speed of it."""

from __future__ import annotations

import io
import json
import statistics
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from app.documents import renderer
from app.documents.builder import build_template
from app.documents.fields import value_at
from app.documents.layout import W
from app.documents.renderer import MissingFields, render, template_info
from app.domain.errors import ValidationError
from app.domain.i18n import set_language
from tests.fakes.document_context import full_context, with_values, without
from tests.unit.documents.test_template_check import word_file

# A 行政处罚决定书 as the shipped specs write it: the size the speed target is about.
DECISION = {
    "title": "行政处罚决定书",
    "number_line": True,
    "issuer": True,
    "blocks": [
        {"p": "当事人：{{ party.name }}", "indent": False},
        {"p": "{{ party.id_label }}：{{ party.id_number }}", "indent": False},
        {"p": "法定代表人（负责人）：{{ party.legal_representative }}", "when": "not party.is_person", "indent": False},
        {"p": "住所（住址）：{{ party.address }}", "indent": False},
        {"p": "联系电话：{{ party.phone }}", "when": "party.phone", "indent": False},
        {"p": "委托代理人：{{ agent.name }}，联系电话：{{ agent.phone }}", "when": "agent.name", "indent": False},
        {"p": "{{ case.source }}，本局于{{ case.filed_date }}对当事人{{ case.cause }}立案调查。"
              "本案现已调查终结。"},
        {"heading": "一、违法事实和证据"},
        {"p": "经查，{{ case.facts }}"},
        {"p": "上述事实，主要有以下证据证明："},
        {"loop": "evidence", "p": "{{ item.index }}. {{ item.name }}（{{ item.source }}，{{ item.date }}），"
                                  "{{ item.note }}；"},
        {"heading": "二、陈述申辩与听证"},
        {"p": "本局于{{ case.investigation_end_date }}向当事人告知拟作出行政处罚的事实、理由、依据及当事人依法享有的"
              "陈述、申辩和要求听证的权利。当事人在法定期限内未提出陈述、申辩，也未要求听证。"},
        {"heading": "三、处罚依据和处罚决定"},
        {"p": "本局认为，当事人的上述行为违反了{{ case.legal_basis }}的规定，构成{{ case.cause }}。"
              "依据{{ case.penalty_basis }}的规定，本局决定对当事人作出如下行政处罚："},
        {"p": "{{ case.penalty }}"},
        {"p": "罚款人民币{{ case.fine }}元（{{ case.fine_capitals }}）。"},
        {"heading": "四、履行方式和期限"},
        {"p": "当事人应当自收到本决定书之日起{{ payment.days }}日内，将罚款缴至{{ payment.bank }}"
              "（户名：{{ payment.account_name }}，账号：{{ payment.account_no }}）。到期不缴纳罚款的，"
              "本局可以每日按罚款数额的{{ payment.late_rate }}加处罚款。"},
        {"heading": "五、救济途径"},
        {"p": "当事人对本行政处罚决定不服的，可以在收到本决定书之日起{{ appeal.review_days }}日内向"
              "{{ appeal.review_body }}申请行政复议，或者在{{ appeal.lawsuit_months }}个月内向{{ appeal.court }}"
              "提起行政诉讼。申请行政复议或者提起行政诉讼的，行政处罚不停止执行，法律另有规定的除外。"},
        {"p": "执法人员：{{ officers_text }}"},
        {"signature": True},
        {"note": "本文书一式两份，一份送达当事人，一份归档。"},
    ],
}


@pytest.fixture(scope="module")
def decision() -> bytes:
    return build_template(DECISION)


def opened(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def all_text(document) -> str:
    return "\n".join(t.text or "" for t in document.element.body.iter(qn("w:t")))


def test_the_fields_are_filled_in(decision):
    document = opened(render(decision, full_context()))
    texts = [p.text for p in document.paragraphs]
    assert texts[:3] == ["江门市江海区市场监督管理局", "行政处罚决定书", "江海市监罚〔2026〕12号"]
    assert "当事人：江门市江海区鸿运食品商行" in texts
    assert "法定代表人（负责人）：刘芳" in texts
    assert "罚款人民币12,000.00元（壹万贰仟元整）。" in texts
    assert "3. 进货单据复印件（当事人提供，二〇二六年三月五日），经当事人签名确认；" in texts
    assert texts[-3:] == ["江门市江海区市场监督管理局", "二〇二六年五月十一日", "本文书一式两份，一份送达当事人，一份归档。"]
    text = all_text(document)
    assert "{{" not in text and "{%" not in text


def test_a_false_condition_drops_its_paragraph(decision):
    person = full_context(**{"party.is_person": True, "party.legal_representative": "", "agent.name": ""})
    texts = [p.text for p in opened(render(decision, person)).paragraphs]
    assert not any(t.startswith(("法定代表人", "委托代理人")) for t in texts)


def test_each_line_of_a_multi_line_value_is_a_paragraph_of_its_own(decision):
    document = opened(render(decision, full_context()))
    facts = [p for p in document.paragraphs if p.text.startswith(("经查，2026年2月27日", "经查，当事人于2026年1月购进"))]
    assert len(facts) == 2 and facts[0].text.startswith("经查，2026年2月27日")
    assert {p.style.style_id for p in facts} == {"ZhifaBody"}  # each indented as a paragraph
    line_breaks = full_context(**{"case.facts": "第一行\r\n第二行\r第三行"})
    texts = [p.text for p in opened(render(decision, line_breaks)).paragraphs]
    start = texts.index("经查，第一行")
    assert texts[start:start + 3] == ["经查，第一行", "第二行", "第三行"]


@pytest.mark.parametrize("name", [
    "</w:t></w:r><w:r><w:t>X",
    "{{ 7*7 }}",
    "{% include 'x' %}{{ ''.__class__ }}",
    "{%p endif %}",
    "A & B <公司> \"引号\" '单引号'",
    "]]><!-- -->&amp;",
])
def test_values_are_printed_literally_and_cannot_inject_markup_or_template_code(decision, name):
    data = render(decision, full_context(**{"party.name": name}))
    document = opened(data)
    assert f"当事人：{name}" in [p.text for p in document.paragraphs]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    # the value stayed inside one text node: no element was added by it
    assert any(t.text == f"当事人：{name}" for t in body.iter(qn("w:t")))


def test_characters_xml_cannot_hold_are_dropped(decision):
    data = render(decision, full_context(**{"party.name": "鸿运\x00\x07\x0b\x0c\x1f食品\ud800商行"}))
    assert "当事人：鸿运食品商行" in [p.text for p in opened(data).paragraphs]


def test_a_markup_string_is_escaped_like_any_other():
    from markupsafe import Markup

    template = word_file("当事人：{{ party.name }}")
    data = render(template, {"party": {"name": Markup("<w:br/>鸿运")}})
    assert "当事人：<w:br/>鸿运" in [p.text for p in opened(data).paragraphs]


def test_every_missing_field_is_named_by_its_chinese_label(decision):
    context = without(full_context(), "party.address", "document.number")
    with_values(context, {"case.facts": "  ", "officers_text": ""})
    with pytest.raises(MissingFields) as caught:
        render(decision, context)
    error = caught.value
    assert error.fields == ["case.facts", "party.address", "officers_text", "document.number"]  # registry order
    assert error.message == "制作文书前请先填写：违法事实、当事人地址、执法人员及执法证号、文号"
    assert error.english == ("fill in these fields before making the document: case.facts, party.address, "
                             "officers_text, document.number")
    assert isinstance(error, ValidationError)
    set_language("en")
    assert error.message == error.english


def test_optional_and_guarded_fields_may_be_empty(decision):
    context = full_context(**{"party.phone": "", "agent.name": "", "agent.phone": "", "party.id_number": "",
                              "party.legal_representative": "", "case.matter_name": ""})
    without(context, "hearing", "measure", "approvals")
    render(decision, context)  # party.phone and agent.* are printed only under a condition on themselves


def test_a_document_type_can_require_fields_the_template_does_not_print(decision):
    context = full_context(**{"party.postcode": "", "agent.name": ""})
    with pytest.raises(MissingFields) as caught:
        render(decision, context, required=("party.postcode", "agent.name", "party.name"))
    assert caught.value.fields == ["party.postcode", "agent.name"]
    with pytest.raises(ValueError):
        render(decision, full_context(), required=("party.nickname",))


def test_a_list_field_that_is_required_may_not_be_empty():
    template = build_template({"title": "x", "blocks": [{"loop": "officers", "p": "{{ item.name }}"}]})
    with pytest.raises(MissingFields) as caught:
        render(template, full_context(officers=[]))
    assert caught.value.fields == ["officers"]
    assert "执法人员" in caught.value.message


def test_a_foreign_template_is_refused_at_render_time_too():
    with pytest.raises(ValidationError) as caught:
        render(word_file("客户：{{ customer.name }}"), full_context())
    assert caught.value.rule == "template.field"
    with pytest.raises(ValidationError) as caught:
        render(b"not a docx", full_context())
    assert caught.value.rule == "template.zip"


def test_a_word_template_renders_body_headers_and_footers_with_fonts_on_every_run():
    template = word_file("当事人：{{ party.name }}", "{{ case.cause }}", header="{{ bureau.name }}",
                         footer="{{ document.number }}")
    data = render(template, full_context())
    document = opened(data)
    assert [p.text for p in document.paragraphs] == ["当事人：江门市江海区鸿运食品商行", "销售超过保质期的食品案"]
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "江门市江海区市场监督管理局"
    assert section.footer.paragraphs[0].text == "江海市监罚〔2026〕12号"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in ("word/document.xml", "word/header1.xml", "word/footer1.xml"):
            runs = list(etree.fromstring(z.read(name)).iter(qn("w:r")))
            assert runs and all(r.find(f"{W}rPr/{W}rFonts").get(qn("w:eastAsia")) for r in runs), name


def test_a_type_error_inside_the_template_is_reported_not_raised_raw():
    with pytest.raises(ValidationError) as caught:
        render(word_file("{{ case.fine + 1 }}"), full_context())
    assert caught.value.rule == "document.render"


def test_rendering_is_repeatable_and_does_not_change_the_template(decision):
    before = bytes(decision)
    first = render(decision, full_context())
    assert render(decision, full_context()) == first
    assert decision == before
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert z.testzip() is None
        assert z.namelist()[0] == "[Content_Types].xml"


def test_a_template_is_checked_once_and_kept(monkeypatch, decision):
    renderer.clear_cache()
    calls = []
    real = renderer.inspect_template
    monkeypatch.setattr(renderer, "inspect_template", lambda data: calls.append(1) or real(data))
    for _ in range(3):
        render(decision, full_context())
    assert template_info(decision).fields >= {"party.name", "case.facts"}
    assert len(calls) == 1


def test_a_decision_renders_in_well_under_a_tenth_of_a_second(decision):
    render(decision, full_context())  # checked and compiled once
    times = []
    for _ in range(9):
        context = full_context()
        start = time.perf_counter()
        render(decision, context)
        times.append(time.perf_counter() - start)
    assert statistics.median(times) <= 0.1, times


SHIPPED = sorted((Path(__file__).resolve().parents[3] / "resources" / "documents" / "templates").glob("*.json"))


@pytest.mark.parametrize("spec_path", SHIPPED or [None], ids=[p.stem for p in SHIPPED] or ["none"])
def test_every_shipped_spec_builds_and_renders_a_complete_gbt_9704_document(spec_path):
    if spec_path is None:
        pytest.skip("no template specs shipped yet (resources/documents/templates/*.json)")
    template = build_template(json.loads(spec_path.read_text(encoding="utf-8")))
    context = full_context()
    data = render(template, context)
    document = opened(data)
    text = "".join(t.text or "" for t in document.element.body.iter(qn("w:t")))
    assert "{{" not in text and "{%" not in text
    for path in sorted(template_info(template).printed):
        value = value_at(context, path)
        if isinstance(value, str) and value:
            assert value.split("\n")[0] in text, path
        elif isinstance(value, list):
            first = next(v for v in value[0].values() if isinstance(v, str) and v)
            assert first in text, path
    section = document.sections[0]
    assert [round(x.mm) for x in (section.page_width, section.page_height, section.top_margin,
                                  section.bottom_margin, section.left_margin, section.right_margin)] == \
        [210, 297, 37, 35, 28, 26]
    for footer in (section.footer, section.even_page_footer):
        assert [t.text for t in footer._element.iter(qn("w:instrText"))] == [" PAGE "]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in [n for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")]:
            runs = etree.fromstring(z.read(name)).iter(qn("w:r"))
            assert all(r.find(f"{W}rPr/{W}rFonts").get(qn("w:eastAsia")) for r in runs), name


def test_a_column_loop_widens_the_table_grid_to_its_cells():
    document = docx.Document()
    table = document.add_table(rows=1, cols=4)
    for i, text in enumerate(("执法人员", "{%tc for item in officers %}", "{{ item.name }}", "{%tc endfor %}")):
        table.cell(0, i).text = text
    out = io.BytesIO()
    document.save(out)
    rendered = opened(render(out.getvalue(), full_context())).tables[0]
    assert [c.text for c in rendered.rows[0].cells] == ["执法人员", "王明", "李强"]
    assert len(rendered._tbl.find(qn("w:tblGrid"))) == 3
