"""Detached CMS signatures for any bytes (a .docx with its signature file next to it), and the certificate
checks every signature verification shares (the PDF one in ``pdf_verify`` too).

``sign_detached(data, signer)`` makes a DER CMS ``SignedData`` over ``data`` (SHA-256, content not included,
signing-time and signing-certificate-v2 attributes, the signer's chain embedded). ``verify_detached`` checks
it against the data and the trusted bureau CAs and returns a :class:`~app.signing.reports.SignatureReport`.

Certificates are validated with pyhanko-certvalidator against the given trust roots only (never the system
list, never the network); revocation is by serial number against the caller's list (the bureau registry),
as the bureaus publish no CRLs.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import logging
from collections.abc import Collection, Coroutine, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from asn1crypto import cms as asn1_cms
from asn1crypto import core as asn1_core
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID
from pyhanko.sign import signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.validation.generic_cms import async_validate_detached_cms, extract_self_reported_ts
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator import errors as cv_errors
from pyhanko_certvalidator.path import ValidationPath

from app.domain.errors import UserError
from app.signing import reports
from app.signing.reports import ChainInfo, SignatureReport

NOT_A_SIGNATURE = "the signature file is not a CMS signature: {reason}"
SIGNING_FAILED = "signing failed: {reason}"
SOURCES = (NOT_A_SIGNATURE, SIGNING_FAILED)

DIGEST = "sha256"

# a signing certificate must allow digital signatures or non-repudiation (one is enough)
SIGNING_KEY_USAGE = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"},
                                        match_all_key_usages=False)

T = TypeVar("T")


class _DropExpected(logging.Filter):
    """pyHanko logs every certificate it cannot validate (and every suspicious later update) as a warning with
    a traceback; the reports carry the same finding as a code, so those records are dropped (other pyHanko
    warnings stay)."""

    def __init__(self, *exc_types: type[BaseException]):
        super().__init__()
        self.exc_types = exc_types

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, self.exc_types)


def quiet_pyhanko_logger(name: str, *exc_types: type[BaseException]) -> None:
    """Drop the records of logger ``name`` that carry one of ``exc_types`` (once per logger and types)."""
    logger = logging.getLogger(name)
    if not any(isinstance(f, _DropExpected) and f.exc_types == exc_types for f in logger.filters):
        logger.addFilter(_DropExpected(*exc_types))


quiet_pyhanko_logger("pyhanko.sign.validation.generic_cms", cv_errors.PathError, cv_errors.ValidationError)


class NotASignature(UserError):
    """The bytes given as a detached signature are not a CMS SignedData."""

    def __init__(self, reason: str):
        super().__init__(NOT_A_SIGNATURE, rule="signing.not_a_signature", reason=reason)


class SigningFailed(UserError):
    """The signer failed to produce a signature (nothing was written)."""

    def __init__(self, reason: str):
        super().__init__(SIGNING_FAILED, rule="signing.failed", reason=reason)


# --- plumbing shared with pdf_seal / pdf_verify -----------------------------------------------------------


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run a pyHanko coroutine to the end from synchronous code, also when this thread already runs an event
    loop (then in a helper thread, as a coroutine cannot be nested in a running loop)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def to_asn1(cert: x509.Certificate | asn1_x509.Certificate) -> asn1_x509.Certificate:
    if isinstance(cert, asn1_x509.Certificate):
        return cert
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def to_crypto(cert: asn1_x509.Certificate | x509.Certificate) -> x509.Certificate:
    if isinstance(cert, x509.Certificate):
        return cert
    return x509.load_der_x509_certificate(cert.dump())


def common_name(name: x509.Name) -> str:
    """The CN of ``name`` (the whole name when it has none)."""
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    if values:
        value = values[0].value
        return value if isinstance(value, str) else value.decode("utf-8", "replace")
    return name.rfc4514_string()


def aware(moment: datetime | None) -> datetime:
    """``moment`` as an aware datetime (naive: local time); now when None."""
    if moment is None:
        return datetime.now(UTC)
    return moment if moment.tzinfo is not None else moment.astimezone()


def validation_context(trusted: Sequence[x509.Certificate], at: datetime,
                       other_certs: Iterable[asn1_x509.Certificate] = ()) -> ValidationContext:
    """Trust exactly ``trusted`` (an empty list trusts nothing), validate at ``at``, fetch nothing."""
    return ValidationContext(trust_roots=[to_asn1(c) for c in trusted], other_certs=list(other_certs),
                             allow_fetching=False, moment=at, revocation_mode="soft-fail")


def _verifies(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def _why_no_path(leaf: x509.Certificate, others: Sequence[x509.Certificate],
                 trusted: Sequence[x509.Certificate]) -> str:
    """The reason code when no valid path was found: follow the issuer names from ``leaf`` through the embedded
    certificates; a name that matches but whose signature does not verify is a bad signature, a chain that never
    reaches a trusted CA an unknown issuer, and one that does reach it an otherwise invalid chain."""
    current = leaf
    for _ in range(8):
        if current in trusted:
            return reports.R_INVALID_CHAIN
        named = [t for t in trusted if t.subject == current.issuer]
        if named:
            return reports.R_INVALID_CHAIN if any(_verifies(current, t) for t in named) else reports.R_BAD_SIGNATURE
        upward = [o for o in others if o.subject == current.issuer and o != current]
        if not upward:
            return reports.R_UNKNOWN_ISSUER
        verified = [o for o in upward if _verifies(current, o)]
        if not verified:
            return reports.R_BAD_SIGNATURE
        current = verified[0]
    return reports.R_UNKNOWN_ISSUER


async def async_check_chain(cert: asn1_x509.Certificate | x509.Certificate,
                            other_certs: Sequence[asn1_x509.Certificate | x509.Certificate],
                            trusted: Sequence[x509.Certificate], revoked: Collection[int],
                            at: datetime) -> ChainInfo:
    """Does ``cert`` chain (through ``other_certs`` if needed) to one of ``trusted`` at ``at``, with no
    certificate of the path revoked (by serial) and a key usage that allows signing?"""
    leaf = to_asn1(cert)
    leaf_crypto = to_crypto(cert)
    others = [to_asn1(c) for c in other_certs]
    issuer_name = common_name(leaf_crypto.issuer)
    context = validation_context(trusted, at, others)
    validator = CertificateValidator(leaf, intermediate_certs=others, validation_context=context)
    reasons: list[str] = []
    path: ValidationPath | None = None
    try:
        path = await validator.async_validate_path()
        try:
            SIGNING_KEY_USAGE.validate(leaf)
        except cv_errors.InvalidCertificateError:
            reasons.append(reports.R_NOT_FOR_SIGNING)
    except cv_errors.PathBuildingError:
        reasons.append(_why_no_path(leaf_crypto, [to_crypto(c) for c in others], trusted))
    except cv_errors.ExpiredError as exc:
        path = exc.original_path
        reasons.append(reports.R_EXPIRED)
    except cv_errors.NotYetValidError as exc:
        path = exc.original_path
        reasons.append(reports.R_NOT_YET_VALID)
    except cv_errors.RevokedError as exc:  # only with revocation data, which bureaus do not publish (yet)
        path = exc.original_path
        reasons.append(reports.R_REVOKED)
    except cv_errors.PathValidationError as exc:
        path = exc.original_path
        reasons.append(_why_no_path(leaf_crypto, [to_crypto(c) for c in others], trusted))
    except (cv_errors.ValidationError, ValueError):  # e.g. InvalidCertificateError: an untrusted self-signed root
        reasons.append(_why_no_path(leaf_crypto, [to_crypto(c) for c in others], trusted))

    anchor = ""
    if path is not None:  # a path to a trusted CA was found (even if it then failed validation)
        if {c.serial_number for c in path.iter_certs(include_root=True)} & set(revoked) \
                and reports.R_REVOKED not in reasons:
            reasons.insert(0, reports.R_REVOKED)
        try:
            anchor = common_name(to_crypto(path.trust_anchor.authority.certificate).subject)
        except (AttributeError, LookupError):  # pragma: no cover - roots are always certificates here
            anchor = ""
        if {reports.R_UNKNOWN_ISSUER, reports.R_BAD_SIGNATURE} & set(reasons):
            anchor = ""
    return ChainInfo(ok=not reasons, reasons=tuple(reasons), issuer_name=issuer_name, trust_anchor=anchor,
                     checked_at=at)


def check_chain(cert: x509.Certificate, trusted: Sequence[x509.Certificate], revoked: Collection[int],
                at: datetime | None = None, other_certs: Sequence[x509.Certificate] = ()) -> ChainInfo:
    """Synchronous :func:`async_check_chain` (``at`` defaults to now)."""
    return run_sync(async_check_chain(cert, other_certs, trusted, revoked, aware(at)))


def certificate_facts(cert: asn1_x509.Certificate | x509.Certificate) -> dict[str, Any]:
    """The certificate fields a :class:`SignatureReport` shows."""
    c = to_crypto(cert)
    return {
        "signer_name": common_name(c.subject),
        "signer_serial": c.serial_number,
        "issuer_name": common_name(c.issuer),
        "cert_valid_from": c.not_valid_before_utc,
        "cert_valid_to": c.not_valid_after_utc,
        "cert_fingerprint": hashlib.sha256(c.public_bytes(serialization.Encoding.DER)).hexdigest(),
    }


NO_CERTIFICATE: dict[str, Any] = {"signer_name": "", "signer_serial": None, "issuer_name": "",
                                  "cert_valid_from": None, "cert_valid_to": None, "cert_fingerprint": ""}


# --- detached signatures -----------------------------------------------------------------------------------


def sign_detached(data: bytes, signer: signers.Signer, signing_time: datetime | None = None) -> bytes:
    """A detached CMS SignedData (DER) over ``data``: SHA-256, signing-time (``signing_time`` or now),
    signing-certificate-v2, the signer's certificate chain embedded. ``signer`` is any pyHanko signer
    (software, PKCS#11, or one implementing only the async API)."""
    attrs = PdfCMSSignedAttributes(signing_time=aware(signing_time))
    coro = signer.async_sign_general_data(data, DIGEST, detached=True, signed_attr_settings=attrs)
    try:
        content_info = run_sync(coro)
    except UserError:
        raise
    except (ValueError, SigningError) as exc:
        raise SigningFailed(str(exc)) from exc
    return content_info.dump()


def load_signed_data(cms_der: bytes) -> asn1_cms.SignedData:
    """The SignedData of a DER CMS ContentInfo, or :class:`NotASignature` when the bytes are not one (a damaged
    inner part is left for the verification to report as tampered)."""
    try:
        info = asn1_cms.ContentInfo.load(bytes(cms_der))
        if info["content_type"].native != "signed_data":
            raise NotASignature(f"content type {info['content_type'].native}")
        signed = info["content"]
        _ = signed["signer_infos"][0]
    except NotASignature:
        raise
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
        raise NotASignature(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc
    return signed


def verify_detached(data: bytes, cms_der: bytes, trusted: Sequence[x509.Certificate],
                    revoked: Collection[int] = frozenset(), at: datetime | None = None) -> SignatureReport:
    """Check a detached CMS signature over ``data``: intact (the data's hash, the signature value, and the
    signature file itself unaltered), the signer's certificate chain to ``trusted`` at ``at`` (default now),
    revocation by serial. Raises :class:`NotASignature` when ``cms_der`` is not a CMS SignedData at all; a
    damaged one gives the verdict ``tampered``."""
    moment = aware(at)
    der = bytes(cms_der)
    signed = load_signed_data(der)
    try:
        return run_sync(_verify_detached(bytes(data), der, signed, trusted, revoked, moment))
    except Exception as exc:  # a signature that cannot be read is not a valid one
        return SignatureReport(field="", **NO_CERTIFICATE, signed_at=None, intact=False, covers_whole_file=True,
                               modified_after=False, modification=reports.MOD_NONE, chain=ChainInfo.unreadable(),
                               verdict=reports.TAMPERED, detail=f"{type(exc).__name__}: {exc}")


async def _verify_detached(data: bytes, der: bytes, signed: asn1_cms.SignedData,
                           trusted: Sequence[x509.Certificate], revoked: Collection[int],
                           at: datetime) -> SignatureReport:
    signer_info = signed["signer_infos"][0]
    detail = ""
    try:
        status = await async_validate_detached_cms(data, signed, validation_context(trusted, at),
                                                   key_usage_settings=SIGNING_KEY_USAGE)
        intact = bool(status.intact and status.valid)
        cert = status.signing_cert
    except Exception as exc:  # any failure to check means: do not trust the file
        intact = False
        detail = f"{type(exc).__name__}: {exc}"
        cert = signer_certificate(signed)
    if intact:
        info = asn1_cms.ContentInfo.load(der)
        if len(info.dump()) != len(der) or info.contents != info["content_type"].dump() + info["content"].dump():
            detail = "the signature file holds unexpected bytes"
        else:
            detail = container_problem(signed, trusted)
        intact = not detail
    if cert is None:
        chain, facts = ChainInfo.unreadable(), NO_CERTIFICATE
    else:
        others = [c for c in embedded_certificates(signed) if c.dump() != cert.dump()]
        chain, facts = await async_check_chain(cert, others, trusted, revoked, at), certificate_facts(cert)
    return SignatureReport(
        field="", **facts, signed_at=extract_self_reported_ts(signer_info), intact=intact, covers_whole_file=True,
        modified_after=False, modification=reports.MOD_NONE, chain=chain,
        verdict=reports.verdict_for(intact=intact, modification=reports.MOD_NONE, chain=chain), detail=detail)


def signer_certificate(signed: asn1_cms.SignedData) -> asn1_x509.Certificate | None:
    """The embedded certificate matching the first signer's sid, or None."""
    try:
        sid = signed["signer_infos"][0]["sid"]
        certs = [c.chosen for c in signed["certificates"] if c.name == "certificate"]
        for c in certs:
            if sid.name == "issuer_and_serial_number":
                if c.issuer == sid.chosen["issuer"] and c.serial_number == sid.chosen["serial_number"].native:
                    return c
            elif c.key_identifier == sid.chosen.native:
                return c
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    return None


def _slack(value: Any) -> bool:
    """True when a constructed ASN.1 value holds more bytes than its parts (room for hidden changes)."""
    parts = [value[key] for key in value] if isinstance(value, asn1_core.Sequence) else list(value)
    return value.contents != b"".join(part.dump() for part in parts)


def container_problem(signed: asn1_cms.SignedData, trusted: Sequence[x509.Certificate] = ()) -> str:
    """Why the unsigned parts of a SignedData look altered, or "" when they do not: no slack bytes in the
    SignedData and its lists; the digest algorithm list names the signer's algorithm; an embedded copy of a
    trusted certificate equals it; every other embedded certificate still carries a signature that verifies
    (against its issuer when that is embedded or trusted, or itself when self-issued). A signature cannot
    protect these parts, but a byte changed in them is still a changed file."""
    try:
        if _slack(signed) or any(_slack(signed[k]) for k in ("digest_algorithms", "certificates", "signer_infos")):
            return "the signature container holds unexpected bytes"
        signer_info = signed["signer_infos"][0]
        if signed["version"].native not in ("v1", "v3", "v4", "v5") \
                or signer_info["version"].native not in ("v1", "v3"):
            return "the version of the signature container was changed"
        wanted = signer_info["digest_algorithm"]["algorithm"].native
        algorithms = [*signed["digest_algorithms"], signer_info["digest_algorithm"]]
        if wanted not in [a["algorithm"].native for a in algorithms] or any(
                not isinstance(a["parameters"], (asn1_core.Null, asn1_core.Void)) for a in algorithms):
            return "the digest algorithm list of the signature was changed"
        signer = signer_certificate(signed)
        sid = signer_info["sid"]
        if signer is None or (sid.name == "issuer_and_serial_number"
                              and sid.chosen["issuer"].dump() != signer.issuer.dump()):
            return "the signer reference of the signature was changed"
        certs = [to_crypto(c) for c in embedded_certificates(signed)]
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        return f"the signature container cannot be read: {exc}"
    trusted_by_key = {(t.serial_number, t.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)): t for t in trusted}
    issuers = [*certs, *trusted]
    for cert in certs:
        try:
            key = (cert.serial_number, cert.public_key().public_bytes(
                serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo))
        except (ValueError, TypeError):
            return "an embedded certificate cannot be read"
        twin = trusted_by_key.get(key)
        if twin is not None:
            if twin != cert:  # a copy of a trusted certificate must be that certificate, byte for byte
                return f"the embedded certificate of {common_name(twin.subject)} was changed"
            continue
        candidates = [i for i in issuers if i.subject == cert.issuer]
        if candidates and not any(_verifies(cert, issuer) for issuer in candidates):
            return f"the embedded certificate of {common_name(cert.subject)} was changed"
    return ""


def embedded_certificates(signed: asn1_cms.SignedData) -> list[asn1_x509.Certificate]:
    try:
        return [c.chosen for c in signed["certificates"] if c.name == "certificate"]
    except (ValueError, TypeError, KeyError):
        return []
