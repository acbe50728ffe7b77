"""The user-defined file-name pattern language: what matches, what is read, what is refused."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.domain.device_pattern import MAX_LENGTH, SHANGHAI, compile_pattern
from app.domain.errors import ValidationError
from app.domain.messages_zh_drivers import MESSAGES_ZH_DRIVERS


def test_file_name_only_pattern_reads_every_placeholder():
    pattern = compile_pattern("{officer}_{date}_{time}_{seq}.mp4")
    found = pattern.match("DCIM/任意/031582_20260302_101500_007.MP4")
    assert found is not None
    assert found["officer"] == "031582"
    assert found["recorded_at"] == datetime(2026, 3, 2, 10, 15, tzinfo=SHANGHAI)
    assert found["sequence"] == 7
    assert pattern.match("031582_20260302_101500_007.mov") is None
    assert pattern.match("031582_20260302_101500.mp4") is None


def test_folders_make_it_match_the_whole_path():
    pattern = compile_pattern("DCIM/{date}/{serial}_{datetime}*.mp4")
    found = pattern.match("dcim/20260302/DSJ-0012_20260302101500_A.MP4")
    assert found is not None and found["serial"] == "DSJ-0012"
    assert found["recorded_at"] == datetime(2026, 3, 2, 10, 15, tzinfo=SHANGHAI)
    assert found["sequence"] is None
    assert pattern.match("DCIM/20260302/sub/DSJ-0012_20260302101500.mp4") is None  # * stops at /
    assert pattern.match("X/DCIM/20260302/DSJ-0012_20260302101500.mp4") is None


def test_literals_are_literal_and_any_repeats():
    pattern = compile_pattern("录音(1)+[{any}].{any}")
    assert pattern.match("录音(1)+[会议].wav") is not None
    assert pattern.match("录音1+[会议].wav") is None
    assert compile_pattern("a.b").match("axb") is None


def test_a_time_that_is_not_real_matches_without_a_time():
    found = compile_pattern("{datetime}.wav").match("20261399250000.wav")
    assert found is not None and found["recorded_at"] is None
    assert compile_pattern("{date}_{officer}.wav").match("20260302_1.wav")["recorded_at"] is None  # no time


def test_chinese_officer_numbers_are_not_letters_but_the_pattern_can_say_any():
    assert compile_pattern("{officer}.wav").match("张三.wav") is None
    assert compile_pattern("{any}_{seq}.wav").match("张三_12.wav")["sequence"] == 12


@pytest.mark.parametrize(("text", "rule", "english"), [
    ("", "pattern_empty", "file-name pattern: the pattern is empty"),
    ("   ", "pattern_empty", "file-name pattern: the pattern is empty"),
    ("{officer}_{date}_{officr}.mp4", "pattern_placeholder", "file-name pattern: unknown placeholder {officr}"),
    ("{officer_{date}.mp4", "pattern_braces", "file-name pattern: a \"{\" at position 1 is not closed by \"}\""),
    ("{officer.mp4", "pattern_braces", "is not closed"),
    ("officer}.mp4", "pattern_braces", "file-name pattern: a \"}\" at position 8 has no \"{\" before it"),
    ("{seq}_{seq}.mp4", "pattern_repeat", "file-name pattern: the placeholder {seq} appears more than once"),
    ("x" * (MAX_LENGTH + 1), "pattern_length", "longer than 200 characters"),
    ("/DCIM/{seq}.mp4", "pattern_path", "without a leading"),
    ("DCIM\\{seq}.mp4", "pattern_path", "without a leading"),
    ("DCIM/{date}/", "pattern_path", "must end with a file name"),
])
def test_bad_patterns_are_refused_naming_the_problem(text, rule, english):
    with pytest.raises(ValidationError) as caught:
        compile_pattern(text)
    assert caught.value.rule == rule
    assert caught.value.field == "file-name pattern"
    assert english in caught.value.english


@pytest.mark.parametrize("text", ["", "{officr}.mp4", "{a", "a}", "{seq}{seq}", "x" * 300, "/a", "a/"])
def test_refusals_have_a_chinese_text(text):
    with pytest.raises(ValidationError) as caught:
        compile_pattern(text)
    chinese = MESSAGES_ZH_DRIVERS[caught.value.source]
    params = {**caught.value.params, "field": MESSAGES_ZH_DRIVERS[caught.value.field]}
    assert "文件名规则" in chinese.format(**params)


def test_placeholder_names_ignore_case_and_spaces():
    found = compile_pattern("{ Officer }_{SEQ}.wav").match("A1_3.WAV")
    assert found == {"officer": "A1", "seq": "3", "recorded_at": None, "sequence": 3}


def test_a_pattern_of_exactly_the_limit_is_accepted():
    assert compile_pattern("a" * (MAX_LENGTH - 4) + ".mp4").match("A" * (MAX_LENGTH - 4) + ".MP4")
