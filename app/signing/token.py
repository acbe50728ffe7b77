"""Hardware tokens (UKey) through PKCS#11, with python-pkcs11.

A :class:`TokenKeyStore` names a PKCS#11 module (the vendor's driver library) and a token label.
Every operation opens a session, logs in with a PIN asked through the handler (never stored, never
logged), and closes the session again; inside ``with store.session(handler):`` (or a key's
``session``) one logged-in session serves every signature. Keys are found by label. Tokens such as
SoftHSM offer only raw ECDSA, so digests are made here (SHA-256) and the token's r||s signature is
converted to DER.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import threading
from collections.abc import Callable, Iterator, Sequence
from os import PathLike
from pathlib import Path
from typing import Any

import pkcs11
from asn1crypto import core as asn1_core
from asn1crypto import keys as asn1_keys
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, utils
from pkcs11 import Attribute, KeyType, Mechanism, MechanismFlag, ObjectClass, TokenFlag
from pkcs11 import exceptions as p11
from pkcs11.util.ec import encode_named_curve_parameters
from pyhanko.sign.signers.pdf_cms import Signer

from app.domain.i18n import tr
from app.signing.errors import (
    MODULE_NOT_FOUND,
    MODULE_UNUSABLE,
    TOKEN_AMBIGUOUS,
    TOKEN_KEY_AMBIGUOUS,
    TOKEN_KEY_EXISTS,
    TOKEN_KEY_NOT_FOUND,
    TOKEN_NOT_FOUND,
    TOKEN_REMOVED,
    KeyMissing,
    PinLocked,
    TokenFailure,
    TokenMissing,
    UnsupportedKey,
    WrongPin,
)
from app.signing.handler import SigningHandler
from app.signing.keys import KeySigner, check_digest

log = logging.getLogger(__name__)

PROMPT_TOKEN_PIN = "Enter the PIN of token {token}"
P256_OID = "1.2.840.10045.3.1.7"
_P256_PARAMS = encode_named_curve_parameters("secp256r1")

_PIN_REFUSED = (p11.PinIncorrect, p11.PinInvalid, p11.PinLenRange)
_TOKEN_GONE = (p11.TokenNotPresent, p11.TokenNotRecognised, p11.DeviceRemoved, p11.DeviceError,
               p11.SessionClosed, p11.SessionHandleInvalid, p11.SlotIDInvalid)

# python-pkcs11 0.9.5's Token.open leaves the session open when C_Login fails; only C_Finalize closes
# it. So every session we open is counted per module, and after a refused PIN, when none of ours is
# open, the module is re-initialised to drop the stray one (a token allows only a few sessions).
_MODULES_LOCK = threading.RLock()
_open_sessions: dict[str, int] = {}


def _lib(module_path: str) -> Any:  # a pkcs11._pkcs11.lib
    path = Path(module_path)
    if not path.is_file():
        raise TokenMissing(MODULE_NOT_FOUND, module=module_path)
    try:
        return pkcs11.lib(str(path))
    except p11.PKCS11Error as exc:
        raise TokenMissing(MODULE_UNUSABLE, module=module_path, reason=str(exc) or type(exc).__name__) from None


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}{': ' + str(exc) if str(exc) else ''}"


def _der_signature(raw: bytes) -> bytes:
    """r||s (as PKCS#11 returns an ECDSA signature) to the DER SEQUENCE of two INTEGERs."""
    if len(raw) % 2 or not raw:
        raise ValueError(f"unexpected raw ECDSA signature length {len(raw)}")
    half = len(raw) // 2
    return utils.encode_dss_signature(int.from_bytes(raw[:half], "big"), int.from_bytes(raw[half:], "big"))


def ec_public_key_from_token(ec_params: bytes, ec_point: bytes, label: str) -> ec.EllipticCurvePublicKey:
    """The cryptography public key of a token's EC key from CKA_EC_PARAMS and CKA_EC_POINT (a DER
    OCTET STRING around the uncompressed point; some tokens give the bare point)."""
    try:
        params = asn1_keys.ECDomainParameters.load(ec_params)
        if params.name != "named" or params.chosen.dotted != P256_OID:
            raise UnsupportedKey(label)
    except (ValueError, TypeError):
        raise UnsupportedKey(label) from None
    point = bytes(ec_point)
    if not (len(point) == 65 and point[0] == 4):
        point = asn1_core.OctetString.load(point).native
    return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)


class TokenKeyStore:
    """The keys on one token. ``module_path`` is the PKCS#11 library (e.g. SoftHSM's
    ``/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so``), ``token_label`` the token's label."""

    def __init__(self, module_path: str | PathLike[str], token_label: str):
        self.module_path = str(module_path)
        self.token_label = token_label
        self._lock = threading.RLock()
        self._session: pkcs11.Session | None = None
        self._depth = 0
        self._private_keys: dict[str, Any] = {}  # label → private key object, for the open session only

    def __repr__(self) -> str:
        return f"<TokenKeyStore {self.token_label!r} via {self.module_path}>"

    # --- token and sessions ---------------------------------------------------------------------------------

    def _token(self) -> pkcs11.Token:
        lib = _lib(self.module_path)
        try:
            return lib.get_token(token_label=self.token_label)
        except p11.NoSuchToken:
            raise TokenMissing(TOKEN_NOT_FOUND, token=self.token_label) from None
        except p11.MultipleTokensReturned:
            raise TokenMissing(TOKEN_AMBIGUOUS, token=self.token_label) from None
        except _TOKEN_GONE:
            raise TokenMissing(TOKEN_REMOVED, token=self.token_label) from None
        except p11.PKCS11Error as exc:
            raise TokenFailure(self.token_label, _reason(exc)) from None

    def pin_status(self) -> tuple[int | None, bool, bool]:
        """The token's PIN hint, read without logging in: (retries_left or None, few attempts left,
        locked), from CKF_USER_PIN_FINAL_TRY / _COUNT_LOW / _LOCKED."""
        flags = TokenFlag(self._token().flags)
        return (1 if flags & TokenFlag.USER_PIN_FINAL_TRY else None,
                bool(flags & TokenFlag.USER_PIN_COUNT_LOW), bool(flags & TokenFlag.USER_PIN_LOCKED))

    def _open(self, handler: SigningHandler | None, rw: bool = False) -> pkcs11.Session:
        """A new session, logged in with a PIN from ``handler`` (or public when ``handler`` is None)."""
        with _MODULES_LOCK:
            token = self._token()
            if handler is None:
                session = self._call(lambda: token.open(rw=rw))
                _open_sessions[self.module_path] = _open_sessions.get(self.module_path, 0) + 1
                return session
            retries, _low, locked = self.pin_status()
            if locked:
                raise PinLocked()
        pin = handler.ask_pin(tr(PROMPT_TOKEN_PIN, token=self.token_label), retries)
        with _MODULES_LOCK:
            try:
                session = token.open(rw=rw, user_pin=pin)
            except _PIN_REFUSED:
                self._drop_stray_session()
                retries, low, locked = self.pin_status()
                log.info("token %s refused the PIN", self.token_label)
                if locked:
                    raise PinLocked() from None
                raise WrongPin(retries, low=low) from None
            except p11.PinLocked:
                self._drop_stray_session()
                raise PinLocked() from None
            except _TOKEN_GONE:
                self._drop_stray_session()
                raise TokenMissing(TOKEN_REMOVED, token=self.token_label) from None
            except p11.PKCS11Error as exc:
                self._drop_stray_session()
                raise TokenFailure(self.token_label, _reason(exc)) from None
            finally:
                del pin
            _open_sessions[self.module_path] = _open_sessions.get(self.module_path, 0) + 1
            return session

    def _drop_stray_session(self) -> None:
        if _open_sessions.get(self.module_path, 0) == 0:
            with contextlib.suppress(p11.PKCS11Error, TokenMissing):
                _lib(self.module_path).reinitialize()

    def _close(self, session: pkcs11.Session) -> None:
        with _MODULES_LOCK:
            _open_sessions[self.module_path] = max(0, _open_sessions.get(self.module_path, 0) - 1)
            try:
                session.close()
            except p11.PKCS11Error as exc:  # the token was pulled out: nothing left to release
                log.info("closing a session on token %s failed: %s", self.token_label, _reason(exc))

    def _call(self, operation: Callable[[], Any]) -> Any:
        """Run a PKCS#11 operation, turning its errors into the user's terms."""
        try:
            return operation()
        except p11.UserNotLoggedIn:
            raise TokenFailure(self.token_label, "not logged in") from None
        except _TOKEN_GONE:
            raise TokenMissing(TOKEN_REMOVED, token=self.token_label) from None
        except p11.PKCS11Error as exc:
            raise TokenFailure(self.token_label, _reason(exc)) from None

    @contextlib.contextmanager
    def session(self, handler: SigningHandler, *, rw: bool = False) -> Iterator[pkcs11.Session]:
        """A logged-in session shared by every operation of this store inside the block, from any
        thread (the PIN is asked once); closed, and so logged out, when the outermost block ends."""
        with self._lock:  # held while the PIN is asked: other threads wait for this login
            if self._session is None:
                self._session = self._open(handler, rw=rw)
            elif rw and not self._session.rw:
                raise RuntimeError("a read-only token session is already open; open the read-write one first")
            self._depth += 1
            session = self._session
        try:
            yield session
        finally:
            self._leave()

    def _leave(self) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._session is not None:
                session, self._session = self._session, None
                self._private_keys.clear()
                self._close(session)

    @contextlib.contextmanager
    def _public_session(self) -> Iterator[pkcs11.Session]:
        """The shared session when one is open, else a new one without login (closed afterwards)."""
        with self._lock:
            shared = self._session
            if shared is not None:
                self._depth += 1
        if shared is not None:
            try:
                yield shared
            finally:
                self._leave()
            return
        session = self._open(None)
        try:
            yield session
        finally:
            self._close(session)

    # --- keys -----------------------------------------------------------------------------------------------

    def key_id(self, label: str) -> str:
        return f"pkcs11:{self.token_label}/{label}"

    def _find(self, session: pkcs11.Session, object_class: ObjectClass, label: str) -> Any:
        found = self._call(lambda: list(session.get_objects(
            {Attribute.CLASS: object_class, Attribute.KEY_TYPE: KeyType.EC, Attribute.LABEL: label})))
        if len(found) > 1:
            raise KeyMissing(TOKEN_KEY_AMBIGUOUS, token=self.token_label, label=label)
        return found[0] if found else None

    def _public_key_of(self, session: pkcs11.Session, label: str) -> ec.EllipticCurvePublicKey | None:
        obj = self._find(session, ObjectClass.PUBLIC_KEY, label)
        if obj is None:
            return None
        params, point = self._call(lambda: (obj[Attribute.EC_PARAMS], obj[Attribute.EC_POINT]))
        return ec_public_key_from_token(params, point, label)

    def labels(self) -> list[str]:
        """Labels of the EC public keys visible without logging in, sorted."""
        with self._public_session() as session:
            objs = self._call(lambda: list(session.get_objects(
                {Attribute.CLASS: ObjectClass.PUBLIC_KEY, Attribute.KEY_TYPE: KeyType.EC})))
            return sorted({self._call(lambda o=o: o[Attribute.LABEL]) for o in objs})

    def load(self, label: str, handler: SigningHandler | None = None) -> TokenKey:
        """The key pair labelled ``label``. Its public key is read without logging in; a token that
        hides public keys needs ``handler`` to log in for it."""
        with self._public_session() as session:
            public_key = self._public_key_of(session, label)
        if public_key is None and handler is not None:
            with self.session(handler) as session:
                public_key = self._public_key_of(session, label)
                if public_key is None and self._find(session, ObjectClass.PRIVATE_KEY, label) is not None:
                    raise UnsupportedKey(label)  # a private key without its public half: unusable here
        if public_key is None:
            raise KeyMissing(TOKEN_KEY_NOT_FOUND, token=self.token_label, label=label)
        return TokenKey(self, label, public_key)

    def generate(self, label: str, handler: SigningHandler) -> TokenKey:
        """Make an ECDSA P-256 key pair labelled ``label`` on the token (the private key cannot be
        extracted; the public key is readable without login)."""
        with self.session(handler, rw=True) as session:
            if self._find(session, ObjectClass.PRIVATE_KEY, label) or self._find(session, ObjectClass.PUBLIC_KEY, label):
                raise KeyMissing(TOKEN_KEY_EXISTS, token=self.token_label, label=label)
            key_id = secrets.token_bytes(16)

            def make():
                params = session.create_domain_parameters(KeyType.EC, {Attribute.EC_PARAMS: _P256_PARAMS},
                                                          local=True)
                return params.generate_keypair(
                    id=key_id, label=label, store=True, capabilities=MechanismFlag.SIGN | MechanismFlag.VERIFY,
                    public_template={Attribute.PRIVATE: False},
                    private_template={Attribute.PRIVATE: True, Attribute.SENSITIVE: True,
                                      Attribute.EXTRACTABLE: False})

            public, _private = self._call(make)
            point = self._call(lambda: public[Attribute.EC_POINT])
        log.info("generated key pair %s on token %s", label, self.token_label)
        return TokenKey(self, label, ec_public_key_from_token(_P256_PARAMS, point, label))

    def _sign(self, label: str, digest: bytes, handler: SigningHandler) -> bytes:
        check_digest(digest)
        with self.session(handler) as session:
            with self._lock:
                private = self._private_keys.get(label)
                if private is None:
                    private = self._find(session, ObjectClass.PRIVATE_KEY, label)
                    if private is None:
                        raise KeyMissing(TOKEN_KEY_NOT_FOUND, token=self.token_label, label=label)
                    self._private_keys[label] = private
            raw = self._call(lambda: private.sign(bytes(digest), mechanism=Mechanism.ECDSA))
        return _der_signature(raw)


class TokenKey:
    """A key pair on a token, found by label. Signing asks for the token's PIN unless it runs inside
    ``with key.session(handler):`` (or the store's)."""

    def __init__(self, store: TokenKeyStore, label: str, public_key: ec.EllipticCurvePublicKey):
        self.store = store
        self.label = label
        self.key_id = store.key_id(label)
        self._public_key = public_key

    def __repr__(self) -> str:
        return f"<TokenKey {self.key_id}>"

    def public_key(self) -> ec.EllipticCurvePublicKey:
        return self._public_key

    @contextlib.contextmanager
    def session(self, handler: SigningHandler) -> Iterator[None]:
        with self.store.session(handler):
            yield

    def sign_digest(self, digest: bytes, handler: SigningHandler) -> bytes:
        return self.store._sign(self.label, digest, handler)

    def pyhanko_signer(self, cert: x509.Certificate, chain: Sequence[x509.Certificate],
                       handler: SigningHandler) -> Signer:
        return KeySigner(self, cert, chain, handler)
