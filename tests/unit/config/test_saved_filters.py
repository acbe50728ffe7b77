"""Saved case-list filters: per user, unique names, atomic writes, a broken file kept aside."""

from __future__ import annotations

import json
import os

import pytest

from app.config.paths import config_dir
from app.config.saved_filters import SAVED_FILTERS_FILE, SavedFilters
from app.domain.errors import ValidationError


def test_a_new_user_has_none_and_the_default_path_is_in_the_config_folder(zhifa_home):
    saved = SavedFilters.load(username="li")
    assert saved.names() == [] and saved.errors == []
    assert saved.path == config_dir() / SAVED_FILTERS_FILE
    assert str(saved.path).startswith(str(zhifa_home))


def test_put_get_remove_and_reload(tmp_path):
    path = tmp_path / "filters.json"
    saved = SavedFilters.load(path, username="li")
    assert saved.put("  逾期案件 ", {"deadline": "overdue"}) == "逾期案件"
    saved.put("食品", {"matter_code": "SJ-CF-001", "stages": ["investigating"]})
    again = SavedFilters.load(path, username="li")
    assert again.names() == ["逾期案件", "食品"]
    assert again.get("食品") == {"matter_code": "SJ-CF-001", "stages": ["investigating"]}
    assert "逾期案件" in again and again.get("none") is None
    assert again.remove("逾期案件") and not again.remove("逾期案件")
    assert SavedFilters.load(path, username="li").names() == ["食品"]


def test_a_name_is_unique_saving_again_replaces_in_place(tmp_path):
    saved = SavedFilters.load(tmp_path / "f.json", username="li")
    saved.put("a", {"kind": "coercive"})
    saved.put("b", {})
    saved.put("a", {"kind": "inspection"})
    assert saved.names() == ["a", "b"] and saved.get("a") == {"kind": "inspection"}


def test_an_empty_name_is_refused_and_nothing_written(tmp_path):
    path = tmp_path / "f.json"
    saved = SavedFilters.load(path, username="li")
    with pytest.raises(ValidationError) as err:
        saved.put("   ", {"kind": "coercive"})
    assert err.value.field == "name" and err.value.rule == "required"
    assert not path.exists()


def test_each_user_keeps_their_own(tmp_path):
    path = tmp_path / "f.json"
    SavedFilters.load(path, username="li").put("mine", {"kind": "coercive"})
    wang = SavedFilters.load(path, username="wang")
    assert wang.names() == []
    wang.put("hers", {"kind": "inspection"})
    assert SavedFilters.load(path, username="li").names() == ["mine"]  # saving one user's kept the other's
    assert SavedFilters.load(path, username="wang").names() == ["hers"]
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert set(stored["users"]) == {"li", "wang"} and stored["version"] == 1


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"users": []}', "\udcff"])
def test_a_broken_file_is_reported_and_kept_as_bad(tmp_path, content):
    path = tmp_path / "f.json"
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    saved = SavedFilters.load(path, username="li")
    assert saved.names() == []
    assert len(saved.errors) == 1 and saved.errors[0].field == "file"
    assert str(path) in saved.errors[0].message
    bad = tmp_path / "f.json.bad"
    assert bad.read_bytes() == path.read_bytes()  # the original stays until the user saves again
    saved.put("new", {})
    assert SavedFilters.load(path, username="li").names() == ["new"]
    assert bad.exists()


def test_entries_that_are_not_objects_are_skipped(tmp_path):
    path = tmp_path / "f.json"
    path.write_text(json.dumps({"users": {"li": {"ok": {"kind": "coercive"}, "odd": 3}, "wang": "x"}}),
                    encoding="utf-8")
    saved = SavedFilters.load(path, username="li")
    assert saved.names() == ["ok"]
    assert SavedFilters.load(path, username="wang").names() == []


def test_a_failed_write_leaves_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "f.json"
    saved = SavedFilters.load(path, username="li")
    saved.put("kept", {})
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        saved.put("lost", {})
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]  # no temporary file left behind
