"""Translation of user-facing domain texts without Qt.

Source strings are English; the Chinese catalogue lives in ``messages_zh.py``. The UI installs
Qt translators for its own widgets and calls :func:`set_language` with the same choice, so a
refused action reads in the same language as the window around it.
"""

from __future__ import annotations

from app.domain.messages_zh import MESSAGES_ZH

_CATALOGUES: dict[str, dict[str, str]] = {"zh_CN": MESSAGES_ZH, "en": {}}
_language = "zh_CN"


def set_language(language: str) -> None:
    global _language
    if language not in _CATALOGUES:
        raise ValueError(f"unknown language {language!r}; known: {sorted(_CATALOGUES)}")
    _language = language


def language() -> str:
    return _language


def tr(source: str, /, **params: object) -> str:
    """Translate ``source`` into the current language and fill ``{name}`` placeholders."""
    text = _CATALOGUES[_language].get(source, source)
    return text.format(**params) if params else text


def tr_in(lang: str, source: str, /, **params: object) -> str:
    text = _CATALOGUES.get(lang, {}).get(source, source)
    return text.format(**params) if params else text
