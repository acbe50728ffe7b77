"""Paths a device lists are checked before anything is opened: nothing may lead outside the volume,
every stored name is printable, and a name that is not UTF-8 is kept (as \\xNN) with a warning."""

from __future__ import annotations

import os

import pytest

from app.domain.errors import UserError
from app.services.evidence import names


@pytest.mark.parametrize("relpath, rule", [
    ("../etc/passwd", "evidence.name.dots"),
    ("DCIM/../../x.mp4", "evidence.name.dots"),
    ("DCIM//x.mp4", "evidence.name.dots"),
    ("./x.mp4", "evidence.name.dots"),
    ("/etc/passwd", "evidence.name.absolute"),
    ("C:/Windows/x.mp4", "evidence.name.absolute"),
    ("c:x.mp4", "evidence.name.absolute"),
    ("DCIM\\..\\..\\x.mp4", "evidence.name.backslash"),
    ("\\\\server\\share\\x.mp4", "evidence.name.backslash"),
    ("DCIM/a\nb.mp4", "evidence.name.control"),
    ("DCIM/a\x7fb.mp4", "evidence.name.control"),
    ("DCIM/a\u202eb.mp4", "evidence.name.control"),  # right-to-left override hides the real extension
    ("x" * 256 + ".mp4", "evidence.name.long"),
    ("执" * 86 + ".mp4", "evidence.name.long"),  # 258 bytes in UTF-8, 90 characters
    ("/".join(["d" * 200] * 6), "evidence.name.long"),
    ("", "evidence.name.empty"),
])
def test_a_path_that_could_lead_elsewhere_or_cannot_be_stored_is_refused(relpath, rule):
    with pytest.raises(UserError) as refused:
        names.check(relpath)
    assert refused.value.rule == rule
    assert "\n" not in refused.value.message and "\x7f" not in refused.value.message


def test_a_chinese_or_emoji_name_is_fine_and_keeps_its_extension():
    checked = names.check("DCIM/20260302/😀 现场取证.JPG")
    assert (checked.printable, checked.name, checked.ext, checked.warnings) == (
        "DCIM/20260302/😀 现场取证.JPG", "😀 现场取证.JPG", ".jpg", ())


@pytest.mark.parametrize("name, ext", [("a.MP4", ".mp4"), ("noext", ""), ("a.b.c.Jpg", ".jpg"), (".hidden", ""),
                                       ("x.verylongextension", ""), ("x.mp4 ", ""), ("x.视频", ""), ("x.h265", ".h265")])
def test_the_stored_extension_is_short_lower_case_ascii_or_nothing(name, ext):
    assert names.check(name).ext == ext


def test_a_name_that_is_not_utf8_is_kept_printable_with_a_warning():
    relpath = os.fsdecode(b"DCIM/caf\xe9 \xff.mp4")
    checked = names.check(relpath)
    assert checked.printable == "DCIM/caf\\xe9 \\xff.mp4"
    assert checked.raw == b"DCIM/caf\xe9 \xff.mp4"  # opened again with the exact bytes
    assert [w.rule for w in checked.warnings] == ["evidence.name.encoding"]
    assert "UTF-8" in checked.warnings[0].message


def test_printable_escapes_control_characters():
    assert names.printable("a\x01b\nc") == "a\\x01b\\x0ac"
