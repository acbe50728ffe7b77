"""Qt translators: our compiled ``zh_CN.qm`` plus Qt's own ``qtbase_zh_CN`` (standard buttons,
dialogs). English is the source language, so it needs no translator. A missing file is logged
and the UI continues in English rather than refusing to start."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

QM_DIR = Path(__file__).with_suffix("")  # app/ui/i18n/, compiled by `make i18n` from resources/i18n
SOURCE_LANGUAGE = "en"

_installed: list[QTranslator] = []  # kept referenced: Qt does not own installed translators


def install_translators(language: str, qm_dir: Path | None = None) -> list[QTranslator]:
    """Replace the installed translators with those for ``language`` ("zh_CN" or "en").

    Installing sends a LanguageChange event to every widget, which retranslates itself."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translators needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    if language == SOURCE_LANGUAGE:
        return []
    ours = Path(qm_dir) if qm_dir is not None else QM_DIR
    candidates = [
        (ours / f"{language}.qm", True),
        (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{language}.qm", False),
    ]
    for path, required in candidates:
        translator = QTranslator()
        if path.is_file() and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
        elif required:
            log.warning("translation %s is missing or unreadable; the interface stays in English "
                        "(run `make i18n` to compile it)", path)
        else:
            log.info("Qt's own translation %s is not available", path)
    return list(_installed)


def installed_translators() -> list[QTranslator]:
    return list(_installed)
