"""A body camera (执法记录仪) that speaks a small vendor protocol over USB bulk transfers before it
shows its card as a USB disk. Protocol: drivers/notes/vendor_bulk.md.

Docked, it enumerates as 2b7e:a001 with one vendor-specific interface (class 0xFF): the driver logs in
with the 6-character device password, reads the device record (serial, 警号, name, unit, clock) and,
before an import, sets the device clock and switches it to storage mode; it then re-enumerates as
2b7e:a002 (mass storage) with a GA/T 947 card layout, read by the inherited :class:`Ga947Camera` code.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from app.devices.base import SHANGHAI, DeviceHandler, DeviceInfo, UsbInfo, UsbLink
from app.devices.errors import ProtocolError
from app.domain.errors import UserError
from drivers.ga947 import Ga947Camera

VENDOR = 0x2B7E
PROTOCOL_PID, STORAGE_PID = 0xA001, 0xA002
EP_OUT, EP_IN = 0x02, 0x81
PACKET = 512  # every reply fits one full-speed/high-speed bulk packet
TIMEOUT_MS = 3000
MAGIC = b"ZF"
HEADER = 5  # magic, command, 2-byte length

LOGIN, READ_INFO, SET_CLOCK, STORAGE_MODE = 0x01, 0x02, 0x03, 0x04
REPLY = 0x80
OK, WRONG_PASSWORD, LOCKED, LOGIN_REQUIRED, BAD_REQUEST = 0x00, 0x01, 0x02, 0x03, 0x04
COMMAND_NAMES = {LOGIN: "LOGIN", READ_INFO: "READ_INFO", SET_CLOCK: "SET_CLOCK", STORAGE_MODE: "STORAGE_MODE"}

# READ_INFO reply fields: tag, length, value
TAG_SERIAL, TAG_OFFICER_NO, TAG_NAME, TAG_UNIT, TAG_MODEL, TAG_CLOCK, TAG_FIRMWARE, TAG_TOTAL_MB, TAG_FREE_MB = range(1, 10)
PASSWORD_LEN = 6
MAX_ATTEMPTS = 3

# what the handler is asked (English sources, translated by the handler like any message)
ASK_PASSWORD = "Enter the password of body camera {device}"
ASK_AGAIN_WRONG = ("wrong password: body camera {device} allows {left} more attempts before it locks; enter its "
                   "password")
ASK_AGAIN_LENGTH = ("the password has {length} characters: body camera passwords have 6 letters or digits; enter "
                    "the password of body camera {device}")
PROMPTS = (ASK_PASSWORD, ASK_AGAIN_WRONG, ASK_AGAIN_LENGTH)


# ---- frames (pure) ----------------------------------------------------------------------------------
def checksum(body: bytes) -> int:
    """Sum of command, length and payload bytes, modulo 256."""
    return sum(body) & 0xFF


def encode(command: int, payload: bytes = b"") -> bytes:
    if len(payload) > 0xFFFF:
        raise ValueError("payload too long")
    body = bytes([command]) + len(payload).to_bytes(2, "little") + payload
    return MAGIC + body + bytes([checksum(body)])


def frame_length(data: bytes) -> int | None:
    """The whole frame's length once the header is in, else None."""
    if len(data) < HEADER:
        return None
    return HEADER + int.from_bytes(data[3:5], "little") + 1


def decode(data: bytes) -> tuple[int, bytes]:
    """(command, payload) of one frame; trailing bytes after it are ignored (packet padding)."""
    if len(data) < HEADER + 1:
        raise ProtocolError("the body camera sent a short reply ({size} bytes)", rule="protocol", size=len(data))
    if data[:2] != MAGIC:
        raise ProtocolError("the body camera's reply does not start with ZF (it starts with {start})",
                            rule="protocol", start=data[:2].hex())
    total = frame_length(data)
    assert total is not None
    if len(data) < total:
        raise ProtocolError("the body camera's reply is incomplete: {expected} bytes announced, {size} received",
                            rule="protocol", expected=total, size=len(data))
    body, got = data[2:total - 1], data[total - 1]
    if checksum(body) != got:
        raise ProtocolError("the body camera's reply has a bad checksum (expected {expected}, got {got})",
                            rule="protocol", expected=f"{checksum(body):02x}", got=f"{got:02x}")
    return body[0], bytes(body[3:])


def reply_status(command: int, data: bytes) -> tuple[int, bytes]:
    """(status, data) of the reply to ``command``."""
    got, payload = decode(data)
    if got != command | REPLY:
        raise ProtocolError("the body camera answered command {got} to command {sent}", rule="protocol",
                            got=f"{got:02x}", sent=f"{command | REPLY:02x}")
    if not payload:
        raise ProtocolError("the body camera's reply to {command} carries no status", rule="protocol",
                            command=COMMAND_NAMES.get(command, f"{command:02x}"))
    return payload[0], payload[1:]


def bcd_time(at: datetime) -> bytes:
    """Device clock format: YYYY MM DD hh mm ss as 7 BCD bytes, Beijing time."""
    local = at.astimezone(SHANGHAI) if at.tzinfo else at
    digits = local.strftime("%Y%m%d%H%M%S")
    return bytes(int(digits[i:i + 2], 16) for i in range(0, 14, 2))


def parse_bcd_time(raw: bytes) -> datetime | None:
    """The device clock, or None when it does not hold a real date (a reset clock reads 0000-00-00)."""
    if len(raw) != 7 or any(b >> 4 > 9 or b & 0xF > 9 for b in raw):
        return None
    try:
        return datetime.strptime(raw.hex(), "%Y%m%d%H%M%S").replace(tzinfo=SHANGHAI)
    except ValueError:
        return None


def encode_fields(fields: list[tuple[int, bytes]]) -> bytes:
    """The READ_INFO body (device side; tests and the umockdev scripts build replies with it)."""
    return b"".join(bytes([tag, len(value)]) + value for tag, value in fields)


def parse_info(data: bytes) -> DeviceInfo:
    """The READ_INFO body: tag-length-value fields; unknown tags are skipped, text is ASCII or GBK."""
    values: dict[int, bytes] = {}
    pos = 0
    while pos < len(data):
        if pos + 2 > len(data) or pos + 2 + data[pos + 1] > len(data):
            raise ProtocolError("the body camera's device record is cut short at byte {pos}", rule="protocol",
                                pos=pos)
        tag, size = data[pos], data[pos + 1]
        values.setdefault(tag, data[pos + 2:pos + 2 + size])
        pos += 2 + size

    def text(tag: int) -> str:
        return values.get(tag, b"").decode("gb18030", errors="replace").strip("\0 ")

    def megabytes(tag: int) -> int | None:
        raw = values.get(tag)
        return int.from_bytes(raw, "little") * 1024 * 1024 if raw else None

    extra = {"mode": "protocol"}
    if text(TAG_FIRMWARE):
        extra["firmware"] = text(TAG_FIRMWARE)
    clock = values.get(TAG_CLOCK)
    device_time = parse_bcd_time(clock) if clock is not None else None
    if clock is not None and device_time is None:
        extra["clock_raw"] = clock.hex()
    return DeviceInfo(serial=text(TAG_SERIAL), model=text(TAG_MODEL), officer_no=text(TAG_OFFICER_NO),
                      officer_name=text(TAG_NAME), unit=text(TAG_UNIT), device_time=device_time,
                      total_bytes=megabytes(TAG_TOTAL_MB), free_bytes=megabytes(TAG_FREE_MB), extra=extra)


# ---- the driver --------------------------------------------------------------------------------------
class VendorBulkCamera(Ga947Camera):
    """Matched by USB ids in both modes: with a link (protocol mode, vendor interface) it talks the
    protocol; without one (storage mode) it reads the card like any GA/T 947 camera."""

    NAME: ClassVar[str] = "vendor_bulk"
    LABEL: ClassVar[str] = "Body camera with USB protocol (ZF)"
    KIND: ClassVar[str] = "body_camera"
    VENDOR_ID: ClassVar[tuple[int, ...]] = (VENDOR,)
    PRODUCT_ID: ClassVar[tuple[int, ...]] = (PROTOCOL_PID, STORAGE_PID)
    INTERFACE_CLASS: ClassVar[int | None] = None  # 0xFF in protocol mode, 0x08 in storage mode
    WRITES_TO_DEVICE: ClassVar[bool] = True  # the clock, and the switch to storage mode
    SAMPLE: ClassVar[str] = "ga947"

    def __init__(self, usb: UsbInfo | None = None):
        super().__init__(usb)
        self._password: str | None = None  # kept in memory while docked, so prepare() can log in again
        self._logged_in = False

    def probe(self, link: UsbLink | None, volume: Path | None, handler: DeviceHandler, now: datetime) -> DeviceInfo:
        if link is None:
            return super().probe(None, volume, handler, now)
        self._login(link, handler)
        _status, data = self._command(link, handler, READ_INFO)
        info = parse_info(data)
        if not info.serial and self.usb is not None:
            info = dataclasses.replace(info, serial=self.usb.serial)
        return info

    def prepare(self, link: UsbLink | None, handler: DeviceHandler, now: datetime) -> None:
        if link is None:
            return  # already in storage mode: nothing to send
        self._command(link, handler, SET_CLOCK, bcd_time(now))
        self._command(link, handler, STORAGE_MODE)
        self._logged_in = False  # the device leaves protocol mode and comes back as a disk

    # ---- protocol steps -------------------------------------------------------------------------------
    def _device(self) -> str:
        if self.usb is None:
            return "?"
        return self.usb.serial or self.usb.ids

    def _transact(self, link: UsbLink, command: int, payload: bytes = b"") -> tuple[int, bytes]:
        link.write(EP_OUT, encode(command, payload), TIMEOUT_MS)
        data = link.read(EP_IN, PACKET, TIMEOUT_MS)
        total = frame_length(data)
        while total is not None and len(data) < total and len(data) < 0x10006:
            more = link.read(EP_IN, PACKET, TIMEOUT_MS)
            if not more:
                break
            data += more
        return reply_status(command, data)

    def _command(self, link: UsbLink, handler: DeviceHandler, command: int, payload: bytes = b"") -> tuple[int, bytes]:
        """A command that needs a session: logs in (again) when the device asks for it."""
        self._login(link, handler)
        status, data = self._transact(link, command, payload)
        if status == LOGIN_REQUIRED:
            self._logged_in = False
            self._login(link, handler)
            status, data = self._transact(link, command, payload)
        if status != OK:
            raise ProtocolError("body camera {device} refused {command} (status {status})", rule="protocol",
                                device=self._device(), command=COMMAND_NAMES[command], status=status)
        return status, data

    def _login(self, link: UsbLink, handler: DeviceHandler) -> None:
        if self._logged_in:
            return
        device = self._device()
        prompt: tuple[str, dict[str, object]] = (ASK_PASSWORD, {})
        left: int | None = None
        password, self._password = self._password, None
        for _attempt in range(MAX_ATTEMPTS):
            if password is None:
                text, params = prompt
                password = handler.ask_password(text, device=device, **params)  # UserCancelled unwinds
            if len(password) != PASSWORD_LEN or not password.isascii():
                prompt = (ASK_AGAIN_LENGTH, {"length": len(password)})
                password = None
                continue
            status, data = self._transact(link, LOGIN, password.encode("ascii"))
            if status == OK:
                self._password, self._logged_in = password, True
                return
            if status == LOCKED:
                raise UserError("body camera {device} is locked after too many wrong passwords: have the device "
                                "administrator unlock it", rule="device_password", device=device)
            if status != WRONG_PASSWORD or not data:
                raise ProtocolError("body camera {device} refused {command} (status {status})", rule="protocol",
                                    device=device, command="LOGIN", status=status)
            left = data[0]
            if left == 0:
                raise UserError("body camera {device} is locked after too many wrong passwords: have the device "
                                "administrator unlock it", rule="device_password", device=device)
            prompt = (ASK_AGAIN_WRONG, {"left": left})
            password = None
        if left is None:
            raise UserError("no valid password was entered for body camera {device}", rule="device_password",
                            device=device)
        raise UserError("wrong password entered {attempts} times: body camera {device} was not unlocked; it allows "
                        "{left} more attempts", rule="device_password", attempts=MAX_ATTEMPTS, device=device,
                        left=left)
