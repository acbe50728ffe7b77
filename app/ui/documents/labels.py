"""Display texts for the codes of 执法文书 data: document states, version origins, volumes, 文号
register states and the steps of a 卷宗 export. English sources marked for lupdate, translated
when asked (a language switch needs no rebuild). Document names themselves are Chinese data from
the catalogue."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "DocumentLabels"

STATES: dict[str, str] = {
    "pending": QT_TRANSLATE_NOOP("DocumentLabels", "Pending"),
    "generated": QT_TRANSLATE_NOOP("DocumentLabels", "Generated"),
    "edited": QT_TRANSLATE_NOOP("DocumentLabels", "Edited in Word/WPS"),
    "frozen": QT_TRANSLATE_NOOP("DocumentLabels", "Frozen"),
}

ORIGINS: dict[str, str] = {
    "generated": QT_TRANSLATE_NOOP("DocumentLabels", "Generated from the case"),
    "edited": QT_TRANSLATE_NOOP("DocumentLabels", "Edited in Word/WPS"),
}

VOLUMES: dict[str, str] = {
    "main": QT_TRANSLATE_NOOP("DocumentLabels", "Main volume"),
    "secondary": QT_TRANSLATE_NOOP("DocumentLabels", "Secondary volume"),
}

REGISTER_STATES: dict[str, str] = {
    "used": QT_TRANSLATE_NOOP("DocumentLabels", "Used"),
    "void": QT_TRANSLATE_NOOP("DocumentLabels", "Void"),
    "unissued": QT_TRANSLATE_NOOP("DocumentLabels", "Not yet issued"),
    "returned": QT_TRANSLATE_NOOP("DocumentLabels", "Returned"),
}

# What DossierExporter.export reports as it goes (a volume is reported by its Chinese name).
DOSSIER_STEPS: dict[str, str] = {
    "documents": QT_TRANSLATE_NOOP("DocumentLabels", "Collecting the documents…"),
    "archive": QT_TRANSLATE_NOOP("DocumentLabels", "Writing the zip of the original files…"),
    "done": QT_TRANSLATE_NOOP("DocumentLabels", "Done"),
}
_BINDING = QT_TRANSLATE_NOOP("DocumentLabels", "Binding the {volume}…")


def _t(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def _lookup(table: dict[str, str], code: str) -> str:
    return _t(table[code]) if code in table else str(code)


def state_label(state: str) -> str:
    return _lookup(STATES, state)


def origin_label(origin: str) -> str:
    return _lookup(ORIGINS, origin)


def volume_label(volume: object) -> str:
    return _lookup(VOLUMES, str(getattr(volume, "value", volume)))


def register_state_label(state: str) -> str:
    return _lookup(REGISTER_STATES, state)


def dossier_step_label(step: str) -> str:
    return _t(DOSSIER_STEPS[step]) if step in DOSSIER_STEPS else _t(_BINDING).format(volume=step)
