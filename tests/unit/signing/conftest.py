"""Fixtures for signing: a memory keyring and a fresh SoftHSM2 token (fake handlers: keyhelpers.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import PasswordDeleteError

SOFTHSM_MODULE_PATHS = (
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)
REQUIRE_SOFTHSM = os.environ.get("ZHIFA_REQUIRE_SOFTHSM") == "1"
TOKEN_LABEL = "T"
USER_PIN = "1234"
SO_PIN = "5678"


class MemoryKeyring(KeyringBackend):
    """Secrets in a dict, for tests. Not viable for automatic selection; set it explicitly."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("test backend; select it with keyring.set_keyring")

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def __str__(self) -> str:
        return "MemoryKeyring"

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)



@pytest.fixture
def memory_keyring():
    """The process keyring is a fresh :class:`MemoryKeyring` during the test, then the old one again."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


def _softhsm_module() -> str | None:
    configured = os.environ.get("ZHIFA_SOFTHSM_MODULE")
    if configured:
        return configured
    return next((p for p in SOFTHSM_MODULE_PATHS if Path(p).is_file()), None)


def _unavailable(reason: str):
    if REQUIRE_SOFTHSM:
        pytest.fail(f"SoftHSM2 is required (ZHIFA_REQUIRE_SOFTHSM=1) but {reason}")
    pytest.skip(f"SoftHSM2 is not installed ({reason}); install Debian's softhsm2 to run token tests")


@pytest.fixture
def softhsm(tmp_path, monkeypatch):
    """A fresh SoftHSM2 token in a temp folder: yields (module path, token label "T", user PIN "1234").
    The PKCS#11 module is re-initialised so it reads this test's SOFTHSM2_CONF, and finalised after."""
    util = shutil.which("softhsm2-util")
    module = _softhsm_module()
    if util is None:
        _unavailable("softhsm2-util is not on PATH")
    if module is None:
        _unavailable(f"libsofthsm2.so is in none of {', '.join(SOFTHSM_MODULE_PATHS)}")
    tokens = tmp_path / "softhsm-tokens"
    tokens.mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    subprocess.run([util, "--init-token", "--free", "--label", TOKEN_LABEL, "--so-pin", SO_PIN,
                    "--pin", USER_PIN], check=True, capture_output=True, timeout=60)
    import pkcs11

    lib = pkcs11.lib(module)
    lib.reinitialize()  # a module loaded by an earlier test still has that test's tokens
    try:
        yield module, TOKEN_LABEL, USER_PIN
    finally:
        lib.finalize()  # closes every session; the next pkcs11.lib() initialises again
