"""References to keys (light: the UI builds them without loading the cryptography libraries)."""

from __future__ import annotations

from dataclasses import dataclass

SOFTWARE, TOKEN = "software:", "pkcs11:"


@dataclass(frozen=True)
class TokenRef:
    """Where a key on a hardware token lives: the PKCS#11 module, the token label and the key label."""

    module: str
    token: str
    label: str

    @property
    def key_ref(self) -> str:
        return f"{TOKEN}{self.module}|{self.token}|{self.label}"
