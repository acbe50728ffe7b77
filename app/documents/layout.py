"""Page layout per GB/T 9704-2012 (党政机关公文格式) for every generated document: A4, the margins
that give a 156 × 225 mm text block, 仿宋 三号 body on an exact 22-lines-a-page pitch, 小标宋 二号 titles,
"— 1 —" page numbers in 宋体 四号 (odd pages right, even pages left), and the East Asian font named on
every run (Word and WPS pick the CJK face from ``w:eastAsia``, not from ``w:ascii``).

The font roles and their fallback names are defined here and nowhere else: styles, the font table
(``w:altName`` chains, so Word/WPS without 方正小标宋 substitute a named face) and
:func:`enforce_east_asian_fonts` all read them. LibreOffice on Linux maps the same names to the Noto
CJK faces through resources/documents/fonts.conf.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = f"{{{W_NS}}}"


def mm_to_twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def pt_to_twips(pt: float) -> int:
    return round(pt * 20)


# -- the page (GB/T 9704-2012 §5.2) -------------------------------------------------------------
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210.0, 297.0
MARGIN_TOP_MM, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 37.0, 35.0, 28.0, 26.0
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 156
TEXT_HEIGHT_MM = PAGE_HEIGHT_MM - MARGIN_TOP_MM - MARGIN_BOTTOM_MM  # 225
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
# 225 mm / 22 = 28.97 pt; 28.95 pt (579 twips) keeps 22 lines inside the block after rounding
LINE_PITCH_TWIPS = 579
BODY_PT, TITLE_PT, NOTE_PT, TABLE_PT, PAGE_NUMBER_PT = 16, 22, 14, 14, 14  # 三号, 二号, 四号, 四号, 四号
NOTE_LINE_TWIPS = 480  # 四号 text on a 24 pt pitch
TABLE_LINE_TWIPS = 440  # 四号 text in table cells on a 22 pt pitch
HEADER_DISTANCE_MM = 15.0
PAGE_NUMBER_LINE_TWIPS = 360  # 18 pt: one 四号 line
# the page number's dashes sit 7 mm below the text block (§7.5): its line's top at bottom margin - 7 mm
FOOTER_DISTANCE_MM = MARGIN_BOTTOM_MM - 7.0 - PAGE_NUMBER_LINE_TWIPS / 1440 * 25.4
PAGE_NUMBER_DASH = "—"  # 一字线 (U+2014)
# 三号 characters are 16 pt but a 156 mm line holds 28 of them: tighten by a fraction of a point
BODY_CHAR_SPACING_TWIPS = math.floor((TEXT_WIDTH_MM / 25.4 * 72 / CHARS_PER_LINE - BODY_PT) * 20)


# -- fonts ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FontRole:
    """One typeface role: the name written into the document and the names to try instead."""

    key: str
    name: str
    fallbacks: tuple[str, ...]
    family: str  # fontTable w:family: roman (serif), swiss (sans), modern


BODY = FontRole("body", "仿宋", ("仿宋_GB2312", "FangSong", "Noto Serif CJK SC"), "modern")
TITLE = FontRole("title", "方正小标宋简体", ("华文中宋", "宋体", "Noto Serif CJK SC"), "roman")
HEADING = FontRole("heading", "黑体", ("SimHei", "Noto Sans CJK SC"), "swiss")
PAGE_NUMBER = FontRole("page_number", "宋体", ("SimSun", "Noto Serif CJK SC"), "roman")
ROLES: Mapping[str, FontRole] = {r.key: r for r in (BODY, TITLE, HEADING, PAGE_NUMBER)}


@dataclass(frozen=True)
class StyleDef:
    style_id: str
    name: str
    role: FontRole
    size_pt: float
    ppr: str = ""  # paragraph properties (inner XML), in schema order
    based_on: str = "Normal"
    kind: str = "paragraph"


_INDENT_2 = f'<w:ind w:firstLineChars="200" w:firstLine="{pt_to_twips(2 * BODY_PT)}"/>'
_EXACT = f'<w:spacing w:line="{LINE_PITCH_TWIPS}" w:lineRule="exact"/>'

# Style ids are ASCII (Word keys on them); the names are what an editor sees in Word or WPS.
STYLES: tuple[StyleDef, ...] = (
    StyleDef("Normal", "Normal", BODY, BODY_PT, f'<w:widowControl w:val="0"/>{_EXACT}<w:jc w:val="both"/>',
             based_on=""),
    StyleDef("ZhifaBody", "文书正文", BODY, BODY_PT, _INDENT_2),
    StyleDef("ZhifaTitle", "文书标题", TITLE, TITLE_PT, '<w:keepNext/><w:jc w:val="center"/>'),
    StyleDef("ZhifaNumber", "文书文号", BODY, BODY_PT, '<w:keepNext/><w:jc w:val="right"/>'),
    StyleDef("ZhifaHeading", "文书小标题", HEADING, BODY_PT, f"<w:keepNext/>{_INDENT_2}"),
    StyleDef("ZhifaNote", "文书备注", BODY, NOTE_PT,
             f'<w:spacing w:line="{NOTE_LINE_TWIPS}" w:lineRule="exact"/>'
             f'<w:ind w:firstLineChars="200" w:firstLine="{pt_to_twips(2 * NOTE_PT)}"/>'),
    StyleDef("ZhifaTableText", "表格文字", BODY, TABLE_PT,
             f'<w:spacing w:line="{TABLE_LINE_TWIPS}" w:lineRule="exact"/><w:jc w:val="left"/>'),
    StyleDef("ZhifaSignature", "文书落款", BODY, BODY_PT,
             f'<w:ind w:rightChars="400" w:right="{pt_to_twips(4 * BODY_PT)}"/><w:jc w:val="right"/>'),
    StyleDef("Footer", "footer", PAGE_NUMBER, PAGE_NUMBER_PT,
             f'<w:spacing w:line="{PAGE_NUMBER_LINE_TWIPS}" w:lineRule="exact"/>'),
)
STYLE_ROLES: Mapping[str, FontRole] = {s.style_id: s.role for s in STYLES}


def _rfonts(name: str) -> str:
    n = quoteattr(name)
    return f"<w:rFonts w:ascii={n} w:eastAsia={n} w:hAnsi={n} w:cs={n}/>"


def _rpr(role: FontRole, size_pt: float) -> str:
    half_points = round(size_pt * 2)
    # only 三号 text is tightened (styles inherit from Normal, so the others say 0)
    spacing = f'<w:spacing w:val="{BODY_CHAR_SPACING_TWIPS if size_pt == BODY_PT else 0}"/>'
    return (f'<w:rPr>{_rfonts(role.name)}{spacing}<w:sz w:val="{half_points}"/>'
            f'<w:szCs w:val="{half_points}"/></w:rPr>')


_XML_HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"


def styles_xml() -> bytes:
    styles = []
    for s in STYLES:
        default = ' w:default="1"' if s.style_id == "Normal" else ""
        based = f'<w:basedOn w:val="{s.based_on}"/>' if s.based_on else ""
        styles.append(
            f'<w:style w:type="{s.kind}"{default} w:styleId="{s.style_id}"><w:name w:val={quoteattr(s.name)}/>'
            f'{based}<w:qFormat/><w:pPr>{s.ppr}</w:pPr>{_rpr(s.role, s.size_pt)}</w:style>')
    return (
        f'{_XML_HEAD}<w:styles xmlns:w="{W_NS}">'
        f"<w:docDefaults><w:rPrDefault><w:rPr>{_rfonts(BODY.name)}"
        f'<w:kern w:val="2"/><w:sz w:val="{BODY_PT * 2}"/>'
        f'<w:szCs w:val="{BODY_PT * 2}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        f"<w:pPrDefault><w:pPr>{_EXACT}</w:pPr></w:pPrDefault></w:docDefaults>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>'
        "</w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        + "".join(styles) + "</w:styles>").encode()


def font_table_xml() -> bytes:
    """Every role's face and its fallbacks; each entry's altName is the next name in its chain."""
    alt: dict[str, str | None] = {}
    family: dict[str, str] = {}
    for role in ROLES.values():  # role faces first: their altName is their own first fallback
        alt[role.name] = role.fallbacks[0] if role.fallbacks else None
        family[role.name] = role.family
    for role in ROLES.values():
        chain = (role.name, *role.fallbacks)
        for name, nxt in zip(chain[1:], (*chain[2:], None), strict=True):
            if name not in alt:
                alt[name], family[name] = nxt, role.family
    fonts = "".join(
        f"<w:font w:name={quoteattr(name)}>"
        + (f"<w:altName w:val={quoteattr(a)}/>" if a else "")
        + f'<w:charset w:val="86"/><w:family w:val="{family[name]}"/><w:pitch w:val="variable"/></w:font>'
        for name, a in alt.items())
    return f'{_XML_HEAD}<w:fonts xmlns:w="{W_NS}">{fonts}</w:fonts>'.encode()


def settings_xml() -> bytes:
    # evenAndOddHeaders: odd pages number on the right, even on the left (GB/T 9704 §7.5)
    return (
        f'{_XML_HEAD}<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>'
        f'<w:defaultTabStop w:val="{pt_to_twips(BODY_PT * 2)}"/><w:evenAndOddHeaders/>'
        '<w:characterSpacingControl w:val="compressPunctuation"/>'
        '<w:compat><w:useFELayout/><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>').encode()


def section_properties_xml(footer_ids: tuple[str, str] = ("rIdFooterOdd", "rIdFooterEven")) -> str:
    odd, even = footer_ids
    return (
        f'<w:sectPr><w:footerReference w:type="default" r:id="{odd}"/>'
        f'<w:footerReference w:type="even" r:id="{even}"/>'
        f'<w:pgSz w:w="{mm_to_twips(PAGE_WIDTH_MM)}" w:h="{mm_to_twips(PAGE_HEIGHT_MM)}"/>'
        f'<w:pgMar w:top="{mm_to_twips(MARGIN_TOP_MM)}" w:right="{mm_to_twips(MARGIN_RIGHT_MM)}" '
        f'w:bottom="{mm_to_twips(MARGIN_BOTTOM_MM)}" w:left="{mm_to_twips(MARGIN_LEFT_MM)}" '
        f'w:header="{mm_to_twips(HEADER_DISTANCE_MM)}" w:footer="{mm_to_twips(FOOTER_DISTANCE_MM)}" w:gutter="0"/>'
        '<w:cols w:space="425"/>'
        f'<w:docGrid w:linePitch="{LINE_PITCH_TWIPS}"/>'
        "</w:sectPr>")


def page_number_footer_xml(odd: bool) -> bytes:
    """"— 1 —" with a PAGE field: odd pages at the right, even pages at the left, one character in."""
    indent = pt_to_twips(PAGE_NUMBER_PT)
    ppr = (f'<w:pPr><w:pStyle w:val="Footer"/><w:ind w:{"right" if odd else "left"}="{indent}"/>'
           f'<w:jc w:val="{"right" if odd else "left"}"/></w:pPr>')
    rpr = _rpr(PAGE_NUMBER, PAGE_NUMBER_PT)

    def run(inner: str) -> str:
        return f"<w:r>{rpr}{inner}</w:r>"

    body = (run(f'<w:t xml:space="preserve">{PAGE_NUMBER_DASH} </w:t>')
            + run('<w:fldChar w:fldCharType="begin"/>')
            + run('<w:instrText xml:space="preserve"> PAGE </w:instrText>')
            + run('<w:fldChar w:fldCharType="separate"/>')
            + run("<w:t>1</w:t>")
            + run('<w:fldChar w:fldCharType="end"/>')
            + run(f'<w:t xml:space="preserve"> {PAGE_NUMBER_DASH}</w:t>'))
    return f'{_XML_HEAD}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p>{ppr}{body}</w:p></w:ftr>'.encode()


_CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def skeleton_docx(title: str = "") -> bytes:
    """An empty document with the whole layout: styles, fonts, settings, page setup, page-number
    footers. Content goes before the final ``w:sectPr``."""
    return zip_parts(skeleton_parts(title).items())


def skeleton_parts(title: str = "") -> dict[str, bytes]:
    """The parts of :func:`skeleton_docx` by zip member name, in zip order."""
    rels_ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            f'{_XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{_CT_MAIN}.document.main+xml"/>'
            f'<Override PartName="/word/styles.xml" ContentType="{_CT_MAIN}.styles+xml"/>'
            f'<Override PartName="/word/settings.xml" ContentType="{_CT_MAIN}.settings+xml"/>'
            f'<Override PartName="/word/fontTable.xml" ContentType="{_CT_MAIN}.fontTable+xml"/>'
            f'<Override PartName="/word/footer1.xml" ContentType="{_CT_MAIN}.footer+xml"/>'
            f'<Override PartName="/word/footer2.xml" ContentType="{_CT_MAIN}.footer+xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
            "</Types>").encode(),
        "_rels/.rels": (
            f'{_XML_HEAD}<Relationships xmlns="{rels_ns}">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
            'metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}/extended-properties" Target="docProps/app.xml"/>'
            "</Relationships>").encode(),
        "docProps/core.xml": (
            f'{_XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{escape(title)}</dc:title><dc:creator>Zhifa</dc:creator></cp:coreProperties>").encode(),
        "docProps/app.xml": (
            f'{_XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>Zhifa</Application></Properties>').encode(),
        "word/document.xml": (
            f'{_XML_HEAD}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
            f"{section_properties_xml()}</w:body></w:document>").encode(),
        "word/_rels/document.xml.rels": (
            f'{_XML_HEAD}<Relationships xmlns="{rels_ns}">'
            f'<Relationship Id="rIdStyles" Type="{rel}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rIdSettings" Type="{rel}/settings" Target="settings.xml"/>'
            f'<Relationship Id="rIdFonts" Type="{rel}/fontTable" Target="fontTable.xml"/>'
            f'<Relationship Id="rIdFooterOdd" Type="{rel}/footer" Target="footer1.xml"/>'
            f'<Relationship Id="rIdFooterEven" Type="{rel}/footer" Target="footer2.xml"/>'
            "</Relationships>").encode(),
        "word/styles.xml": styles_xml(),
        "word/settings.xml": settings_xml(),
        "word/fontTable.xml": font_table_xml(),
        "word/footer1.xml": page_number_footer_xml(odd=True),
        "word/footer2.xml": page_number_footer_xml(odd=False),
    }
    return parts


FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the same bytes for the same content


def zip_parts(parts: Iterable[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return out.getvalue()


def new_document(title: str = "") -> Any:
    """A python-docx Document on :func:`skeleton_docx`."""
    from docx import Document  # python-docx; imported here so the pure helpers above stay light

    return Document(io.BytesIO(skeleton_docx(title)))


# -- East Asian fonts on every run -------------------------------------------------------------
_FONT_ATTRS = ("eastAsia", "ascii", "hAnsi")
_THEME_OF = {"eastAsia": "eastAsiaTheme", "ascii": "asciiTheme", "hAnsi": "hAnsiTheme"}


class FontResolver:
    """The explicit fonts (not theme fonts) a run gets from its character and paragraph styles and
    the document defaults, with the style's role face (or the body face) as the last resort."""

    def __init__(self, styles_root: etree._Element | None):
        self._styles: dict[str, tuple[str, dict[str, str]]] = {}  # id -> (basedOn, {attr: name})
        self._defaults: dict[str, str] = {}
        self._default_paragraph = "Normal"
        self._cache: dict[tuple[str | None, str | None], dict[str, str]] = {}
        if styles_root is None:
            return
        for rfonts in styles_root.iterfind(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts"):
            self._defaults = _explicit_fonts(rfonts)
        for style in styles_root.iterfind(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if not style_id:
                continue
            based = style.find(f"{W}basedOn")
            rfonts = style.find(f"{W}rPr/{W}rFonts")
            self._styles[style_id] = (based.get(f"{W}val", "") if based is not None else "",
                                      _explicit_fonts(rfonts) if rfonts is not None else {})
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true", "on"):
                self._default_paragraph = style_id

    @classmethod
    def from_xml(cls, styles: bytes | None) -> FontResolver:
        return cls(etree.fromstring(styles) if styles else None)

    def _chain(self, style_id: str | None) -> dict[str, str]:
        found: dict[str, str] = {}
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            based, fonts = self._styles[style_id]
            for attr, name in fonts.items():
                found.setdefault(attr, name)
            style_id = based
        return found

    def fonts(self, paragraph_style: str | None, run_style: str | None) -> dict[str, str]:
        key = (paragraph_style, run_style)
        if key not in self._cache:
            p_style = paragraph_style or self._default_paragraph
            found = self._chain(run_style)
            for source in (self._chain(p_style), self._defaults):
                for attr, name in source.items():
                    found.setdefault(attr, name)
            role = STYLE_ROLES.get(p_style, BODY)
            east = found.setdefault("eastAsia", role.name)
            for attr in ("ascii", "hAnsi"):
                found.setdefault(attr, east)
            self._cache[key] = found
        return self._cache[key]


def _explicit_fonts(rfonts: etree._Element) -> dict[str, str]:
    # an attribute overridden by a theme font in the same element is not explicit
    return {attr: rfonts.get(f"{W}{attr}") for attr in _FONT_ATTRS
            if rfonts.get(f"{W}{attr}") and not rfonts.get(f"{W}{_THEME_OF[attr]}")}


def enforce_fonts_in(root: etree._Element, resolver: FontResolver) -> int:
    """Name the East Asian font (and the Latin ones where missing) on every ``w:r`` under ``root``.
    Returns how many runs were changed."""
    changed = 0
    for run in root.iter(f"{W}r"):
        rpr = run.find(f"{W}rPr")
        rfonts = rpr.find(f"{W}rFonts") if rpr is not None else None
        if rfonts is not None and rfonts.get(f"{W}eastAsia") and rfonts.get(f"{W}eastAsiaTheme") is None \
                and (rfonts.get(f"{W}ascii") or rfonts.get(f"{W}asciiTheme")) \
                and (rfonts.get(f"{W}hAnsi") or rfonts.get(f"{W}hAnsiTheme")):
            continue
        fonts = resolver.fonts(_paragraph_style(run), _run_style(rpr))
        if rpr is None:
            rpr = etree.Element(f"{W}rPr")
            run.insert(0, rpr)
        if rfonts is None:
            rfonts = etree.Element(f"{W}rFonts")
            rstyle = rpr.find(f"{W}rStyle")
            rpr.insert(0 if rstyle is None else rpr.index(rstyle) + 1, rfonts)
        if rfonts.get(f"{W}eastAsiaTheme") is not None:
            del rfonts.attrib[f"{W}eastAsiaTheme"]  # a theme font beats an explicit name: drop it
        for attr in _FONT_ATTRS:
            if not rfonts.get(f"{W}{attr}") and rfonts.get(f"{W}{_THEME_OF[attr]}") is None:
                rfonts.set(f"{W}{attr}", fonts[attr])
        changed += 1
    return changed


def _paragraph_style(run: etree._Element) -> str | None:
    parent = run.getparent()
    while parent is not None and parent.tag != f"{W}p":
        parent = parent.getparent()
    if parent is None:
        return None
    pstyle = parent.find(f"{W}pPr/{W}pStyle")
    return pstyle.get(f"{W}val") if pstyle is not None else None


def _run_style(rpr: etree._Element | None) -> str | None:
    rstyle = rpr.find(f"{W}rStyle") if rpr is not None else None
    return rstyle.get(f"{W}val") if rstyle is not None else None


_HEADER_FOOTER_RELS = (f"{R_NS}/header", f"{R_NS}/footer")


def enforce_east_asian_fonts(document: Any) -> int:
    """Set ``w:eastAsia`` (and ``w:ascii``/``w:hAnsi`` where missing) on every run of a python-docx
    Document: body, tables, headers and footers. A run without it gets the face of its character
    style, else its paragraph style (or that style's role), else the document default, else 仿宋.
    Runs that already name an East Asian font keep it. Returns how many runs were changed."""
    try:
        styles_root = document.styles.element
    except (KeyError, AttributeError):
        styles_root = None
    resolver = FontResolver(styles_root)
    changed = enforce_fonts_in(document.element.body, resolver)
    for rel in document.part.rels.values():
        if rel.reltype in _HEADER_FOOTER_RELS and not rel.is_external:
            changed += enforce_fonts_in(rel.target_part.element, resolver)
    return changed
