"""Chinese-aware search text. SQLite's tokenizers see a run of Han characters as one word, so we
index character bigrams ourselves: "张三丰" -> "张三 三丰 丰". A run's last character is also
indexed alone, so a one-character query ``X*`` finds every position. Latin letters and digits
(ID numbers, credit codes, case numbers) stay whole words and match by prefix."""

from __future__ import annotations

import re
import unicodedata

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(rf"[{_CJK}]+|[0-9a-z]+")
_IS_CJK = re.compile(rf"[{_CJK}]")


def normalise(text: str) -> str:
    """Fold full-width forms and case: '４４０７ＡＢ' -> '4407ab'."""
    return unicodedata.normalize("NFKC", text or "").lower()


def _cjk_tokens(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def index_tokens(*fields: str) -> str:
    """The token string stored in the full-text index for the given field values."""
    tokens: list[str] = []
    for field in fields:
        for run in _RUNS.findall(normalise(field)):
            tokens += _cjk_tokens(run) if _IS_CJK.match(run) else [run]
    return " ".join(tokens)


def match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for what a user typed; None when nothing searchable remains.

    Every typed word must match (AND). A Han run of two or more characters becomes a phrase of its
    bigrams (contiguous), a single Han character or a Latin/digit word becomes a prefix query.
    """
    parts: list[str] = []
    for run in _RUNS.findall(normalise(query)):
        if _IS_CJK.match(run) and len(run) > 1:
            grams = [run[i : i + 2] for i in range(len(run) - 1)]
            parts.append('"' + " ".join(grams) + '"')
        else:
            parts.append(f'"{run}"*')
    return " AND ".join(parts) if parts else None
