"""Software signing keys: encrypted on disk, unlocked by the keyring or a PIN, usable by pyHanko."""

from __future__ import annotations

import hashlib
import json
import logging
from concurrent.futures import ThreadPoolExecutor

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from keyring.backends import fail

from app.domain.errors import UserCancelled
from app.domain.messages_zh_signing_keys import MESSAGES_ZH_SIGNING_KEYS
from app.signing import errors
from app.signing.certs import REASON_TEXTS, create_bureau_ca, issue
from app.signing.errors import (
    CertificateProblem,
    KeyDamaged,
    KeyMissing,
    KeyringUnavailable,
    PinTooShort,
    WrongPin,
)
from app.signing.keys import KEYRING_SERVICE, PROMPT_SOFTWARE_PIN, SoftwareKey, SoftwareKeyStore
from app.signing.token import PROMPT_TOKEN_PIN
from tests.unit.signing.keyhelpers import (
    FakeHandler,
    sign_and_validate_detached,
    sign_pdf,
    small_pdf,
    validate_pdf,
    verify_digest_signature,
)

BUREAU = "江海区市场监督管理局"


@pytest.fixture
def store(tmp_path, memory_keyring):
    return SoftwareKeyStore(tmp_path / "keys")


def _digest(data: bytes = b"approval record") -> bytes:
    return hashlib.sha256(data).digest()


# --- keyring-protected keys ---------------------------------------------------------------------------------


def test_a_keyring_key_signs_and_its_file_is_encrypted(store, memory_keyring):
    key = store.create("张三")
    handler = FakeHandler()  # never asked: the keyring holds the secret

    signature = key.sign_digest(_digest(), handler)

    verify_digest_signature(key.public_key(), signature, b"approval record")
    assert handler.prompts == []
    assert isinstance(key.public_key().curve, ec.SECP256R1)
    secret = memory_keyring.passwords[(KEYRING_SERVICE, key.key_id)]
    data = (store.folder / f"{key.key_id}.p8").read_bytes()
    assert data.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    with pytest.raises(TypeError):
        serialization.load_pem_private_key(data, password=None)
    private = serialization.load_pem_private_key(data, password=secret.encode())
    assert private.public_key().public_numbers() == key.public_key().public_numbers()
    meta = json.loads((store.folder / f"{key.key_id}.json").read_text("utf-8"))
    assert meta["label"] == "张三" and meta["protection"] == "keyring"
    assert secret not in json.dumps(meta)


def test_a_signature_over_other_data_does_not_verify(store):
    key = store.create("张三")
    signature = key.sign_digest(_digest(b"one"), FakeHandler())
    with pytest.raises(InvalidSignature):
        verify_digest_signature(key.public_key(), signature, b"two")


def test_no_key_material_reaches_the_log(store, memory_keyring, caplog):
    caplog.set_level(logging.DEBUG)
    key = store.create("张三")
    key.sign_digest(_digest(), FakeHandler())
    pin_key = store.create("李四", pin="246810")
    pin_key.sign_digest(_digest(), FakeHandler("246810"))

    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    secret = memory_keyring.passwords[(KEYRING_SERVICE, key.key_id)]
    private = serialization.load_pem_private_key((store.folder / f"{key.key_id}.p8").read_bytes(), secret.encode())
    value = private.private_numbers().private_value
    assert caplog.records, "creating keys is logged (without secrets)"
    for needle in (secret, str(value), f"{value:x}", "PRIVATE KEY", "246810"):
        assert needle not in logged


def test_without_a_working_keyring_a_key_needs_a_pin(tmp_path):
    store = SoftwareKeyStore(tmp_path, keyring_backend=fail.Keyring())
    assert not store.keyring_available()
    with pytest.raises(KeyringUnavailable):
        store.create("张三")
    assert list(tmp_path.iterdir()) == []
    key = store.create("张三", pin="135790")
    assert key.protection == "pin"


def test_a_lost_keyring_secret_is_reported(store, memory_keyring):
    key = store.create("张三")
    memory_keyring.passwords.clear()
    with pytest.raises(KeyMissing) as caught:
        key.sign_digest(_digest(), FakeHandler())
    assert "张三" in caught.value.english


def test_a_swapped_key_file_is_refused(store):
    first, second = store.create("张三"), store.create("李四")
    (store.folder / f"{first.key_id}.p8").write_bytes((store.folder / f"{second.key_id}.p8").read_bytes())
    with pytest.raises(KeyDamaged):
        first.sign_digest(_digest(), FakeHandler())


def test_a_damaged_metadata_file_is_reported(store):
    key = store.create("张三")
    (store.folder / f"{key.key_id}.json").write_text("{not json")
    with pytest.raises(KeyDamaged):
        store.load(key.key_id)
    assert store.list_keys() == []


# --- PIN-protected keys -------------------------------------------------------------------------------------


def test_a_pin_key_asks_for_its_pin(store, memory_keyring):
    key = store.create("李四", pin="246810")
    handler = FakeHandler("246810")

    signature = key.sign_digest(_digest(), handler)

    verify_digest_signature(key.public_key(), signature, b"approval record")
    assert len(handler.prompts) == 1
    prompt, retries = handler.prompts[0]
    assert "李四" in prompt and retries is None
    assert memory_keyring.passwords == {}
    data = (store.folder / f"{key.key_id}.p8").read_bytes()
    with pytest.raises(TypeError):
        serialization.load_pem_private_key(data, password=None)
    with pytest.raises(ValueError):  # the PIN alone does not open the file: it is stretched first
        serialization.load_pem_private_key(data, password=b"246810")
    assert b"246810" not in data and b"246810" not in (store.folder / f"{key.key_id}.json").read_bytes()


def test_a_wrong_pin_is_refused(store):
    key = store.create("李四", pin="246810")
    with pytest.raises(WrongPin) as caught:
        key.sign_digest(_digest(), FakeHandler("135790"))
    assert caught.value.retries_left is None
    assert caught.value.english == "the PIN is wrong"


def test_cancelling_the_pin_prompt_signs_nothing(store):
    key = store.create("李四", pin="246810")
    with pytest.raises(UserCancelled):
        key.sign_digest(_digest(), FakeHandler(None))


def test_a_short_pin_is_refused(store):
    with pytest.raises(PinTooShort):
        store.create("李四", pin="12345")
    assert store.list_keys() == []


def test_a_session_asks_for_the_pin_once(store):
    key = store.create("李四", pin="246810")
    handler = FakeHandler("246810")
    with key.session(handler):
        signatures = [key.sign_digest(_digest(bytes([i])), handler) for i in range(5)]
        with key.session(handler):
            key.sign_digest(_digest(), handler)
    assert len(handler.prompts) == 1
    for i, signature in enumerate(signatures):
        verify_digest_signature(key.public_key(), signature, bytes([i]))
    key.sign_digest(_digest(), handler)  # after the session: asked again
    assert len(handler.prompts) == 2


def test_a_session_serves_signatures_from_other_threads(store):
    key = store.create("李四", pin="246810")
    handler = FakeHandler("246810")
    with key.session(handler), ThreadPoolExecutor(4) as pool:
        signatures = list(pool.map(lambda i: key.sign_digest(_digest(bytes([i])), handler), range(40)))
    assert len(handler.prompts) == 1
    for i, signature in enumerate(signatures):
        verify_digest_signature(key.public_key(), signature, bytes([i]))


# --- the store ----------------------------------------------------------------------------------------------


def test_keys_are_listed_loaded_and_deleted(store, memory_keyring):
    a, b = store.create("张三"), store.create("李四", pin="246810")
    assert [k.label for k in store.list_keys()] == sorted(["张三", "李四"])
    loaded = store.load(a.key_id)
    assert isinstance(loaded, SoftwareKey) and loaded.label == "张三"
    assert loaded.public_key().public_numbers() == a.public_key().public_numbers()

    store.delete(a.key_id)

    assert [k.key_id for k in store.list_keys()] == [b.key_id]
    assert (KEYRING_SERVICE, a.key_id) not in memory_keyring.passwords
    with pytest.raises(KeyMissing):
        store.load(a.key_id)


@pytest.mark.parametrize("key_id", ["", "../../etc/passwd", "0" * 31, "nope"])
def test_unknown_or_malformed_key_ids_are_missing(store, key_id):
    with pytest.raises(KeyMissing):
        store.load(key_id)


def test_a_digest_must_be_sha256_sized(store):
    key = store.create("张三")
    with pytest.raises(ValueError):
        key.sign_digest(b"too short", FakeHandler())


# --- pyHanko ------------------------------------------------------------------------------------------------


@pytest.fixture
def bureau(store):
    seal_key = store.create("公章")
    ca = create_bureau_ca(BUREAU, seal_key, FakeHandler())
    return seal_key, ca


def test_a_software_key_signs_a_pdf_that_pyhanko_trusts(store, bureau):
    seal_key, ca = bureau
    person_key = store.create("张三", pin="246810")
    handler = FakeHandler("246810")
    cert = issue(ca, seal_key, FakeHandler(), "张三", person_key.public_key())

    signed = sign_pdf(small_pdf(), person_key.pyhanko_signer(cert, [ca], handler))

    status = validate_pdf(signed, [ca])
    assert status.bottom_line, status.pretty_print_details()
    assert status.intact and status.valid and status.trusted
    assert status.signing_cert.subject.native["common_name"] == "张三"
    assert len(handler.prompts) == 1
    # trusted only with this bureau's CA
    other_ca = create_bureau_ca("别的局", store.create("别的公章"), FakeHandler())
    assert not validate_pdf(signed, [other_ca]).trusted


def test_the_bureau_seal_itself_signs_a_pdf(bureau):
    seal_key, ca = bureau
    status = validate_pdf(sign_pdf(small_pdf(), seal_key.pyhanko_signer(ca, [], FakeHandler())), [ca])
    assert status.bottom_line, status.pretty_print_details()


def test_a_software_key_makes_detached_cms(store, bureau):
    seal_key, ca = bureau
    person_key = store.create("张三")
    cert = issue(ca, seal_key, FakeHandler(), "张三", person_key.public_key())
    status = sign_and_validate_detached(b"PK\x03\x04 a .docx", person_key.pyhanko_signer(cert, [ca], FakeHandler()),
                                        [ca])
    assert status.bottom_line, status.pretty_print_details()


def test_a_certificate_of_another_key_is_refused(store, bureau):
    seal_key, ca = bureau
    cert = issue(ca, seal_key, FakeHandler(), "张三", store.create("张三").public_key())
    with pytest.raises(CertificateProblem):
        store.create("李四").pyhanko_signer(cert, [ca], FakeHandler())


# --- messages -----------------------------------------------------------------------------------------------


def test_every_signing_key_message_has_a_chinese_text():
    sources = set(errors.SOURCES) | set(REASON_TEXTS.values()) | {PROMPT_SOFTWARE_PIN, PROMPT_TOKEN_PIN}
    assert sources <= set(MESSAGES_ZH_SIGNING_KEYS)
    for source in sources:
        text = MESSAGES_ZH_SIGNING_KEYS[source]
        assert any("\u4e00" <= c <= "\u9fff" for c in text), source
        placeholders = {p.split("}")[0] for p in source.split("{")[1:]}
        assert placeholders == {p.split("}")[0] for p in text.split("{")[1:]}, source
    samples = [errors.WrongPin(), errors.WrongPin(1), errors.WrongPin(3), errors.WrongPin(low=True), errors.PinLocked(),
               errors.PinTooShort(6), errors.TokenMissing(errors.TOKEN_NOT_FOUND, token="T"),
               errors.TokenFailure("T", "boom"), errors.KeyringUnavailable("none"), errors.KeyDamaged("k", "bad"),
               errors.UnsupportedKey("k"), errors.CertificateProblem(errors.CERT_NAME_EMPTY)]
    for error in samples:
        assert error.source in MESSAGES_ZH_SIGNING_KEYS
        MESSAGES_ZH_SIGNING_KEYS[error.source].format(**error.params)
