"""Every English message the device layer and the ZF camera driver raise or ask has a Chinese text with
the same placeholders (until the lead merges MESSAGES_ZH_DEVICES, this is where a missing one fails)."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from app.devices.folder import FolderDriver
from app.domain.messages_zh_devices import MESSAGES_ZH_DEVICES
from drivers import vendor_bulk

ROOT = Path(__file__).resolve().parents[3]
FILES = [*sorted((ROOT / "app" / "devices").glob("*.py")), ROOT / "drivers" / "vendor_bulk.py"]
ERRORS = {"UserError", "ValidationError", "UsbError", "UsbUnavailable", "UsbPermissionDenied", "DeviceGone",
          "DeviceTimeout", "ProtocolError", "EjectFailed"}


def _sources() -> set[str]:
    found = set()
    for path in FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and getattr(node.func, "id", "") in ERRORS:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
    return found | set(vendor_bulk.PROMPTS) | {vendor_bulk.VendorBulkCamera.LABEL, FolderDriver.LABEL}


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_scan_finds_messages_in_every_file():
    sources = _sources()
    assert len(sources) > 35
    assert "the USB device {device} is no longer connected" in sources  # usb.py
    assert "could not unmount {device}: {reason}" in sources  # eject.py
    assert "the body camera sent a short reply ({size} bytes)" in sources  # vendor_bulk.py


def test_every_message_has_a_chinese_text_with_the_same_placeholders():
    missing = sorted(s for s in _sources() if s not in MESSAGES_ZH_DEVICES)
    assert not missing, "\n".join(missing)
    wrong = sorted(s for s in MESSAGES_ZH_DEVICES if _names(s) != _names(MESSAGES_ZH_DEVICES[s]))
    assert not wrong, "\n".join(wrong)
    unused = sorted(set(MESSAGES_ZH_DEVICES) - _sources())
    assert not unused, "\n".join(unused)
