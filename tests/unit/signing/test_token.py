"""Token keys through PKCS#11: SoftHSM2 as the token, plus fakes for PIN flags SoftHSM never sets."""

from __future__ import annotations

import ctypes
import hashlib
import logging
from concurrent.futures import ThreadPoolExecutor

import pkcs11
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from pkcs11 import Attribute, ObjectClass, TokenFlag
from pkcs11 import exceptions as p11

from app.domain.errors import UserCancelled
from app.signing import token as token_module
from app.signing.certs import create_bureau_ca, issue
from app.signing.errors import KeyMissing, PinLocked, TokenFailure, TokenMissing, WrongPin
from app.signing.keys import SoftwareKeyStore
from app.signing.token import TokenKey, TokenKeyStore, ec_public_key_from_token
from tests.unit.signing.keyhelpers import (
    FakeHandler,
    sign_and_validate_detached,
    sign_pdf,
    small_pdf,
    validate_pdf,
    verify_digest_signature,
)


def _digest(data: bytes = b"decision") -> bytes:
    return hashlib.sha256(data).digest()


@pytest.fixture
def token(softhsm):
    module, label, pin = softhsm
    return TokenKeyStore(module, label), pin


def _live_sessions(module: str) -> list[int]:
    """Session handles SoftHSM has open in this process (its handles are small integers)."""
    library = ctypes.CDLL(module)
    info = ctypes.create_string_buffer(64)
    return [h for h in range(1, 200) if library.C_GetSessionInfo(ctypes.c_ulong(h), info) == 0]


# --- SoftHSM ------------------------------------------------------------------------------------------------


def test_a_generated_token_key_signs_digests(token, caplog):
    caplog.set_level(logging.DEBUG)
    store, pin = token
    handler = FakeHandler(pin)

    key = store.generate("公章", handler)
    signature = key.sign_digest(_digest(), handler)

    assert isinstance(key, TokenKey) and key.key_id == "pkcs11:T/公章"
    assert isinstance(key.public_key().curve, ec.SECP256R1)
    verify_digest_signature(key.public_key(), signature, b"decision")
    assert [retries for _prompt, retries in handler.prompts] == [None, None]
    assert all("T" in prompt for prompt, _ in handler.prompts)
    assert pin not in caplog.text
    assert _live_sessions(store.module_path) == []


def test_a_token_key_is_found_again_by_label_without_login(token):
    store, pin = token
    made = store.generate("张三", FakeHandler(pin))
    handler = FakeHandler(None)  # cancels if asked

    loaded = store.load("张三")

    assert loaded.public_key().public_numbers() == made.public_key().public_numbers()
    assert store.labels() == ["张三"]
    assert handler.prompts == []
    verify_digest_signature(loaded.public_key(), loaded.sign_digest(_digest(), FakeHandler(pin)), b"decision")


def test_the_private_key_stays_on_the_token(token):
    store, pin = token
    store.generate("公章", FakeHandler(pin))
    with store.session(FakeHandler(pin)) as session:
        private = session.get_key(ObjectClass.PRIVATE_KEY, label="公章")
        assert private[Attribute.SENSITIVE] is True
        assert private[Attribute.EXTRACTABLE] is False
        with pytest.raises(p11.PKCS11Error):
            private[Attribute.VALUE]


def test_a_wrong_pin_is_refused_and_releases_its_session(token):
    store, pin = token
    key = store.generate("公章", FakeHandler(pin))

    with pytest.raises(WrongPin) as caught:
        key.sign_digest(_digest(), FakeHandler("9999"))

    # SoftHSM flags CKF_USER_PIN_COUNT_LOW after a wrong PIN but keeps no counter and never locks
    assert caught.value.low and caught.value.retries_left is None
    assert "few attempts" in caught.value.english
    assert _live_sessions(store.module_path) == []  # python-pkcs11 leaves it open; we drop it
    handler = FakeHandler(pin)
    verify_digest_signature(key.public_key(), key.sign_digest(_digest(), handler), b"decision")


def test_cancelling_the_token_pin_signs_nothing(token):
    store, pin = token
    key = store.generate("公章", FakeHandler(pin))
    with pytest.raises(UserCancelled):
        key.sign_digest(_digest(), FakeHandler(None))
    assert _live_sessions(store.module_path) == []


def test_a_session_asks_for_the_token_pin_once(token):
    store, pin = token
    key = store.generate("公章", FakeHandler(pin))
    handler = FakeHandler(pin)
    with key.session(handler):
        signatures = [key.sign_digest(_digest(bytes([i])), handler) for i in range(10)]
        assert len(_live_sessions(store.module_path)) == 1
    assert len(handler.prompts) == 1
    for i, signature in enumerate(signatures):
        verify_digest_signature(key.public_key(), signature, bytes([i]))
    assert _live_sessions(store.module_path) == []


def test_a_session_serves_signatures_from_other_threads(token):
    store, pin = token
    key = store.generate("公章", FakeHandler(pin))
    handler = FakeHandler(pin)
    with key.session(handler), ThreadPoolExecutor(4) as pool:
        signatures = list(pool.map(lambda i: key.sign_digest(_digest(bytes([i])), handler), range(40)))
    assert len(handler.prompts) == 1
    for i, signature in enumerate(signatures):
        verify_digest_signature(key.public_key(), signature, bytes([i]))
    assert _live_sessions(store.module_path) == []


def test_a_missing_key_label_is_reported(token):
    store, pin = token
    with pytest.raises(KeyMissing) as caught:
        store.load("无此密钥")
    assert "无此密钥" in caught.value.english
    with pytest.raises(KeyMissing):
        store.load("无此密钥", FakeHandler(pin))


def test_a_label_is_used_once(token):
    store, pin = token
    store.generate("公章", FakeHandler(pin))
    with pytest.raises(KeyMissing):
        store.generate("公章", FakeHandler(pin))


def test_a_missing_token_is_reported(softhsm):
    module, _label, pin = softhsm
    store = TokenKeyStore(module, "NotPlugged")
    with pytest.raises(TokenMissing) as caught:
        store.generate("公章", FakeHandler(pin))
    assert "NotPlugged" in caught.value.english
    with pytest.raises(TokenMissing):
        store.load("公章")


def test_a_missing_module_is_reported(tmp_path):
    store = TokenKeyStore(tmp_path / "libnone.so", "T")
    with pytest.raises(TokenMissing) as caught:
        store.load("公章")
    assert "libnone.so" in caught.value.english


def test_a_file_that_is_no_pkcs11_module_is_reported(tmp_path):
    fake = tmp_path / "libfake.so"
    fake.write_bytes(b"not a library")
    with pytest.raises(TokenMissing) as caught:
        TokenKeyStore(fake, "T").load("公章")
    assert "could not be loaded" in caught.value.english


def test_a_token_key_signs_a_pdf_that_pyhanko_trusts(token, tmp_path, memory_keyring):
    store, pin = token
    token_key = store.generate("张三", FakeHandler(pin))
    software = SoftwareKeyStore(tmp_path / "keys")
    seal_key = software.create("公章")
    ca = create_bureau_ca("江海区市场监督管理局", seal_key, FakeHandler())
    cert = issue(ca, seal_key, FakeHandler(), "张三", token_key.public_key())
    handler = FakeHandler(pin)

    status = validate_pdf(sign_pdf(small_pdf(), token_key.pyhanko_signer(cert, [ca], handler)), [ca])

    assert status.bottom_line, status.pretty_print_details()
    assert len(handler.prompts) == 1
    detached = sign_and_validate_detached(b"docx bytes", token_key.pyhanko_signer(cert, [ca], handler), [ca])
    assert detached.bottom_line, detached.pretty_print_details()


# --- PIN flags (fakes: SoftHSM never sets FINAL_TRY or LOCKED) -----------------------------------------------


class _FakeToken:
    def __init__(self, lib: _FakeLib):
        self.lib = lib

    @property
    def flags(self) -> int:
        return self.lib.flags

    def open(self, rw=False, user_pin=None):
        self.lib.attempts.append(user_pin)
        self.lib.flags = self.lib.flags_after
        raise self.lib.error


class _FakeLib:
    def __init__(self, flags: TokenFlag, flags_after: TokenFlag, error: Exception):
        self.flags, self.flags_after, self.error = int(flags), int(flags_after), error
        self.attempts: list[str | None] = []
        self.reinitialized = 0

    def get_token(self, token_label):
        return _FakeToken(self)

    def reinitialize(self):
        self.reinitialized += 1


BASE = TokenFlag.TOKEN_INITIALIZED | TokenFlag.LOGIN_REQUIRED | TokenFlag.USER_PIN_INITIALIZED


@pytest.fixture
def fake_token(monkeypatch):
    def install(flags, flags_after, error):
        lib = _FakeLib(BASE | flags, BASE | flags_after, error)
        monkeypatch.setattr(token_module, "_lib", lambda path: lib)
        return TokenKeyStore("/fake/pkcs11.so", "UKey"), lib
    return install


def test_the_final_try_is_announced_and_reported(fake_token):
    store, lib = fake_token(TokenFlag.USER_PIN_COUNT_LOW | TokenFlag.USER_PIN_FINAL_TRY,
                            TokenFlag.USER_PIN_COUNT_LOW | TokenFlag.USER_PIN_FINAL_TRY, p11.PinIncorrect())
    handler = FakeHandler("0000")
    with pytest.raises(WrongPin) as caught:
        store._sign("k", _digest(), handler)
    assert handler.prompts[0][1] == 1  # the dialog can warn: one try left
    assert caught.value.retries_left == 1
    assert caught.value.english == "the PIN is wrong; one more wrong PIN locks the token"
    assert lib.reinitialized == 1  # the stray session python-pkcs11 leaves behind is dropped


def test_a_wrong_final_pin_reports_the_lock(fake_token):
    store, _lib = fake_token(TokenFlag.USER_PIN_FINAL_TRY, TokenFlag.USER_PIN_LOCKED, p11.PinIncorrect())
    with pytest.raises(PinLocked):
        store._sign("k", _digest(), FakeHandler("0000"))


def test_a_locked_token_is_not_asked_for_a_pin(fake_token):
    store, lib = fake_token(TokenFlag.USER_PIN_LOCKED, TokenFlag.USER_PIN_LOCKED, p11.PinLocked())
    handler = FakeHandler("1234")
    with pytest.raises(PinLocked):
        store._sign("k", _digest(), handler)
    assert handler.prompts == [] and lib.attempts == []


def test_a_pin_locked_answer_is_reported(fake_token):
    store, _lib = fake_token(TokenFlag(0), TokenFlag(0), p11.PinLocked())
    with pytest.raises(PinLocked):
        store._sign("k", _digest(), FakeHandler("1234"))


def test_a_token_pulled_out_during_login_is_missing(fake_token):
    store, _lib = fake_token(TokenFlag(0), TokenFlag(0), p11.DeviceRemoved())
    with pytest.raises(TokenMissing):
        store._sign("k", _digest(), FakeHandler("1234"))


def test_other_token_errors_are_reported(fake_token):
    store, _lib = fake_token(TokenFlag(0), TokenFlag(0), p11.GeneralError())
    with pytest.raises(TokenFailure):
        store._sign("k", _digest(), FakeHandler("1234"))


# --- EC points ----------------------------------------------------------------------------------------------


def test_ec_points_are_read_wrapped_or_bare():
    from asn1crypto.core import OctetString
    from cryptography.hazmat.primitives import serialization

    public = ec.generate_private_key(ec.SECP256R1()).public_key()
    point = public.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    params = pkcs11.util.ec.encode_named_curve_parameters("secp256r1")
    for encoded in (OctetString(point).dump(), point):
        assert ec_public_key_from_token(params, encoded, "k").public_numbers() == public.public_numbers()
    from app.signing.errors import UnsupportedKey

    with pytest.raises(UnsupportedKey):
        ec_public_key_from_token(pkcs11.util.ec.encode_named_curve_parameters("secp384r1"), point, "k")
