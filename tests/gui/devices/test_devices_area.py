"""The 设备 area in the main window: after 审批, reachable by Alt+4 (every area keeps its Alt+N), and
the to-do line about evidence waiting too long leads to the triage queue."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.config.settings import Settings
from app.ui.main_window import MainWindow
from drivers import Ga947Camera
from tests.gui.case_view.helpers import days, signed_in
from tests.gui.devices.conftest import MEDIA_LOG, idle, imported, thumbnails_done, write_tree
from tests.gui.windows import activate

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(*MEDIA_LOG)]


@pytest.fixture
def window(qtbot, world, manager, evidence, log_path, tmp_path, language):
    language("zh_CN")
    imported(evidence, world.officer, write_tree("ga947", tmp_path / "card"), Ga947Camera)
    days(world, evidence.flag_days + 2)
    win = MainWindow(world.services, Settings.load(tmp_path / "settings.json"), log_path,
                     signed_in(world, world.officer))
    qtbot.addWidget(win, before_close_func=lambda w: thumbnails_done(qtbot, w.devices.triage))
    win.show()
    qtbot.waitExposed(win)
    idle(qtbot, win.todo.runner)
    return win


def test_devices_is_an_area_after_approvals_with_its_shortcut(qtbot, window):
    names = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert names == ["我的待办", "案件", "审批", "设备", "统计", "设置"]
    assert window.pages.widget(3) is window.devices
    activate(qtbot, window)
    for key, page in ((Qt.Key.Key_4, window.devices), (Qt.Key.Key_6, window.settings_page),
                      (Qt.Key.Key_5, window.statistics), (Qt.Key.Key_1, window.todo)):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda p=page: window.pages.currentWidget() is p)


def test_the_to_do_line_opens_the_triage_queue(qtbot, window, evidence):
    notice = window.todo.triage_notice
    assert notice.isVisible() and f"有 {evidence.flagged_count()} 件证据" in notice.text()
    notice.linkActivated.emit("triage")
    assert window.pages.currentWidget() is window.devices
    assert window.devices.tabs.currentWidget() is window.devices.triage
    idle(qtbot, window.devices.triage.runner)
    assert window.devices.triage.table.rowCount() == evidence.flagged_count()
    assert window.devices.tabs.tabText(1) == f"待关联证据（{evidence.flagged_count()}）"


def test_the_device_manager_is_joined_only_when_the_area_is_first_shown(qtbot, window, manager):
    """Building the manager reads the drivers and the user-defined devices: the first case page does not wait."""
    page = window.devices
    assert page._manager is None and page.bridge is None and manager.handler is not page.handler
    assert not page.bus_timer.isActive()
    window.area(3)
    qtbot.waitUntil(lambda: page._manager is manager)
    assert manager.handler is page.handler and page.bridge is not None and page.bus_timer.isActive()
