"""Faults while importing, injected through the engine's file hooks: an unreadable sector fails one file
(with the offset) and the import goes on; a truncated or changing file fails; a full disk, a pulled
device or an unwritable store stops the import, which resumes where it stopped. Whatever happens,
the store holds only complete files named by their hash, and no partial copy is kept."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from app.domain.evidence import FileOutcome, ImportState
from app.services.evidence import CopyHooks
from app.services.evidence import importer as importer_module
from app.services.evidence.copier import open_source, read_chunk
from tests.unit.services.evidence.conftest import blob, check_store, outcomes, source, write_tree

MiB = 1 << 20
FILES = {f"DCIM/{i:02d}.MP4": blob(MiB + 1000 * i, i) for i in range(6)}


class Device:
    """Fault injection: which file an fd reads, how far it got, and what goes wrong where."""

    def __init__(self, volume: Path):
        self.volume, self.fds, self.pos, self.opened = volume, {}, {}, []
        self.on_open = None  # (name, count) -> None, before the file is opened
        self.fail_at: dict[str, tuple[int, int]] = {}  # name -> (offset, errno)
        self.eof_at: dict[str, int] = {}
        self.on_read = None  # (name, position) -> None

    def open(self, volume: str, raw: bytes) -> int:
        name = raw.decode()
        self.opened.append(name)
        if self.on_open:
            self.on_open(name, len(self.opened))
        fd = open_source(volume, raw)
        self.fds[fd], self.pos[fd] = name, 0
        return fd

    def read(self, fd: int, buf) -> int:  # type: ignore[no-untyped-def]
        name, pos = self.fds.get(fd), self.pos.get(fd, 0)
        limit = len(buf)
        if name in self.fail_at:
            at, code = self.fail_at[name]
            if pos >= at:
                raise OSError(code, os.strerror(code))
            limit = min(limit, at - pos)
        if name in self.eof_at:
            limit = min(limit, self.eof_at[name] - pos)
            if limit <= 0:
                return 0
        if self.on_read:
            self.on_read(name, pos)
        n = os.readv(fd, [memoryview(buf)[:limit]]) if limit < len(buf) else read_chunk(fd, buf)
        self.pos[fd] = pos + n
        return n


@pytest.fixture
def device(volume) -> Device:
    write_tree(volume, FILES)
    return Device(volume)


def run(evidence, world, volume, plan=None):  # type: ignore[no-untyped-def]
    plan = plan or evidence.plan(source(volume), world.officer)
    return evidence.run(plan.uuid, world.officer), plan


def healthy(make_evidence):  # type: ignore[no-untyped-def]
    return make_evidence()


def test_an_unreadable_sector_fails_that_file_with_its_offset_and_the_import_goes_on(world, make_evidence, volume,
                                                                                    device):
    device.fail_at["DCIM/02.MP4"] = (MiB + 123, errno.EIO)
    evidence = make_evidence(CopyHooks(read=device.read, open=device.open))
    record, plan = run(evidence, world, volume)
    assert (record.state, record.copied, record.failed) == (ImportState.DONE, 5, 1)
    outcome, text = outcomes(evidence, plan.uuid)["DCIM/02.MP4"]
    assert outcome == "failed" and f"在第 {MiB + 123} 字节处读取出错" in text
    assert check_store(evidence) == 5
    again, _ = run(healthy(make_evidence), world, volume, plan)  # the sector reads this time
    assert (again.copied, again.failed, again.pending) == (6, 0, 0)
    assert check_store(evidence) == 6


def test_a_file_that_ends_early_or_changes_while_copied_fails_and_nothing_of_it_is_kept(world, make_evidence,
                                                                                        volume, device):
    device.eof_at["DCIM/01.MP4"] = 4096
    changed = []

    def touch(name, pos):  # type: ignore[no-untyped-def]
        if name == "DCIM/03.MP4" and pos > 0 and not changed:
            changed.append(name)
            os.utime(volume / name, (1, 1))

    device.on_read = touch
    evidence = make_evidence(CopyHooks(read=device.read, open=device.open))
    plan = evidence.plan(source(volume), world.officer)
    (volume / "DCIM/05.MP4").write_bytes(b"shorter now")  # truncated on the device after it was listed
    record, _ = run(evidence, world, volume, plan)
    got = outcomes(evidence, plan.uuid)
    assert got["DCIM/01.MP4"] == ("failed", f"DCIM/01.MP4 不完整：只读到 {MiB + 1000} 字节中的 4096 字节")
    assert got["DCIM/03.MP4"] == ("failed", "DCIM/03.MP4 在复制过程中被设备修改")
    assert got["DCIM/05.MP4"] == ("failed", f"DCIM/05.MP4 的大小在读取设备后发生了变化（{MiB + 5000} → 11 字节）")
    assert (record.state, record.copied, record.failed) == (ImportState.DONE, 3, 3)
    assert check_store(evidence) == 3


def test_a_full_disk_stops_the_import_deletes_the_partial_copy_and_says_how_much_space_is_needed(
        world, make_evidence, volume, device):
    def write(fd, data):  # type: ignore[no-untyped-def]
        if device.opened[-1] == "DCIM/02.MP4":  # one copying thread: the file opened last
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return os.write(fd, data)

    evidence = make_evidence(CopyHooks(write=write, open=device.open), workers=1)
    record, plan = run(evidence, world, volume)
    assert record.state is ImportState.STOPPED and record.copied == 2
    assert record.stop_reason.startswith("证据磁盘已满：还需要 5 MB，可用 ")  # the 4 files left
    assert outcomes(evidence, plan.uuid)["DCIM/02.MP4"][0] == "failed"
    assert check_store(evidence) == 2  # the two copied before stay valid
    assert [r.uuid for r in evidence.unfinished()] == [plan.uuid]
    again, _ = run(healthy(make_evidence), world, volume, plan)
    assert (again.state, again.copied) == (ImportState.DONE, 6)
    assert check_store(evidence) == 6


def test_space_is_checked_before_anything_is_copied(world, evidence, volume, device, monkeypatch):
    monkeypatch.setattr(importer_module, "free_bytes", lambda root: 10 * MiB)
    record, _ = run(evidence, world, volume)
    assert (record.state, record.copied, record.pending) == (ImportState.STOPPED, 0, 6)
    assert record.stop_reason == "证据存储空间不足：需要 71 MB，可用 10 MB"  # 6 MB of files + 64 MB kept free


def test_a_device_pulled_out_mid_import_stops_it_and_it_resumes_when_connected_again(world, make_evidence, volume,
                                                                                    device, tmp_path):
    away = tmp_path / "unplugged"

    def unplug(name, count):  # type: ignore[no-untyped-def]
        if count == 4:
            volume.rename(away)

    device.on_open = unplug
    evidence = make_evidence(CopyHooks(read=device.read, open=device.open), workers=1)
    record, plan = run(evidence, world, volume)
    assert (record.state, record.copied) == (ImportState.STOPPED, 3)
    assert record.stop_reason == f"设备已被拔出（其目录 {volume} 已不存在）：导入已暂停，重新连接后可继续"
    assert check_store(evidence) == 3
    stopped, _ = run(healthy(make_evidence), world, volume, plan)  # still unplugged
    assert stopped.state is ImportState.STOPPED and stopped.stop_reason.startswith("设备未连接")
    away.rename(volume)
    done, _ = run(healthy(make_evidence), world, volume, plan)
    assert (done.state, done.copied, done.failed) == (ImportState.DONE, 6, 0)
    assert check_store(evidence) == 6


def test_an_io_error_because_the_device_is_gone_stops_rather_than_fails(world, make_evidence, volume, device,
                                                                        tmp_path):
    def gone(name, pos):  # type: ignore[no-untyped-def]
        if name == "DCIM/01.MP4" and pos > 0:
            volume.rename(tmp_path / "gone")
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    device.on_read = gone
    evidence = make_evidence(CopyHooks(read=device.read, open=device.open), workers=1)
    record, _plan = run(evidence, world, volume)
    assert (record.state, record.copied) == (ImportState.STOPPED, 1)
    assert "设备已被拔出" in record.stop_reason
    assert check_store(evidence) == 1


@pytest.mark.parametrize("code, text", [(errno.ENOSPC, "证据磁盘已满"), (errno.EIO, "无法写入证据库")])
def test_a_store_that_cannot_flush_stops_the_import_and_keeps_no_partial(world, make_evidence, volume, device,
                                                                         code, text):
    calls = []

    def fsync(fd):  # type: ignore[no-untyped-def]
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(code, os.strerror(code))
        os.fsync(fd)

    evidence = make_evidence(CopyHooks(fsync=fsync), workers=1)
    record, plan = run(evidence, world, volume)
    assert record.state is ImportState.STOPPED and text in record.stop_reason
    assert record.copied == 1
    assert check_store(evidence) == 1
    assert run(healthy(make_evidence), world, volume, plan)[0].copied == 6


def test_a_store_refusing_direct_writes_falls_back_to_ordinary_ones(world, make_evidence, volume, device):
    refused = []

    def write(fd, data):  # type: ignore[no-untyped-def]
        import fcntl

        if fcntl.fcntl(fd, fcntl.F_GETFL) & getattr(os, "O_DIRECT", 0):
            refused.append(fd)
            raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
        return os.write(fd, data)

    evidence = make_evidence(CopyHooks(write=write))
    record, _ = run(evidence, world, volume)
    assert record.copied == 6 and (refused or not getattr(os, "O_DIRECT", 0))
    assert check_store(evidence) == 6
    plain = make_evidence(CopyHooks(direct=False))
    assert plain.verify_item(plain.files(record.uuid)[0].item_uuid)


def test_every_outcome_is_one_of_the_final_ones_after_a_clean_run(world, evidence, volume, device):
    _record, plan = run(evidence, world, volume)
    assert {f.outcome for f in evidence.files(plan.uuid)} == {FileOutcome.COPIED}


def test_a_crash_after_a_file_was_renamed_in_but_before_it_was_recorded_is_completed_on_resume(
        world, make_evidence, volume, device, monkeypatch):
    from app.services.evidence import recording

    real = recording.Recorder.record
    calls = []

    def crash_once(self, f, checked, sha):  # type: ignore[no-untyped-def]
        calls.append(sha)
        if len(calls) == 2:
            raise RuntimeError("power cut")
        return real(self, f, checked, sha)

    monkeypatch.setattr(recording.Recorder, "record", crash_once)
    evidence = make_evidence(workers=1)
    plan = evidence.plan(source(volume), world.officer)
    with pytest.raises(RuntimeError):
        evidence.run(plan.uuid, world.officer)
    orphan = evidence.root / calls[1][:2]
    assert [p.name[:64] for p in orphan.iterdir()] == [calls[1]]  # stored, complete, not yet recorded
    assert evidence.get_import(plan.uuid).state is ImportState.RUNNING  # resumable
    monkeypatch.setattr(recording.Recorder, "record", real)
    done = evidence.run(plan.uuid, world.officer)
    assert (done.state, done.copied) == (ImportState.DONE, 6)
    assert check_store(evidence) == 6
