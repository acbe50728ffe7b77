"""Deadline reminders: on start and on every tick, an officer sees their own open cases overdue or
due within 3 working days, a head sees all; double-click opens a case; a tray notification where
the desktop has a tray (offscreen has none: both branches are driven by monkeypatching)."""

from __future__ import annotations

import uuid
from typing import ClassVar

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from app.domain.officers import Role
from app.domain.users import SignedIn, User
from app.services.cases import CaseFilter
from app.services.demo import DemoSeeder
from app.services.statistics import OPEN_STAGES
from app.ui import reminders as reminders_module
from app.ui.reminders import Reminders

pytestmark = pytest.mark.gui


class FakeTray(QObject):
    """Stands in for QSystemTrayIcon where a desktop tray exists."""

    MessageIcon = QSystemTrayIcon.MessageIcon
    messageClicked = Signal()
    activated = Signal(object)
    made: ClassVar[list[FakeTray]] = []

    def __init__(self, icon, parent=None):
        super().__init__(parent)
        self.icon, self.visible, self.messages, self.tip = icon, False, [], ""
        FakeTray.made.append(self)

    def show(self):
        self.visible = True

    def hide(self):
        self.visible = False

    def setToolTip(self, text):
        self.tip = text

    def showMessage(self, title, text, icon, msecs):
        self.messages.append((title, text))


# The module's own names are patched; QSystemTrayIcon itself stays untouched for other tests.
@pytest.fixture
def no_tray(monkeypatch):
    monkeypatch.setattr(reminders_module, "tray_available", lambda: False)


@pytest.fixture
def tray(monkeypatch):
    FakeTray.made = []
    monkeypatch.setattr(reminders_module, "tray_available", lambda: True)
    monkeypatch.setattr(reminders_module, "QSystemTrayIcon", FakeTray)
    return FakeTray.made


@pytest.fixture
def seeded(world):
    seeder = DemoSeeder(world.services, seed=3, documents=0)
    seeder.seed_walked(60)
    seeder.seed_bulk(800)
    return world


@pytest.fixture
def host(qtbot, language):
    language("zh_CN")
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def signed_in(world, role: Role, officer_uuid: str | None = None) -> SignedIn:
    user = User(str(uuid.uuid4()), f"user-{role.value}", "某人", frozenset({role}), officer_uuid)
    return SignedIn(user, role, at=world.clock.now())


def due(world, officer_uuid: str | None, status: str) -> list:
    flt = CaseFilter(stages=OPEN_STAGES, officer_uuid=officer_uuid, deadline=status, sort="next_due",
                     descending=False)
    return world.services.cases.list_cases(flt, 0, 10_000)


def test_an_officer_sees_their_own_cases_due_soon_or_overdue(qtbot, seeded, host, no_tray):
    officer = seeded.officers[0]
    reminders = Reminders(seeded.services, signed_in(seeded, Role.OFFICER, officer.uuid), host)
    reminders.start()
    dialog = reminders.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    overdue, soon = due(seeded, officer.uuid, "overdue"), due(seeded, officer.uuid, "due_soon")
    assert overdue and soon
    shown = [dialog.case_uuid(r) for r in range(dialog.table.rowCount())]
    assert shown == [c.uuid for c in overdue + soon]
    assert all(officer.name in c.officer_names for c in overdue + soon)
    assert dialog.table.item(0, 3).text() == "已超期"
    assert dialog.table.item(len(overdue), 3).text() == "即将到期"
    assert dialog.summary.text() == f"已超期 {len(overdue)} 件，3 个工作日内到期 {len(soon)} 件。"
    assert reminders.tray is None  # no tray on this desktop
    everyone = len(due(seeded, None, "overdue"))
    assert len(overdue) < everyone  # the other officers' cases are not listed


def test_a_head_sees_every_case_and_a_reviewer_gets_no_reminders(qtbot, seeded, host, no_tray):
    head = Reminders(seeded.services, signed_in(seeded, Role.SECTION_HEAD), host)
    head.start()
    assert head.last is not None
    assert head.last.overdue_total == len(due(seeded, None, "overdue"))
    assert head.last.due_soon_total == len(due(seeded, None, "due_soon"))
    reviewer = Reminders(seeded.services, signed_in(seeded, Role.LEGAL_REVIEWER), host)
    reviewer.start()
    assert not reviewer.enabled and reviewer.dialog is None and not reviewer.timer.isActive()
    by_uuid = Reminders(seeded.services, seeded.officers[1].uuid, host)
    assert by_uuid.collect().overdue_total == len(due(seeded, seeded.officers[1].uuid, "overdue"))
    assert Reminders(seeded.services, None, host).collect().overdue_total == head.last.overdue_total


def test_long_lists_say_how_many_more_there_are(qtbot, seeded, host, no_tray, monkeypatch):
    monkeypatch.setattr(reminders_module, "LIST_LIMIT", 5)
    reminders = Reminders(seeded.services, signed_in(seeded, Role.BUREAU_HEAD), host)
    reminders.start()
    last = reminders.last
    assert reminders.dialog.table.rowCount() == 10
    hidden = last.overdue_total + last.due_soon_total - 10
    assert hidden > 0 and f"其余 {hidden} 件未列出" in reminders.dialog.summary.text()


def test_it_checks_again_on_every_tick(qtbot, seeded, host, no_tray, rng):
    from tests.fakes.leads import lead

    reminders = Reminders(seeded.services, signed_in(seeded, Role.SECTION_HEAD), host, interval_ms=50)
    reminders.start()
    before = reminders.last.due_soon_total + reminders.last.overdue_total
    seeded.services.cases.open_case_from_lead(seeded.officer, lead(seeded, rng, days_ago=40))  # filing decision overdue
    with qtbot.waitSignal(reminders.checked, timeout=5000) as checked:
        pass
    assert checked.args[0].due_soon_total + checked.args[0].overdue_total == before + 1
    reminders.stop()
    assert not reminders.timer.isActive()


def test_double_click_asks_to_open_the_case(qtbot, seeded, host, no_tray):
    reminders = Reminders(seeded.services, signed_in(seeded, Role.SECTION_HEAD), host)
    reminders.start()
    table = reminders.dialog.table
    rect = table.visualRect(table.model().index(2, 1))
    opened = []
    reminders.open_case.connect(opened.append)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [reminders.dialog.case_uuid(2)]


def test_nothing_due_shows_nothing(qtbot, world, host, tray):
    reminders = Reminders(world.services, signed_in(world, Role.SECTION_HEAD), host)
    reminders.start()
    assert reminders.last.overdue_total == reminders.last.due_soon_total == 0
    assert reminders.dialog is None and tray == []


def test_a_tray_notification_where_the_desktop_has_a_tray(qtbot, seeded, host, tray):
    reminders = Reminders(seeded.services, signed_in(seeded, Role.SECTION_HEAD), host)
    reminders.start()
    assert len(tray) == 1 and tray[0].visible and not tray[0].icon.isNull()
    last = reminders.last
    text = f"已超期案件 {last.overdue_total} 件，3 个工作日内到期 {last.due_soon_total} 件。"
    assert tray[0].messages == [("期限提醒", text)] and tray[0].tip == text
    reminders.dialog.close()
    tray[0].messageClicked.emit()  # clicking the notification brings the list back
    assert reminders.dialog.isVisible()
    reminders.check_now()
    assert len(tray) == 1 and len(tray[0].messages) == 2  # the same icon, a new message
    reminders.stop()
    assert not tray[0].visible


def test_english(qtbot, seeded, host, no_tray, language):
    language("en")
    reminders = Reminders(seeded.services, signed_in(seeded, Role.SECTION_HEAD), host)
    reminders.start()
    assert reminders.dialog.windowTitle() == "Deadline reminders"
    assert reminders.dialog.table.item(0, 3).text() == "Overdue"

