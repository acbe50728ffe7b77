"""A signing handler for tests: answers PIN prompts with a fixed PIN and counts them."""

from __future__ import annotations

from app.domain.errors import UserCancelled

PIN = "seal-pin-2026"


class Pins:
    def __init__(self, pin: str | None = PIN):
        self.pin = pin
        self.asked: list[tuple[str, int | None]] = []

    def ask_pin(self, prompt: str, retries_left: int | None) -> str:
        self.asked.append((prompt, retries_left))
        if self.pin is None:
            raise UserCancelled()
        return self.pin
