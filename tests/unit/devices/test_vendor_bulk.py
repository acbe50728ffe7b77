"""The ZF body camera driver: frames (pure), then the driver against a Python fake of the device."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.devices.base import SHANGHAI, UsbInfo
from app.devices.errors import ProtocolError
from app.domain.errors import UserCancelled, UserError
from drivers import vendor_bulk as vb
from tests.unit.devices.fakecam import FakeCamera, ScriptedHandler

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)
USB = UsbInfo(0x2B7E, 0xA001, 1, 5, (0xFF,), serial="ZFCAM0001")


# ---- frames --------------------------------------------------------------------------------------------
def test_encode_matches_the_documented_example():
    assert vb.encode(vb.LOGIN, b"123456").hex(" ") == "5a 46 01 06 00 31 32 33 34 35 36 3c"
    assert vb.decode(bytes.fromhex("5a46810100" "00" "82")) == (0x81, b"\x00")


def test_decode_ignores_packet_padding_and_round_trips():
    frame = vb.encode(vb.READ_INFO | vb.REPLY, b"\x00" + bytes(range(200)))
    assert vb.decode(frame + bytes(300)) == (vb.READ_INFO | vb.REPLY, b"\x00" + bytes(range(200)))
    assert vb.frame_length(frame[:4]) is None and vb.frame_length(frame) == len(frame)


@pytest.mark.parametrize(("data", "words"), [
    (b"ZF\x81", "short reply (3 bytes)"),
    (b"XY\x81\x01\x00\x00\x82", "does not start with ZF (it starts with 5859)"),
    (b"ZF\x81\x05\x00\x00\x82", "incomplete: 11 bytes announced, 7 received"),
    (b"ZF\x81\x01\x00\x00\x83", "bad checksum (expected 82, got 83)"),
])
def test_bad_frames_are_refused_clearly(data, words):
    with pytest.raises(ProtocolError) as caught:
        vb.decode(data)
    assert words in caught.value.english


def test_reply_must_answer_the_command_and_carry_a_status():
    with pytest.raises(ProtocolError, match="answered command 82 to command 81"):
        vb.reply_status(vb.LOGIN, vb.encode(vb.READ_INFO | vb.REPLY, b"\x00"))
    with pytest.raises(ProtocolError, match="reply to LOGIN carries no status"):
        vb.reply_status(vb.LOGIN, vb.encode(vb.LOGIN | vb.REPLY))
    assert vb.reply_status(vb.LOGIN, vb.encode(0x81, b"\x01\x04")) == (vb.WRONG_PASSWORD, b"\x04")


def test_bcd_clock_both_ways():
    assert vb.bcd_time(NOW).hex() == "20260302100000"
    assert vb.bcd_time(datetime(2026, 3, 2, 2, 0, tzinfo=UTC)).hex() == "20260302100000"  # Beijing
    assert vb.parse_bcd_time(bytes.fromhex("20260302095830")) == NOW - timedelta(seconds=90)
    assert vb.parse_bcd_time(bytes(7)) is None  # a reset clock
    assert vb.parse_bcd_time(bytes.fromhex("2026130209583a")) is None  # not BCD
    assert vb.parse_bcd_time(b"\x20\x26") is None


def test_parse_info_reads_gbk_text_and_skips_unknown_tags():
    from tests.unit.devices.fakecam import RECORD

    info = vb.parse_info(vb.encode_fields(RECORD))
    assert (info.serial, info.officer_no, info.officer_name, info.unit, info.model) == (
        "ZFCAM0001", "031582", "张伟", "某市市场监督管理局综合行政执法支队", "DSJ-Z1")
    assert info.device_time == NOW - timedelta(seconds=90)
    assert info.total_bytes == 61 * 1024**3 and info.free_bytes == 20 * 1024**3
    assert info.extra == {"mode": "protocol", "firmware": "V3.0.2"}
    reset = vb.parse_info(vb.encode_fields([(vb.TAG_SERIAL, b"X"), (vb.TAG_CLOCK, bytes(7))]))
    assert reset.device_time is None and reset.extra["clock_raw"] == "00" * 7
    with pytest.raises(ProtocolError, match="cut short at byte 3"):
        vb.parse_info(b"\x01\x01X\x02\x09abc")


# ---- the driver ------------------------------------------------------------------------------------------
def test_probe_logs_in_and_reads_the_record():
    cam, handler = FakeCamera(), ScriptedHandler("123456")
    info = vb.VendorBulkCamera(USB).probe(cam, None, handler, NOW)
    assert cam.commands() == ["LOGIN", "READ_INFO"]
    assert handler.asked == [(vb.ASK_PASSWORD, {"device": "ZFCAM0001"})]
    assert info.officer_name == "张伟" and info.clock_offset_s is None  # the manager measures the offset


def test_a_wrong_password_says_how_many_attempts_are_left():
    cam, handler = FakeCamera(), ScriptedHandler("000000", "123456")
    vb.VendorBulkCamera(USB).probe(cam, None, handler, NOW)
    assert handler.asked[1] == (vb.ASK_AGAIN_WRONG, {"device": "ZFCAM0001", "left": 4})
    assert [p for c, p in cam.requests if c == vb.LOGIN] == [b"000000", b"123456"]


def test_three_wrong_passwords_give_up_without_locking_the_device():
    cam = FakeCamera()
    with pytest.raises(UserError) as caught:
        vb.VendorBulkCamera(USB).probe(cam, None, ScriptedHandler("000000", "111111", "222222"), NOW)
    assert caught.value.english == ("wrong password entered 3 times: body camera ZFCAM0001 was not unlocked; "
                                    "it allows 2 more attempts")
    assert cam.commands() == ["LOGIN"] * 3


def test_a_password_of_the_wrong_length_is_not_sent():
    cam, handler = FakeCamera(), ScriptedHandler("12345", "123456")
    vb.VendorBulkCamera(USB).probe(cam, None, handler, NOW)
    assert handler.asked[1] == (vb.ASK_AGAIN_LENGTH, {"device": "ZFCAM0001", "length": 5})
    assert cam.commands() == ["LOGIN", "READ_INFO"]


def test_a_locked_device_and_a_declined_prompt():
    with pytest.raises(UserError, match="is locked after too many wrong passwords"):
        vb.VendorBulkCamera(USB).probe(FakeCamera(attempts_left=0), None, ScriptedHandler("123456"), NOW)
    with pytest.raises(UserError, match="is locked"):  # the last attempt used up
        vb.VendorBulkCamera(USB).probe(FakeCamera(attempts_left=1), None, ScriptedHandler("000000"), NOW)
    cam = FakeCamera()
    with pytest.raises(UserCancelled):
        vb.VendorBulkCamera(USB).probe(cam, None, ScriptedHandler(UserCancelled()), NOW)
    assert cam.requests == []


def test_prepare_sets_the_clock_then_switches_to_storage_mode_without_asking_again():
    cam, handler = FakeCamera(), ScriptedHandler("123456")
    driver = vb.VendorBulkCamera(USB)
    driver.probe(cam, None, handler, NOW)
    later = NOW + timedelta(minutes=3)
    driver.prepare(cam, handler, later)
    assert cam.commands() == ["LOGIN", "READ_INFO", "SET_CLOCK", "STORAGE_MODE"]
    assert cam.clock == bytes.fromhex("20260302100300") and cam.storage_mode
    assert len(handler.asked) == 1


def test_an_expired_session_logs_in_again_with_the_remembered_password():
    cam, handler = FakeCamera(session_commands=1), ScriptedHandler("123456")
    driver = vb.VendorBulkCamera(USB)
    driver.probe(cam, None, handler, NOW)
    driver.prepare(cam, handler, NOW)
    assert cam.commands() == ["LOGIN", "READ_INFO", "SET_CLOCK", "LOGIN", "SET_CLOCK", "STORAGE_MODE", "LOGIN",
                              "STORAGE_MODE"]
    assert len(handler.asked) == 1


def test_prepare_in_storage_mode_sends_nothing_and_probe_reads_the_card(tmp_path):
    (tmp_path / "DEVINFO.TXT").write_bytes("设备编号=ZFCAM0001\r\n警号=031582\r\n".encode("gbk"))
    driver = vb.VendorBulkCamera(UsbInfo(0x2B7E, 0xA002, 1, 7, (0x08,), serial="ZFCAM0001"))
    driver.prepare(None, ScriptedHandler(), NOW)
    info = driver.probe(None, tmp_path, ScriptedHandler(), NOW)
    assert (info.serial, info.officer_no) == ("ZFCAM0001", "031582")


def test_a_corrupt_reply_is_a_protocol_error():
    def flip(command, reply):
        return reply[:-1] + bytes([reply[-1] ^ 0xFF]) if command == vb.READ_INFO else reply

    with pytest.raises(ProtocolError, match="bad checksum"):
        vb.VendorBulkCamera(USB).probe(FakeCamera(tamper=flip), None, ScriptedHandler("123456"), NOW)


def test_a_refused_command_names_it():
    cam = FakeCamera(record=[])
    driver = vb.VendorBulkCamera(USB)
    driver.probe(cam, None, ScriptedHandler("123456"), NOW)
    with pytest.raises(ProtocolError, match=r"refused SET_CLOCK \(status 4\)"):
        driver._command(cam, ScriptedHandler(), vb.SET_CLOCK, b"\x20")


def test_declared_ids_match_both_modes():
    assert vb.VendorBulkCamera.matches(USB)
    assert vb.VendorBulkCamera.matches(UsbInfo(0x2B7E, 0xA002, 1, 7, (0x08,)))
    assert not vb.VendorBulkCamera.matches(UsbInfo(0x2B7E, 0xA003, 1, 7, (0x08,)))
    assert vb.VendorBulkCamera.WRITES_TO_DEVICE
