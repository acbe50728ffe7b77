"""Typed errors. A :class:`UserError` is meant for the user and carries its own translated text;
anything else that escapes is a bug and goes to the crash dialog."""

from __future__ import annotations

from app.domain.i18n import tr, tr_in


class UserError(Exception):
    """An error the user can act on. ``source`` is the English text with ``{placeholders}``."""

    def __init__(self, source: str, /, *, field: str | None = None, rule: str | None = None, **params: object):
        self.source = source
        self.params = params
        self.field = field
        self.rule = rule
        super().__init__(self.english)

    def _format_params(self, language: str | None) -> dict[str, object]:
        """The parameters to fill in, with ``{field}`` (its label translated, if one exists) and any
        phrase-like value (one with ``render(language)``) rendered in ``language``."""
        params = {k: v.render(language) if callable(getattr(v, "render", None)) else v
                  for k, v in self.params.items()}
        if self.field is not None:
            params["field"] = self.field if language == "en" else tr(self.field)
        return params

    @property
    def message(self) -> str:
        """The text in the current UI language."""
        return tr(self.source, **self._format_params(None))

    @property
    def english(self) -> str:
        return tr_in("en", self.source, **self._format_params("en"))

    def __str__(self) -> str:
        return self.message


class ValidationError(UserError):
    """Bad input: names the field and the rule it breaks."""


class NotFound(UserError):
    """The record asked for does not exist (or was deleted)."""


class StaleWrite(UserError):
    """The record changed since the caller read it."""


class CalendarNotLoaded(UserError):
    """A date falls in a year for which no official working-day calendar is loaded."""

    def __init__(self, year: int):
        self.year = year
        super().__init__("calendar not loaded for {year}", rule="calendar", year=year)


class TransitionRefused(UserError):
    """A workflow action is not allowed now; ``reasons`` lists every guard that refused."""

    def __init__(self, action: str, reasons: list[UserError]):
        self.action = action
        self.reasons = reasons
        super().__init__("{action} refused: {reasons}", rule="transition", action=action, reasons="")

    @property
    def message(self) -> str:
        return tr("{action} refused: {reasons}", action=tr(self.action),
                  reasons=tr("; ").join(r.message for r in self.reasons))

    @property
    def english(self) -> str:
        return tr_in("en", "{action} refused: {reasons}", action=self.action,
                     reasons="; ".join(r.english for r in getattr(self, "reasons", [])))


class UserCancelled(Exception):
    """The user cancelled; unwinds silently."""
