"""Every English text the drivers show (labels, per-file notes, errors) has a Chinese text with the
same placeholders, and a note with its parameters filled in can still be translated."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from app.domain.messages_zh_drivers import MESSAGES_ZH_DRIVERS, split_note
from drivers import DRIVERS

ROOT = Path(__file__).resolve().parents[2]
MINE = ["drivers/ga947.py", "drivers/rapid_test.py", "drivers/camera.py", "drivers/custom.py",
        "app/domain/device_pattern.py"]


def _texts(path: Path) -> list[str]:
    """NOTE_* constants and the literal first argument of ValidationError / UserError calls."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and any(
                isinstance(t, ast.Name) and t.id.startswith("NOTE_") for t in node.targets):
            found.append(node.value.value)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {"ValidationError", "UserError"}:
            first = node.args[0]
            if isinstance(first, ast.Constant):
                found.append(first.value)
            found += [k.value.value for k in node.keywords if k.arg == "field" and isinstance(k.value, ast.Constant)]
    return found


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("file", MINE)
def test_every_text_has_chinese(file):
    texts = _texts(ROOT / file)
    assert texts
    missing = [t for t in texts if t not in MESSAGES_ZH_DRIVERS]
    assert not missing, missing


def test_labels_and_placeholders():
    assert [d.LABEL for d in DRIVERS if d.__module__ != "drivers.vendor_bulk" and d.LABEL not in MESSAGES_ZH_DRIVERS] \
        == []
    wrong = [s for s, zh in MESSAGES_ZH_DRIVERS.items() if _placeholders(s) != _placeholders(zh)]
    assert not wrong


def test_a_filled_in_note_splits_back_into_its_sources():
    assert split_note("rows that could not be read: 4, 5; the result file holds no results") == [
        ("rows that could not be read: {rows}", {"rows": "4, 5"}), ("the result file holds no results", {})]
    assert split_note("") == []
    assert split_note("something new") == [("something new", {})]
