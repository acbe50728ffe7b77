"""Display texts for evidence codes (media kinds, verdicts, file outcomes, import and device states)
and the small formats the device screens share: sizes, rates, durations, clock offsets, times.
English sources marked for lupdate, translated when asked (a language switch needs no rebuild)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.i18n import tr as domain_tr

_CONTEXT = "EvidenceLabels"
SHANGHAI = ZoneInfo("Asia/Shanghai")
CLOCK_WARNING_S = 300  # a device clock further off than five minutes is shown as a warning

KINDS = {
    "video": QT_TRANSLATE_NOOP("EvidenceLabels", "Video"),
    "audio": QT_TRANSLATE_NOOP("EvidenceLabels", "Audio"),
    "image": QT_TRANSLATE_NOOP("EvidenceLabels", "Photo"),
    "result": QT_TRANSLATE_NOOP("EvidenceLabels", "Rapid-test result"),
    "other": QT_TRANSLATE_NOOP("EvidenceLabels", "Other file"),
}
VERDICTS = {
    "pass": QT_TRANSLATE_NOOP("EvidenceLabels", "Pass"),
    "fail": QT_TRANSLATE_NOOP("EvidenceLabels", "Fail"),
    "unknown": QT_TRANSLATE_NOOP("EvidenceLabels", "Not determined"),
}
OUTCOMES = {
    "pending": QT_TRANSLATE_NOOP("EvidenceLabels", "Not yet copied"),
    "copied": QT_TRANSLATE_NOOP("EvidenceLabels", "Copied"),
    "duplicate": QT_TRANSLATE_NOOP("EvidenceLabels", "Already imported"),
    "refused": QT_TRANSLATE_NOOP("EvidenceLabels", "Refused"),
    "failed": QT_TRANSLATE_NOOP("EvidenceLabels", "Failed"),
}
IMPORT_STATES = {
    "planned": QT_TRANSLATE_NOOP("EvidenceLabels", "Planned"),
    "running": QT_TRANSLATE_NOOP("EvidenceLabels", "Interrupted"),
    "stopped": QT_TRANSLATE_NOOP("EvidenceLabels", "Stopped"),
    "done": QT_TRANSLATE_NOOP("EvidenceLabels", "Done"),
}
DEVICE_STATES = {
    "detected": QT_TRANSLATE_NOOP("EvidenceLabels", "Detected"),
    "mounting": QT_TRANSLATE_NOOP("EvidenceLabels", "Waiting for its storage"),
    "ready": QT_TRANSLATE_NOOP("EvidenceLabels", "Ready"),
    "busy": QT_TRANSLATE_NOOP("EvidenceLabels", "Importing"),
    "problem": QT_TRANSLATE_NOOP("EvidenceLabels", "Problem"),
    "gone": QT_TRANSLATE_NOOP("EvidenceLabels", "Removed"),
}
DEVICE_KINDS = {
    "body_camera": QT_TRANSLATE_NOOP("EvidenceLabels", "Body camera"),
    "rapid_test": QT_TRANSLATE_NOOP("EvidenceLabels", "Rapid-test device"),
    "camera": QT_TRANSLATE_NOOP("EvidenceLabels", "Camera"),
    "recorder": QT_TRANSLATE_NOOP("EvidenceLabels", "Audio recorder"),
    "custom": QT_TRANSLATE_NOOP("EvidenceLabels", "User-defined device"),
}


def _label(table: dict[str, str], code: object) -> str:
    key = str(getattr(code, "value", code))
    return QCoreApplication.translate(_CONTEXT, table[key]) if key in table else key


def kind_label(kind: object) -> str:
    return _label(KINDS, kind)


def verdict_label(verdict: object) -> str:
    return _label(VERDICTS, verdict)


def outcome_label(outcome: object) -> str:
    return _label(OUTCOMES, outcome)


def import_state_label(state: object) -> str:
    return _label(IMPORT_STATES, state)


def device_state_label(state: object) -> str:
    return _label(DEVICE_STATES, state)


def device_kind_label(kind: object) -> str:
    return _label(DEVICE_KINDS, kind)


def driver_label(driver: object) -> str:
    """A driver's LABEL (an English source of the domain catalogue), in the current language."""
    label = getattr(driver, "LABEL", "") or getattr(driver, "NAME", "") or str(driver or "")
    return domain_tr(label) if label else ""


def message(source: str, params: dict[str, object] | None = None) -> str:
    """A domain text (English source with placeholders) in the current language; never fails."""
    if not source:
        return ""
    try:
        return domain_tr(source, **(params or {}))
    except (KeyError, IndexError, ValueError):
        return domain_tr(source)


def when_seconds(at: datetime | None) -> str:
    if at is None:
        return ""
    local = at.astimezone(SHANGHAI) if at.tzinfo else at
    return local.strftime("%Y-%m-%d %H:%M:%S")


def size_text(size: int | None) -> str:
    if size is None:
        return ""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"


def rate_text(bytes_per_second: float) -> str:
    return QCoreApplication.translate("EvidenceLabels", "{rate} MB/s").format(rate=f"{bytes_per_second / 2**20:.1f}")


def duration_text(seconds: float | None) -> str:
    """A short duration: "45 s", "3 min 20 s", "2 h 5 min", "3 days"."""
    if seconds is None:
        return ""
    total = round(abs(seconds))
    if total < 60:
        return QCoreApplication.translate("EvidenceLabels", "{s} s").format(s=total)
    if total < 3600:
        return QCoreApplication.translate("EvidenceLabels", "{m} min {s} s").format(m=total // 60, s=total % 60)
    if total < 2 * 86400:
        return QCoreApplication.translate("EvidenceLabels", "{h} h {m} min").format(h=total // 3600, m=total % 3600 // 60)
    return QCoreApplication.translate("EvidenceLabels", "{d} days").format(d=total // 86400)


def clock_offset_text(offset_s: float | None) -> str:
    """How far the device clock is from the workstation's: "3 min 20 s fast", "in step", "unknown"."""
    if offset_s is None:
        return QCoreApplication.translate("EvidenceLabels", "unknown")
    if abs(offset_s) < 1:
        return QCoreApplication.translate("EvidenceLabels", "in step")
    amount = duration_text(offset_s)
    return QCoreApplication.translate("EvidenceLabels", "{amount} fast").format(amount=amount) if offset_s > 0 else QCoreApplication.translate("EvidenceLabels", "{amount} slow").format(amount=amount)


def clock_is_off(offset_s: float | None) -> bool:
    return offset_s is not None and abs(offset_s) > CLOCK_WARNING_S
