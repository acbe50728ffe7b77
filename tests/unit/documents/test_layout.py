"""GB/T 9704 layout: page, margins, 22 lines of 28 characters, styles and font roles with their
fallbacks, page-number footers (odd right, even left), and the East Asian font on every run."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from app.documents import layout
from app.documents.layout import BODY, HEADING, PAGE_NUMBER, TITLE, W

MM_TOLERANCE = Mm(0.1)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_the_page_is_a4_with_the_gbt_9704_margins():
    section = layout.new_document().sections[0]
    for value, mm in ((section.page_width, 210), (section.page_height, 297), (section.top_margin, 37),
                      (section.bottom_margin, 35), (section.left_margin, 28), (section.right_margin, 26)):
        assert abs(value - Mm(mm)) <= MM_TOLERANCE
    assert layout.TEXT_WIDTH_MM == 156 and layout.TEXT_HEIGHT_MM == 225
    # the page number's dashes start 7 mm below the text block
    footer_top = section.footer_distance + Pt(layout.PAGE_NUMBER_LINE_TWIPS / 20)
    assert abs(footer_top - Mm(35 - 7)) <= MM_TOLERANCE


def test_twenty_two_lines_of_twenty_eight_characters_fit_the_text_block():
    block_twips = layout.mm_to_twips(layout.TEXT_HEIGHT_MM)
    assert 22 * layout.LINE_PITCH_TWIPS <= block_twips < 23 * layout.LINE_PITCH_TWIPS
    line_pt = layout.TEXT_WIDTH_MM / 25.4 * 72
    char_pt = layout.BODY_PT + layout.BODY_CHAR_SPACING_TWIPS / 20
    assert 28 * char_pt <= line_pt < 29 * char_pt


def test_the_font_roles_and_their_fallbacks():
    assert (BODY.name, BODY.fallbacks) == ("仿宋", ("仿宋_GB2312", "FangSong", "Noto Serif CJK SC"))
    assert (TITLE.name, TITLE.fallbacks) == ("方正小标宋简体", ("华文中宋", "宋体", "Noto Serif CJK SC"))
    assert (PAGE_NUMBER.name, PAGE_NUMBER.fallbacks) == ("宋体", ("SimSun", "Noto Serif CJK SC"))
    assert (HEADING.name, HEADING.fallbacks) == ("黑体", ("SimHei", "Noto Sans CJK SC"))


def test_the_font_table_chains_every_role_to_its_fallbacks():
    fonts = etree.fromstring(layout.font_table_xml())
    alt = {f.get(qn("w:name")): (f.find(qn("w:altName")).get(qn("w:val")) if f.find(qn("w:altName")) is not None
                                 else None) for f in fonts.iter(qn("w:font"))}
    for role in layout.ROLES.values():
        assert alt[role.name] == role.fallbacks[0]
        reached, name = [], role.name
        while name is not None and name not in reached:
            reached.append(name)
            name = alt.get(name)
        assert role.fallbacks[-1] in reached  # a Noto face everyone has is at the end of every chain
    assert all(f.find(qn("w:charset")).get(qn("w:val")) == "86" for f in fonts.iter(qn("w:font")))


@pytest.mark.parametrize(("style_id", "role", "half_points"), [
    ("Normal", BODY, 32), ("ZhifaBody", BODY, 32), ("ZhifaTitle", TITLE, 44), ("ZhifaHeading", HEADING, 32),
    ("ZhifaNote", BODY, 28), ("ZhifaTableText", BODY, 28), ("ZhifaSignature", BODY, 32),
    ("Footer", PAGE_NUMBER, 28),
])
def test_every_style_names_its_role_font_as_east_asian_font(style_id, role, half_points):
    styles = etree.fromstring(layout.styles_xml())
    style = next(s for s in styles.iter(qn("w:style")) if s.get(qn("w:styleId")) == style_id)
    rfonts = style.find(f"{W}rPr/{W}rFonts")
    assert {rfonts.get(qn(f"w:{a}")) for a in ("eastAsia", "ascii", "hAnsi")} == {role.name}
    assert style.find(f"{W}rPr/{W}sz").get(qn("w:val")) == str(half_points)


def test_body_text_has_exact_line_spacing_and_the_title_is_centred():
    document = layout.new_document()
    normal = document.styles["Normal"].paragraph_format
    assert normal.line_spacing == Pt(28.95)
    assert document.styles["文书标题"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert document.styles["文书正文"].paragraph_format.first_line_indent == Pt(32)
    defaults = etree.fromstring(layout.styles_xml()).find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}rFonts").get(qn("w:eastAsia")) == "仿宋"
    assert defaults.find(f"{W}lang").get(qn("w:eastAsia")) == "zh-CN"


def test_odd_and_even_pages_have_their_own_page_number_footers():
    data = layout.skeleton_docx("测试")
    parts = _parts(data)
    settings = etree.fromstring(parts["word/settings.xml"])
    assert settings.find(f"{W}evenAndOddHeaders") is not None
    section = layout.new_document().sections[0]
    assert section.even_page_footer.is_linked_to_previous is False
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        assert paragraph.text == "— 1 —"  # the field's cached value between the dashes
        assert paragraph._p.find(f"{W}pPr/{W}jc").get(qn("w:val")) == side
        instructions = [t.text for t in paragraph._p.iter(qn("w:instrText"))]
        assert instructions == [" PAGE "]
        for run in paragraph._p.iter(qn("w:r")):
            assert run.find(f"{W}rPr/{W}rFonts").get(qn("w:eastAsia")) == "宋体"
            assert run.find(f"{W}rPr/{W}sz").get(qn("w:val")) == "28"


def test_the_skeleton_is_the_same_bytes_every_time():
    assert layout.skeleton_docx("行政处罚决定书") == layout.skeleton_docx("行政处罚决定书")
    with zipfile.ZipFile(io.BytesIO(layout.skeleton_docx())) as z:
        assert {i.date_time for i in z.infolist()} == {layout.FIXED_ZIP_TIME}
        assert z.namelist()[0] == "[Content_Types].xml"


def _east_asian(run) -> str | None:
    rfonts = run._r.find(f"{W}rPr/{W}rFonts")
    return None if rfonts is None else rfonts.get(qn("w:eastAsia"))


def test_enforcing_fonts_names_the_style_role_font_on_every_run():
    document = layout.new_document()
    plain = document.add_paragraph("正文").runs[0]
    title = document.add_paragraph("标题", style="文书标题").runs[0]
    heading = document.add_paragraph("一、违法事实", style="文书小标题").runs[0]
    cell_run = document.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("表格")
    chosen = document.add_paragraph().add_run("楷体字")
    chosen._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "楷体")
    assert layout.enforce_east_asian_fonts(document) == 5  # the 楷体 run lacked its Latin faces
    assert [_east_asian(r) for r in (plain, title, heading, cell_run, chosen)] == \
        ["仿宋", "方正小标宋简体", "黑体", "仿宋", "楷体"]
    rfonts = chosen._r.find(f"{W}rPr/{W}rFonts")
    # the Latin faces it lacked are the ones Word showed anyway: its style's
    assert rfonts.get(qn("w:ascii")) == "仿宋" and rfonts.get(qn("w:hAnsi")) == "仿宋"
    assert layout.enforce_east_asian_fonts(document) == 0  # nothing left to do


def test_enforcing_fonts_fixes_a_word_document_using_theme_fonts():
    """python-docx's own default template is a Word document with theme fonts everywhere."""
    document = docx.Document()
    document.add_heading("标题", level=1)
    body = document.add_paragraph("正文")
    themed = body.add_run("主题字体")
    themed._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsiaTheme"), "minorEastAsia")
    header_run = document.sections[0].header.paragraphs[0].add_run("页眉 {{ bureau.name }}")
    footer_run = document.sections[0].footer.paragraphs[0].add_run("页脚")
    latin = body.add_run("Arial text")
    latin.font.name = "Arial"  # python-docx sets ascii and hAnsi only
    layout.enforce_east_asian_fonts(document)
    runs = [r for p in document.paragraphs for r in p.runs] + [header_run, footer_run]
    assert all(_east_asian(r) for r in runs)
    assert themed._r.find(f"{W}rPr/{W}rFonts").get(qn("w:eastAsiaTheme")) is None
    assert _east_asian(themed) == "仿宋"  # the theme font is not a face Word/WPS users can rely on
    assert latin._r.find(f"{W}rPr/{W}rFonts").get(qn("w:ascii")) == "Arial"  # Latin face kept
    saved = io.BytesIO()
    document.save(saved)
    reopened = docx.Document(io.BytesIO(saved.getvalue()))
    assert all(_east_asian(r) for p in reopened.paragraphs for r in p.runs)


def test_a_run_gets_the_face_of_its_character_style_first():
    styles = etree.fromstring(layout.styles_xml())
    char_style = etree.SubElement(styles, qn("w:style"), {qn("w:type"): "character", qn("w:styleId"): "Kai"})
    etree.SubElement(etree.SubElement(char_style, qn("w:rPr")), qn("w:rFonts"), {qn("w:eastAsia"): "楷体"})
    resolver = layout.FontResolver(styles)
    assert resolver.fonts("ZhifaTitle", "Kai")["eastAsia"] == "楷体"
    assert resolver.fonts("ZhifaTitle", None)["eastAsia"] == "方正小标宋简体"
    assert resolver.fonts("NoSuchStyle", None)["eastAsia"] == "仿宋"
    assert layout.FontResolver(None).fonts(None, None) == {"eastAsia": "仿宋", "ascii": "仿宋", "hAnsi": "仿宋"}
