"""The settings page: one editor per declared setting, each checked by its own validator as it is
edited, Save blocked while one is invalid, saving all-or-nothing, and the change announced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.config.settings import SETTINGS, Settings
from app.domain.officers import Role
from app.ui.settings import SettingsPage
from app.ui.settings.setting_editors import ChoiceEditor, FolderEditor, IntEditor, TextEditor
from tests.gui.signin.helpers import PASSWORD, make_admin, with_fast_auth
from tests.gui.windows import activate

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")]


@pytest.fixture
def services(world):
    return with_fast_auth(world)


@pytest.fixture
def admin(services, world):
    return make_admin(services, world.clock)


@pytest.fixture
def officer(services, admin, world):
    services.auth.create_user(admin, "liming", "李明", frozenset({Role.OFFICER}), PASSWORD,
                              officer_uuid=world.officers[0].uuid)
    return services.auth.sign_in("liming", PASSWORD)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings.load(tmp_path / "config" / "settings.json")


def make_page(qtbot, settings, services, session) -> SettingsPage:
    page = SettingsPage(settings, services, session)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def type_into(qtbot, editor, text: str) -> None:
    editor.edit.clear()
    qtbot.keyClicks(editor.edit, text)


def test_one_editor_per_declared_setting_fitting_its_type(qtbot, settings, services, officer, language):
    language("zh_CN")
    page = make_page(qtbot, settings, services, officer)
    assert list(page.editors) == list(SETTINGS)
    assert isinstance(page.editors["data_dir"], FolderEditor)
    assert isinstance(page.editors["central_url"], TextEditor)
    language_editor = page.editors["language"]
    assert isinstance(language_editor, ChoiceEditor)
    assert [language_editor.combo.itemData(i) for i in range(language_editor.combo.count())] == ["zh_CN", "en"]
    spins = {name: page.editors[name] for name in ("idle_lock_minutes", "font_size")}
    assert all(isinstance(e, IntEditor) for e in spins.values())
    assert (spins["idle_lock_minutes"].spin.minimum(), spins["idle_lock_minutes"].spin.maximum()) == (1, 240)
    assert (spins["font_size"].spin.minimum(), spins["font_size"].spin.maximum()) == (8, 32)
    assert spins["idle_lock_minutes"].value() == 15 and language_editor.value() == "zh_CN"
    assert page.editors["data_dir"].value() == str(settings.data_dir)
    assert page._hints["data_dir"].text() == "更改数据文件夹后，下次启动时生效。"
    assert not page.save_button.isEnabled()  # nothing changed yet
    assert page.save_button.text() == "保存(&S)"


def test_an_invalid_value_is_named_inline_and_blocks_save(qtbot, settings, services, officer, language):
    language("zh_CN")
    page = make_page(qtbot, settings, services, officer)
    url = page.editors["central_url"]
    type_into(qtbot, url, "http://central.example.cn")
    error = page.error_labels["central_url"]
    assert error.isVisible() and error.text().startswith("中心服务地址：")
    assert "https" in error.text() and not page.save_button.isEnabled()
    type_into(qtbot, page.editors["data_dir"], "relative/folder")  # a second problem, named separately
    assert page.error_labels["data_dir"].text().startswith("数据文件夹：")
    type_into(qtbot, url, "https://central.example.cn")
    assert not error.isVisible() and not page.save_button.isEnabled()  # data_dir still wrong
    type_into(qtbot, page.editors["data_dir"], str(settings.data_dir))
    assert page.save_button.isEnabled() and not page.invalid
    with qtbot.waitSignal(page.settings_changed) as changed:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert changed.args == [["central_url"]]
    assert json.loads(settings.path.read_text(encoding="utf-8")) == {"central_url": "https://central.example.cn"}
    assert page.saved_label.text() == "已保存。" and not page.save_button.isEnabled()


def test_a_language_change_is_saved_and_announced(qtbot, settings, services, officer):
    page = make_page(qtbot, settings, services, officer)
    combo = page.editors["language"].combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # keyboard: the next language
    assert page.editors["language"].value() == "en" and page.save_button.isEnabled()
    page.editors["font_size"].spin.setValue(14)
    activate(qtbot, page)  # shortcuts work in the active window
    with qtbot.waitSignal(page.settings_changed) as changed:
        qtbot.keyClick(page.editors["font_size"].spin, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert sorted(changed.args[0]) == ["font_size", "language"]
    assert Settings.load(settings.path).language == "en" and Settings.load(settings.path).font_size == 14


def test_saving_is_all_or_nothing(qtbot, settings, services, officer, monkeypatch):
    page = make_page(qtbot, settings, services, officer)
    page.editors["font_size"].spin.setValue(20)
    page.editors["language"].set_value("en")
    page.validate("language")

    def disk_full() -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(settings, "save", disk_full)
    emitted = []
    page.settings_changed.connect(emitted.append)
    with pytest.raises(OSError):
        page.save()
    assert settings.is_default("font_size") and settings.is_default("language")  # nothing half-applied
    assert not settings.path.exists() and emitted == []


def test_a_new_data_folder_is_said_to_apply_at_the_next_start(qtbot, settings, services, officer, tmp_path,
                                                              language):
    language("zh_CN")
    page = make_page(qtbot, settings, services, officer)
    type_into(qtbot, page.editors["data_dir"], str(tmp_path / "elsewhere"))
    with qtbot.waitSignal(page.settings_changed):
        page.save()
    assert settings.data_dir == Path(tmp_path / "elsewhere")
    assert page.saved_label.text() == "已保存。数据文件夹将在下次启动时更改。"


def test_the_folder_button_opens_a_folder_chooser_without_blocking(qtbot, settings, services, officer, tmp_path):
    page = make_page(qtbot, settings, services, officer)
    editor = page.editors["data_dir"]
    qtbot.mouseClick(editor.browse, Qt.MouseButton.LeftButton)
    assert editor.dialog is not None and editor.dialog.isVisible()
    editor.dialog.fileSelected.emit(str(tmp_path))
    editor.dialog.reject()
    assert editor.value() == str(tmp_path) and page.save_button.isEnabled()


def test_user_administration_is_for_administrators_only(qtbot, settings, services, officer, admin):
    assert make_page(qtbot, settings, services, officer).users_section is None
    page = make_page(qtbot, settings, services, admin)
    assert page.users_section is not None and page.users_section.isVisible()
    assert page.users_section.table.rowCount() == 2


def test_the_page_follows_a_language_switch(qtbot, settings, services, admin, language):
    language("en")
    page = make_page(qtbot, settings, services, admin)
    type_into(qtbot, page.editors["central_url"], "ftp://x")
    assert page._labels["language"].text() == "&Language:"
    assert page.users_section.title() == "User administration"
    assert page.error_labels["central_url"].text().startswith("central_url: ")
    language("zh_CN")  # LanguageChange is posted: it arrives with the event loop
    qtbot.waitUntil(lambda: page._labels["language"].text() == "界面语言(&L)：")
    qtbot.waitUntil(lambda: page.users_section.title() == "用户管理")
    assert page.users_section.table.horizontalHeaderItem(0).text() == "用户名"
    assert page.error_labels["central_url"].text().startswith("中心服务地址：")
