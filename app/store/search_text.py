"""Chinese-aware search text. SQLite's tokenizers see a run of Han characters as one word, so we
index character bigrams and single characters ourselves: "张三丰" -> "张三 三丰 张 三 丰". A query of
two or more characters is a phrase of bigrams; a one-character query is an exact token (a prefix
query would merge the doclists of every bigram starting with that character: slow at 100k cases). Latin letters and digits
(ID numbers, credit codes, case numbers) stay whole words and match by prefix while being typed."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(rf"[{_CJK}]+|[0-9a-z]+")
_IS_CJK = re.compile(rf"[{_CJK}]")
_SEPARATORS = ",、;"  # after normalise(): what users type between words, like a space


def normalise(text: str) -> str:
    """Fold full-width forms and case: '４４０７ＡＢ' -> '4407ab'."""
    return unicodedata.normalize("NFKC", text or "").lower()


def _cjk_tokens(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)] + list(run)


def index_tokens(*fields: str) -> str:
    """The token string stored in the full-text index for the given field values."""
    tokens: list[str] = []
    for field in fields:
        for run in _RUNS.findall(normalise(field)):
            tokens += _cjk_tokens(run) if _IS_CJK.match(run) else [run]
    return " ".join(tokens)


@dataclass(frozen=True)
class Term:
    """One searchable word of what a user typed."""

    text: str  # normalised
    han: bool  # a run of Han characters (else Latin letters/digits)
    whole: bool  # a Latin/digit word closed off by the next typed character: match it whole, not as a prefix


def query_terms(query: str) -> list[Term]:
    """The searchable words of what a user typed; punctuation, spaces and FTS syntax are dropped.

    A Latin/digit word is a prefix while the user may still be typing it (at the end, or before a
    space or comma); one closed by another character (the "1" of "〔2026〕1号") is complete, so a full
    case number does not also find cases 10 to 19 and every address with "18号".
    """
    text = normalise(query)
    terms = []
    for m in _RUNS.finditer(text):
        han = bool(_IS_CJK.match(m.group()))
        closed = m.end() < len(text) and not text[m.end()].isspace() and text[m.end()] not in _SEPARATORS
        terms.append(Term(m.group(), han, closed and not han))
    return terms


def match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for what a user typed; None when nothing searchable remains.

    Every typed word must match (AND). A Han run of two or more characters becomes a phrase of its
    bigrams (contiguous), a single Han character that character's own token; a Latin/digit word a
    prefix query unless it is ``whole``.
    """
    parts: list[str] = []
    for t in query_terms(query):
        if t.han and len(t.text) > 1:
            parts.append('"' + " ".join(t.text[i : i + 2] for i in range(len(t.text) - 1)) + '"')
        elif t.han:
            parts.append(f'"{t.text}"')
        else:
            parts.append(f'"{t.text}"' if t.whole else f'"{t.text}"*')
    return " AND ".join(parts) if parts else None


def word_pattern(term: Term) -> str:
    """A regular expression over the normalised search text matching a Latin/digit term as FTS does:
    at the start of a word, and up to its end when the term is whole."""
    return f"(^|[^0-9a-z]){term.text}" + ("([^0-9a-z]|$)" if term.whole else "")
