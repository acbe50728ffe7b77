"""The document catalogue (执法文书目录): which document types a bureau uses, as data.

Each :class:`DocumentType` says which case kinds and stages produce it, what must be approved before
it is issued, whether it is served on the party, which case events freeze it, where it is bound in
the case file (卷宗) and which 文号 series numbers it. The shipped catalogue lives in
``resources/documents/catalogue.json``; a bureau file adds or replaces entries by code
(:meth:`DocumentCatalogue.merged`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from app.domain.cases import CaseKind, Stage
from app.domain.deadlines import Phrase
from app.domain.errors import NotFound, ValidationError


class Volume(StrEnum):
    MAIN = "main"  # 正卷
    SECONDARY = "secondary"  # 副卷


DOSSIER_PARTS = ("cover", "contents", "evidence_list", "reference")
# parts every volume has: the dossier reuses the main volume's entry for a volume that has none of its own
SHARED_PARTS = ("cover", "contents", "reference")
_PART_RANK = {"cover": 0, "contents": 1, "reference": 3}  # cover and contents first, 备考表 last
VOLUME_PHRASES = {Volume.MAIN: Phrase("main volume"), Volume.SECONDARY: Phrase("secondary volume")}
PART_PHRASES = {"cover": Phrase("case file cover"), "contents": Phrase("table of contents"),
                "evidence_list": Phrase("evidence list"), "reference": Phrase("reference sheet")}

CODE_PATTERN = re.compile(r"[A-Z][A-Z0-9_]{1,31}")
TEMPLATE_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{0,63}")  # a file name, never a path
NAME_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,63}")  # approval slots and case events
FIELD_PATTERN = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*")
SERIES_MAX = 8

_ENTRY_KEYS = frozenset({
    "code", "name", "kinds", "stages", "approvals", "served", "frozen_by", "volume", "binding_order", "template",
    "number_series", "evidence", "required_fields", "dossier_part", "comment",
})


@dataclass(frozen=True)
class DocumentType:
    code: str  # "XZCFJDS" (upper-case letters/digits, as the workflow table names it)
    name: str  # "行政处罚决定书"
    kinds: tuple[CaseKind, ...]  # case kinds that use it
    stages: tuple[Stage, ...]  # stages in which it is produced (the generate button is offered there)
    approvals: tuple[str, ...]  # approval slots that must be approved before it can be issued
    served: bool  # served on the party (送达)
    frozen_by: tuple[str, ...]  # case events after which it is frozen
    volume: Volume
    binding_order: int  # position inside its volume (卷宗 binding order)
    template: str  # template name (default = code)
    number_series: str = ""  # 文号 series, e.g. "罚" → 江海市监罚〔2026〕12号; "" = no 文号
    evidence: bool = False  # an evidence record (笔录, 提取单): listed in the evidence list
    required_fields: tuple[str, ...] = ()  # extra fields that must be filled, e.g. ("party.address",)
    dossier_part: str = ""  # "cover" | "contents" | "evidence_list" | "reference", made at 卷宗 export

    @property
    def numbered(self) -> bool:
        return bool(self.number_series)

    def used_in(self, kind: CaseKind, stage: Stage | None = None) -> bool:
        return kind in self.kinds and (stage is None or stage in self.stages)

    def frozen(self, events: Iterable[str]) -> bool:
        """True once any of the case's events freezes this document."""
        return any(event in self.frozen_by for event in events)


# ---- parsing -------------------------------------------------------------------------------------


def _required_text(item: dict, key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("{field}: this field is required", field=f"{where}.{key}", rule="required")
    return value.strip()


def _optional_text(item: dict, key: str, where: str) -> str:
    value = item.get(key, "")
    if not isinstance(value, str):
        raise ValidationError("{field}: must be text", field=f"{where}.{key}", rule="documents.type")
    return value.strip()


def _flag(item: dict, key: str, where: str) -> bool:
    value = item.get(key, False)
    if not isinstance(value, bool):
        raise ValidationError("{field}: must be true or false", field=f"{where}.{key}", rule="documents.type")
    return value


def _text_list(item: dict, key: str, where: str, *, required: bool) -> tuple[str, ...]:
    value = item.get(key, [])
    field = f"{where}.{key}"
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError("{field}: must be a list of texts", field=field, rule="documents.type")
    if required and not value:
        raise ValidationError("{field}: this field is required", field=field, rule="required")
    if len(set(value)) != len(value):
        duplicate = next(v for i, v in enumerate(value) if v in value[:i])
        raise ValidationError("{field}: {value} is listed twice", field=field, rule="documents.unique",
                              value=duplicate)
    return tuple(value)


def _enum_list(item: dict, key: str, where: str, enum: type[StrEnum], rule: str) -> tuple:
    values = _text_list(item, key, where, required=True)
    known = {member.value for member in enum}
    for value in values:
        if value not in known:
            raise ValidationError("{field}: unknown value {value}; known: {known}", field=f"{where}.{key}",
                                  rule=rule, value=value, known=", ".join(m.value for m in enum))
    return tuple(enum(value) for value in values)


def _names(item: dict, key: str, where: str, known: Callable[[str], bool] | None, rule: str) -> tuple[str, ...]:
    values = _text_list(item, key, where, required=False)
    for value in values:
        if not NAME_PATTERN.fullmatch(value) or (known is not None and not known(value)):
            raise ValidationError("{field}: unknown value {value}", field=f"{where}.{key}", rule=rule, value=value)
    return values


def _parse_entry(item: object, where: str, known_fields: Callable[[str], bool] | None,
                 known_slots: Callable[[str], bool] | None,
                 known_events: Callable[[str], bool] | None) -> DocumentType:
    if not isinstance(item, dict):
        raise ValidationError("{field}: not an object", field=where, rule="documents.format")
    unknown = sorted(set(item) - _ENTRY_KEYS)
    if unknown:
        raise ValidationError("{field}: unknown key {value}", field=f"{where}.{unknown[0]}", rule="documents.key",
                              value=unknown[0])
    code = _required_text(item, "code", where)
    if not CODE_PATTERN.fullmatch(code):
        raise ValidationError("{field}: a document code is 2 to 32 upper-case letters, digits or _ ({value})",
                              field=f"{where}.code", rule="documents.code", value=code)
    name = _required_text(item, "name", where)
    kinds = _enum_list(item, "kinds", where, CaseKind, "documents.kind")
    stages = _enum_list(item, "stages", where, Stage, "documents.stage")
    approvals = _names(item, "approvals", where, known_slots, "documents.slot")
    frozen_by = _names(item, "frozen_by", where, known_events, "documents.event")
    volume_text = _required_text(item, "volume", where)
    if volume_text not in {v.value for v in Volume}:
        raise ValidationError("{field}: unknown value {value}; known: {known}", field=f"{where}.volume",
                              rule="documents.volume", value=volume_text, known=", ".join(v.value for v in Volume))
    order = item.get("binding_order")
    if not isinstance(order, int) or isinstance(order, bool) or order < 1:
        raise ValidationError("{field}: must be a whole number of at least 1", field=f"{where}.binding_order",
                              rule="documents.binding_order")
    template = _optional_text(item, "template", where) or code
    if not TEMPLATE_PATTERN.fullmatch(template):
        raise ValidationError("{field}: a template name is letters, digits, _ or - ({value})",
                              field=f"{where}.template", rule="documents.template", value=template)
    series = _optional_text(item, "number_series", where)
    if len(series) > SERIES_MAX or any(c.isspace() or c.isdigit() or c in "〔〕[]()（）" for c in series):
        raise ValidationError("{field}: a number series is up to {n} characters without spaces, digits or "
                              "brackets ({value})", field=f"{where}.number_series", rule="documents.series",
                              n=SERIES_MAX, value=series)
    required_fields = _text_list(item, "required_fields", where, required=False)
    for path in required_fields:
        if not FIELD_PATTERN.fullmatch(path) or (known_fields is not None and not known_fields(path)):
            raise ValidationError("{field}: unknown field {value}", field=f"{where}.required_fields",
                                  rule="documents.field", value=path)
    part = _optional_text(item, "dossier_part", where)
    if part and part not in DOSSIER_PARTS:
        raise ValidationError("{field}: unknown value {value}; known: {known}", field=f"{where}.dossier_part",
                              rule="documents.dossier_part", value=part, known=", ".join(DOSSIER_PARTS))
    return DocumentType(code=code, name=name, kinds=kinds, stages=stages, approvals=approvals,
                        served=_flag(item, "served", where), frozen_by=frozen_by, volume=Volume(volume_text),
                        binding_order=order, template=template, number_series=series,
                        evidence=_flag(item, "evidence", where), required_fields=required_fields,
                        dossier_part=part)


def parse_document_catalogue(data: object, *, known_fields: Callable[[str], bool] | None = None,
                             known_slots: Callable[[str], bool] | None = None,
                             known_events: Callable[[str], bool] | None = None,
                             complete: bool = True) -> list[DocumentType]:
    """Validate a catalogue document ``{"documents": [...]}``; every problem names the entry and field.

    ``known_fields`` / ``known_slots`` / ``known_events`` check required fields, approval slots and
    freezing events against the field registry and the workflow (only their format is checked when
    not given). ``complete`` checks what a whole catalogue needs (one entry a binding position, at
    most one entry a dossier part and volume); a bureau's override file is parsed with ``complete=False``
    and checked when merged."""
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise ValidationError("{field}: a document catalogue is an object with a list of documents",
                              field="documents", rule="documents.format")
    unknown = sorted(set(data) - {"documents", "version", "comment"})
    if unknown:
        raise ValidationError("{field}: unknown key {value}", field=unknown[0], rule="documents.key",
                              value=unknown[0])
    types: list[DocumentType] = []
    seen: set[str] = set()
    for i, item in enumerate(data["documents"]):
        where = f"documents[{i}]"
        entry = _parse_entry(item, where, known_fields, known_slots, known_events)
        if entry.code in seen:
            raise ValidationError("{field}: duplicate document code {code}", field=f"{where}.code",
                                  rule="documents.unique", code=entry.code)
        seen.add(entry.code)
        types.append(entry)
    if complete:
        _check_whole(types, lambda t: f"documents[{types.index(t)}]")
    return types


def _check_whole(types: list[DocumentType], where: Callable[[DocumentType], str]) -> None:
    """One entry a binding position in each volume; one entry a dossier part in each volume."""
    positions: dict[tuple[Volume, int], DocumentType] = {}
    parts: dict[tuple[Volume, str], DocumentType] = {}
    for entry in types:
        other = positions.setdefault((entry.volume, entry.binding_order), entry)
        if other is not entry:
            raise ValidationError("{field}: binding position {n} in the {volume} is taken by {code}",
                                  field=f"{where(entry)}.binding_order", rule="documents.binding_order",
                                  n=entry.binding_order, volume=VOLUME_PHRASES[entry.volume], code=other.code)
        if entry.dossier_part:
            other = parts.setdefault((entry.volume, entry.dossier_part), entry)
            if other is not entry:
                raise ValidationError("{field}: the {volume} already has a {part} ({code})",
                                      field=f"{where(entry)}.dossier_part", rule="documents.dossier_part",
                                      volume=VOLUME_PHRASES[entry.volume], part=PART_PHRASES[entry.dossier_part],
                                      code=other.code)


# ---- the catalogue -------------------------------------------------------------------------------


class DocumentCatalogue:
    """The document types of a bureau, looked up by code, case kind, stage and volume."""

    def __init__(self, types: Iterable[DocumentType]):
        self._types: tuple[DocumentType, ...] = tuple(types)
        self._by_code: dict[str, DocumentType] = {}
        for entry in self._types:
            if entry.code in self._by_code:
                raise ValidationError("{field}: duplicate document code {code}", field=f"documents[{entry.code}]",
                                      rule="documents.unique", code=entry.code)
            self._by_code[entry.code] = entry
        _check_whole(list(self._types), lambda t: f"documents[{t.code}]")

    @classmethod
    def parse(cls, data: object, *, known_fields: Callable[[str], bool] | None = None,
              known_slots: Callable[[str], bool] | None = None,
              known_events: Callable[[str], bool] | None = None) -> DocumentCatalogue:
        return cls(parse_document_catalogue(data, known_fields=known_fields, known_slots=known_slots,
                                            known_events=known_events))

    @classmethod
    def merged(cls, base: DocumentCatalogue | Iterable[DocumentType],
               override: DocumentCatalogue | Iterable[DocumentType]) -> DocumentCatalogue:
        """``base`` with ``override``'s entries replacing those of the same code (in place) and the
        others added at the end. The result is checked as a whole catalogue (binding positions)."""
        entries = {t.code: t for t in (base.types if isinstance(base, DocumentCatalogue) else base)}
        for entry in override.types if isinstance(override, DocumentCatalogue) else override:
            entries[entry.code] = entry
        return cls(entries.values())

    @property
    def types(self) -> tuple[DocumentType, ...]:
        return self._types

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._by_code)

    def __len__(self) -> int:
        return len(self._types)

    def __iter__(self) -> Iterator[DocumentType]:
        return iter(self._types)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> DocumentType:
        try:
            return self._by_code[code]
        except KeyError:
            raise NotFound("document type {code} is not in the catalogue", rule="documents.code",
                           code=code) from None

    def find(self, code: str) -> DocumentType | None:
        return self._by_code.get(code)

    def for_kind(self, kind: CaseKind) -> list[DocumentType]:
        """The types a case of ``kind`` uses, in catalogue order."""
        return [t for t in self._types if kind in t.kinds]

    for_case = for_kind

    def for_stage(self, kind: CaseKind, stage: Stage) -> list[DocumentType]:
        """The types offered for generation in ``stage`` of a case of ``kind``, in catalogue order."""
        return [t for t in self._types if t.used_in(kind, stage)]

    def evidence_types(self) -> list[DocumentType]:
        return [t for t in self._types if t.evidence]

    def numbered(self) -> list[DocumentType]:
        """The types that take a 文号."""
        return [t for t in self._types if t.number_series]

    def dossier_part(self, part: str, volume: Volume = Volume.MAIN) -> DocumentType | None:
        """The entry making ``part`` for ``volume``: its own, else (cover, contents, 备考表) the main one."""
        own = next((t for t in self._types if t.dossier_part == part and t.volume is volume), None)
        if own is None and part in SHARED_PARTS and volume is not Volume.MAIN:
            return self.dossier_part(part, Volume.MAIN)
        return own

    def binding(self, volume: Volume) -> list[DocumentType]:
        """The types bound in ``volume`` in binding order: cover and table of contents first, the
        备考表 last (a volume without its own uses the main volume's cover, contents and 备考表),
        everything else by ``binding_order``."""
        entries = [t for t in self._types if t.volume is volume]
        if volume is not Volume.MAIN:
            for part in SHARED_PARTS:
                if not any(t.dossier_part == part for t in entries):
                    shared = self.dossier_part(part, Volume.MAIN)
                    if shared is not None:
                        entries.append(shared)
        return sorted(entries, key=lambda t: (_PART_RANK.get(t.dossier_part, 2), t.binding_order))
