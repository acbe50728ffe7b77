"""Composition root of the desktop client: logging -> settings -> display check -> Qt ->
translations -> database -> services -> crash handler -> main window. The only module that
wires concrete parts together."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.config.bureau import BureauProfile
from app.config.paths import data_dir, database_path, log_dir
from app.config.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from app.devices.base import DeviceDriver
    from app.domain.evidence import DeviceDefinition
    from app.domain.users import SignedIn
    from app.services import Services
    from app.services.clock import Clock
    from app.ui.main_window import MainWindow

log = logging.getLogger("app.bootstrap")

LOG_FILE = "zhifa.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5
EXIT_NO_DISPLAY = 2
EXIT_STARTUP_FAILED = 1

NO_DISPLAY_MESSAGE = """\
zhifa: no graphical display found (neither DISPLAY nor WAYLAND_DISPLAY is set).
  Run it inside a desktop session, or under a virtual X server:   xvfb-run zhifa
  or without any display (tests, screenshots):                    QT_QPA_PLATFORM=offscreen zhifa
  Headless work needs no display: see `zhifa --help` for the sub-commands.
zhifa：未找到图形显示环境（DISPLAY 与 WAYLAND_DISPLAY 均未设置）。
  请在桌面会话中运行，或在虚拟 X 服务器下运行：xvfb-run zhifa
  或不使用显示器运行（测试、截图）：QT_QPA_PLATFORM=offscreen zhifa
"""


def configure_logging(folder: Path | None = None) -> Path:
    """Rotating file in the user log folder (everything from INFO) plus stderr (WARNING and up).
    Calling again replaces the handlers this function installed, never doubles them."""
    folder = Path(folder) if folder is not None else log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    log_path = folder / LOG_FILE
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_zhifa", False)]:
        root.removeHandler(handler)
        handler.close()
    file_handler = logging.handlers.RotatingFileHandler(log_path, maxBytes=LOG_MAX_BYTES,
                                                        backupCount=LOG_BACKUPS, encoding="utf-8")
    file_handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    file_handler.setLevel(logging.INFO)
    stderr_handler = logging.StreamHandler(sys.stderr)
    stderr_handler.setFormatter(logging.Formatter("zhifa: %(levelname)s %(name)s: %(message)s"))
    stderr_handler.setLevel(logging.WARNING)
    for handler in (file_handler, stderr_handler):
        handler._zhifa = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    return log_path


def display_problem(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """The message to print when Qt would abort for want of a display, else None."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"):
        return None
    return NO_DISPLAY_MESSAGE


def open_services(settings: Settings, clock: Clock | None = None) -> Services:
    """Open (creating and migrating) the database named by the settings and build the services."""
    from app.services import Services
    from app.store.database import open_database

    folder = data_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    bureau = BureauProfile.load(folder)
    database = open_database(database_path(settings))
    log.info("database %s opened for %s (%s)", database_path(settings), bureau.name, bureau.code)
    return Services.create(database, bureau=bureau, clock=clock, drivers=_drivers_for,
                           evidence_flag_days=settings.evidence_flag_days)


def _drivers_for(definitions: Iterable[DeviceDefinition]) -> tuple[type[DeviceDriver], ...]:
    """drivers.drivers_for, imported when devices are first needed (the 设备 area, ``zhifa import``),
    not while the first case page waits."""
    from drivers import drivers_for

    return drivers_for(definitions)


def build_main_window(services: Services, settings: Settings, log_path: Path, session: SignedIn) -> MainWindow:
    from app.ui.main_window import MainWindow

    return MainWindow(services, settings, log_path, session)


def apply_font_size(app: QApplication, points: int) -> None:
    font = app.font()
    font.setPointSize(points)
    app.setFont(font)


def _install_qt_message_log() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def run_gui(argv: Sequence[str]) -> int:
    """Start the desktop client; returns the process exit code.

    ``argv`` are the arguments after the program name (Qt options such as ``-platform`` work)."""
    log_path = configure_logging()
    log.info("Zhifa %s starting", __version__)
    settings = Settings.load()
    problem = display_problem()
    if problem:
        log.info("no display (the user was told how to run it): DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are all unset")
        print(problem, file=sys.stderr, end="")
        return EXIT_NO_DISPLAY

    from PySide6.QtWidgets import QApplication

    from app.domain import i18n as domain_i18n
    from app.domain.errors import UserError
    from app.ui.crash import CrashDialog, details_for, install_crash_handler
    from app.ui.i18n import install_translators

    _install_qt_message_log()
    app = QApplication.instance() or QApplication(["zhifa", *argv])
    app.setApplicationName("zhifa")
    app.setApplicationVersion(__version__)
    apply_font_size(app, settings.font_size)
    install_translators(settings.language)
    domain_i18n.set_language(settings.language)

    try:
        services = open_services(settings)
        install_crash_handler(log_path)
        from app.ui.workbench import Workbench

        workbench = Workbench(services, settings, log_path)
        workbench.finished.connect(app.quit)
        workbench.start()
    except UserError as exc:
        log.error("startup refused: %s", exc.english)
        _startup_message(exc.message)
        return EXIT_STARTUP_FAILED
    except Exception:
        log.exception("startup failed")
        dialog = CrashDialog(details_for(sys.exc_info()), log_path)  # type: ignore[arg-type]
        dialog.exec()
        return EXIT_STARTUP_FAILED

    app.setQuitOnLastWindowClosed(True)
    try:
        code = app.exec()
    finally:
        from app.ui.tasks import wait_for_background_work

        wait_for_background_work()
        if "devices" in services.__dict__:  # the USB thread runs once the 设备 area was opened
            services.devices.stop()
        services.database.dispose()
    log.info("Zhifa exiting with code %s", code)
    return code


def _startup_message(text: str) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, QCoreApplication.translate("CrashDialog", "Zhifa"), text)
