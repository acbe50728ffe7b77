"""How an officer's 执法证 reads on a given day: valid, expiring soon, expired, suspended, revoked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.officers import CertificateStatus, Officer

EXPIRY_WARNING = timedelta(days=30)  # "expires on" instead of "valid until" this close to the end
_CONTEXT = "Certificates"
_TEXTS = {
    "suspended": QT_TRANSLATE_NOOP("Certificates", "certificate suspended"),
    "revoked": QT_TRANSLATE_NOOP("Certificates", "certificate revoked"),
    "not_yet": QT_TRANSLATE_NOOP("Certificates", "not valid before {day}"),
    "expired": QT_TRANSLATE_NOOP("Certificates", "expired on {day}"),
    "expiring": QT_TRANSLATE_NOOP("Certificates", "expires on {day}"),
    "valid": QT_TRANSLATE_NOOP("Certificates", "valid until {day}"),
}


@dataclass(frozen=True)
class CertificateState:
    usable: bool  # valid on the day asked about
    text: str  # translated: "valid until 2028-12-31", "expired on 2025-12-31", ...


def certificate_state(officer: Officer, day: date) -> CertificateState:
    def text(key: str, day: date | None = None) -> str:
        translated = QCoreApplication.translate(_CONTEXT, _TEXTS[key])
        return translated.format(day=day.isoformat()) if day else translated

    if officer.certificate_status is CertificateStatus.SUSPENDED:
        return CertificateState(False, text("suspended"))
    if officer.certificate_status is CertificateStatus.REVOKED:
        return CertificateState(False, text("revoked"))
    start, end = officer.certificate_valid_from, officer.certificate_valid_to
    if day < start:
        return CertificateState(False, text("not_yet", start))
    if day > end:
        return CertificateState(False, text("expired", end))
    if end - day <= EXPIRY_WARNING:
        return CertificateState(True, text("expiring", end))
    return CertificateState(True, text("valid", end))
