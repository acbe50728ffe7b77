"""Fixtures for the 证据 GUI tests: those of the device tests (the evidence service over the test
database, message boxes recorded), a camera's card imported, and the committed one-second test video."""

from __future__ import annotations

from pathlib import Path

import pytest

from drivers import GenericCamera, RapidTestDevice
from tests.gui.devices.conftest import boxes, evidence, imported, session, world, write_tree  # noqa: F401

SAMPLE_VIDEO = Path(__file__).parent / "data" / "sample.mp4"  # 1 s, 64x48, H.264 (ffmpeg testsrc)


@pytest.fixture
def case_evidence(world, rng, evidence, tmp_path):  # noqa: F811 - the fixtures imported above
    """A case with a camera's photos and a real video, and a rapid-test kit's results, linked to it."""
    from tests.gui.case_view.helpers import opened

    camera = write_tree("camera", tmp_path / "sd", extra={"DCIM/100MEDIA/MOV_0001.MP4": SAMPLE_VIDEO.read_bytes()})
    imported(evidence, world.officer, camera, GenericCamera)
    imported(evidence, world.officer, write_tree("rapid_test", tmp_path / "kit"), RapidTestDevice)
    case = opened(world, rng)
    items = [t.item for t in evidence.triage(with_proposals=False)]
    evidence.link([i.uuid for i in items], case.uuid, world.officer, how="picked")
    return case, {i.name: i for i in evidence.case_items(case.uuid)}
