"""Checking uploaded or edited .docx templates: what is refused (and why), and which fields a
template uses."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from app.documents.template_check import check_source, check_template
from app.domain.errors import ValidationError
from app.domain.i18n import set_language


def word_file(*paragraphs: str, header: str | None = None, footer: str | None = None) -> bytes:
    """A .docx made the way Word users make them (python-docx's Word default template)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        document.sections[0].footer.paragraphs[0].text = footer
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def refusal(data: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        check_template(data)
    return caught.value


def test_a_template_reports_the_registry_fields_it_uses():
    info = check_template(word_file(
        "当事人：{{ party.name }}，地址：{{ party.address }}",
        "{%p if not party.is_person %}", "法定代表人：{{ party.legal_representative }}", "{%p endif %}",
        "{%p for item in officers %}", "{{ loop.index }}. {{ item.name }} {{ item.certificate_no }}", "{%p endfor %}",
        "第一名执法人员：{{ officers[0].name }}；审批：{{ approvals['filing'].opinion }}",
        header="{{ bureau.name }}", footer="{{ document.number }}"))
    assert info.fields == {"party.name", "party.address", "party.is_person", "party.legal_representative",
                           "officers", "approvals.filing.opinion", "bureau.name", "document.number"}
    assert "party.is_person" not in info.printed  # only tested, never printed


def test_a_field_printed_only_under_a_condition_on_itself_is_not_printed_unconditionally():
    info = check_source("{% if case.act_end_date %}至{{ case.act_end_date }}{% endif %}"
                        "{{ case.matter_name|default('无') }}{{ case.fine if case.fine else '' }}"
                        "{% if party.is_person %}{{ party.name }}{% else %}{{ party.address }}{% endif %}")
    assert info.fields == {"case.act_end_date", "case.matter_name", "case.fine", "party.is_person", "party.name",
                           "party.address"}
    assert info.printed == {"party.name", "party.address"}


def test_tags_split_over_runs_by_word_are_joined_before_checking():
    document = docx.Document()
    paragraph = document.add_paragraph()
    for text, bold in (("当事人：{{ par", False), ("ty.na", True), ("me }}", False)):
        paragraph.add_run(text).bold = bold
    out = io.BytesIO()
    document.save(out)
    assert check_template(out.getvalue()).fields == {"party.name"}


def test_not_a_zip_is_refused():
    error = refusal(b"%PDF-1.7 definitely not a docx")
    assert error.rule == "template.zip"
    assert error.message == "模板不是 .docx 文件（不是 zip 压缩包）"


def test_a_truncated_docx_is_refused():
    data = word_file("{{ party.name }}")
    assert refusal(data[: len(data) // 2]).rule in ("template.zip", "template.docx")


def _zip(parts: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def test_a_zip_that_is_not_a_word_document_is_refused():
    assert refusal(_zip({"hello.txt": "hi"})).rule == "template.docx"
    spreadsheet = _zip({
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                               'officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                       'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": "<workbook/>",
    })
    error = refusal(spreadsheet)
    assert error.rule == "template.docx" and "spreadsheetml" in error.message


def test_broken_xml_inside_the_docx_is_refused_naming_the_part():
    with zipfile.ZipFile(io.BytesIO(word_file("x"))) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:-40]
    error = refusal(_zip(parts))
    assert error.rule == "template.xml" and "word/document.xml" in error.message


def test_a_syntax_error_is_reported_with_the_text_near_it():
    error = refusal(word_file("第一段", "当事人：{{ party.name }", "第三段"))
    assert error.rule == "template.syntax"
    assert "当事人" in error.params["text"]
    error = refusal(word_file("前言", "{%p if party.is_person %}", "没有结束的条件"))
    assert error.rule == "template.syntax"


@pytest.mark.parametrize(("text", "tag"), [
    ("{% include 'other.docx' %}", "include"),
    ("{% import 'macros' as m %}", "import"),
    ("{% from 'macros' import x %}", "import"),
    ("{% extends 'base' %}", "extends"),
    ("{% macro m() %}x{% endmacro %}", "macro"),
    ("{% call party.name() %}x{% endcall %}", "call"),
    ("{% set x = party.name %}", "set"),
    ("{% set x %}y{% endset %}", "set"),
    ("{% block b %}x{% endblock %}", "block"),
    ("{% filter upper %}x{% endfilter %}", "filter"),
    ("{% with x = 1 %}{{ x }}{% endwith %}", "with"),
    ("{% autoescape false %}{{ party.name }}{% endautoescape %}", "autoescape"),
    ("{{ party.name.upper() }}", "call"),
    ("{{ range(10) }}", "call"),
    ("{{ 9 ** 9 ** 9 }}", "**"),
    ("{{ party.name[1:3] }}", "[…:…]"),
    ("{{ {'a': 1} }}", "{…}"),
    ("{% for a, b in officers %}{% endfor %}", "for a, b in"),
])
def test_tags_that_reach_outside_or_define_things_are_refused(text, tag):
    error = refusal(word_file("当事人：{{ party.name }}", text))
    assert error.rule == "template.tag", error.message
    assert error.params["tag"] == tag


@pytest.mark.parametrize("text", [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ party.__dict__ }}",
    "{{ party['__class__'] }}",
    "{{ item._private }}",
])
def test_private_and_dunder_attributes_are_refused(text):
    error = refusal(word_file(text))
    assert error.rule == "template.private", error.message


@pytest.mark.parametrize(("text", "name"), [
    ("{{ party.name|safe }}", "safe"),
    ("{{ party.name|attr('x') }}", "attr"),
    ("{{ party.name|format('x') }}", "format"),
    ("{{ officers|map(attribute='name')|join }}", "map"),
    ("{{ party.name|tojson }}", "tojson"),
    ("{{ party.name|xmlattr }}", "xmlattr"),
])
def test_filters_outside_the_whitelist_are_refused(text, name):
    error = refusal(word_file(text))
    assert (error.rule, error.params["name"]) == ("template.filter", name)


def test_tests_outside_the_whitelist_are_refused():
    error = refusal(word_file("{% if party.name is callable %}x{% endif %}"))
    assert (error.rule, error.params["name"]) == ("template.test", "callable")


def test_harmless_filters_and_tests_are_allowed():
    info = check_template(word_file("{{ party.name|default('——')|trim }}{{ officers|length }}",
                                    "{% if party.phone is defined and party.phone %}{{ party.phone }}{% endif %}",
                                    "{{ case.cause|upper }}{{ '' if officers|length > 1 else '（仅一人）' }}"))
    assert {"party.name", "officers", "party.phone", "case.cause"} <= info.fields


@pytest.mark.parametrize(("text", "name"), [
    ("{{ party.nickname }}", "party.nickname"),
    ("{{ case }}", "case"),  # a group, not a field
    ("{{ approvals.filing }}", "approvals.filing"),
    ("{{ approvals.unknown_slot.opinion }}", "approvals.unknown_slot.opinion"),
    ("{{ lipsum }}", "lipsum"),
    ("{{ self }}", "self"),
    ("{{ config }}", "config"),
    ("{{ item.name }}", "item.name"),  # item outside a loop
    ("{{ loop.index }}", "loop.index"),
    ("{{ officers[0].rank }}", "officers[0].rank"),
])
def test_names_outside_the_registry_are_refused(text, name):
    error = refusal(word_file("当事人：{{ party.name }}", text))
    assert (error.rule, error.params["name"]) == ("template.field", name)


def test_a_foreign_template_with_its_own_fields_is_refused_naming_the_first_unknown_one():
    error = refusal(word_file("客户：{{ customer_name }}", "合同号：{{ contract.no }}"))
    assert error.params["name"] == "customer_name"
    assert error.message == "模板使用了未知字段“customer_name”"
    set_language("en")
    assert error.message == "the template uses an unknown field “customer_name”"


def test_unknown_fields_in_headers_and_footers_are_found_too():
    assert refusal(word_file("正文", header="{{ bureau.logo }}")).params["name"] == "bureau.logo"
    assert refusal(word_file("正文", footer="{{ page_total }}")).params["name"] == "page_total"


def test_loops_must_run_over_list_fields_and_use_only_their_item_keys():
    assert refusal(word_file("{%p for item in party.name %}", "x", "{%p endfor %}")).rule == "template.loop"
    assert refusal(word_file("{%p for item in nothing %}", "x", "{%p endfor %}")).rule == "template.loop"
    error = refusal(word_file("{%p for item in officers %}", "{{ item.phone }}", "{%p endfor %}"))
    assert (error.rule, error.params["name"], error.params["list"]) == ("template.item", "item.phone", "officers")
    error = refusal(word_file("{%p for party in parties %}", "{{ party.name }}", "{%p endfor %}"))
    assert error.rule == "template.loop_variable"
    info = check_template(word_file("{%p for row in measure.items %}",
                                    "{{ loop.index }} {{ row.name }} {{ row.spec }} {{ row.quantity }}",
                                    "{%p endfor %}", "{{ measure.place }}"))
    assert info.fields == {"measure.items", "measure.place"}


def test_table_row_loops_are_checked_after_docxtpl_has_rewritten_them():
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "{%tr for item in evidence %}"
    table.cell(1, 0).text = "{{ item.name }}"
    table.cell(1, 1).text = "{{ item.size }}"
    table.cell(2, 0).text = "{%tr endfor %}"
    out = io.BytesIO()
    document.save(out)
    error = refusal(out.getvalue())
    assert (error.rule, error.params["name"]) == ("template.item", "item.size")


def test_the_registry_knows_labels_requirements_and_list_items():
    from app.documents import fields

    assert fields.is_known("party.address") and fields.label("party.address") == "当事人地址"
    assert not fields.is_known("party") and not fields.is_known("party.nickname")
    assert fields.label("no.such") == "no.such"
    for required in ("case.number", "party.name", "party.address", "bureau.name", "document.number",
                     "document.date", "officers", "case.facts"):
        assert fields.is_required(required), required
    for optional in ("party.legal_representative", "agent.name", "agent.phone", "agent.id_number",
                     "case.act_end_date", "party.is_person", "evidence", "parties", "approvals.filing.opinion"):
        assert not fields.is_required(optional), optional
    assert set(fields.item_keys("officers")) == {"index", "name", "certificate_no"}
    assert set(fields.item_keys("evidence")) == {"index", "name", "source", "date", "note"}
    assert set(fields.item_keys("measure.items")) == {"index", "name", "spec", "quantity", "note"}
    assert set(fields.item_keys("parties")) == {k.split(".")[1] for k in fields.FIELDS if k.startswith("party.")}
    assert fields.item_keys("party.name") == {}
    assert all(f.label and any("\u4e00" <= c <= "\u9fff" for c in f.label) for f in fields.FIELDS.values())
    assert {f"approvals.{slot}.{key}" for slot in ("filing", "decision", "legal_review", "closing", "measure",
                                                     "measure_release", "enforcement", "case_review", "collective")
            for key in ("opinion", "name", "date")} <= set(fields.FIELDS)


def test_values_are_found_by_their_dotted_path():
    from app.documents.fields import is_empty, value_at

    context = {"party": {"name": "鸿运", "is_person": False}, "officers": [], "today": ""}
    assert value_at(context, "party.name") == "鸿运"
    assert value_at(context, "party.is_person") is False
    assert value_at(context, "party.address") is None
    assert value_at(context, "case.number") is None
    assert value_at(context, "party.name.first") is None
    assert [is_empty(v) for v in ("", "  ", None, [], "x", False, 0, ["a"])] == \
        [True, True, True, True, False, False, False, False]
