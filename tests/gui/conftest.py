"""GUI fixtures: translations compiled from the .ts under test, a log file, the crash handler."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.bootstrap import configure_logging
from app.domain import i18n as domain_i18n

ROOT = Path(__file__).resolve().parents[2]
# One .ts per area (contexts do not overlap); lrelease merges them into one zh_CN.qm.
TS_FILES = sorted((ROOT / "resources" / "i18n").glob("zh_CN*.ts"))


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory) -> Path:
    """zh_CN.qm compiled from the source .ts (the checked-in translations, not a stale build)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    tool = str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease")
    if tool is None:
        pytest.fail("pyside6-lrelease not found: install PySide6 into the venv")
    out = tmp_path_factory.mktemp("qm")
    result = subprocess.run([tool, *map(str, TS_FILES), "-qm", str(out / "zh_CN.qm")], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "0 unfinished" in result.stdout and "untranslated" not in result.stdout, result.stdout
    return out


@pytest.fixture
def language(qapp, qm_dir):
    """Call with "zh_CN" or "en" to switch the UI language (translators and domain texts)."""
    from app.ui.i18n import install_translators

    def switch(lang: str) -> None:
        install_translators(lang, qm_dir)
        domain_i18n.set_language(lang)

    yield switch
    install_translators("en")
    domain_i18n.set_language("zh_CN")


@pytest.fixture
def log_path(tmp_path) -> Path:
    path = configure_logging(tmp_path / "logs")
    yield path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_zhifa", False)]:
        root.removeHandler(handler)
        handler.close()
    logging.captureWarnings(False)


@pytest.fixture
def crash_handler(qapp, log_path, monkeypatch):
    """Returns ``install()``. pytest-qt swaps sys.excepthook per test phase, so a test installs
    the handler itself, inside its body; teardown restores the hooks and closes any report."""
    import threading

    from app.ui import crash

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)

    def install() -> Path:
        crash.install_crash_handler(log_path)
        return log_path

    yield install
    crash.uninstall_crash_handler()


@pytest.fixture(autouse=True)
def no_usb_thread_left():
    """Opening the 设备 area starts a device manager's USB thread: stop it when the test ends."""
    yield
    from app.devices.manager import DeviceManager

    DeviceManager.stop_all()
