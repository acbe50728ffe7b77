"""User administration on the settings page: the accounts table, Add / Edit / Deactivate / Reset
password with the service's own messages inline, and officer records marked by certificate."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.config.settings import Settings
from app.domain.officers import Role
from app.ui.settings import SettingsPage
from app.ui.signin.style import ERROR_COLOR
from tests.gui.signin.helpers import ADMIN_PASSWORD, PASSWORD, make_admin, with_fast_auth

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")]


@pytest.fixture
def services(world):
    return with_fast_auth(world)


@pytest.fixture
def section(qtbot, services, world, tmp_path, language):
    language("zh_CN")
    admin = make_admin(services, world.clock)
    services.auth.create_user(admin, "liming", "李明", frozenset({Role.OFFICER, Role.SECTION_HEAD}), PASSWORD,
                              officer_uuid=world.officers[0].uuid)
    page = SettingsPage(Settings.load(tmp_path / "settings.json"), services, admin)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page.users_section


def row_of(section, username: str) -> list[str]:
    table = section.table
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == username:
            return [table.item(row, c).text() for c in range(table.columnCount())]
    raise AssertionError(f"{username} not listed")


def save_and_wait(qtbot, dialog) -> None:
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.runner.busy)


def select(section, username: str) -> None:
    section.select(next(u.uuid for u in section.users if u.username == username))


def test_the_table_lists_every_account(section):
    headers = [section.table.horizontalHeaderItem(c).text() for c in range(section.table.columnCount())]
    assert headers == ["用户名", "姓名", "角色", "执法人员", "启用"]
    assert row_of(section, "admin") == ["admin", "郑晓东", "系统管理员", "", "是"]
    assert row_of(section, "liming") == ["liming", "李明", "承办人、承办机构负责人", "李明", "是"]
    assert not section.edit_button.isEnabled()  # nothing selected yet


def test_adding_a_user_shows_the_services_messages_until_it_is_right(qtbot, section, services, world):
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    dialog = section.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "添加用户"
    officer = dialog.officer
    texts = [officer.itemText(i) for i in range(officer.count())]
    assert texts[0] == "（不关联执法人员）"
    expired = texts.index("赵强，执法证 440704200002：已于 2025-12-31 过期")
    assert officer.is_marked_invalid(expired)
    assert officer.itemData(expired, Qt.ItemDataRole.ForegroundRole).color() == ERROR_COLOR
    assert texts[1] == "李明，执法证 440704200000：有效期至 2028-12-31" and not officer.is_marked_invalid(1)

    dialog.username.setText("wangfang")
    dialog.display_name.setText("王芳")
    dialog.role_boxes[Role.OFFICER].setChecked(True)
    dialog.password.setText("short")
    dialog.repeat.setText("short")
    save_and_wait(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.text() == "执法人员：承办人须关联执法人员（执法证）记录"
    assert dialog.focusWidget() is officer
    officer.set_officer_uuid(world.officers[1].uuid)
    save_and_wait(qtbot, dialog)
    assert dialog.error.text() == "密码：密码至少 8 位，须同时包含字母和数字"
    assert dialog.focusWidget() is dialog.password
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert row_of(section, "wangfang") == ["wangfang", "王芳", "承办人", "王芳", "是"]
    assert section.selected_user().username == "wangfang"
    assert services.auth.sign_in("wangfang", PASSWORD).user.officer_uuid == world.officers[1].uuid


def test_editing_a_user(qtbot, section, services):
    select(section, "liming")
    qtbot.mouseClick(section.edit_button, Qt.MouseButton.LeftButton)
    dialog = section.dialog
    assert dialog.windowTitle() == "编辑用户" and dialog.username.isReadOnly()
    assert dialog.roles() == {Role.OFFICER, Role.SECTION_HEAD}
    dialog.display_name.setText("李明明")
    dialog.role_boxes[Role.OFFICER].setChecked(False)
    dialog.officer.set_officer_uuid(None)  # unlinking is allowed once the officer role is gone
    with qtbot.waitSignal(dialog.accepted):
        save_and_wait(qtbot, dialog)
    assert row_of(section, "liming") == ["liming", "李明明", "承办机构负责人", "", "是"]
    (user,) = [u for u in services.auth.users() if u.username == "liming"]
    assert user.officer_uuid is None and user.roles == {Role.SECTION_HEAD}


def test_deactivating_asks_first_and_keeps_the_last_administrator(qtbot, section, services, monkeypatch):
    answers, warnings = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes], []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    select(section, "liming")
    assert section.active_button.text() == "停用(&D)"
    section.toggle_active()  # answered No
    assert row_of(section, "liming")[4] == "是"
    section.toggle_active()  # answered Yes
    assert row_of(section, "liming")[4] == "否" and section.active_button.text() == "重新启用(&A)"
    section.toggle_active()  # reactivating needs no question
    assert row_of(section, "liming")[4] == "是"

    select(section, "admin")
    answers.append(QMessageBox.StandardButton.Yes)
    section.toggle_active()
    assert len(warnings) == 1 and warnings[0].endswith("至少须保留一名启用的系统管理员")
    assert row_of(section, "admin")[4] == "是"


def test_resetting_a_password(qtbot, section, services):
    select(section, "liming")
    qtbot.mouseClick(section.password_button, Qt.MouseButton.LeftButton)
    dialog = section.dialog
    assert not dialog.own and not dialog.old_password.isVisible()
    dialog.password.setText("newpass2026")
    dialog.repeat.setText("newpass2027")
    save_and_wait(qtbot, dialog)
    assert dialog.error.text() == "两次输入的密码不一致。" and dialog.repeat.text() == ""
    dialog.repeat.setText("newpass2026")
    with qtbot.waitSignal(dialog.accepted):
        save_and_wait(qtbot, dialog)
    assert services.auth.sign_in("liming", "newpass2026").user.username == "liming"


def test_changing_ones_own_password_asks_for_the_current_one(qtbot, section, services):
    select(section, "admin")
    section.reset_password()
    dialog = section.dialog
    assert dialog.own and dialog.old_password.isVisible()
    dialog.old_password.setText("wrong2026x")
    dialog.password.setText("admin2027x")
    dialog.repeat.setText("admin2027x")
    save_and_wait(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.text().endswith("原密码不正确")
    assert dialog.focusWidget() is dialog.old_password
    dialog.old_password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        save_and_wait(qtbot, dialog)
    assert services.auth.sign_in("admin", "admin2027x").role is Role.ADMIN
