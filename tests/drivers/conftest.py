"""Sample device trees for the driver tests, built once per session from FAT32 images."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.errors import UserCancelled
from tests.fakes.device_trees import build_tree, odd_tree


@pytest.fixture(scope="session")
def device_tree(tmp_path_factory) -> Callable[[str], Path]:
    """``device_tree(name)`` -> the extracted sample volume (shared: tests must not change it)."""
    built: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in built:
            built[name] = build_tree(name, tmp_path_factory.mktemp(f"volume-{name}"))
        return built[name]

    return get


@pytest.fixture(scope="session")
def odd_volume(tmp_path_factory) -> Path:
    return odd_tree(tmp_path_factory.mktemp("volume-odd"))


class RecordingHandler:
    """A DeviceHandler that records what a driver asked and declines passwords."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, dict]] = []

    def show_message(self, text: str, /, **params: object) -> None:
        self.calls.append(("show_message", text, params))

    def ask_yes_no(self, text: str, /, **params: object) -> bool:
        self.calls.append(("ask_yes_no", text, params))
        return False

    def ask_password(self, text: str, /, **params: object) -> str:
        self.calls.append(("ask_password", text, params))
        raise UserCancelled()


@pytest.fixture
def handler() -> RecordingHandler:
    return RecordingHandler()
