"""The statistics page: computed in the background when first shown, figures and bars as the
service counts them, Refresh (F5) counts again, errors shown, both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.domain.cases import CaseKind
from app.domain.errors import ValidationError
from app.domain.money import format_yuan
from app.services.demo import DemoSeeder
from app.services.statistics import StatisticsService
from app.ui.labels import kind_label, stage_label
from app.ui.statistics.statistics_page import StatisticsPage
from tests.fakes.leads import lead
from tests.gui.windows import activate

pytestmark = pytest.mark.gui


@pytest.fixture
def seeded(world):
    seeder = DemoSeeder(world.services, seed=9, documents=0)
    seeder.seed_walked(80)
    seeder.seed_bulk(1500)
    return world


@pytest.fixture
def open_page(qtbot, language):
    language("zh_CN")

    def make(services) -> StatisticsPage:
        page = StatisticsPage(services)
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.updated, timeout=30_000):
            page.show()  # the first showing computes
        return page

    return make


def test_shows_the_figures_the_service_computes(qtbot, seeded, open_page):
    page = open_page(seeded.services)
    expected = StatisticsService.for_services(seeded.services).compute()
    assert page.statistics == expected
    values = {key: label.text() for key, label in page.values.items()}
    assert values["total"] == f"{expected.total:,}" == "1,580"
    assert values["open"] == f"{expected.open_cases:,}"
    assert values["overdue"].startswith(f"{expected.overdue:,}（占 {expected.open_cases:,} 件的 ")
    assert values["overdue"].endswith(f"{expected.overdue_rate * 100:.1f}%）")
    assert values["closed"] == str(expected.closed_this_year)
    assert values["handling"] == f"{expected.average_handling_days:.1f} 天（{expected.closed_with_dates} 件）"
    assert values["fines"] == format_yuan(expected.fines_decided_fen)
    assert values["collected"].startswith(format_yuan(expected.fines_collected_fen))
    assert values["legal_review"].startswith(f"{expected.legal_reviewed}（占 {expected.decided_ordinary} 件的")
    assert page._captions["closed"].text() == "2026年结案："
    assert page.by_kind.counts() == [(kind_label(k), n) for k, n in expected.by_kind.items()]
    assert page.by_stage.counts() == [(stage_label(s), n) for s, n in expected.by_stage.items() if n]
    assert page.title.text() == "统计" and page.as_of.text() == "统计时间：2026-03-02 10:00"


def test_refresh_counts_again(qtbot, seeded, open_page, rng):
    page = open_page(seeded.services)
    before = page.statistics.total
    seeded.services.cases.open_case_from_lead(seeded.officer, lead(seeded, rng, CaseKind.INSPECTION,
                                                                   matter_code="SJ-JC-001"))
    with qtbot.waitSignal(page.updated, timeout=30_000):
        page.refresh_button.click()
    assert page.statistics.total == before + 1
    assert page.values["total"].text() == f"{before + 1:,}"
    activate(qtbot, page)
    with qtbot.waitSignal(page.updated, timeout=30_000):
        qtbot.keyClick(page, Qt.Key.Key_F5)
    assert page.refresh_button.isEnabled()


def test_an_empty_bureau_shows_dashes_not_zero_rates(qtbot, world, open_page):
    page = open_page(world.services)
    assert page.values["total"].text() == "0"
    assert page.values["overdue"].text() == "0（占 0 件的 —）"
    assert page.values["handling"].text() == "—"
    assert page.by_stage.counts() == []
    assert [n for _, n in page.by_kind.counts()] == [0, 0, 0, 0]


def test_a_user_error_is_shown_and_the_page_stays_usable(qtbot, world, open_page, monkeypatch):
    page = open_page(world.services)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    error = ValidationError("{field}: this field is required", field="deadline")

    def refuse():
        raise error

    monkeypatch.setattr(page._service, "compute", refuse)
    page.refresh_button.click()
    qtbot.waitUntil(lambda: not page.runner.busy)
    assert warned == [error.message]
    assert page.refresh_button.isEnabled() and page.values["total"].text() == "0"


def test_in_english(qtbot, seeded, open_page, language):
    page = open_page(seeded.services)
    language("en")
    qtbot.waitUntil(lambda: page.title.text() == "Statistics")
    assert page._captions["total"].text() == "All cases:"
    assert page._captions["closed"].text() == "Closed in 2026:"
    assert page.values["handling"].text().endswith("cases)")
    assert page.by_kind.counts()[0][0] == "Administrative penalty (ordinary procedure)"
