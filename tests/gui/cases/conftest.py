"""A case list over a few thousand bulk cases plus some walked ones (closed, decided, overdue)."""

from __future__ import annotations

import time

import pytest

from app.services.demo import DemoSeeder
from app.ui.cases.case_list_view import CaseListWidget

BULK = 2500
WALKED = 40


class SpyCases:
    """Wraps the case service and records every page asked for; ``delay`` makes each page slow
    (a slow disk), ``failure`` makes pages after the first fail."""

    def __init__(self, inner):
        self._inner = inner
        self.pages: list[tuple[object, int, int]] = []
        self.delay = 0.0
        self.failure: Exception | None = None

    def list_cases(self, flt, offset, limit):
        self.pages.append((flt, offset, limit))
        if self.failure is not None and offset > 0:
            raise self.failure
        time.sleep(self.delay)
        return self._inner.list_cases(flt, offset, limit)

    def __getattr__(self, name):
        return getattr(self._inner, name)


@pytest.fixture
def seeded(world):
    seeder = DemoSeeder(world.services, seed=5, documents=0)
    seeder.seed_walked(WALKED)
    seeder.seed_bulk(BULK)
    return world


@pytest.fixture
def make_list(qtbot, language):
    language("zh_CN")

    def make(services, **kw) -> CaseListWidget:
        widget = CaseListWidget(services, **kw)
        qtbot.addWidget(widget)
        widget.resize(1200, 700)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return make


@pytest.fixture
def case_list(seeded, make_list):
    import dataclasses

    spy = SpyCases(seeded.services.cases)
    widget = make_list(dataclasses.replace(seeded.services, cases=spy))
    widget.spy = spy
    return widget


def loaded_rows(widget):
    """The rows the model holds now (it reads pages only as they are shown)."""
    return widget.model.loaded_rows()
