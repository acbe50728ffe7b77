"""The bureau's small CA and its certificates, made with cryptography's x509 builder.

The bureau seal certificate is the bureau's CA: self-signed, CA with path length 0, and it signs the
certificates of officers and reviewers ("person") and of further seals ("seal"). Every signature is
made through a :class:`SigningKey` (software or token): the builder produces the to-be-signed part,
the key signs its SHA-256 digest, and the certificate is assembled with asn1crypto, so a CA key on a
token never has to leave it. Names are UTF8String, so Chinese bureau and person names are kept as is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.domain.i18n import tr
from app.signing.errors import (
    CERT_EMPTY_PERIOD,
    CERT_KEY_MISMATCH,
    CERT_NAME_EMPTY,
    CERT_NOT_A_CA,
    CERT_OUTLIVES_CA,
    CERT_UNREADABLE,
    CertificateProblem,
)
from app.signing.handler import SigningHandler
from app.signing.keys import ECDSA_SHA256, SigningKey, check_p256, common_name, same_public_key

Role = Literal["person", "seal"]
ROLE_UNITS: dict[str, str] = {"person": "工作人员", "seal": "电子印章"}  # the subject's OU names the role

DEFAULT_CA_YEARS = 10
DEFAULT_CERT_YEARS = 3

# ChainReport reason codes and their English texts (Chinese in messages_zh_signing_keys).
EXPIRED = "expired"
NOT_YET_VALID = "not_yet_valid"
REVOKED = "revoked"
UNKNOWN_ISSUER = "unknown_issuer"
BAD_SIGNATURE = "bad_signature"
ISSUER_EXPIRED = "issuer_expired"
ISSUER_REVOKED = "issuer_revoked"
REASON_TEXTS: dict[str, str] = {
    EXPIRED: "the certificate has expired",
    NOT_YET_VALID: "the certificate is not valid yet",
    REVOKED: "the certificate has been revoked",
    UNKNOWN_ISSUER: "the certificate was not issued by a known bureau",
    BAD_SIGNATURE: "the certificate's signature does not match the bureau that supposedly issued it",
    ISSUER_EXPIRED: "the issuing bureau's certificate has expired or is not valid yet",
    ISSUER_REVOKED: "the issuing bureau's certificate has been revoked",
}


def reason_text(code: str) -> str:
    """The reason code of a :class:`ChainReport` in the UI language."""
    return tr(REASON_TEXTS.get(code, code))


# --- building --------------------------------------------------------------------------------------------


def _utc(moment: datetime | None) -> datetime:
    if moment is None:
        moment = datetime.now(UTC)
    if moment.tzinfo is None:
        raise ValueError("certificate times must be timezone-aware")
    return moment.astimezone(UTC).replace(microsecond=0)


def _add_years(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28)


def _name(common: str, organization: str, unit: str | None = None) -> x509.Name:
    common, organization = common.strip(), organization.strip()
    if not common or not organization:
        raise CertificateProblem(CERT_NAME_EMPTY)
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                  x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization)]
    if unit:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, common))
    return x509.Name(attributes)


def _sign(builder: x509.CertificateBuilder, issuer_key: SigningKey, handler: SigningHandler) -> x509.Certificate:
    """Sign ``builder``'s certificate with ``issuer_key`` (which may be on a token). cryptography only
    signs with a private key object it holds, so a throwaway P-256 key makes the to-be-signed part —
    identical whatever the key, as the algorithm is ecdsa-with-SHA256 either way — and the real key
    signs that part's digest; asn1crypto puts TBS, algorithm and signature together."""
    placeholder = builder.sign(ec.generate_private_key(ec.SECP256R1()), hashes.SHA256())
    tbs = placeholder.tbs_certificate_bytes
    signature = issuer_key.sign_digest(hashlib.sha256(tbs).digest(), handler)
    der = asn1_x509.Certificate({
        "tbs_certificate": asn1_x509.TbsCertificate.load(tbs),
        "signature_algorithm": {"algorithm": ECDSA_SHA256},
        "signature_value": signature,
    }).dump()
    cert = x509.load_der_x509_certificate(der)
    if cert.tbs_certificate_bytes != tbs:  # pragma: no cover - asn1crypto keeps loaded encodings
        raise RuntimeError("the certificate body changed while assembling it")
    issuer_key.public_key().verify(cert.signature, tbs, ec.ECDSA(hashes.SHA256()))
    return cert


def _key_usage(*, ca: bool) -> x509.KeyUsage:
    # content_commitment (non-repudiation) on every certificate: the bureau CA is also the bureau seal
    # that signs documents, and pyHanko's validator asks for non-repudiation on signers by default.
    return x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                         encipher_only=False, decipher_only=False)


def create_bureau_ca(bureau_name: str, key: SigningKey, handler: SigningHandler,
                     valid_from: datetime | None = None, years: int = DEFAULT_CA_YEARS, *,
                     serial: int | None = None) -> x509.Certificate:
    """The bureau's seal certificate: a self-signed CA (path length 0) named after the bureau (CN and O),
    valid ``years`` from ``valid_from`` (default now), signed with ``key`` (asks ``handler`` for a PIN)."""
    public_key = key.public_key()
    check_p256(public_key, key.label)
    start = _utc(valid_from)
    name = _name(bureau_name, bureau_name)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(public_key)
        .serial_number(serial or x509.random_serial_number())
        .not_valid_before(start).not_valid_after(_add_years(start, years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public_key), critical=False)
    )
    return _sign(builder, key, handler)


def issue(ca_cert: x509.Certificate, ca_key: SigningKey, handler: SigningHandler, subject_name: str,
          public_key: ec.EllipticCurvePublicKey, *, serial: int | None = None, valid_from: datetime | None = None,
          valid_to: datetime | None = None, role: Role = "person") -> x509.Certificate:
    """A certificate for a person (officer, reviewer) or a seal, issued by the bureau CA ``ca_cert``
    whose key is ``ca_key``. Subject: CN ``subject_name``, O the bureau, OU the role. Valid from
    ``valid_from`` (default now) to ``valid_to`` (default :data:`DEFAULT_CERT_YEARS` later, cut at the
    CA's end); a ``valid_to`` after the CA's end is refused."""
    if role not in ROLE_UNITS:
        raise ValueError(f"unknown certificate role {role!r}")
    check_p256(public_key, subject_name)
    if not is_ca(ca_cert):
        raise CertificateProblem(CERT_NOT_A_CA, subject=common_name(ca_cert.subject))
    if not same_public_key(ca_cert.public_key(), ca_key.public_key()):
        raise CertificateProblem(CERT_KEY_MISMATCH, subject=common_name(ca_cert.subject))
    start = _utc(valid_from)
    ca_end = ca_cert.not_valid_after_utc
    end = _utc(valid_to) if valid_to is not None else min(_add_years(start, DEFAULT_CERT_YEARS), ca_end)
    if end <= start:
        raise CertificateProblem(CERT_EMPTY_PERIOD, valid_from=start.isoformat(), valid_to=end.isoformat())
    if end > ca_end:
        raise CertificateProblem(CERT_OUTLIVES_CA, valid_to=end.date().isoformat(),
                                 ca_valid_to=ca_end.date().isoformat())
    try:
        ca_ski = ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
        aki = x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski)
    except x509.ExtensionNotFound:
        aki = x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key())  # type: ignore[arg-type]
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject_name, organization(ca_cert) or common_name(ca_cert.subject), ROLE_UNITS[role]))
        .issuer_name(ca_cert.subject).public_key(public_key)
        .serial_number(serial or x509.random_serial_number())
        .not_valid_before(start).not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(ca=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(aki, critical=False)
    )
    return _sign(builder, ca_key, handler)


# --- reading ---------------------------------------------------------------------------------------------


def is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def organization(cert: x509.Certificate) -> str | None:
    values = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    return str(values[0].value) if values else None


def holder_name(cert: x509.Certificate) -> str:
    """The subject's common name (the person, seal or bureau)."""
    return common_name(cert.subject)


def certificate_role(cert: x509.Certificate) -> Literal["ca", "person", "seal"] | None:
    """"ca" for a bureau CA (seal) certificate, else the role :func:`issue` recorded, else None."""
    if is_ca(cert):
        return "ca"
    units = {str(a.value) for a in cert.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)}
    for role, unit in ROLE_UNITS.items():
        if unit in units:
            return role  # type: ignore[return-value]
    return None


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the DER certificate, as hex."""
    return cert.fingerprint(hashes.SHA256()).hex()


def cert_to_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def certs_to_pem(certs: Sequence[x509.Certificate]) -> bytes:
    return b"".join(cert_to_pem(c) for c in certs)


def cert_to_der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def cert_from_bytes(data: bytes) -> x509.Certificate:
    """One certificate from PEM or DER bytes; :class:`CertificateProblem` when it is neither."""
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise CertificateProblem(CERT_UNREADABLE, reason=str(exc) or type(exc).__name__) from None


def certs_from_pem(data: bytes) -> list[x509.Certificate]:
    """Every certificate of a PEM bundle (a CA list)."""
    try:
        return x509.load_pem_x509_certificates(data)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise CertificateProblem(CERT_UNREADABLE, reason=str(exc) or type(exc).__name__) from None


# --- checking --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainReport:
    """Whether ``cert`` chains to one of the trusted bureau CAs at a moment. ``reasons`` holds codes
    (:data:`REASON_TEXTS`; empty when ``ok``); ``issuer_name`` is the issuing bureau's name when an
    issuer with that name is known (even when its signature does not match), ``issuer`` the CA that
    verified the signature."""

    ok: bool
    reasons: list[str] = field(default_factory=list)
    issuer_name: str | None = None
    issuer: x509.Certificate | None = None

    def texts(self) -> list[str]:
        return [reason_text(code) for code in self.reasons]


def _valid_at(cert: x509.Certificate, at: datetime) -> tuple[bool, bool]:
    """(expired, not yet valid) at ``at``."""
    return at > cert.not_valid_after_utc, at < cert.not_valid_before_utc


def check_chain(cert: x509.Certificate, trusted_cas: Sequence[x509.Certificate], at: datetime,
                revoked: Collection[int] = frozenset()) -> ChainReport:
    """Check ``cert`` (a person, seal or bureau CA certificate) against the trusted bureau CAs at ``at``
    (timezone-aware): its validity period, revocation by serial number (``revoked``), an issuer among
    ``trusted_cas`` with its name whose public key verifies the certificate's signature, and that
    issuer's own validity and revocation."""
    if at.tzinfo is None:
        raise ValueError("check_chain needs a timezone-aware moment")
    at = at.astimezone(UTC)
    reasons: list[str] = []
    expired, early = _valid_at(cert, at)
    if expired:
        reasons.append(EXPIRED)
    if early:
        reasons.append(NOT_YET_VALID)
    if cert.serial_number in revoked:
        reasons.append(REVOKED)
    candidates = [ca for ca in trusted_cas if ca.subject == cert.issuer and is_ca(ca)]
    issuer = None
    for ca in candidates:
        try:
            cert.verify_directly_issued_by(ca)
        except (InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm):
            continue
        issuer = ca
        break
    if not candidates:
        reasons.append(UNKNOWN_ISSUER)
    elif issuer is None:
        reasons.append(BAD_SIGNATURE)
    elif issuer.fingerprint(hashes.SHA256()) != cert.fingerprint(hashes.SHA256()):
        if any(_valid_at(issuer, at)):
            reasons.append(ISSUER_EXPIRED)
        if issuer.serial_number in revoked:
            reasons.append(ISSUER_REVOKED)
    issuer_name = common_name((issuer or candidates[0]).subject) if candidates else None
    return ChainReport(ok=not reasons, reasons=reasons, issuer_name=issuer_name, issuer=issuer)
