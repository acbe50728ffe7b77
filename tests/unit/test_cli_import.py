"""`zhifa import --device auto|PATH`: the headless docking station. Per-file outcomes and a summary are
printed; exit 0 when every file ended copied or already stored, 1 when one was refused or failed, 2 on
bad arguments."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

from app.cli import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, main
from app.cli_import import cmd_import
from app.config.bureau import BureauProfile
from app.devices.folder import FolderDriver
from app.devices.manager import DockedDevice
from app.domain.evidence import DeviceInfo
from app.services import Services
from app.store.database import open_database


@pytest.fixture(autouse=True)
def evidence_messages(monkeypatch):
    from app.domain.messages_zh import MESSAGES_ZH
    from app.domain.messages_zh_evidence import MESSAGES_ZH_EVIDENCE

    for key, text in MESSAGES_ZH_EVIDENCE.items():
        if key not in MESSAGES_ZH:
            monkeypatch.setitem(MESSAGES_ZH, key, text)


@pytest.fixture
def volume(tmp_path) -> Path:
    path = tmp_path / "card"
    (path / "DCIM").mkdir(parents=True)
    (path / "DCIM" / "现场_0001.MP4").write_bytes(b"video one" * 1000)
    (path / "DCIM" / "现场_0002.JPG").write_bytes(b"photo")
    return path


@pytest.fixture
def data(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def services(data):
    opened = []

    def open_at() -> Services:
        db = open_database(data / "zhifa.sqlite3")
        opened.append(db)
        return Services.create(db, bureau=BureauProfile.load(data), workstation="WS-CLI")

    yield open_at
    for db in opened:
        db.dispose()


def zhifa(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), "import", *args])


def test_a_folder_is_imported_by_the_docking_station_then_found_already_stored(data, volume, capsys, services):
    assert zhifa(data, "--device", str(volume)) == EXIT_OK
    out = capsys.readouterr().out
    assert f"importing 文件夹 from {volume} (driver folder)" in out
    assert "[copied   ] DCIM/现场_0001.MP4" in out and "2 copied, 0 already stored, 0 refused, 0 failed" in out
    assert zhifa(data, "--device", str(volume)) == EXIT_OK
    again = capsys.readouterr().out
    assert "[duplicate] DCIM/现场_0002.JPG  已于 " in again and "0 copied, 2 already stored" in again
    evidence = services().evidence
    item = evidence.item(evidence.files(evidence.imports()[-1].uuid)[0].item_uuid)
    assert item.imported_by.startswith("接入站 ") and item.driver == "folder"


def test_a_refused_file_makes_the_exit_code_one(data, volume, capsys):
    (volume / "empty.MP4").write_bytes(b"")
    assert zhifa(data, "--device", str(volume)) == EXIT_FAILED
    assert "[refused  ] empty.MP4  empty.MP4 是空文件" in capsys.readouterr().out


def test_bad_arguments_exit_with_two(data, tmp_path, capsys):
    assert zhifa(data, "--device", str(tmp_path / "missing")) == EXIT_BAD_INPUT
    assert "is not a folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        zhifa(data)
    assert exited.value.code == 2


def test_an_officer_imports_under_their_own_name(data, volume, capsys, monkeypatch, services):
    monkeypatch.setenv("ZHIFA_NEW_PASSWORD", "admin2026x")
    assert main(["--data-dir", str(data), "users", "add", "--username", "zhang", "--name", "张三",
                 "--roles", "admin,section_head"]) == EXIT_OK
    monkeypatch.setenv("ZHIFA_PASSWORD", "wrong-password")
    assert zhifa(data, "--device", str(volume), "--user", "zhang") == EXIT_BAD_INPUT
    monkeypatch.setenv("ZHIFA_PASSWORD", "admin2026x")
    assert zhifa(data, "--device", str(volume), "--user", "zhang") == EXIT_OK
    evidence = services().evidence
    assert evidence.imports()[0].actor_name == "张三"


def test_a_user_without_a_terminal_or_zhifa_password_is_told_which_variable_to_set(data, volume, capsys,
                                                                                    monkeypatch, services):
    monkeypatch.delenv("ZHIFA_PASSWORD", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)  # a docking-station script, input from nowhere
    assert zhifa(data, "--device", str(volume), "--user", "officer") == EXIT_BAD_INPUT
    assert "密码：没有可输入密码的终端，请设置环境变量 ZHIFA_PASSWORD" in capsys.readouterr().err
    assert services().evidence.imports() == []


class FakeManager:
    """Stands for the device manager: one docked device, ready, and nothing else."""

    def __init__(self, devices: list[DockedDevice]):
        self.devices_, self.prepared, self.busy, self.stopped = devices, [], [], False

    def scan_once(self) -> list[DockedDevice]:
        return self.devices_

    def prepare(self, device_id: str):  # type: ignore[no-untyped-def]
        from concurrent.futures import Future

        self.prepared.append(device_id)
        future: Future = Future()
        future.set_result(next(d for d in self.devices_ if d.id == device_id))
        return future

    def set_busy(self, device_id: str, busy: bool) -> None:
        self.busy.append((device_id, busy))

    def stop(self) -> None:
        self.stopped = True


def test_auto_imports_every_ready_device_and_says_which_have_a_problem(data, volume, capsys, services):
    from app.domain.errors import UserError

    ready = DockedDevice(id="usb:1", usb=None, driver=FolderDriver(), info=DeviceInfo(serial="JH0012"), volume=volume,
                         state="ready")
    broken = DockedDevice(id="usb:2", usb=None, driver=None, info=None, volume=None, state="problem",
                          problem=UserError("the device {device} is not ready yet", device="X"))
    manager = FakeManager([ready, broken])
    args = argparse.Namespace(device="auto", user=None, watch=False)
    code = cmd_import(args, services(), manager=manager, sleep=lambda s: None)
    out = capsys.readouterr().out
    assert code == EXIT_FAILED  # one device could not be read
    assert "文件夹 JH0012: 2 files" in out and "2 copied" in out and "usb:2: 设备 X 尚未就绪" in out
    assert manager.prepared == ["usb:1"] and manager.busy == [("usb:1", True), ("usb:1", False)]
    assert manager.stopped
    assert cmd_import(args, services(), manager=FakeManager([]), sleep=lambda s: None) == EXIT_FAILED
    assert "no device is docked" in capsys.readouterr().out


def test_watch_keeps_importing_until_interrupted(data, volume, capsys, services):
    ready = DockedDevice(id="usb:1", usb=None, driver=FolderDriver(), info=DeviceInfo(serial="JH0012"), volume=volume,
                         state="ready", prepared=True)
    polls = []

    def sleep(seconds):  # type: ignore[no-untyped-def]
        polls.append(seconds)
        if len(polls) > 2:
            raise KeyboardInterrupt

    args = argparse.Namespace(device="auto", user=None, watch=True)
    assert cmd_import(args, services(), manager=FakeManager([ready]), sleep=sleep) == EXIT_OK
    assert capsys.readouterr().out.count("2 copied") == 1  # imported once while it stayed docked


def test_an_unfinished_import_of_the_device_is_resumed_then_new_files_are_imported(data, volume, capsys, services):
    from app.domain.officers import Actor, Role
    from app.services.evidence import ImportSource

    evidence = services().evidence
    info = DeviceInfo(serial="JH0012")
    station = Actor("station:x", "接入站 x", Role.SYSTEM)
    evidence.plan(ImportSource(volume, FolderDriver(), info, "cam"), station)  # planned, never run (unplugged)
    (volume / "DCIM" / "new.MP4").write_bytes(b"recorded after")
    ready = DockedDevice(id="usb:1", usb=None, driver=FolderDriver(), info=info, volume=volume, state="ready",
                         prepared=True)
    args = argparse.Namespace(device="auto", user=None, watch=False)
    assert cmd_import(args, services(), manager=FakeManager([ready]), sleep=lambda s: None) == EXIT_OK
    out = capsys.readouterr().out
    assert out.index("resuming 文件夹 JH0012") < out.index("importing 文件夹 JH0012")
    assert "2 files (0.0 MB): 2 copied" in out and "3 files (0.0 MB): 1 copied, 2 already stored" in out
    assert evidence.unfinished() == []


def test_a_sample_body_camera_folder_gets_its_driver(data, tmp_path, capsys):
    from tests.fakes.device_trees import build_tree

    volume = build_tree("ga947", tmp_path / "ga947")
    code = zhifa(data, "--device", str(volume))
    out = capsys.readouterr().out
    assert "(driver ga947)" in out, out
    assert code in (EXIT_OK, EXIT_FAILED)
