"""Fixtures for the 设备 and 证据 GUI tests: the real evidence service over the test database (its store
in a temporary folder), a real device manager over a fake USB bus (devices "docked" by adding them to
the bus, their volume a folder holding a sample device tree), message boxes recorded, and the actor's
session."""

from __future__ import annotations

import os
import threading
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.devices.base import UsbInfo
from app.devices.manager import DeviceManager
from app.domain.errors import UserCancelled
from app.services.evidence import EvidenceService
from app.ui.tasks import wait_for_background_work
from drivers import DRIVERS
from tests.conftest import make_world
from tests.fakes.device_samples import DEFAULT_TIME, SAMPLES
from tests.gui.case_view.helpers import signed_in

# Qt Multimedia (thumbnails of videos, the player) warns about what this machine lacks; not our warnings.
MEDIA_LOG = [r"This plugin does not support (raise|propagateSizeHints)", r"pipewire-0\.3",
             r"No RHI backend", r"No HW decoder found", r"Could not open media",
             r"PulseAudioService"]
TIMEOUT = 20_000


class FakeBus:
    """A USB bus in memory: what ``enumerate`` lists, each device's volume, its open link."""

    def __init__(self) -> None:
        self.devices: list[UsbInfo] = []
        self.volumes: dict[tuple, Path] = {}
        self.links: dict[tuple, object] = {}
        self.lock = threading.Lock()

    def dock(self, info: UsbInfo, volume: Path | None = None, link: object = None) -> UsbInfo:
        with self.lock:
            if volume is not None:
                self.volumes[info.key] = volume
            if link is not None:
                self.links[info.key] = link
            self.devices.append(info)
        return info

    def unplug(self, info: UsbInfo) -> None:
        with self.lock:
            self.devices.remove(info)

    def enumerate(self) -> list[UsbInfo]:
        with self.lock:
            return list(self.devices)

    def open(self, info: UsbInfo) -> object:
        return self.links[info.key]

    def volume(self, info: UsbInfo) -> Path | None:
        return self.volumes.get(info.key)


class NoHandler:
    """The manager's handler until the devices page installs the UI's."""

    def show_message(self, text: str, /, **params: object) -> None:
        return None

    def ask_yes_no(self, text: str, /, **params: object) -> bool:
        raise UserCancelled()

    def ask_password(self, text: str, /, **params: object) -> str:
        raise UserCancelled()


def write_tree(name: str, dest: Path, *, rename: dict[str, str] | None = None,
               extra: dict[str, bytes] | None = None) -> Path:
    """The sample device tree ``name`` (tests/fakes/device_samples.py) written into ``dest`` with the
    files' device times; ``rename`` replaces text in paths and info files, ``extra`` adds files."""
    rename = rename or {}
    for relpath, spec in SAMPLES[name].files.items():
        data, when = spec if isinstance(spec, tuple) else (spec, DEFAULT_TIME)
        for old, new in rename.items():
            relpath = relpath.replace(old, new)
            if relpath.upper().startswith("DEVINFO"):
                data = data.replace(old.encode("gbk"), new.encode("gbk"))
        _write(dest / relpath, data, when)
    for relpath, data in (extra or {}).items():
        _write(dest / relpath, data, DEFAULT_TIME)
    return dest


def _write(target: Path, data: bytes, when: datetime) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    os.utime(target, (when.timestamp(), when.timestamp()))


@pytest.fixture
def world(database, clock, tmp_path):
    """The shared world with the evidence service installed (its store under tmp); background work
    ends before the database closes."""
    w = make_world(database, clock)
    service = EvidenceService(database, clock, w.services.cases, w.services.officers, tmp_path / "evidence",
                              workstation="WS-01")
    w.services.__dict__["evidence"] = service  # what the composition root provides
    yield w
    wait_for_background_work()


@pytest.fixture
def evidence(world) -> EvidenceService:
    return world.services.evidence


@pytest.fixture
def bus() -> FakeBus:
    return FakeBus()


@pytest.fixture
def manager(world, bus):
    """A device manager over the fake bus, with the real drivers; the devices page starts it."""
    m = DeviceManager(DRIVERS, NoHandler(), bus=bus, clock=world.clock.now, interval=0.02, mount_timeout=5)
    world.services.__dict__["devices"] = m
    yield m
    m.stop()


@pytest.fixture
def session(world):
    return signed_in(world, world.officer)


@pytest.fixture
def boxes(monkeypatch):
    """QMessageBox warnings, information and questions recorded instead of shown; questions: Yes."""
    shown: list[tuple[str, str, str]] = []

    def record(kind, answer=None):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return answer
        return box

    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QMessageBox, "information", record("information"))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    return shown


def idle(qtbot, runner, timeout: int = TIMEOUT) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=timeout)


def imported(evidence, actor, volume: Path, driver_cls, label: str = "test"):
    """Import ``volume`` with ``driver_cls`` through the service, as the devices page would."""
    from app.services.evidence import ImportSource

    driver = driver_cls(None)
    info = driver.probe(None, volume, NoHandler(), DEFAULT_TIME)
    planned = evidence.plan(ImportSource(volume=volume, driver=driver, info=info, label=label), actor)
    return evidence.run(planned.uuid, actor)


def thumbnails_done(qtbot, *owners) -> None:
    """Let the thumbnails being made finish (a video decoder reporting after its test ended would
    count against the next test). Call it before the widgets close: ``qtbot.addWidget(w,
    before_close_func=...)``."""
    for owner in owners:
        qtbot.waitUntil(lambda o=owner: o.thumbnails.pending == 0, timeout=TIMEOUT)
