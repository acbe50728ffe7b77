"""The sign-in dialog over the real AuthService: success, a person with several roles, wrong
passwords and the lock after them, the first administrator of a fresh installation, offline."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from app.domain.officers import Role
from app.domain.users import SignInFailed, User
from app.services.auth import MAX_FAILED_SIGN_INS, CentralUnreachable
from app.ui.signin import SignInDialog
from tests.gui.signin.helpers import PASSWORD, make_admin, with_fast_auth

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")]
BUREAU = "江海区市场监督管理局"


@pytest.fixture
def services(world):
    return with_fast_auth(world)


@pytest.fixture
def liming(services, world) -> User:
    admin = make_admin(services, world.clock)
    return services.auth.create_user(admin, "liming", "李明", frozenset({Role.OFFICER}), PASSWORD,
                                     officer_uuid=world.officers[0].uuid)


def open_dialog(qtbot, auth) -> SignInDialog:
    dialog = SignInDialog(auth, BUREAU)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def sign_in(qtbot, dialog: SignInDialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.runner.busy)


def test_a_person_with_one_role_signs_in_at_once(qtbot, services, liming, language):
    language("zh_CN")
    dialog = open_dialog(qtbot, services.auth)
    assert dialog.windowTitle() == "执法办案：登录"
    assert dialog.heading.text() == BUREAU
    assert dialog.password.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.ok_button.text() == "登录(&S)"
    with qtbot.waitSignal(dialog.accepted):
        sign_in(qtbot, dialog, "liming", PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    signed = dialog.signed_in
    assert signed is not None and signed.user == liming and signed.role is Role.OFFICER and not signed.offline


def test_a_person_with_several_roles_picks_one(qtbot, services, world):
    admin = make_admin(services, world.clock)
    services.auth.create_user(admin, "chen", "陈科长", frozenset({Role.SECTION_HEAD, Role.LEGAL_REVIEWER}), PASSWORD)
    dialog = open_dialog(qtbot, services.auth)
    assert not dialog.role.isVisible()
    sign_in(qtbot, dialog, "chen", PASSWORD)
    assert dialog.isVisible() and dialog.signed_in is None
    assert dialog.role.isVisible() and not dialog.password.isEnabled()
    assert [dialog.role.itemData(i) for i in range(dialog.role.count())] == [Role.SECTION_HEAD, Role.LEGAL_REVIEWER]
    assert dialog.role.currentData() == Role.SECTION_HEAD
    dialog.role.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.signed_in.role is Role.LEGAL_REVIEWER


def test_a_wrong_password_is_said_inline_and_the_password_cleared(qtbot, services, liming):
    dialog = open_dialog(qtbot, services.auth)
    sign_in(qtbot, dialog, "liming", "wrong2026")
    assert dialog.isVisible() and dialog.signed_in is None
    assert dialog.error.isVisible() and dialog.error.text() == "用户名或密码错误"
    assert dialog.password.text() == "" and dialog.focusWidget() is dialog.password
    assert dialog.username.text() == "liming"
    sign_in(qtbot, dialog, "liming", PASSWORD)
    assert dialog.signed_in is not None and dialog.signed_in.user == liming


def test_an_empty_password_is_not_even_sent(qtbot, services, liming):
    dialog = open_dialog(qtbot, services.auth)
    dialog.username.setText("liming")
    dialog.submit()
    assert not dialog.runner.busy and dialog.error.text() and dialog.focusWidget() is dialog.password


def test_repeated_wrong_passwords_lock_the_account(qtbot, services, liming):
    dialog = open_dialog(qtbot, services.auth)
    for _ in range(MAX_FAILED_SIGN_INS):
        sign_in(qtbot, dialog, "liming", "wrong2026")
    assert dialog.error.text().startswith("登录失败次数过多，该账户已锁定至 2026-03-02 10:05")
    sign_in(qtbot, dialog, "liming", PASSWORD)  # the right one is refused too while locked
    assert dialog.signed_in is None and "已锁定" in dialog.error.text()


def test_a_fresh_installation_creates_the_first_administrator(qtbot, services, language):
    language("zh_CN")
    assert not services.auth.has_users()
    dialog = open_dialog(qtbot, services.auth)
    form = dialog.first_admin
    assert dialog.pages.currentWidget() is form and form.isVisible() and not dialog.username.isVisible()
    assert dialog.ok_button.text() == "创建并登录(&C)"
    form.username.setText("admin")
    form.display_name.setText("郑晓东")
    form.password.setText("admin2026x")
    form.repeat.setText("admin2026y")
    dialog.submit()
    assert dialog.error.text() == "两次输入的密码不一致。" and form.repeat.text() == ""
    assert not services.auth.has_users()
    form.repeat.setText("admin2026x")
    form.password.setText("short")
    form.repeat.setText("short")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.runner.busy)
    assert dialog.error.text() == "密码：密码至少 8 位，须同时包含字母和数字"
    assert dialog.focusWidget() is form.password and not services.auth.has_users()
    form.password.setText("admin2026x")
    form.repeat.setText("admin2026x")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    signed = dialog.signed_in
    assert signed.role is Role.ADMIN and signed.user.username == "admin" and signed.user.display_name == "郑晓东"
    assert [u.username for u in services.auth.users()] == ["admin"]


@dataclass
class FakeCentral:
    user: User
    reachable: bool = True
    asked: list[str] = field(default_factory=list)

    def sign_in(self, username: str, password: str) -> User:
        self.asked.append(username)
        if not self.reachable:
            raise CentralUnreachable("connection refused")
        if (username, password) != (self.user.username, PASSWORD):
            raise SignInFailed("wrong user name or password", rule="central")
        return self.user


def test_an_offline_sign_in_says_so_before_the_window_opens(qtbot, world, language):
    language("zh_CN")
    central = FakeCentral(User("c-1", "zhoujun", "周军", frozenset({Role.SUPERVISOR})))
    services = with_fast_auth(world, central)
    make_admin(services, world.clock)  # a local account exists: the dialog offers the sign-in form
    online = open_dialog(qtbot, services.auth)
    sign_in(qtbot, online, "zhoujun", PASSWORD)  # verified centrally: remembered for offline use
    assert online.signed_in is not None, online.error.text()
    assert not online.signed_in.offline and not online.notice.isVisible()

    central.reachable = False
    dialog = open_dialog(qtbot, services.auth)
    sign_in(qtbot, dialog, "zhoujun", PASSWORD)
    assert central.asked == ["zhoujun", "zhoujun"]
    assert dialog.signed_in is None and dialog.notice.isVisible() and "离线" in dialog.notice.text()
    assert not dialog.role.isVisible() and dialog.ok_button.text() == "继续(&O)"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    assert dialog.signed_in.offline and dialog.signed_in.user.username == "zhoujun"
