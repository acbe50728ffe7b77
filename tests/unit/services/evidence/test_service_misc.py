"""Thumbnails, device definitions entered by an administrator, the evidence setting, and the Chinese
texts of every message the evidence code can show."""

from __future__ import annotations

import ast
import io
import string
from pathlib import Path

import pytest
from PIL import Image

from app.config.settings import Settings
from app.domain.errors import UserError, ValidationError
from app.domain.evidence import DeviceDefinition, MediaKind
from app.domain.messages_zh import MESSAGES_ZH
from app.domain.messages_zh_evidence import MESSAGES_ZH_EVIDENCE
from app.domain.officers import Actor, Role
from tests.unit.services.evidence.conftest import run_import, write_tree

ADMIN = Actor("admin", "管理员", Role.ADMIN)
ROOT = Path(__file__).resolve().parents[4]


def jpeg(size=(800, 600), colour=(200, 30, 30)) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "JPEG")
    return buf.getvalue()


def test_an_image_gets_a_cached_thumbnail_and_a_video_one_handed_in(world, evidence, volume):
    png = io.BytesIO()
    Image.new("RGB", (16, 9)).save(png, "PNG")
    write_tree(volume, {"a.jpg": jpeg(), "b.jpg": b"\xff\xd8 not really a jpeg", "c.mp4": b"video"})
    record = run_import(evidence, world.officer, volume)
    items = {f.original_path: evidence.item(f.item_uuid) for f in evidence.files(record.uuid)}
    thumb = evidence.image_thumbnail(items["a.jpg"])
    assert thumb is not None and thumb.parent == evidence.root / ".thumbs"
    with Image.open(thumb) as img:
        assert max(img.size) == 256 and img.format == "PNG"
    assert evidence.image_thumbnail(items["a.jpg"]) == thumb and evidence.cached_thumbnail(items["a.jpg"]) == thumb
    assert evidence.image_thumbnail(items["a.jpg"], size=64) != thumb
    assert evidence.image_thumbnail(items["b.jpg"]) is None  # unreadable: no thumbnail, no error
    assert evidence.image_thumbnail(items["c.mp4"]) is None and evidence.cached_thumbnail(items["c.mp4"]) is None
    stored = evidence.store_thumbnail(items["c.mp4"], png.getvalue())
    assert evidence.cached_thumbnail(items["c.mp4"]) == stored
    with pytest.raises(ValidationError):
        evidence.store_thumbnail(items["c.mp4"], b"GIF89a")


def test_a_stored_path_must_have_the_form_of_the_store(evidence):
    with pytest.raises(ValidationError):
        evidence.store.path("../../etc/passwd")
    assert evidence.store.path("ab/ab" + "0" * 62 + ".mp4") == evidence.root / "ab" / ("ab" + "0" * 62 + ".mp4")


def definition(**kw) -> DeviceDefinition:  # type: ignore[no-untyped-def]
    base = dict(uuid="", name="某型号录音笔", vendor_id=0x1234, product_id=None, pattern="{officer}_{datetime}.wav",
                kind=MediaKind.AUDIO)
    return DeviceDefinition(**{**base, **kw})


def test_an_administrator_declares_devices_checked_and_audited(world, evidence):
    saved = evidence.save_definition(definition(), ADMIN)
    assert saved.uuid and evidence.definitions() == [saved]
    changed = evidence.save_definition(definition(uuid=saved.uuid, name="录音笔 B", product_id=0x0042), ADMIN)
    assert evidence.definitions() == [changed] and changed.product_id == 0x42
    evidence.delete_definition(saved.uuid, ADMIN)
    assert evidence.definitions() == []
    actions = [e.action for e in world.services.cases.history(saved.uuid)]
    assert actions == ["device_definition.save", "device_definition.save", "device_definition.delete"]
    with pytest.raises(UserError, match="无权修改设备定义"):
        evidence.save_definition(definition(), world.officer)


@pytest.mark.parametrize("bad", [dict(name=" "), dict(vendor_id=0x10000), dict(vendor_id=True), dict(product_id=-1),
                                 dict(pattern="{nonsense}.mp4"), dict(pattern=""), dict(kind="hologram")])
def test_a_bad_device_definition_is_refused(evidence, bad):
    with pytest.raises(ValidationError):
        evidence.save_definition(definition(**bad), ADMIN)
    assert evidence.definitions() == []


def test_the_flag_days_setting_is_declared_with_its_range(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    assert settings.evidence_flag_days == 7
    settings.set("evidence_flag_days", 90)
    for bad in (0, 91, "7", 7.5):
        with pytest.raises(ValidationError):
            settings.set("evidence_flag_days", bad)


# ---- messages -------------------------------------------------------------------------------------------
SCANNED = [*sorted((ROOT / "app/services/evidence").glob("*.py")), *sorted((ROOT / "app/store").glob("evidence_*.py")),
           ROOT / "app/cli_import.py"]
CALLS = {"UserError", "ValidationError", "NotFound", "Refused", "Failed", "Stop", "message", "tr"}


def _sources() -> set[str]:
    found = set()
    for path in SCANNED:
        if not path.exists() or path.name == "custody_report.py":  # helper 5's, with its own messages
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            args = node.args[2:3] if name == "_refuse" else node.args[:1] if name in CALLS else []
            for arg in args:
                for value in ([arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]):
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        found.add(value.value)
    return found


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_evidence_message_has_a_chinese_text_with_the_same_placeholders():
    sources = _sources()
    assert len(sources) > 40 and "{path} is an empty file" in sources
    catalogue = {**MESSAGES_ZH, **MESSAGES_ZH_EVIDENCE}
    missing = sorted(s for s in sources if s not in catalogue)
    assert not missing, missing
    wrong = sorted(s for s in sources if _fields(s) != _fields(catalogue[s]))
    assert not wrong, wrong
