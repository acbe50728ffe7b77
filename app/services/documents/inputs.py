"""Fields an officer types for one document because the case record does not hold them: when and
where a hearing is held, what was sealed or seized. They are asked for when a template prints them,
kept with the document, and offered again when it is regenerated."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.documents import fields as registry
from app.documents.cn_format import chinese_date
from app.domain.cases import Case
from app.domain.errors import ValidationError

# path -> kind: "text" (one line), "date" (YYYY-MM-DD), "items" (one item a line: 名称，规格，数量，备注)
INPUT_FIELDS: dict[str, str] = {
    "hearing.date": "date", "hearing.place": "text", "hearing.host": "text",
    "measure.place": "text", "measure.start_date": "date", "measure.end_date": "date", "measure.items": "items",
}
MEASURE_DAYS = 30  # 行政强制法 Art. 25: 查封、扣押 up to 30 days
_ITEM_KEYS = ("name", "spec", "quantity", "note")
_SPLIT = re.compile(r"[，,\t|]")


@dataclass(frozen=True)
class InputField:
    path: str
    label: str
    kind: str
    value: str  # what was typed before, or a suggestion from the case
    required: bool


def suggestions(case: Case) -> dict[str, str]:
    """Values the case already implies (the officer may change them)."""
    found: dict[str, str] = {"measure.place": case.place}
    start = case.events.get("measure_started")
    if start:
        found["measure.start_date"] = start.isoformat()
        found["measure.end_date"] = (start + timedelta(days=MEASURE_DAYS)).isoformat()
    if "hearing_held" in case.events:
        found["hearing.date"] = case.events["hearing_held"].isoformat()
    return found


def fields_for(used: set[str], stored: Mapping[str, str], case: Case) -> list[InputField]:
    """The input fields a template prints, with the values to show."""
    hints = suggestions(case)
    return [InputField(path, registry.label(path), kind, stored.get(path) or hints.get(path, ""),
                       registry.is_required(path))
            for path, kind in INPUT_FIELDS.items() if path in used]


def clean(raw: Mapping[str, str]) -> dict[str, str]:
    """Check typed values; every problem names its field."""
    out = {}
    for path, value in raw.items():
        kind = INPUT_FIELDS.get(path)
        if kind is None:
            raise ValidationError("{label}: not a field that can be typed for a document", field=path,
                                  rule="document.input", label=path)
        text = str(value).strip()
        if kind == "date" and text:
            try:
                date.fromisoformat(text)
            except ValueError as exc:
                raise ValidationError("{label}: {value} is not a date (YYYY-MM-DD)", field=path,
                                      rule="document.input.date", label=registry.label(path), value=text) from exc
        out[path] = text
    return out


def apply(context: dict[str, Any], values: Mapping[str, str]) -> None:
    """Put typed values into the template fields (dates in Chinese, items as a numbered list)."""
    for path, text in values.items():
        if not text:
            continue
        kind = INPUT_FIELDS[path]
        group, key = path.split(".", 1)
        if kind == "date":
            value: Any = chinese_date(date.fromisoformat(text))
        elif kind == "items":
            value = [dict(zip(("index", *_ITEM_KEYS),
                              (str(i), *(p.strip() for p in _SPLIT.split(line, maxsplit=3))), strict=False))
                     for i, line in enumerate((ln for ln in text.splitlines() if ln.strip()), 1)]
            for item in value:
                for k in _ITEM_KEYS:
                    item.setdefault(k, "")
        else:
            value = text
        context.setdefault(group, {})[key] = value
