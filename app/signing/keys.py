"""Signing keys: the :class:`SigningKey` protocol every key kind meets, software keys kept as encrypted
PKCS#8 files (:class:`SoftwareKeyStore`), and the pyHanko adapter both key kinds share.

A software key file is ``<folder>/<key_id>.p8`` (PEM ``ENCRYPTED PRIVATE KEY``, PBES2/AES-256) next to
``<key_id>.json`` (label, protection, public key). The passphrase is either a random secret kept in
the OS keyring (service :data:`KEYRING_SERVICE`, user name the key id) or derived from a PIN the
user types (scrypt, so a short PIN is costly to guess offline). The decrypted key lives only in
memory, for one signature or for the span of :meth:`SoftwareKey.session`. Nothing secret is logged.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import logging
import re
import secrets
import threading
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

import keyring
import keyring.errors
from asn1crypto import algos as asn1_algos
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, utils
from pyhanko.sign.general import SigningError as PyHankoSigningError
from pyhanko.sign.signers.pdf_cms import Signer

from app.domain.i18n import tr
from app.files import write_bytes, write_text
from app.signing.errors import (
    CERT_KEY_MISMATCH,
    KEYRING_SECRET_MISSING,
    SOFTWARE_KEY_NOT_FOUND,
    CertificateProblem,
    KeyDamaged,
    KeyMissing,
    KeyringUnavailable,
    PinTooShort,
    UnsupportedKey,
    WrongPin,
)
from app.signing.handler import SigningHandler

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

KEYRING_SERVICE = "zhifa-signing"
MIN_PIN_LENGTH = 6
DIGEST_SIZE = 32  # SHA-256
ECDSA_SHA256 = "sha256_ecdsa"
# Placeholder for pyHanko's dry runs: a DER ECDSA P-256 signature is at most 72 bytes.
_MAX_DER_SIGNATURE = 72

PROMPT_SOFTWARE_PIN = "Enter the PIN of signing key {label}"

# scrypt for PIN-protected keys: ~0.1 s and 32 MiB per try on a current PC.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**15, 8, 1
_SCRYPT_MAXMEM = 64 * 1024 * 1024
_KEY_ID = re.compile(r"[0-9a-f]{32}")
_FORMAT = 1

Protection = Literal["keyring", "pin"]


class SigningKey(Protocol):
    """A P-256 private key that signs SHA-256 digests; it may live in memory, a file or a token."""

    key_id: str  # stable: a software key's uuid hex, a token key's "pkcs11:<token label>/<key label>"
    label: str  # what the user calls it

    def public_key(self) -> ec.EllipticCurvePublicKey: ...

    def sign_digest(self, digest: bytes, handler: SigningHandler) -> bytes:
        """DER ECDSA signature over a 32-byte SHA-256 digest. May ask ``handler`` for a PIN."""
        ...

    def session(self, handler: SigningHandler) -> contextlib.AbstractContextManager[None]:
        """Unlock once (asking for the PIN at most once) for every signature made inside the block."""
        ...

    def pyhanko_signer(self, cert: x509.Certificate, chain: Sequence[x509.Certificate],
                       handler: SigningHandler) -> Signer: ...


# --- helpers shared with token.py and certs.py --------------------------------------------------------------


def public_key_der(key: ec.EllipticCurvePublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def same_public_key(a: Any, b: Any) -> bool:
    try:
        return public_key_der(a) == public_key_der(b)
    except (AttributeError, TypeError, ValueError):
        return False


def check_p256(key: object, label: str) -> None:
    if not isinstance(key, ec.EllipticCurvePublicKey | ec.EllipticCurvePrivateKey) or \
            not isinstance(key.curve, ec.SECP256R1):
        raise UnsupportedKey(label)


def check_digest(digest: bytes) -> None:
    if not isinstance(digest, bytes | bytearray) or len(digest) != DIGEST_SIZE:
        raise ValueError(f"sign_digest takes a {DIGEST_SIZE}-byte SHA-256 digest, got {len(digest)} bytes")


def to_asn1_certificate(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def common_name(name: x509.Name) -> str:
    values = name.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    if values:
        return str(values[0].value)
    return name.rfc4514_string()


class KeySigner(Signer):
    """A pyHanko :class:`Signer` over any :class:`SigningKey`: pyHanko hands over the data to sign
    (the signed attributes), we hash it with SHA-256 and let the key sign the digest. Works with
    ``PdfSigner`` and ``sign_general_data``/``async_sign_general_data``. The handler is asked (in the
    signing thread) when the key needs a PIN."""

    def __init__(self, key: SigningKey, cert: x509.Certificate, chain: Sequence[x509.Certificate],
                 handler: SigningHandler):
        if not same_public_key(cert.public_key(), key.public_key()):
            raise CertificateProblem(CERT_KEY_MISMATCH, subject=common_name(cert.subject))
        super().__init__(
            signing_cert=to_asn1_certificate(cert),
            signature_mechanism=asn1_algos.SignedDigestAlgorithm({"algorithm": ECDSA_SHA256}),
            embed_roots=True,
        )
        self.cert_registry.register_multiple([to_asn1_certificate(c) for c in chain])
        self._key = key
        self._handler = handler

    async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run: bool = False) -> bytes:
        if digest_algorithm != "sha256":
            raise PyHankoSigningError(f"only SHA-256 is supported here, not {digest_algorithm}")
        if dry_run:
            return bytes(_MAX_DER_SIGNATURE)
        return self._key.sign_digest(hashlib.sha256(data).digest(), self._handler)


# --- software keys -----------------------------------------------------------------------------------------


def _keyring_unusable_reason(backend: KeyringBackend) -> str | None:
    """Why ``backend`` cannot hold secrets (None when it looks usable)."""
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring):
        return "no keyring backend is installed or running"
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return "no keyring backend is installed or running"
    return None


def _stretch_pin(pin: str, salt: bytes) -> bytes:
    """The file passphrase for a PIN: scrypt makes each offline guess cost ~0.1 s and 32 MiB."""
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P,
                          maxmem=_SCRYPT_MAXMEM, dklen=32).hex().encode("ascii")


class SoftwareKeyStore:
    """Software keys in ``folder``. ``keyring_backend`` is the keyring to keep secrets in (default: the
    process's keyring as :func:`keyring.get_keyring` returns it when needed)."""

    def __init__(self, folder: Path, keyring_backend: KeyringBackend | None = None):
        self.folder = Path(folder)
        self._keyring_backend = keyring_backend

    # keyring
    def _backend(self) -> KeyringBackend:
        return self._keyring_backend if self._keyring_backend is not None else keyring.get_keyring()

    def keyring_available(self) -> bool:
        """Whether :meth:`create` without a PIN can work (a keyring backend is there; it may still
        refuse, e.g. when locked, which :meth:`create` reports as :class:`KeyringUnavailable`)."""
        return _keyring_unusable_reason(self._backend()) is None

    def _secret(self, key_id: str, label: str) -> bytes:
        backend = self._backend()
        reason = _keyring_unusable_reason(backend)
        if reason is not None:
            raise KeyringUnavailable(reason)
        try:
            secret = backend.get_password(KEYRING_SERVICE, key_id)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(type(exc).__name__) from None
        if secret is None:
            raise KeyMissing(KEYRING_SECRET_MISSING, label=label)
        return secret.encode("utf-8")

    # files
    def _paths(self, key_id: str) -> tuple[Path, Path]:
        return self.folder / f"{key_id}.p8", self.folder / f"{key_id}.json"

    def create(self, label: str, *, pin: str | None = None) -> SoftwareKey:
        """A new ECDSA P-256 key. Without ``pin`` its passphrase is a random secret stored in the
        keyring (:class:`KeyringUnavailable` when there is none: ask the user for a PIN and call
        again); with ``pin`` (at least :data:`MIN_PIN_LENGTH` characters) the PIN is asked for on use."""
        if pin is not None and len(pin) < MIN_PIN_LENGTH:
            raise PinTooShort(MIN_PIN_LENGTH)
        key_id = uuid.uuid4().hex
        private_key = ec.generate_private_key(ec.SECP256R1())
        meta: dict[str, Any] = {
            "format": _FORMAT, "key_id": key_id, "label": label, "algorithm": "ecdsa-p256",
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "public_key": private_key.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii"),
        }
        backend = None
        if pin is None:
            backend = self._backend()
            reason = _keyring_unusable_reason(backend)
            if reason is not None:
                raise KeyringUnavailable(reason)
            passphrase = secrets.token_urlsafe(32)
            try:
                backend.set_password(KEYRING_SERVICE, key_id, passphrase)
            except keyring.errors.KeyringError as exc:
                raise KeyringUnavailable(type(exc).__name__) from None
            meta["protection"] = "keyring"
            password = passphrase.encode("utf-8")
        else:
            salt = secrets.token_bytes(16)
            meta["protection"] = "pin"
            meta["kdf"] = {"name": "scrypt", "n": _SCRYPT_N, "r": _SCRYPT_R, "p": _SCRYPT_P,
                           "salt": base64.b64encode(salt).decode("ascii")}
            password = _stretch_pin(pin, salt)
        encrypted = private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                              serialization.BestAvailableEncryption(password))
        del private_key, password
        key_path, meta_path = self._paths(key_id)
        try:
            write_bytes(key_path, encrypted)
            write_text(meta_path, json.dumps(meta, ensure_ascii=False, indent=1))
        except BaseException:
            for path in (key_path, meta_path):
                with contextlib.suppress(OSError):
                    path.unlink()
            if backend is not None:
                with contextlib.suppress(keyring.errors.KeyringError):
                    backend.delete_password(KEYRING_SERVICE, key_id)
            raise
        log.info("created software signing key %s (%s, protected by %s)", key_id, label, meta["protection"])
        return self.load(key_id)

    def load(self, key_id: str) -> SoftwareKey:
        """The key ``key_id`` (its public part; the private key is decrypted only to sign)."""
        key_path, meta_path = self._paths(key_id) if _KEY_ID.fullmatch(key_id or "") else (None, None)
        if key_path is None or meta_path is None or not key_path.is_file() or not meta_path.is_file():
            raise KeyMissing(SOFTWARE_KEY_NOT_FOUND, key_id=key_id, folder=str(self.folder))
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
            label = str(meta["label"])
            protection = meta["protection"]
            if protection not in ("keyring", "pin") or meta.get("key_id") != key_id:
                raise ValueError("unknown protection or key id")
            public_key = serialization.load_pem_public_key(meta["public_key"].encode("ascii"))
            salt = base64.b64decode(meta["kdf"]["salt"]) if protection == "pin" else None
        except (OSError, ValueError, KeyError, TypeError, UnsupportedAlgorithm) as exc:
            raise KeyDamaged(key_id, f"{meta_path.name}: {type(exc).__name__}") from None
        check_p256(public_key, label)
        assert isinstance(public_key, ec.EllipticCurvePublicKey)
        return SoftwareKey(self, key_id, label, protection, public_key, salt)

    def list_keys(self) -> list[SoftwareKey]:
        """Every key in the folder, sorted by label (damaged ones left out, with a warning logged)."""
        found = []
        for meta_path in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            if not _KEY_ID.fullmatch(meta_path.stem):
                continue
            try:
                found.append(self.load(meta_path.stem))
            except (KeyMissing, KeyDamaged, UnsupportedKey) as exc:
                log.warning("skipping signing key %s: %s", meta_path.stem, exc.english)
        return sorted(found, key=lambda k: (k.label, k.key_id))

    def delete(self, key_id: str) -> None:
        """Remove the key files and its keyring secret (if any). Irreversible."""
        key = self.load(key_id)
        for path in self._paths(key_id):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        if key.protection == "keyring":
            with contextlib.suppress(keyring.errors.KeyringError):
                self._backend().delete_password(KEYRING_SERVICE, key_id)
        log.info("deleted software signing key %s (%s)", key_id, key.label)

    def _decrypt(self, key: SoftwareKey, handler: SigningHandler) -> ec.EllipticCurvePrivateKey:
        key_path, _ = self._paths(key.key_id)
        try:
            data = key_path.read_bytes()
        except FileNotFoundError:
            raise KeyMissing(SOFTWARE_KEY_NOT_FOUND, key_id=key.key_id, folder=str(self.folder)) from None
        if key.protection == "keyring":
            password = self._secret(key.key_id, key.label)
        else:
            assert key.salt is not None
            pin = handler.ask_pin(tr(PROMPT_SOFTWARE_PIN, label=key.label), None)
            password = _stretch_pin(pin, key.salt)
            del pin
        try:
            private_key = serialization.load_pem_private_key(data, password)
        except ValueError:
            if key.protection == "pin":
                raise WrongPin() from None
            raise KeyDamaged(key.label, "the keyring secret does not open the key file") from None
        except (TypeError, UnsupportedAlgorithm):
            raise KeyDamaged(key.label, f"{key_path.name} is not an encrypted PKCS#8 key") from None
        finally:
            del password
        if not isinstance(private_key, ec.EllipticCurvePrivateKey):
            raise UnsupportedKey(key.label)
        if not same_public_key(private_key.public_key(), key.public_key()):
            raise KeyDamaged(key.label, "the key file does not match its public key")
        return private_key


class SoftwareKey:
    """One software key. Sign with :meth:`sign_digest`; to sign many times with one PIN entry (or one
    keyring look-up), sign inside ``with key.session(handler):``."""

    def __init__(self, store: SoftwareKeyStore, key_id: str, label: str, protection: Protection,
                 public_key: ec.EllipticCurvePublicKey, salt: bytes | None):
        self.store = store
        self.key_id = key_id
        self.label = label
        self.protection: Protection = protection
        self.salt = salt
        self._public_key = public_key
        self._lock = threading.RLock()
        self._unlocked: ec.EllipticCurvePrivateKey | None = None
        self._depth = 0

    def __repr__(self) -> str:
        return f"<SoftwareKey {self.key_id} {self.label!r} ({self.protection})>"

    def public_key(self) -> ec.EllipticCurvePublicKey:
        return self._public_key

    @contextlib.contextmanager
    def session(self, handler: SigningHandler) -> Iterator[None]:
        with self._lock:
            if self._depth == 0:
                self._unlocked = self.store._decrypt(self, handler)
            self._depth += 1
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if self._depth == 0:
                    self._unlocked = None

    def sign_digest(self, digest: bytes, handler: SigningHandler) -> bytes:
        check_digest(digest)
        with self.session(handler):
            private_key = self._unlocked
            assert private_key is not None
            return private_key.sign(bytes(digest), ec.ECDSA(utils.Prehashed(hashes.SHA256())))

    def pyhanko_signer(self, cert: x509.Certificate, chain: Sequence[x509.Certificate],
                       handler: SigningHandler) -> Signer:
        return KeySigner(self, cert, chain, handler)
