"""Passwords for the headless commands: from an environment variable (scripts, docking stations), else
typed at this terminal without echo. Without either there is no one to ask: the command says which
variable to set instead of failing on end of input."""

from __future__ import annotations

import getpass
import os
import sys

from app.domain.errors import ValidationError


def read_secret(prompt: str, env: str) -> str | None:
    """The value of ``env`` if set, else typed at the terminal; None when there is no terminal."""
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(prompt)


def require_secret(prompt: str, env: str) -> str:
    """As :func:`read_secret`, but without a terminal or ``env`` the command stops with a message."""
    secret = read_secret(prompt, env)
    if secret is None:
        raise ValidationError("{field}: there is no terminal to ask for it on; set {env}", field="password",
                              rule="cli.password", env=env)
    return secret
