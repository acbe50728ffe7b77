"""Settings: declared table, validation naming the setting, atomic JSON storage, ZHIFA_HOME."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.config import paths
from app.config.bureau import DEMO_BUREAU, BureauProfile
from app.config.settings import SETTINGS, Settings
from app.domain.errors import ValidationError


@pytest.fixture
def home(zhifa_home) -> Path:
    """The shared fixture (tests/conftest.py) points ZHIFA_HOME at a fresh folder."""
    return Path(zhifa_home)


def write_raw(text: str) -> Path:
    path = paths.config_dir() / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_declared_once_with_description_and_validator():
    assert list(SETTINGS) == ["data_dir", "central_url", "language", "idle_lock_minutes", "font_size",
                             "evidence_flag_days"]
    for setting in SETTINGS.values():
        assert setting.description
        assert setting.validate(setting.default_value()) == setting.default_value()


def test_zhifa_home_redirects_every_folder(home):
    settings = Settings.load()
    assert paths.config_dir() == home / "config"
    assert paths.log_dir() == home / "logs"
    assert paths.data_dir(settings) == home / "data"
    assert paths.database_path(settings) == home / "data" / "zhifa.sqlite3"
    assert settings.path == home / "config" / "settings.json"


def test_defaults_without_a_file(home):
    settings = Settings.load()
    assert settings.errors == []
    assert (settings.language, settings.idle_lock_minutes, settings.font_size) == ("zh_CN", 15, 11)
    assert settings.central_url == ""


@pytest.mark.parametrize(("name", "value"), [
    ("idle_lock_minutes", 0), ("idle_lock_minutes", 241), ("idle_lock_minutes", "15"),
    ("idle_lock_minutes", True), ("font_size", 7), ("font_size", 33), ("font_size", 11.5),
    ("language", "fr"), ("language", None),
    ("central_url", "http://central.example.gov.cn"), ("central_url", "ftp://x"),
    ("central_url", "https://"), ("central_url", "https://host:notaport"), ("central_url", 5),
    ("data_dir", "relative/folder"), ("data_dir", ""), ("data_dir", 3),
])
def test_bad_values_are_refused_naming_the_setting(home, name, value):
    settings = Settings.load()
    with pytest.raises(ValidationError) as caught:
        settings.set(name, value)
    assert caught.value.field == name
    assert name in caught.value.english
    assert settings.is_default(name)


@pytest.mark.parametrize(("name", "value", "stored"), [
    ("central_url", "https://zhifa.jianghai.gov.cn/api", "https://zhifa.jianghai.gov.cn/api"),
    ("central_url", " http://localhost:8000 ", "http://localhost:8000"),
    ("central_url", "http://127.0.0.1:8000", "http://127.0.0.1:8000"),
    ("central_url", "", ""),
    ("language", "en", "en"), ("idle_lock_minutes", 1, 1), ("idle_lock_minutes", 240, 240),
    ("font_size", 32, 32),
])
def test_good_values_are_kept(home, name, value, stored):
    settings = Settings.load()
    settings.set(name, value)
    assert settings.get(name) == stored


def test_unknown_setting_is_refused(home):
    with pytest.raises(ValidationError) as caught:
        Settings.load().set("colour", "red")
    assert caught.value.field == "colour"


def test_round_trip_keeps_unknown_keys_and_writes_only_changes(home):
    write_raw(json.dumps({"language": "en", "from_a_newer_version": {"x": 1}}))
    settings = Settings.load()
    assert settings.language == "en"
    assert settings.unknown == {"from_a_newer_version": {"x": 1}}
    settings.set("font_size", 14)
    settings.set("data_dir", str(home / "elsewhere"))
    settings.save()
    stored = json.loads(settings.path.read_text(encoding="utf-8"))
    assert stored == {"language": "en", "font_size": 14, "data_dir": str(home / "elsewhere"),
                      "from_a_newer_version": {"x": 1}}
    again = Settings.load()
    assert again.font_size == 14
    assert paths.database_path(again) == home / "elsewhere" / "zhifa.sqlite3"


def test_invalid_value_on_load_is_reported_and_default_used(home):
    write_raw(json.dumps({"idle_lock_minutes": 999, "language": "klingon", "font_size": 12}))
    settings = Settings.load()
    assert settings.idle_lock_minutes == 15
    assert settings.language == "zh_CN"
    assert settings.font_size == 12
    assert sorted(e.field for e in settings.errors) == ["idle_lock_minutes", "language"]
    assert all(isinstance(e, ValidationError) for e in settings.errors)


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", "\udcff"])
def test_corrupt_file_gives_defaults_and_is_kept(home, text):
    raw = text.encode("utf-8", "surrogateescape")
    path = paths.config_dir() / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(raw)
    settings = Settings.load()
    assert settings.language == "zh_CN"
    [error] = settings.errors
    assert error.field == "settings_file"
    assert "settings.json.bad" in error.english
    assert (path.parent / "settings.json.bad").read_bytes() == raw
    # a second corruption does not overwrite the first copy
    Settings.load()
    assert (path.parent / "settings.json.bad.1").read_bytes() == raw


def test_save_is_atomic(home, monkeypatch):
    settings = Settings.load()
    settings.set("font_size", 13)
    settings.save()
    before = settings.path.read_bytes()
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))

    def crash(src, dst):
        raise OSError("disk pulled out")

    monkeypatch.setattr(os, "replace", crash)
    settings.set("font_size", 20)
    with pytest.raises(OSError):
        settings.save()
    assert synced, "data must be fsynced before the rename"
    assert settings.path.read_bytes() == before
    assert [p.name for p in settings.path.parent.iterdir()] == ["settings.json"]


def test_bureau_profile_default_and_file(home, tmp_path):
    assert BureauProfile.load(tmp_path) == DEMO_BUREAU
    assert DEMO_BUREAU.code == "JHSJJ" and DEMO_BUREAU.case_prefix == "江海市监"
    (tmp_path / "bureau.json").write_text(json.dumps(
        {"code": "HXSJJ", "name": "海西区市场监督管理局", "case_prefix": "海西市监"}, ensure_ascii=False),
        encoding="utf-8")
    assert BureauProfile.load(tmp_path) == BureauProfile("HXSJJ", "海西区市场监督管理局", "海西市监")


@pytest.mark.parametrize("text", [
    "{", "[]", '{"code": "X", "name": "Y"}', '{"code": "", "name": "Y", "case_prefix": "Z"}'])
def test_broken_bureau_profile_is_refused(tmp_path, text):
    (tmp_path / "bureau.json").write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        BureauProfile.load(tmp_path)
    assert caught.value.field == "bureau"
    assert "bureau.json" in caught.value.english


def test_declared_bounds_and_choices_agree_with_the_validators():
    from app.config.settings import SETTINGS

    for setting in SETTINGS.values():
        if setting.bounds:
            low, high = setting.bounds
            assert setting.validate(low) == low and setting.validate(high) == high
            for outside in (low - 1, high + 1):
                with pytest.raises(ValidationError):
                    setting.validate(outside)
        for choice in setting.choices or ():
            assert setting.validate(choice) == choice
