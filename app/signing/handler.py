"""How signing asks the person at the keyboard for a PIN. The UI implements :class:`SigningHandler`
(a dialog); tests pass a fake. Signing never stores or logs what it returns."""

from __future__ import annotations

from typing import Protocol


class SigningHandler(Protocol):
    def ask_pin(self, prompt: str, retries_left: int | None) -> str:
        """Ask for a PIN. ``prompt`` is already translated into the UI language and names the key or
        token; ``retries_left`` is the token's hint (1 when the next wrong PIN locks it) or None when
        unknown. Raise :class:`app.domain.errors.UserCancelled` to cancel signing.

        Called from the thread that signs; a UI running signing in a worker thread must hop to
        its GUI thread to show the dialog."""
        ...
