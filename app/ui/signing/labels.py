"""Translated names for the codes of signing: seal kinds, certificate kinds, verdicts, chain problems,
what changed after signing, and the signature state of an approval."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "SigningLabels"

SEAL_KINDS = {
    "official": QT_TRANSLATE_NOOP("SigningLabels", "Official seal (公章)"),
    "enforcement": QT_TRANSLATE_NOOP("SigningLabels", "Enforcement seal (行政执法专用章)"),
}
CERTIFICATE_KINDS = {
    "bureau_ca": QT_TRANSLATE_NOOP("SigningLabels", "Bureau (CA)"),
    "person": QT_TRANSLATE_NOOP("SigningLabels", "Person"),
    "seal": QT_TRANSLATE_NOOP("SigningLabels", "Seal"),
}
VERDICTS = {
    "valid": QT_TRANSLATE_NOOP("SigningLabels", "Valid: the signature is intact and trusted"),
    "tampered": QT_TRANSLATE_NOOP("SigningLabels", "Tampered: the file is not the one that was signed"),
    "modified_after_signing": QT_TRANSLATE_NOOP("SigningLabels", "Changed after signing"),
    "untrusted": QT_TRANSLATE_NOOP("SigningLabels", "Signer not trusted: the certificate is not from a known "
                                                    "bureau"),
    "expired": QT_TRANSLATE_NOOP("SigningLabels", "Certificate expired"),
    "revoked": QT_TRANSLATE_NOOP("SigningLabels", "Certificate revoked"),
}
CHAIN_REASONS = {
    "expired": QT_TRANSLATE_NOOP("SigningLabels", "the certificate (or its CA) has expired"),
    "not_yet_valid": QT_TRANSLATE_NOOP("SigningLabels", "the certificate is not yet valid"),
    "revoked": QT_TRANSLATE_NOOP("SigningLabels", "the certificate has been revoked"),
    "unknown_issuer": QT_TRANSLATE_NOOP("SigningLabels", "the certificate was not issued by a known bureau"),
    "bad_signature": QT_TRANSLATE_NOOP("SigningLabels", "the certificate's own signature is wrong"),
    "not_for_signing": QT_TRANSLATE_NOOP("SigningLabels", "the certificate is not meant for signing"),
    "invalid_chain": QT_TRANSLATE_NOOP("SigningLabels", "the certificate chain is not valid"),
}
MODIFICATIONS = {
    "none": QT_TRANSLATE_NOOP("SigningLabels", "nothing"),
    "signatures": QT_TRANSLATE_NOOP("SigningLabels", "only further signatures were added"),
    "metadata": QT_TRANSLATE_NOOP("SigningLabels", "the document properties (the visible content is unchanged)"),
    "form_filling": QT_TRANSLATE_NOOP("SigningLabels", "form fields were filled in"),
    "annotations": QT_TRANSLATE_NOOP("SigningLabels", "comments or markup were added"),
    "content": QT_TRANSLATE_NOOP("SigningLabels", "the content or its metadata"),
}
APPROVAL_STATES = {
    "verified": QT_TRANSLATE_NOOP("SigningLabels", "✔ signature verified"),
    "broken": QT_TRANSLATE_NOOP("SigningLabels", "✖ signature does not match"),
    "unsigned": QT_TRANSLATE_NOOP("SigningLabels", "not signed"),
}
GREEN, RED, GREY = "#2e7d32", "#c62828", "#6a6a6a"


def _label(table: dict[str, str], code: str) -> str:
    source = table.get(code)
    return QCoreApplication.translate(_CONTEXT, source) if source else code


def seal_kind_label(code: str) -> str:
    return _label(SEAL_KINDS, code)


def certificate_kind_label(code: str) -> str:
    return _label(CERTIFICATE_KINDS, code)


def verdict_label(code: str) -> str:
    return _label(VERDICTS, code)


def chain_reason_label(code: str) -> str:
    return _label(CHAIN_REASONS, code)


def modification_label(code: str) -> str:
    return _label(MODIFICATIONS, code)


def approval_state_label(code: str) -> str:
    return _label(APPROVAL_STATES, code)


def approval_state_color(code: str) -> str:
    return {"verified": GREEN, "broken": RED}.get(code, GREY)


def day(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d") if moment is not None else "?"


def minute(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else "?"
