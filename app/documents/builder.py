"""Template specs (resources/documents/templates/<CODE>.json) -> docxtpl-ready .docx templates.

A spec is ``{"title": …, "number_line": bool, "issuer": bool, "blocks": [...]}``: the title (小标宋
二号, centred), under it the 文号 ``{{ document.number }}`` flush right if ``number_line``, above it the
bureau name if ``issuer``. Blocks, each one kind (texts may hold Jinja over registry fields):

- ``{"p": text, "indent": true, "align": "left|center|right|justify", "when": cond}``: body paragraph
  (仿宋 三号, first-line indent of two characters unless ``indent`` is false); a line break in the text
  breaks the line;
- ``{"heading": text}`` (黑体), ``{"note": text}`` (仿宋 四号 small print);
- ``{"loop": list_field, "p": text}``: one paragraph per item, ``item.<key>`` inside;
- ``{"table": [[cell, …], …], "widths": [mm, …]}``: a fixed form; a one-cell row spans all columns;
- ``{"loop_table": list_field, "header": [...], "cells": [...], "widths": [...]}``: a row per item;
- ``{"approval": slot, "label": text}``: an approval box (opinion, signer, date); it joins the table
  just before it, else starts a two-column one;
- ``{"signature": true}``: bureau name (carrying the ``zhifa_seal`` bookmark) and date of issue;
- ``{"page_break": true}``.
``when`` (a Jinja condition) is allowed on every block but signature and page_break.

The builder lays them out per :mod:`app.documents.layout` and writes the Jinja tags where docxtpl
expects them: ``{%p if %}``/``{%p for %}`` in paragraphs of their own, ``{%tr for %}`` in rows of their
own. The result is the same bytes for the same spec, and passes :func:`template_check.check_template`.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from app.documents import fields as registry
from app.documents import layout
from app.documents.layout import W_NS, W
from app.documents.template_check import check_source, inspect_template, user_error_text
from app.domain.errors import UserError, ValidationError

SEAL_BOOKMARK = "zhifa_seal"  # the seal goes on the bureau name of the signature (issue #5)
SPEC_KEYS = frozenset({"title", "number_line", "issuer", "blocks"})
# block kind -> the keys it may have (the kind key first)
BLOCK_KEYS: Mapping[str, frozenset[str]] = {
    "p": frozenset({"p", "indent", "align", "when"}),
    "heading": frozenset({"heading", "align", "when"}),
    "loop": frozenset({"loop", "p", "indent", "align", "when"}),
    "table": frozenset({"table", "widths", "when"}),
    "loop_table": frozenset({"loop_table", "header", "cells", "widths", "when"}),
    "approval": frozenset({"approval", "label", "widths", "when"}),
    "signature": frozenset({"signature"}),
    "note": frozenset({"note", "indent", "align", "when"}),
    "page_break": frozenset({"page_break"}),
}
_KIND_KEYS = tuple(k for k in BLOCK_KEYS if k != "p")
ALIGNMENTS: Mapping[str, str] = {"left": "left", "center": "center", "right": "right", "justify": "both"}
APPROVAL_WIDTHS_MM = (40.0, 116.0)
TABLE_ROW_MIN_MM = 10.0
APPROVAL_ROW_MIN_MM = 30.0
_BLANK_NAME = "　" * 4  # room to sign by hand on a printed blank form
_BLANK_DATE = "年　　月　　日"
_DOCXTPL_TAG = re.compile(r"\{[{%#]-?(?:p|tr|tc|r)\s")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class _Reason:
    """A nested error, shown in the language of the message that carries it."""

    def __init__(self, error: UserError):
        self.error = error

    def render(self, language: str | None = None) -> str:
        return user_error_text(self.error, language)


def build_template(spec: Mapping[str, Any]) -> bytes:
    """The .docx template for a spec; ValidationError names the key or block that is wrong."""
    if not isinstance(spec, Mapping):
        raise ValidationError("the template spec is not a JSON object", rule="spec.format")
    for key in spec:
        if key not in SPEC_KEYS:
            raise ValidationError("the template spec has an unknown key {key}", rule="spec.key", key=str(key))
    title = spec.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ValidationError("the template spec needs a title", rule="spec.title")
    number_line, issuer = _flag(spec, "number_line"), _flag(spec, "issuer")
    blocks = spec.get("blocks", [])
    if not isinstance(blocks, list):
        raise ValidationError("the template spec needs a list of blocks", rule="spec.blocks")

    parts = layout.skeleton_parts(_plain_title(title))
    document = etree.fromstring(parts["word/document.xml"])
    body = document.find(f"{W}body")
    assert body is not None
    out = _Body()
    try:
        _check_text(title)
    except ValidationError as exc:
        raise ValidationError("template title: {reason}", rule="spec.title", reason=_Reason(exc)) from None
    if issuer:
        out.paragraph(_paragraph("ZhifaTitle", "{{ bureau.name }}"))
    out.paragraph(_paragraph("ZhifaTitle", title, after=0 if number_line else layout.LINE_PITCH_TWIPS))
    if number_line:
        out.paragraph(_paragraph("ZhifaNumber", "{{ document.number }}", after=layout.LINE_PITCH_TWIPS))
    signatures = 0
    for index, block in enumerate(blocks):
        try:
            signatures += _block(out, block)
        except ValidationError as exc:
            raise ValidationError("template block {index}: {reason}", rule="spec.block", index=index,
                                  reason=_Reason(exc)) from None
        if signatures > 1:
            raise ValidationError("template block {index}: a template has one signature", rule="spec.block.signature",
                                  index=index)
    out.finish()
    sect = body.find(f"{W}sectPr")
    for element in out.elements:
        sect.addprevious(element)
    etree.cleanup_namespaces(document, top_nsmap={"w": W_NS, "r": layout.R_NS})
    layout.enforce_fonts_in(body, layout.FontResolver.from_xml(parts["word/styles.xml"]))
    parts["word/document.xml"] = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    data = layout.zip_parts(parts.items())
    inspect_template(data)  # the assembled whole must pass the import check too (tags across blocks)
    return data


def _flag(spec: Mapping[str, Any], key: str) -> bool:
    value = spec.get(key, False)
    if not isinstance(value, bool):
        raise ValidationError("the template spec: {key} must be true or false", rule="spec.flag", key=key)
    return value


def _plain_title(title: str) -> str:
    return re.sub(r"\{[{%#].*?[}%#]\}", "", title).strip()


# -- blocks ---------------------------------------------------------------------------------------
def _kind(block: Mapping[str, Any]) -> str:
    kinds = [k for k in _KIND_KEYS if k in block]
    if len(kinds) > 1:
        raise ValidationError("{keys} cannot be combined in one block", rule="spec.kind", keys=", ".join(kinds))
    if kinds:
        return kinds[0]
    if "p" in block:
        return "p"
    raise ValidationError("the block has no content (p, heading, loop, table, loop_table, approval, signature, "
                          "note or page_break)", rule="spec.kind")


def _block(out: _Body, block: object) -> int:
    """Emit one block; returns 1 for a signature block."""
    if not isinstance(block, Mapping):
        raise ValidationError("the block is not a JSON object", rule="spec.format")
    kind = _kind(block)
    for key in block:
        if key not in BLOCK_KEYS[kind]:
            raise ValidationError("unknown key {key} in a {kind} block", rule="spec.key", key=str(key), kind=kind)
    when = _when(block)
    if kind in ("p", "heading", "note", "loop"):
        _text_block(out, kind, block, when)
    elif kind == "table":
        _fixed_table(out, block, when)
    elif kind == "loop_table":
        _loop_table(out, block, when)
    elif kind == "approval":
        _approval(out, block, when)
    elif kind == "signature":
        if block["signature"] is not True:
            raise ValidationError("{key} must be true", rule="spec.flag", key="signature")
        _signature(out)
        return 1
    elif kind == "page_break":
        if block["page_break"] is not True:
            raise ValidationError("{key} must be true", rule="spec.flag", key="page_break")
        out.paragraph(_tiny_paragraph(page_break=True))
    return 0


def _text(block: Mapping[str, Any], key: str) -> str:
    value = block.get(key)
    if not isinstance(value, str):
        raise ValidationError("{key} must be text", rule="spec.text", key=key)
    return value


def _check_text(text: str, *, loop: str | None = None, when: str | None = None) -> None:
    """The fields a piece of text uses must be in the registry (``item.*`` inside a loop)."""
    if _NOT_XML.search(text):
        raise ValidationError("the text contains control characters a document cannot hold", rule="spec.text")
    match = _DOCXTPL_TAG.search(text)
    if match:
        raise ValidationError("write plain Jinja tags; the builder places docxtpl's {tag} tags itself",
                              rule="spec.docxtpl_tag", tag=match.group(0).strip())
    source = f"{{% for item in {loop} %}}{text}{{% endfor %}}" if loop else text
    check_source(f"{{% if {when} %}}{source}{{% endif %}}" if when else source)


def _when(block: Mapping[str, Any]) -> str | None:
    if "when" not in block:
        return None
    when = block["when"]
    if not isinstance(when, str) or not when.strip() or any(c in when for c in "{}%\n\r"):
        raise ValidationError("the condition (when) must be one line of Jinja without braces or %",
                              rule="spec.when")
    check_source(f"{{% if {when} %}}{{% endif %}}")
    return when.strip()


def _loop_list(block: Mapping[str, Any], key: str) -> str:
    path = block.get(key)
    if not isinstance(path, str) or not registry.is_list(path):
        raise ValidationError("{name} is not a list field", rule="spec.loop", name=str(path))
    return path


def _alignment(block: Mapping[str, Any]) -> str | None:
    if "align" not in block:
        return None
    align = block["align"]
    if align not in ALIGNMENTS:
        raise ValidationError("align must be left, center, right or justify", rule="spec.align")
    return ALIGNMENTS[align]


def _indent(block: Mapping[str, Any], default: bool) -> bool:
    value = block.get("indent", default)
    if not isinstance(value, bool):
        raise ValidationError("{key} must be true or false", rule="spec.flag", key="indent")
    return value


def _text_block(out: _Body, kind: str, block: Mapping[str, Any], when: str | None) -> None:
    key = "p" if kind == "loop" else kind
    text = _text(block, key)
    loop = _loop_list(block, "loop") if kind == "loop" else None
    _check_text(text, loop=loop, when=when)
    align = _alignment(block)
    if kind == "heading":
        paragraph = _paragraph("ZhifaHeading", text, align=align)
    elif kind == "note":
        paragraph = _paragraph("ZhifaNote", text, align=align, no_indent=not _indent(block, True))
    else:
        paragraph = _paragraph("ZhifaBody" if _indent(block, True) else "Normal", text, align=align)
    if when:
        out.control(f"{{%p if {when} %}}")
    if loop:
        out.control(f"{{%p for item in {loop} %}}")
    out.paragraph(paragraph)
    if loop:
        out.control("{%p endfor %}")
    if when:
        out.control("{%p endif %}")


def _widths(block: Mapping[str, Any], columns: int, default: Sequence[float] | None = None) -> list[float]:
    widths = block.get("widths")
    if widths is None:
        return list(default) if default else [layout.TEXT_WIDTH_MM / columns] * columns
    if (not isinstance(widths, list) or len(widths) != columns
            or not all(isinstance(w, int | float) and not isinstance(w, bool) and w > 0 for w in widths)
            or sum(widths) > layout.TEXT_WIDTH_MM + 0.01):
        raise ValidationError("widths must be {n} positive numbers of millimetres adding up to at most {total}",
                              rule="spec.widths", n=columns, total=int(layout.TEXT_WIDTH_MM))
    return [float(w) for w in widths]


def _texts(value: object, key: str) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ValidationError("{key} must be a list of texts", rule="spec.text", key=key)
    return value


def _fixed_table(out: _Body, block: Mapping[str, Any], when: str | None) -> None:
    rows = block["table"]
    if not isinstance(rows, list) or not rows or not all(isinstance(r, list) for r in rows):
        raise ValidationError("a table needs a list of rows, each a list of texts", rule="spec.table")
    for row in rows:
        _texts(row, "table")
    columns = len(block["widths"]) if isinstance(block.get("widths"), list) else max(len(r) for r in rows)
    if any(len(r) not in (1, columns) for r in rows):
        raise ValidationError("every row of the table needs 1 or {n} cells", rule="spec.table", n=columns)
    widths = _widths(block, columns)
    _check_text("".join(cell for row in rows for cell in row), when=when)
    table = _Table(widths)
    for row in rows:
        if len(row) == 1:
            table.row([(row[0], columns, _cell_align(row[0]))], min_mm=TABLE_ROW_MIN_MM)
        else:
            table.row([(cell, 1, _cell_align(cell)) for cell in row], min_mm=TABLE_ROW_MIN_MM)
    out.table(table, when, mergeable=when is None)


def _loop_table(out: _Body, block: Mapping[str, Any], when: str | None) -> None:
    loop = _loop_list(block, "loop_table")
    header, cells = _texts(block.get("header"), "header"), _texts(block.get("cells"), "cells")
    if len(header) != len(cells):
        raise ValidationError("header and cells must have as many texts as each other", rule="spec.loop_table")
    widths = _widths(block, len(cells))
    _check_text("".join(header), when=when)
    _check_text("".join(cells), loop=loop, when=when)
    table = _Table(widths)
    table.row([(text, 1, "center") for text in header], header=True)
    table.control(f"{{%tr for item in {loop} %}}")
    table.row([(text, 1, "center" if re.fullmatch(r"\{\{\s*(item\.index|loop\.index)\s*\}\}", text.strip())
                else "left") for text in cells])
    table.control("{%tr endfor %}")
    out.table(table, when, mergeable=False)


def _approval(out: _Body, block: Mapping[str, Any], when: str | None) -> None:
    slot = block["approval"]
    if slot not in registry.APPROVAL_SLOTS:
        raise ValidationError("unknown approval slot {slot} (known: {known})", rule="spec.approval",
                              slot=str(slot), known=", ".join(registry.APPROVAL_SLOTS))
    label = _text(block, "label") if "label" in block else registry.APPROVAL_SLOTS[slot] + "意见"
    _check_text(label, when=when)
    base = f"approvals.{slot}"
    content = (f"{{{{ {base}.opinion }}}}\n"
               f"签名：{{{{ {base}.name or \"{_BLANK_NAME}\" }}}}　　{{{{ {base}.date or \"{_BLANK_DATE}\" }}}}")
    previous = out.open_table()
    if previous is not None and "widths" not in block:  # another box of the same form: same table
        columns = len(previous.widths)
        if when:
            previous.control(f"{{%tr if {when} %}}")
        previous.approval_row(label, content, columns)
        if when:
            previous.control("{%tr endif %}")
        return
    table = _Table(_widths(block, 2, APPROVAL_WIDTHS_MM))
    table.approval_row(label, content, 2)
    out.table(table, when, mergeable=when is None)


def _signature(out: _Body) -> None:
    name = _paragraph("ZhifaSignature", "{{ bureau.name }}", before=2 * layout.LINE_PITCH_TWIPS)
    start = _el("bookmarkStart", {"id": "0", "name": SEAL_BOOKMARK})
    name.find(f"{W}pPr").addnext(start)
    name.append(_el("bookmarkEnd", {"id": "0"}))
    out.paragraph(name)
    out.paragraph(_paragraph("ZhifaSignature", "{{ document.date }}"))


def _cell_align(text: str) -> str:
    """Short fixed labels (案由, 当事人) centred; values and long texts flush left."""
    return "center" if "{" not in text and len(text) <= 12 and "\n" not in text else "left"


# -- XML ----------------------------------------------------------------------------------------
def _el(tag: str, attrs: Mapping[str, str | int] | None = None, *children: etree._Element) -> etree._Element:
    element = etree.Element(f"{W}{tag}", {f"{W}{k}": str(v) for k, v in (attrs or {}).items()},
                            nsmap={"w": W_NS})
    for child in children:
        element.append(child)
    return element


def _run(text: str) -> etree._Element:
    """One run; line breaks in the text become ``w:br``."""
    run = _el("r")
    for i, line in enumerate(text.split("\n")):
        if i:
            run.append(_el("br"))
        t = _el("t")
        t.set(_XML_SPACE, "preserve")
        t.text = line
        run.append(t)
    return run


def _paragraph(style: str | None, text: str, *, align: str | None = None, no_indent: bool = False,
               before: int | None = None, after: int | None = None, keep_next: bool = False) -> etree._Element:
    ppr = _el("pPr")
    if style and style != "Normal":
        ppr.append(_el("pStyle", {"val": style}))
    if keep_next:
        ppr.append(_el("keepNext"))
    if before is not None or after is not None:
        spacing = {"before": before} if before is not None else {}
        spacing.update({"after": after} if after is not None else {})
        ppr.append(_el("spacing", spacing))
    if no_indent:
        ppr.append(_el("ind", {"firstLineChars": 0, "firstLine": 0}))
    if align:
        ppr.append(_el("jc", {"val": align}))
    paragraph = _el("p", None, ppr)
    if text:
        paragraph.append(_run(text))
    return paragraph


def _tiny_paragraph(page_break: bool = False) -> etree._Element:
    """A 1 pt paragraph: keeps two tables apart, or carries a page break, without adding a line."""
    rpr = _el("rPr", None, _el("sz", {"val": 2}), _el("szCs", {"val": 2}))
    ppr = _el("pPr", None, _el("spacing", {"before": 0, "after": 0, "line": 20, "lineRule": "exact"}),
              copy.deepcopy(rpr))
    paragraph = _el("p", None, ppr)
    if page_break:
        paragraph.append(_el("r", None, rpr, _el("br", {"type": "page"})))
    return paragraph


def _control_paragraph(tag: str) -> etree._Element:
    return _el("p", None, _run(tag))


@dataclass
class _Table:
    widths: list[float]

    def __post_init__(self) -> None:
        twips = [layout.mm_to_twips(w) for w in self.widths]
        border = {"val": "single", "sz": 4, "space": 0, "color": "000000"}
        self.element = _el(
            "tbl", None,
            _el("tblPr", None,
                _el("tblW", {"w": sum(twips), "type": "dxa"}),
                _el("jc", {"val": "center"}),
                _el("tblBorders", None, *(_el(side, border) for side in
                                          ("top", "left", "bottom", "right", "insideH", "insideV"))),
                _el("tblLayout", {"type": "fixed"}),
                _el("tblCellMar", None, _el("left", {"w": 85, "type": "dxa"}),
                    _el("right", {"w": 85, "type": "dxa"}))),
            _el("tblGrid", None, *(_el("gridCol", {"w": w}) for w in twips)))
        self.twips = twips

    def _cell(self, start: int, span: int, paragraphs: list[etree._Element]) -> etree._Element:
        tcpr = _el("tcPr", None, _el("tcW", {"w": sum(self.twips[start:start + span]), "type": "dxa"}))
        if span > 1:
            tcpr.append(_el("gridSpan", {"val": span}))
        tcpr.append(_el("vAlign", {"val": "center"}))
        return _el("tc", None, tcpr, *paragraphs)

    def row(self, cells: list[tuple[str, int, str]], *, header: bool = False, min_mm: float | None = None) -> None:
        trpr = _el("trPr", None, _el("cantSplit"))
        if min_mm:
            trpr.append(_el("trHeight", {"val": layout.mm_to_twips(min_mm), "hRule": "atLeast"}))
        if header:
            trpr.append(_el("tblHeader"))
        tr = _el("tr", None, trpr)
        start = 0
        for text, span, align in cells:
            paragraphs = [_paragraph("ZhifaTableText", line, align=align) for line in text.split("\n")]
            tr.append(self._cell(start, span, paragraphs))
            start += span
        self.element.append(tr)

    def approval_row(self, label: str, content: str, columns: int) -> None:
        opinion, signed = content.split("\n")
        tr = _el("tr", None, _el("trPr", None, _el("cantSplit"),
                                 _el("trHeight", {"val": layout.mm_to_twips(APPROVAL_ROW_MIN_MM), "hRule": "atLeast"})))
        tr.append(self._cell(0, 1, [_paragraph("ZhifaTableText", line, align="center") for line in label.split("\n")]))
        tr.append(self._cell(1, columns - 1, [_paragraph("ZhifaTableText", opinion, align="both"),
                                              _paragraph("ZhifaTableText", signed, align="right")]))
        self.element.append(tr)

    def control(self, tag: str) -> None:
        """A row of its own for a ``{%tr …%}`` tag (docxtpl drops the row, keeps the tag)."""
        self.element.append(_el("tr", None, self._cell(0, len(self.twips), [_control_paragraph(tag)])))


class _Body:
    """The body elements in order; keeps tables apart and remembers the open table."""

    def __init__(self) -> None:
        self.elements: list[etree._Element] = []
        self._last: str = ""  # "p" or "table": the last element that stays after rendering
        self._open: _Table | None = None  # a table the next approval box may join

    def paragraph(self, element: etree._Element) -> None:
        self.elements.append(element)
        self._last, self._open = "p", None

    def control(self, tag: str) -> None:
        self.elements.append(_control_paragraph(tag))
        self._open = None

    def table(self, table: _Table, when: str | None, *, mergeable: bool) -> None:
        if when:
            self.control(f"{{%p if {when} %}}")
        if self._last == "table":  # adjacent tables would merge into one in Word
            self.elements.append(_tiny_paragraph())
        self.elements.append(table.element)
        self._last = "table"
        if when:
            self.control("{%p endif %}")
        self._open = table if mergeable else None

    def open_table(self) -> _Table | None:
        return self._open

    def finish(self) -> None:
        if self._last == "table":  # a body does not end on a table
            self.elements.append(_tiny_paragraph())
