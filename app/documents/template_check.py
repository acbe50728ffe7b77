"""Checking a .docx template before it is used: an uploaded file, a bureau override edited in Word,
or the output of :mod:`app.documents.builder`.

The check runs on the XML *after* docxtpl's own clean-up (the runs Word splits a tag into are merged,
``{%p …%}``/``{%tr …%}`` become plain Jinja tags), so it sees exactly what will be rendered. The
Jinja syntax tree is walked with the registry in hand: only registry fields (and ``item.<key>`` of
a loop over a registry list, and ``loop.index`` and friends) may be named, only a few harmless
filters and tests are allowed, and nothing that reaches other templates, defines things or calls
functions (``include``, ``import``, ``macro``, ``set``, ``obj.method()``…) gets through. Rendering
also runs in a sandbox; this check makes a bad template fail at import, with a reason, instead of
at the moment a document is needed.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from docxtpl import DocxTemplate
from jinja2 import ChainableUndefined, nodes
from jinja2.exceptions import TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from app.documents import fields as registry
from app.domain.errors import UserError, ValidationError

MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024  # a document template is a few hundred KB; refuse zip bombs
MAX_MEMBERS = 2000

_CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
# parts whose text is rendered (docxtpl renders the body, headers, footers and footnotes)
TEMPLATE_CONTENT_TYPES = frozenset({
    f"{_CT_MAIN}.document.main+xml", f"{_CT_MAIN}.header+xml", f"{_CT_MAIN}.footer+xml",
    f"{_CT_MAIN}.footnotes+xml",
})
_MAIN_TYPES = frozenset({f"{_CT_MAIN}.document.main+xml"})  # not .dotx/.docm: the result must be a .docx

ALLOWED_FILTERS = frozenset({
    "default", "d", "trim", "upper", "lower", "length", "count", "join", "first", "last", "string",
    "int", "replace", "truncate", "center", "indent", "wordcount", "abs", "round", "capitalize", "title",
})
ALLOWED_TESTS = frozenset({
    "defined", "undefined", "none", "true", "false", "boolean", "number", "integer", "string",
    "sameas", "eq", "equalto", "==", "ne", "!=", "lt", "<", "le", "<=", "gt", ">", "ge", ">=", "in",
    "even", "odd", "divisibleby", "empty",
})
LOOP_ATTRIBUTES = frozenset({"index", "index0", "revindex", "revindex0", "first", "last", "length"})

# Node kinds a template may contain; anything else is refused and named by its tag.
_ALLOWED_NODES = (
    nodes.Template, nodes.Output, nodes.TemplateData, nodes.Const, nodes.For, nodes.If, nodes.Name,
    nodes.Getattr, nodes.Getitem, nodes.Not, nodes.Neg, nodes.Pos, nodes.And, nodes.Or, nodes.Compare,
    nodes.Operand, nodes.Concat, nodes.CondExpr, nodes.Filter, nodes.Test, nodes.List, nodes.Tuple,
    nodes.Keyword, nodes.Add, nodes.Sub, nodes.Mul, nodes.Div, nodes.FloorDiv, nodes.Mod,
)
_TAG_NAMES: Mapping[type, str] = MappingProxyType({
    nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "import", nodes.Extends: "extends",
    nodes.Macro: "macro", nodes.CallBlock: "call", nodes.Call: "call", nodes.Assign: "set",
    nodes.AssignBlock: "set", nodes.Block: "block", nodes.FilterBlock: "filter", nodes.With: "with",
    nodes.Scope: "autoescape", nodes.ScopedEvalContextModifier: "autoescape",
    nodes.EvalContextModifier: "autoescape", nodes.ExprStmt: "do", nodes.Break: "break",
    nodes.Continue: "continue", nodes.Pow: "**", nodes.Dict: "{…}", nodes.Slice: "[…:…]",
    nodes.NSRef: "namespace",
})


def jinja_environment() -> SandboxedEnvironment:
    """The environment templates are parsed and rendered in: sandboxed, autoescaping (a value can
    never become XML), chainable undefined (an absent optional group prints as nothing)."""
    return _DocumentEnvironment(autoescape=True, undefined=ChainableUndefined)


class _DocumentEnvironment(SandboxedEnvironment):
    """``case.number`` on a dict reads the key, never an attribute: ``measure.items`` is the list of
    items, not ``dict.items``, and no dict method is reachable from a template."""

    def getattr(self, obj: object, attribute: str) -> object:
        if isinstance(obj, Mapping):
            try:
                return obj[attribute]
            except (KeyError, TypeError):
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


@dataclass(frozen=True)
class TemplateInfo:
    """What a template uses. ``fields``: every registry field it names (list fields by their own
    path). ``printed``: the fields it prints or loops over outside a condition on themselves (so
    ``{% if case.act_end_date %}至{{ case.act_end_date }}{% endif %}`` does not make the end date
    required)."""

    fields: frozenset[str]
    printed: frozenset[str]


@dataclass(frozen=True)
class CheckedTemplate:
    """A checked .docx: its members in zip order, and for each template part the docxtpl-patched
    XML source (with a line per paragraph, as docxtpl renders it)."""

    info: TemplateInfo
    members: tuple[tuple[zipfile.ZipInfo, bytes], ...]
    sources: Mapping[str, str]
    main_part: str
    styles: bytes | None = field(default=None, repr=False)


def check_template(data: bytes) -> TemplateInfo:
    """Check an uploaded or edited .docx template; ValidationError says why it is refused."""
    return inspect_template(data).info


def inspect_template(data: bytes) -> CheckedTemplate:
    """:func:`check_template`, keeping what rendering needs (the renderer compiles the sources)."""
    members = _read_zip(data)
    by_name = {info.filename: content for info, content in members}
    types = _content_types(by_name)
    main = _main_part(by_name, types)
    template_parts = [name for name in by_name
                      if name == main or types.get(name) in TEMPLATE_CONTENT_TYPES - _MAIN_TYPES]
    env = jinja_environment()
    collector = _Collector()
    sources: dict[str, str] = {}
    for name in template_parts:
        source = patched_source(name, by_name[name])
        try:
            tree = env.parse(source)
        except TemplateSyntaxError as exc:
            raise ValidationError("the template has a syntax error near “{text}”: {reason}",
                                  rule="template.syntax", text=_text_near(source, exc.lineno),
                                  reason=exc.message or "") from None
        collector.check(tree)
        sources[name] = source
    styles = by_name.get(_styles_part(by_name, main))
    return CheckedTemplate(collector.info(), tuple(members),
                           MappingProxyType(sources), main, styles)


def check_source(source: str) -> TemplateInfo:
    """Check a piece of template text (a paragraph of a template spec) as a whole template."""
    try:
        tree = jinja_environment().parse(source)
    except TemplateSyntaxError as exc:
        raise ValidationError("the template has a syntax error near “{text}”: {reason}", rule="template.syntax",
                              text=_shorten(source), reason=exc.message or "") from None
    collector = _Collector()
    collector.check(tree)
    return collector.info()


# -- the package --------------------------------------------------------------------------------
def _read_zip(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    if not isinstance(data, bytes | bytearray) or not zipfile.is_zipfile(io.BytesIO(data)):
        raise ValidationError("the template is not a .docx file (it is not a zip archive)", rule="template.zip")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            total = sum(i.file_size for i in infos)
            if len(infos) > MAX_MEMBERS or total > MAX_UNCOMPRESSED_BYTES:
                raise ValidationError("the template is too large ({size} MB unpacked, at most {limit} MB)",
                                      rule="template.size", size=total // 2**20,
                                      limit=MAX_UNCOMPRESSED_BYTES // 2**20)
            return [(info, z.read(info)) for info in infos if not info.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError,
            RuntimeError, ValueError) as exc:  # corrupt, encrypted or oddly compressed members
        raise ValidationError("the template is not a readable Word document: {reason}", rule="template.docx",
                              reason=str(exc)) from None


# docxtpl's text clean-up (patch_xml) and line-break handling (resolve_listing) need no document
DOCXTPL = DocxTemplate(None)  # type: ignore[arg-type]
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _parse_xml(name: str, data: bytes) -> etree._Element:
    try:
        return etree.fromstring(data, _XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise ValidationError("the template part {part} is not well-formed XML: {reason}", rule="template.xml",
                              part=name, reason=str(exc)) from None


def _content_types(by_name: Mapping[str, bytes]) -> dict[str, str]:
    if "[Content_Types].xml" not in by_name:
        raise ValidationError("the template is not a readable Word document: {reason}", rule="template.docx",
                              reason="[Content_Types].xml is missing")
    root = _parse_xml("[Content_Types].xml", by_name["[Content_Types].xml"])
    ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    defaults = {d.get("Extension", "").lower(): d.get("ContentType", "") for d in root.iter(f"{ns}Default")}
    types = {o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in root.iter(f"{ns}Override")}
    for name in by_name:
        types.setdefault(name, defaults.get(name.rsplit(".", 1)[-1].lower(), ""))
    return types


_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def _main_part(by_name: Mapping[str, bytes], types: Mapping[str, str]) -> str:
    rels = by_name.get("_rels/.rels")
    target = None
    if rels is not None:
        for rel in _parse_xml("_rels/.rels", rels).iter(f"{_REL_NS}Relationship"):
            if rel.get("Type") == _OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
                target = rel.get("Target", "").lstrip("/")
    if not target or target not in by_name:
        raise ValidationError("the template is not a readable Word document: {reason}", rule="template.docx",
                              reason="no main document part")
    if types.get(target) not in _MAIN_TYPES:
        raise ValidationError("the template is not a readable Word document: {reason}", rule="template.docx",
                              reason=f"the main part is {types.get(target) or 'of unknown type'}")
    root = _parse_xml(target, by_name[target])
    if root.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body") is None:
        raise ValidationError("the template is not a readable Word document: {reason}", rule="template.docx",
                              reason="the document has no body")
    return target


def _styles_part(by_name: Mapping[str, bytes], main: str) -> str:
    folder, _, base = main.rpartition("/")
    rels = by_name.get(f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels")
    if rels is not None:
        for rel in _parse_xml("rels", rels).iter(f"{_REL_NS}Relationship"):
            if rel.get("Type", "").endswith("/styles") and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                return target.lstrip("/") if target.startswith("/") else f"{folder}/{target}" if folder else target
    return f"{folder}/styles.xml" if folder else "styles.xml"


def patched_source(name: str, data: bytes) -> str:
    """The part's XML as docxtpl hands it to Jinja: runs inside a tag merged, docxtpl's ``{%p``,
    ``{%tr``, ``{%tc``, ``{%r`` tags turned into plain tags, one line per paragraph."""
    xml = etree.tostring(_parse_xml(name, data), encoding="unicode")
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", DOCXTPL.patch_xml(xml))


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text_near(source: str, lineno: int | None) -> str:
    """The paragraph text around a Jinja error (each source line holds one paragraph)."""
    lines = source.split("\n")
    index = max(0, min(len(lines), lineno or 1) - 1)
    for candidate in (index, index - 1, index + 1):
        if 0 <= candidate < len(lines):
            text = re.sub(r"<[^>]+>", "", lines[candidate]).strip()
            if text:
                return _shorten(text)
    return ""


# -- the syntax tree ----------------------------------------------------------------------------
_LOOP = "\0loop"  # the scope entry for ``loop``


class _Collector:
    def __init__(self) -> None:
        self.fields: set[str] = set()
        self.printed: set[str] = set()

    def info(self) -> TemplateInfo:
        return TemplateInfo(frozenset(self.fields), frozenset(self.printed))

    def check(self, tree: nodes.Template) -> None:
        _refuse_forbidden(tree)
        self._body(tree.body, {}, frozenset())

    # statements ---------------------------------------------------------------------------------
    def _body(self, body: list[nodes.Node], scope: dict[str, str], guards: frozenset[str]) -> None:
        for node in body:
            self._statement(node, scope, guards)

    def _statement(self, node: nodes.Node, scope: dict[str, str], guards: frozenset[str]) -> None:
        if isinstance(node, nodes.Output):
            for expr in node.nodes:
                self._expr(expr, scope, guards, printed=True)
        elif isinstance(node, nodes.If):
            tested = self._expr(node.test, scope, guards, printed=False)
            self._body(node.body, scope, guards | tested)
            for elif_ in node.elif_:
                tested |= self._expr(elif_.test, scope, guards | tested, printed=False)
                self._body(elif_.body, scope, guards | tested)
            self._body(node.else_, scope, guards | tested)
        elif isinstance(node, nodes.For):
            self._for(node, scope, guards)
        else:  # only allowed statements reach here (see _refuse_forbidden)
            for child in node.iter_child_nodes():
                self._statement(child, scope, guards)

    def _for(self, node: nodes.For, scope: dict[str, str], guards: frozenset[str]) -> None:
        if node.recursive or not isinstance(node.target, nodes.Name):
            raise ValidationError("the template uses “{tag}”, which document templates may not use",
                                  rule="template.tag", tag="for … recursive" if node.recursive else "for a, b in")
        variable = node.target.name
        if variable in registry.ROOTS or variable == "loop":
            raise ValidationError("the loop variable “{name}” hides a field", rule="template.loop_variable",
                                  name=variable)
        path = _dotted(node.iter)
        if path is None or not registry.is_list(path):
            raise ValidationError("the template loops over “{name}”, which is not a list field",
                                  rule="template.loop", name=path or _describe(node.iter))
        self._use(path, guards, printed=True)
        inner = {**scope, variable: path, "loop": _LOOP}
        if node.test is not None:
            self._expr(node.test, inner, guards, printed=False)
        self._body(node.body, inner, guards)
        self._body(node.else_, scope, guards)

    # expressions --------------------------------------------------------------------------------
    def _expr(self, node: nodes.Node, scope: dict[str, str], guards: frozenset[str], *, printed: bool) -> set[str]:
        """Record the fields ``node`` names; returns them (an If's test guards its body)."""
        if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem) and _is_reference(node):
            path = self._reference(node, scope)
            if path is None:
                return set()
            self._use(path, guards, printed=printed)
            return {path}
        found: set[str] = set()
        if isinstance(node, nodes.Filter | nodes.Test):
            # a default() or a test makes the value optional; arguments are never printed as fields
            optional = isinstance(node, nodes.Test) or node.name in ("default", "d")
            if node.node is not None:
                found |= self._expr(node.node, scope, guards, printed=printed and not optional)
            for arg in [*node.args, *(k.value for k in node.kwargs)]:
                found |= self._expr(arg, scope, guards, printed=False)
            return found
        if isinstance(node, nodes.CondExpr):
            tested = self._expr(node.test, scope, guards, printed=False)
            found |= tested | self._expr(node.expr1, scope, guards | tested, printed=printed)
            if node.expr2 is not None:
                found |= self._expr(node.expr2, scope, guards | tested, printed=printed)
            return found
        if isinstance(node, nodes.Compare):
            found |= self._expr(node.expr, scope, guards, printed=False)
            for op in node.ops:
                found |= self._expr(op.expr, scope, guards, printed=False)
            return found
        if isinstance(node, nodes.Getattr | nodes.Getitem):  # attribute of something that is not a field
            raise ValidationError("the template uses an expression document templates may not use: {text}",
                                  rule="template.expression", text=_describe(node))
        for child in node.iter_child_nodes():
            found |= self._expr(child, scope, guards, printed=printed)
        return found

    def _use(self, path: str, guards: frozenset[str], *, printed: bool) -> None:
        self.fields.add(path)
        if printed and path not in guards:
            self.printed.add(path)

    def _reference(self, node: nodes.Node, scope: dict[str, str]) -> str | None:
        """The registry path a Name/Getattr/Getitem chain names (None for loop items and ``loop``);
        refuses anything else."""
        root, steps = _chain(node)
        text = _describe(node)
        if root in scope:
            target = scope[root]
            if target == _LOOP:
                if len(steps) != 1 or steps[0] not in LOOP_ATTRIBUTES:
                    raise ValidationError("the template uses an unknown field “{name}”", rule="template.field",
                                          name=text)
                return None
            keys = registry.item_keys(target)
            if len(steps) != 1 or not isinstance(steps[0], str) or steps[0] not in keys:
                raise ValidationError("“{name}” is not a field of the items of “{list}”", rule="template.item",
                                      name=text, list=target)
            return None
        path = root
        for i, step in enumerate(steps):
            if isinstance(step, int):  # officers[0].name: an item of a list field
                rest = steps[i + 1:]
                if registry.is_list(path) and len(rest) == 1 and rest[0] in registry.item_keys(path):
                    return path
                raise ValidationError("the template uses an unknown field “{name}”", rule="template.field", name=text)
            path = f"{path}.{step}"
        if not registry.is_known(path):
            raise ValidationError("the template uses an unknown field “{name}”", rule="template.field", name=text)
        return path


def _is_reference(node: nodes.Node) -> bool:
    while isinstance(node, nodes.Getattr | nodes.Getitem):
        if isinstance(node, nodes.Getitem) and not (isinstance(node.arg, nodes.Const)
                                                    and isinstance(node.arg.value, str | int)
                                                    and not isinstance(node.arg.value, bool)):
            return False
        node = node.node
    return isinstance(node, nodes.Name)


def _chain(node: nodes.Node) -> tuple[str, list[str | int]]:
    steps: list[str | int] = []
    while isinstance(node, nodes.Getattr | nodes.Getitem):
        steps.append(node.attr if isinstance(node, nodes.Getattr) else node.arg.value)
        node = node.node
    assert isinstance(node, nodes.Name)
    return node.name, steps[::-1]


def _dotted(node: nodes.Node) -> str | None:
    if not (isinstance(node, nodes.Name | nodes.Getattr) and _is_reference(node)):
        return None
    root, steps = _chain(node)
    return ".".join([root, *map(str, steps)])


def _describe(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_describe(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        arg = node.arg.value if isinstance(node.arg, nodes.Const) else "…"
        return f"{_describe(node.node)}[{arg!r}]"
    if isinstance(node, nodes.Const):
        return repr(node.value)
    if isinstance(node, nodes.Filter):
        return f"{_describe(node.node) if node.node else '…'}|{node.name}"
    return "…"


def _walk(node: nodes.Node) -> Iterator[nodes.Node]:
    yield node
    for child in node.iter_child_nodes():
        yield from _walk(child)


def _refuse_forbidden(tree: nodes.Template) -> None:
    """Refuse every tag, call, filter and test outside the allowed set, and private attributes,
    wherever they sit in the tree."""
    everything = list(_walk(tree))
    for node in everything:  # first: the most telling reason for a sandbox escape attempt
        private = (node.attr if isinstance(node, nodes.Getattr) else
                   node.arg.value if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const)
                   and isinstance(node.arg.value, str) else None)
        if private is not None and private.startswith("_"):
            raise ValidationError("the template reaches the private attribute “{name}”", rule="template.private",
                                  name=private)
    for node in everything:
        if not isinstance(node, _ALLOWED_NODES):
            tag = next((name for kind, name in _TAG_NAMES.items() if isinstance(node, kind)),
                       type(node).__name__.lower())
            raise ValidationError("the template uses “{tag}”, which document templates may not use",
                                  rule="template.tag", tag=tag)
        if isinstance(node, nodes.Filter) and node.name not in ALLOWED_FILTERS:
            raise ValidationError("the template uses the filter “{name}”, which document templates may not use",
                                  rule="template.filter", name=node.name)
        if isinstance(node, nodes.Test) and node.name not in ALLOWED_TESTS:
            raise ValidationError("the template uses the test “{name}”, which document templates may not use",
                                  rule="template.test", name=node.name)
        if isinstance(node, nodes.Filter | nodes.Test) and (node.dyn_args is not None or node.dyn_kwargs is not None):
            raise ValidationError("the template uses “{tag}”, which document templates may not use",
                                  rule="template.tag", tag="*args")


def user_error_text(error: UserError, language: str | None) -> str:
    """An error's text in ``language`` (None: the current one), for nesting it in another message."""
    return error.english if language == "en" else error.message
