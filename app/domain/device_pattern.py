"""The file-name pattern language of user-defined devices (an administrator writes it in settings).

A pattern reads like the file names it matches::

    {officer}_{date}_{time}_{seq}.mp4          the file name only (no "/" in the pattern)
    DCIM/{date}/{officer}_{time}.mp4           the whole path under the volume root

Placeholders: ``{officer}`` (letters and digits), ``{serial}`` (letters, digits, "-"), ``{date}``
(YYYYMMDD), ``{time}`` (HHMMSS), ``{datetime}`` (YYYYMMDDHHMMSS), ``{seq}`` (digits), ``{any}``
(anything without "/"). ``*`` is a wildcard (anything without "/"); everything else is literal.
Matching ignores case. Each placeholder may appear once (``{any}`` and ``*`` as often as needed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from app.domain.errors import ValidationError

SHANGHAI = ZoneInfo("Asia/Shanghai")
MAX_LENGTH = 200
FIELD = "file-name pattern"

PLACEHOLDERS: dict[str, str] = {
    "officer": r"[0-9A-Za-z]+",
    "serial": r"[0-9A-Za-z-]+",
    "date": r"\d{8}",
    "time": r"\d{6}",
    "datetime": r"\d{14}",
    "seq": r"\d+",
    "any": r"[^/]*?",
}
REPEATABLE = frozenset({"any"})


@dataclass(frozen=True)
class CompiledPattern:
    """A checked pattern. :meth:`match` returns the placeholders' text plus ``recorded_at`` (aware
    Shanghai time from {datetime} or {date}+{time}; None when absent or not a real time) and
    ``sequence`` (int or None), or None when the path does not match."""

    text: str
    regex: re.Pattern[str]
    whole_path: bool  # the pattern names folders: match the whole relpath, else the file name only
    names: tuple[str, ...]

    def match(self, relpath: str) -> dict[str, object] | None:
        subject = relpath if self.whole_path else relpath.rsplit("/", 1)[-1]
        found = self.regex.fullmatch(subject)
        if found is None:
            return None
        fields: dict[str, object] = {name: found[name] for name in self.names}
        fields["recorded_at"] = _recorded_at(fields)
        fields["sequence"] = int(found["seq"]) if "seq" in self.names else None
        return fields


def _recorded_at(fields: dict[str, object]) -> datetime | None:
    if "datetime" in fields:
        digits = str(fields["datetime"])
    elif "date" in fields and "time" in fields:
        digits = f"{fields['date']}{fields['time']}"
    else:
        return None
    try:
        return datetime.strptime(digits, "%Y%m%d%H%M%S").replace(tzinfo=SHANGHAI)
    except ValueError:
        return None


def compile_pattern(text: str) -> CompiledPattern:
    """Check and compile ``text``; a bad pattern raises ValidationError naming the problem."""
    text = (text or "").strip()
    if not text:
        raise ValidationError("{field}: the pattern is empty", field=FIELD, rule="pattern_empty")
    if len(text) > MAX_LENGTH:
        raise ValidationError("{field}: the pattern is longer than {max} characters", field=FIELD,
                              rule="pattern_length", max=MAX_LENGTH)
    if text.startswith("/") or "\\" in text:
        raise ValidationError("{field}: write folders with \"/\" and start from the device root, without a "
                              "leading \"/\" or \"\\\"", field=FIELD, rule="pattern_path")
    if text.endswith("/"):
        raise ValidationError("{field}: the pattern must end with a file name, not a folder", field=FIELD,
                              rule="pattern_path")
    parts: list[str] = []
    names: list[str] = []
    pos = 0
    while pos < len(text):
        char = text[pos]
        if char == "}":
            raise ValidationError("{field}: a \"}}\" at position {position} has no \"{{\" before it", field=FIELD,
                                  rule="pattern_braces", position=pos + 1)
        if char != "{":
            parts.append(r"[^/]*" if char == "*" else re.escape(char))
            pos += 1
            continue
        end = text.find("}", pos + 1)
        if end < 0 or 0 <= text.find("{", pos + 1) < end:
            raise ValidationError("{field}: a \"{{\" at position {position} is not closed by \"}}\"", field=FIELD,
                                  rule="pattern_braces", position=pos + 1)
        name = text[pos + 1:end].strip().lower()
        if name not in PLACEHOLDERS:
            raise ValidationError("{field}: unknown placeholder {{{name}}}; known: {known}", field=FIELD,
                                  rule="pattern_placeholder", name=text[pos + 1:end],
                                  known=" ".join(f"{{{n}}}" for n in PLACEHOLDERS))
        if name in REPEATABLE:
            parts.append(f"(?:{PLACEHOLDERS[name]})")
        elif name in names:
            raise ValidationError("{field}: the placeholder {{{name}}} appears more than once", field=FIELD,
                                  rule="pattern_repeat", name=name)
        else:
            names.append(name)
            parts.append(f"(?P<{name}>{PLACEHOLDERS[name]})")
        pos = end + 1
    regex = re.compile("".join(parts), re.IGNORECASE | re.DOTALL)
    return CompiledPattern(text=text, regex=regex, whole_path="/" in text, names=tuple(names))
