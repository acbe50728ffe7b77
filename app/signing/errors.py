"""The user-facing errors of signing keys, tokens and certificates. Each is a :class:`UserError` whose
English source has a Chinese text in ``app.domain.messages_zh_signing_keys``."""

from __future__ import annotations

from app.domain.errors import UserError, ValidationError

# --- PIN ---------------------------------------------------------------------------------------------------
WRONG_PIN = "the PIN is wrong"
WRONG_PIN_RETRIES = "the PIN is wrong; {retries} more wrong attempts lock the token"
WRONG_PIN_FINAL = "the PIN is wrong; one more wrong PIN locks the token"
WRONG_PIN_LOW = "the PIN is wrong; only a few attempts are left before the token locks"
PIN_LOCKED = "the token's PIN is locked after too many wrong attempts; an administrator must unlock it with the SO PIN"
PIN_TOO_SHORT = "the PIN must have at least {min_length} characters"
# --- tokens ------------------------------------------------------------------------------------------------
MODULE_NOT_FOUND = "the token driver (PKCS#11 module) {module} was not found; install the UKey driver or check its path"
MODULE_UNUSABLE = "the token driver (PKCS#11 module) {module} could not be loaded: {reason}"
TOKEN_NOT_FOUND = "no token labelled {token} is plugged in; insert the UKey and try again"
TOKEN_AMBIGUOUS = "more than one token labelled {token} is plugged in; remove all but one"
TOKEN_REMOVED = "the token {token} was removed or stopped answering; insert it and try again"
TOKEN_FAILED = "the token {token} reported an error: {reason}"
# --- keys --------------------------------------------------------------------------------------------------
TOKEN_KEY_NOT_FOUND = "the token {token} holds no signing key labelled {label}"
TOKEN_KEY_AMBIGUOUS = "the token {token} holds more than one signing key labelled {label}"
TOKEN_KEY_EXISTS = "the token {token} already holds a key labelled {label}"
SOFTWARE_KEY_NOT_FOUND = "the signing key {key_id} was not found in {folder}"
KEYRING_SECRET_MISSING = "the system keyring no longer holds the secret of signing key {label}; the key cannot be used"
KEYRING_UNAVAILABLE = "the system keyring cannot be used ({reason}); protect the key with a PIN instead"
KEY_DAMAGED = "the signing key {label} is damaged or cannot be opened: {reason}"
KEY_UNSUPPORTED = "the key {label} is not an ECDSA P-256 key; only P-256 keys can sign here"
# --- certificates ------------------------------------------------------------------------------------------
CERT_UNREADABLE = "the certificate cannot be read: {reason}"
CERT_KEY_MISMATCH = "the certificate of {subject} does not belong to this signing key"
CERT_NOT_A_CA = "the certificate of {subject} is not a CA certificate and cannot issue certificates"
CERT_EMPTY_PERIOD = "the certificate's validity must end after it starts ({valid_from} – {valid_to})"
CERT_OUTLIVES_CA = "the certificate would be valid until {valid_to}, after its CA certificate expires on {ca_valid_to}"
CERT_NAME_EMPTY = "the certificate needs a name"

SOURCES = (
    WRONG_PIN, WRONG_PIN_RETRIES, WRONG_PIN_FINAL, WRONG_PIN_LOW, PIN_LOCKED, PIN_TOO_SHORT,
    MODULE_NOT_FOUND, MODULE_UNUSABLE, TOKEN_NOT_FOUND, TOKEN_AMBIGUOUS, TOKEN_REMOVED, TOKEN_FAILED,
    TOKEN_KEY_NOT_FOUND, TOKEN_KEY_AMBIGUOUS, TOKEN_KEY_EXISTS, SOFTWARE_KEY_NOT_FOUND, KEYRING_SECRET_MISSING,
    KEYRING_UNAVAILABLE, KEY_DAMAGED, KEY_UNSUPPORTED,
    CERT_UNREADABLE, CERT_KEY_MISMATCH, CERT_NOT_A_CA, CERT_EMPTY_PERIOD, CERT_OUTLIVES_CA, CERT_NAME_EMPTY,
)


class SigningError(UserError):
    """Base of every signing error the user can act on."""


class WrongPin(SigningError):
    """The PIN was refused. ``retries_left`` is the token's hint (1 on its final try) or None when
    unknown; ``low`` is set when the token says few attempts are left (CKF_USER_PIN_COUNT_LOW)."""

    def __init__(self, retries_left: int | None = None, *, low: bool = False):
        self.retries_left = retries_left
        self.low = low
        if retries_left == 1:
            super().__init__(WRONG_PIN_FINAL, rule="signing.wrong_pin")
        elif retries_left is not None:
            super().__init__(WRONG_PIN_RETRIES, rule="signing.wrong_pin", retries=retries_left)
        elif low:
            super().__init__(WRONG_PIN_LOW, rule="signing.wrong_pin")
        else:
            super().__init__(WRONG_PIN, rule="signing.wrong_pin")


class PinLocked(SigningError):
    """The token refuses every user login until the security officer unlocks it."""

    def __init__(self) -> None:
        super().__init__(PIN_LOCKED, rule="signing.pin_locked")


class PinTooShort(ValidationError):
    """A new PIN for a software key is shorter than ``min_length``."""

    def __init__(self, min_length: int):
        self.min_length = min_length
        super().__init__(PIN_TOO_SHORT, rule="signing.pin_too_short", min_length=min_length)


class TokenMissing(SigningError):
    """The PKCS#11 module or the token cannot be reached (not installed, not plugged in, removed)."""

    def __init__(self, source: str, /, **params: object):
        super().__init__(source, rule="signing.token_missing", **params)


class TokenFailure(SigningError):
    """The token answered with an error that is neither a PIN nor a presence problem."""

    def __init__(self, token: str, reason: str):
        super().__init__(TOKEN_FAILED, rule="signing.token_failure", token=token, reason=reason)


class KeyMissing(SigningError):
    """The signing key (or the keyring secret that opens it) is not where it should be."""

    def __init__(self, source: str, /, **params: object):
        super().__init__(source, rule="signing.key_missing", **params)


class KeyringUnavailable(SigningError):
    """No working OS keyring: the caller should offer a PIN-protected key instead."""

    def __init__(self, reason: str):
        super().__init__(KEYRING_UNAVAILABLE, rule="signing.keyring_unavailable", reason=reason)


class KeyDamaged(SigningError):
    """A key file (or its metadata) cannot be decoded, or holds something other than the expected key."""

    def __init__(self, label: str, reason: str):
        super().__init__(KEY_DAMAGED, rule="signing.key_damaged", label=label, reason=reason)


class UnsupportedKey(SigningError):
    """The key exists but is not ECDSA P-256."""

    def __init__(self, label: str):
        super().__init__(KEY_UNSUPPORTED, rule="signing.key_unsupported", label=label)


class CertificateProblem(SigningError):
    """A certificate cannot be read, does not fit its key, or cannot be issued as asked."""

    def __init__(self, source: str, /, **params: object):
        super().__init__(source, rule="signing.certificate", **params)
