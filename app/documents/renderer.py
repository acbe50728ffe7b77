"""Rendering a checked .docx template with a field context into a finished document.

Values can never become markup: the sandbox escapes every printed value (a party called
``</w:t></w:r>…`` or ``{{ 7*7 }}`` is printed as those characters), and the context is copied into
plain strings, dicts and lists first (so no object brings its own ``__html__`` or methods). Line
breaks in a value start a new paragraph with the same formatting (so each paragraph of 违法事实 gets
its first-line indent). After rendering every run is given its East Asian font.

A template is checked and compiled once and kept by the hash of its bytes: rendering then costs one
Jinja pass per part, one XML parse and one zip append.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from jinja2 import Template
from jinja2.exceptions import SecurityError, TemplateError
from lxml import etree

from app.documents import fields as registry
from app.documents import layout
from app.documents.layout import W
from app.documents.template_check import DOCXTPL, TemplateInfo, inspect_template, jinja_environment
from app.domain.errors import ValidationError
from app.domain.i18n import language as current_language

CACHE_SIZE = 32
_ORDER = {path: i for i, path in enumerate(registry.FIELDS)}


class _FieldList:
    """The missing fields: Chinese labels (、-separated) in Chinese, dotted paths in English."""

    def __init__(self, paths: Sequence[str]):
        self.paths = list(paths)

    def render(self, language: str | None = None) -> str:
        if (language or current_language()) == "en":
            return ", ".join(self.paths)
        return "、".join(registry.label(p) for p in self.paths)


class MissingFields(ValidationError):
    """Fields the document needs are empty; ``fields`` lists their paths (registry order)."""

    def __init__(self, paths: Sequence[str]):
        self.fields = list(paths)
        super().__init__("fill in these fields before making the document: {fields}", rule="document.missing_fields",
                         fields=_FieldList(self.fields))


@dataclass(frozen=True)
class _Prepared:
    info: TemplateInfo
    base: bytes  # a zip with every member that is not rendered
    parts: tuple[tuple[str, Template], ...]  # rendered members, in zip order
    main: str
    fonts: layout.FontResolver


_ENV = jinja_environment()
_cache: OrderedDict[bytes, _Prepared] = OrderedDict()
_lock = threading.Lock()


def template_info(template: bytes) -> TemplateInfo:
    """What a template uses (checked and cached as for rendering)."""
    return _prepared(template).info


def render(template: bytes, context: Mapping[str, object], *, required: Iterable[str] = ()) -> bytes:
    """The finished .docx. ``required``: fields that must be filled whether or not the template
    prints them (a document type's ``required_fields``). Raises :class:`MissingFields` naming every
    required field that is empty, or ValidationError if the template is refused or fails."""
    required = tuple(required)
    unknown = [p for p in required if not registry.is_known(p)]
    if unknown:
        raise ValueError(f"required fields not in the registry: {unknown}")
    prepared = _prepared(template)
    needed = {p for p in prepared.info.printed if registry.is_required(p)} | set(required)
    missing = sorted((p for p in needed if not registry.field(p).boolean
                      and registry.is_empty(registry.value_at(context, p))), key=_ORDER.__getitem__)
    if missing:
        raise MissingFields(missing)
    values = _clean(context)
    out = io.BytesIO(prepared.base)
    out.seek(0, io.SEEK_END)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as z:
        for name, compiled in prepared.parts:
            info = zipfile.ZipInfo(name, layout.FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, _render_part(name, compiled, values, name == prepared.main, prepared.fonts))
    return out.getvalue()


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def _prepared(template: bytes) -> _Prepared:
    key = hashlib.sha256(template).digest()
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    prepared = _prepare(template)
    with _lock:
        _cache[key] = prepared
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return prepared


def _prepare(template: bytes) -> _Prepared:
    checked = inspect_template(template)
    base = io.BytesIO()
    with zipfile.ZipFile(base, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in checked.members:
            if info.filename not in checked.sources:
                copy = zipfile.ZipInfo(info.filename, layout.FIXED_ZIP_TIME)
                copy.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(copy, data)
    parts = tuple((info.filename, _ENV.from_string(checked.sources[info.filename]))
                  for info, _ in checked.members if info.filename in checked.sources)
    return _Prepared(checked.info, base.getvalue(), parts, checked.main_part,
                     layout.FontResolver.from_xml(checked.styles))


# -- values ---------------------------------------------------------------------------------------
# characters XML 1.0 cannot hold (and \a, \f, \v, which docxtpl would turn into structure)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _text(value: str) -> str:
    text = str.__str__(value)  # a str subclass (markupsafe.Markup) becomes a plain str: always escaped
    text = _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\n", "\a")  # docxtpl: \a = a new paragraph with the same properties


def _clean(value: object) -> object:
    """A copy of the context made of plain dicts, lists, strings, bools and numbers only."""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, bool | int | float) or value is None:
        return value
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return _text(str(value))


# -- parts ----------------------------------------------------------------------------------------
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_PARAGRAPH_LINE = re.compile(r"\n<w:p([ >])")


def _render_part(name: str, compiled: Template, values: object, is_main: bool,
                 fonts: layout.FontResolver) -> bytes:
    try:
        xml = compiled.render(values)
    except SecurityError as exc:
        raise ValidationError("the template attempted an unsafe operation: {reason}", rule="document.unsafe",
                              reason=str(exc)) from None
    except (TemplateError, TypeError, ValueError, ArithmeticError, LookupError) as exc:
        raise ValidationError("the template failed while rendering: {reason}", rule="document.render",
                              reason=str(exc)) from None
    xml = _PARAGRAPH_LINE.sub(r"<w:p\1", xml)
    # docxtpl's escapes for literal braces in a template
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    if "\a" in xml or "\t" in xml:
        xml = DOCXTPL.resolve_listing(xml).replace("\a", " ")  # a \a left outside text: an attribute value
    try:
        root = etree.fromstring(xml.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ValidationError("the template produced a damaged document part {part}: {reason}",
                              rule="document.xml", part=name, reason=str(exc)) from None
    if is_main:
        _fix_table_grids(root)
    layout.enforce_fonts_in(root, fonts)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _span(cell: etree._Element) -> int:
    span = cell.find(f"{W}tcPr/{W}gridSpan")
    try:
        return int(span.get(f"{W}val", "1")) if span is not None else 1
    except ValueError:
        return 1


def _fix_table_grids(root: etree._Element) -> None:
    """After a column loop (``{%tc for %}``) the grid must have as many columns as the rows: spread
    the table's width over them (as docxtpl does)."""
    for table in root.iter(f"{W}tbl"):
        grid = table.find(f"{W}tblGrid")
        rows = table.findall(f"{W}tr")
        if grid is None or not rows or any(r.find(f"{W}trPr/{W}gridBefore") is not None
                                           or r.find(f"{W}trPr/{W}gridAfter") is not None for r in rows):
            continue
        columns = grid.findall(f"{W}gridCol")
        widths = {sum(_span(c) for c in r.findall(f"{W}tc")) for r in rows}
        widest = max(widths)
        if widest == len(columns) or widest == 0 or (widest < len(columns) and len(widths) > 1):
            continue
        total = sum(float(c.get(f"{W}w") or 0) for c in columns)
        for c in columns:
            grid.remove(c)
        for _ in range(widest):
            etree.SubElement(grid, f"{W}gridCol", {f"{W}w": str(int(total / widest))})
