"""A ZF body camera in Python: the device side of drivers/notes/vendor_bulk.md behind a UsbLink."""

from __future__ import annotations

from collections.abc import Callable

from drivers import vendor_bulk as vb

RECORD = [
    (vb.TAG_SERIAL, b"ZFCAM0001"),
    (vb.TAG_OFFICER_NO, b"031582"),
    (vb.TAG_NAME, "张伟".encode("gbk")),
    (vb.TAG_UNIT, "某市市场监督管理局综合行政执法支队".encode("gbk")),
    (vb.TAG_MODEL, b"DSJ-Z1"),
    (vb.TAG_CLOCK, bytes.fromhex("20260302095830")),  # 90 s behind 10:00:00
    (vb.TAG_FIRMWARE, b"V3.0.2"),
    (0x7E, b"\x01\x02"),  # a tag from a newer firmware: skipped
    (vb.TAG_TOTAL_MB, (61 * 1024).to_bytes(4, "little")),
    (vb.TAG_FREE_MB, (20 * 1024).to_bytes(4, "little")),
]


class FakeCamera:
    def __init__(self, password: str = "123456", attempts_left: int = 5, record: list | None = None,
                 session_commands: int | None = None, tamper: Callable[[int, bytes], bytes] | None = None):
        self.password = password
        self.attempts_left = attempts_left
        self.record = RECORD if record is None else record
        self.session_commands = session_commands  # commands a session lasts, None: forever
        self.tamper = tamper  # (command, reply frame) -> what is really sent
        self.logged_in = False
        self.used = 0
        self.requests: list[tuple[int, bytes]] = []
        self.clock: bytes | None = None
        self.storage_mode = False
        self._replies: list[bytes] = []
        self.closed = False

    def write(self, endpoint: int, data: bytes, timeout_ms: int = 2000) -> int:
        assert endpoint == vb.EP_OUT
        command, payload = vb.decode(data)
        self.requests.append((command, payload))
        reply = vb.encode(command | vb.REPLY, self._answer(command, payload))
        self._replies.append(self.tamper(command, reply) if self.tamper else reply)
        return len(data)

    def read(self, endpoint: int, size: int, timeout_ms: int = 2000) -> bytes:
        assert endpoint == vb.EP_IN and size == vb.PACKET
        return self._replies.pop(0)

    def close(self) -> None:
        self.closed = True

    def _answer(self, command: int, payload: bytes) -> bytes:
        if command == vb.LOGIN:
            if self.attempts_left == 0:
                return bytes([vb.LOCKED])
            if payload == self.password.encode():
                self.logged_in, self.used, self.attempts_left = True, 0, 5
                return bytes([vb.OK])
            self.attempts_left -= 1
            return bytes([vb.WRONG_PASSWORD, self.attempts_left])
        if not self.logged_in:
            return bytes([vb.LOGIN_REQUIRED])
        self.used += 1
        if self.session_commands is not None and self.used > self.session_commands:
            self.logged_in = False
            return bytes([vb.LOGIN_REQUIRED])
        if command == vb.READ_INFO:
            return bytes([vb.OK]) + vb.encode_fields(self.record)
        if command == vb.SET_CLOCK and len(payload) == 7:
            self.clock = payload
            return bytes([vb.OK])
        if command == vb.STORAGE_MODE:
            self.storage_mode, self.logged_in = True, False
            return bytes([vb.OK])
        return bytes([vb.BAD_REQUEST])

    def commands(self) -> list[str]:
        return [vb.COMMAND_NAMES[c] for c, _p in self.requests]


class ScriptedHandler:
    """Answers password prompts from a list; records every prompt with its parameters."""

    def __init__(self, *passwords: str | BaseException):
        self.passwords = list(passwords)
        self.asked: list[tuple[str, dict]] = []
        self.messages: list[tuple[str, dict]] = []

    def ask_password(self, text: str, /, **params: object) -> str:
        self.asked.append((text, params))
        answer = self.passwords.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    def show_message(self, text: str, /, **params: object) -> None:
        self.messages.append((text, params))

    def ask_yes_no(self, text: str, /, **params: object) -> bool:
        self.messages.append((text, params))
        return True
