"""The application shell: start-up without a display, the main window over a real database,
paging, search, colours, shortcuts and the language switch."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.bootstrap import build_main_window, open_services
from app.config.settings import Settings
from app.domain.cases import CaseKind, Stage
from app.domain.officers import Role
from app.domain.users import SignedIn, User
from app.services.cases import CaseFilter
from app.services.clock import SHANGHAI, FixedClock
from app.services.demo import seed_demo
from app.ui.cases.case_list_model import CASE_ROW_ROLE, PAGE_SIZE
from app.ui.cases.case_list_view import SEARCH_DEBOUNCE_MS
from app.ui.labels import kind_label, stage_label
from tests.gui.conftest import ROOT, TS_FILES
from tests.gui.windows import activate

SEEDED = 450  # two full pages and a partial one
CLOCK = FixedClock(datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI))  # deadlines must not depend on today
# The offscreen platform cannot raise windows or pass size hints; a real display can.
pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")]


def head_session() -> SignedIn:
    """A section head who also administers (no sign-in needed to test the window)."""
    user = User("u-head", "head", "陈科长", frozenset({Role.SECTION_HEAD, Role.ADMIN}))
    return SignedIn(user, Role.SECTION_HEAD, at=CLOCK.now())


class SpyCases:
    """Wraps the case service and records what the model asks of it."""

    def __init__(self, inner):
        self._inner = inner
        self.counts: list[CaseFilter] = []
        self.pages: list[tuple[CaseFilter, int, int]] = []

    def count(self, flt):
        self.counts.append(flt)
        return self._inner.count(flt)

    def list_cases(self, flt, offset, limit):
        self.pages.append((flt, offset, limit))
        return self._inner.list_cases(flt, offset, limit)

    def __getattr__(self, name):
        return getattr(self._inner, name)


@pytest.fixture(scope="module")
def seeded_home(tmp_path_factory):
    """One seeded database for the module (seeding is the slow part); tests only read it."""
    home = tmp_path_factory.mktemp("seeded")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ZHIFA_HOME", str(home))
        services = open_services(Settings.load(), clock=CLOCK)
        seed_demo(services, cases=SEEDED)
        services.database.dispose()
    return home


@pytest.fixture
def window(qtbot, seeded_home, monkeypatch, log_path, language):
    monkeypatch.setenv("ZHIFA_HOME", str(seeded_home))
    language("zh_CN")
    settings = Settings.load()
    services = open_services(settings, clock=CLOCK)
    spy = SpyCases(services.cases)
    win = build_main_window(dataclasses.replace(services, cases=spy), settings, log_path, head_session())
    win.spy = spy
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    services.database.dispose()


def test_without_a_display_it_exits_with_a_clear_message(tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("the display check applies to Linux")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["ZHIFA_HOME"] = str(tmp_path)
    code = "import app.bootstrap as b; raise SystemExit(b.run_gui([]))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 2, result.stderr
    assert "xvfb-run zhifa" in result.stderr
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "图形显示" in result.stderr
    assert "Aborted" not in result.stderr and "could not" not in result.stderr.lower()
    assert "no display" in (tmp_path / "logs" / "zhifa.log").read_text(encoding="utf-8")


def test_run_gui_starts_the_whole_application(tmp_path):
    script = (
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import app.bootstrap as b\n"
        "qapp = QApplication(['zhifa'])\n"
        "def done():\n"
        "    print('windows:', [w.objectName() for w in qapp.topLevelWidgets() if w.isVisible()])\n"
        "    qapp.quit()\n"
        "QTimer.singleShot(200, done)\n"
        "raise SystemExit(b.run_gui([]))\n"
    )
    env = dict(os.environ, ZHIFA_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "signInDialog" in result.stdout  # who is there, before any case is shown
    assert (tmp_path / "data" / "zhifa.sqlite3").is_file()
    logged = (tmp_path / "logs" / "zhifa.log").read_text(encoding="utf-8")
    assert "starting" in logged and "exiting with code 0" in logged


def test_counts_every_case_but_reads_only_the_pages_shown(qtbot, window, monkeypatch):
    from app.ui.cases import case_list_model

    model, table, spy = window.cases.list.model, window.cases.list.table, window.spy
    window.area(1)
    assert model.total() == SEEDED and model.rowCount() == SEEDED  # the scroll bar is true to size
    assert spy.pages == [(CaseFilter(), 0, PAGE_SIZE)]
    table.scrollToBottom()
    qtbot.waitUntil(lambda: len(spy.pages) > 1)
    last = (SEEDED - 1) // PAGE_SIZE * PAGE_SIZE
    assert spy.pages[-1] == (CaseFilter(), last, SEEDED - last)  # the end, without the pages between
    assert all(limit <= PAGE_SIZE and offset % PAGE_SIZE == 0 for _, offset, limit in spy.pages)
    monkeypatch.setattr(case_list_model, "MAX_PAGES", 2)
    numbers = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert len(set(numbers)) == SEEDED  # no row twice, none skipped
    assert len(model.loaded_pages()) == 2  # older pages were let go


def test_columns_and_status_bar_in_chinese(qtbot, window):
    model = window.cases.list.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["案号", "当事人", "执法事项", "阶段", "承办人", "下一期限", "最后更新"]
    assert window.windowTitle() == "执法办案"
    areas = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert areas == ["我的待办", "案件", "审批", "设备", "统计", "设置"]
    assert window.user_label.text() == "当前用户：陈科长" and window.role_box.currentText() == "承办机构负责人"
    assert window.sync_label.text() == "单机运行：未配置中心服务"
    row = model.index(0, 0).data(CASE_ROW_ROLE)
    assert model.index(0, 0).data() == row.number
    assert model.index(0, 1).data() == row.party_names
    assert model.index(0, 3).data() == stage_label(row.stage)
    assert window.bureau_label.text() == "江海区市场监督管理局"
    assert window.count_label.text() == f"共 {SEEDED} 件案件"
    assert str(window.cases.list.model.total()) in window.count_label.text()
    assert window.database_label.text().endswith("zhifa.sqlite3")
    assert str(Path(window.database_location).parent.parent) == str(Path(os.environ["ZHIFA_HOME"]))


def test_deadline_column_colours_and_tooltip(qtbot, window):
    model = window.cases.list.model
    seen = set()
    for r in range(model.rowCount()):
        row = model.index(r, 0).data(CASE_ROW_ROLE)
        deadline = model.index(r, 5)
        background = deadline.data(Qt.ItemDataRole.BackgroundRole)
        seen.add(row.deadline_status)
        if row.deadline_status == "overdue":
            assert background.color().red() > background.color().blue()
            assert row.next_due.isoformat() in deadline.data()
        elif row.deadline_status == "calendar_missing":  # a provisional date, said to be one
            assert background is None
            assert row.next_due.isoformat() in deadline.data() and "缺少工作日历" in deadline.data()
        elif row.deadline_status == "due_soon":
            assert background.color().name() == "#fff0c2"
        elif row.deadline_status != "calendar_missing":
            assert background is None
        if row.deadline_explanation:
            assert deadline.data(Qt.ItemDataRole.ToolTipRole) == row.deadline_explanation
    assert {"overdue", "running"} <= seen, f"the demo data should show deadlines: {seen}"


def test_search_filters_after_a_pause_in_typing(qtbot, window):
    model, spy = window.cases.list.model, window.spy
    target = model.index(3, 0).data(CASE_ROW_ROLE)
    name = target.party_names.split("、")[0]
    spy.counts.clear()
    for char in name:  # QTest.keyClicks cannot type Chinese; insert() edits as typing does
        window.cases.list.search.insert(char)
    assert spy.counts == []  # debounced: nothing asked while typing
    qtbot.waitUntil(lambda: model.case_filter.text == name, timeout=SEARCH_DEBOUNCE_MS * 8)
    assert len([f for f in spy.counts if f.text]) == 1
    assert 0 < model.total() < SEEDED
    rows = [model.index(r, 0).data(CASE_ROW_ROLE) for r in range(model.rowCount())]
    assert target.uuid in {r.uuid for r in rows}
    assert window.count_label.text() == f"共 {SEEDED} 件案件，符合条件 {model.total()} 件"
    window.cases.list.search.clear()
    qtbot.waitUntil(lambda: model.total() == SEEDED, timeout=SEARCH_DEBOUNCE_MS * 8)
    assert window.count_label.text() == f"共 {SEEDED} 件案件"


def test_a_failing_search_is_reported_and_the_list_kept(qtbot, window, crash_handler, monkeypatch):
    from app.domain.errors import ValidationError
    from app.ui import crash

    crash_handler()
    error = ValidationError("{field}: this field is required", field="text")

    def refuse(flt):
        raise error

    monkeypatch.setattr(window.spy, "count", refuse)
    window.cases.list.search.setText("abc")  # the debounce timer's slot raises: the crash handler reports it
    qtbot.waitUntil(lambda: crash.last_message_box() is not None, timeout=SEARCH_DEBOUNCE_MS * 8)
    assert crash.last_message_box().text() == error.message
    assert crash.last_crash_dialog() is None
    model = window.cases.list.model
    assert model.case_filter == CaseFilter() and model.total() == SEEDED and model.loaded_pages() == [0]


def test_ctrl_f_focuses_the_search_box(qtbot, window):
    search = window.cases.list.search
    activate(qtbot, window)
    window.cases.list.table.setFocus()
    assert not search.hasFocus()

    def pressed() -> bool:
        # A shortcut only reaches the active window; offscreen, activation can lag behind a start-up
        # read finishing, so the key is pressed again until the window has it (only Ctrl+F moves focus).
        if QApplication.activeWindow() is not window:
            window.activateWindow()
        elif not search.hasFocus():
            qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        return search.hasFocus()

    qtbot.waitUntil(pressed)


def test_the_list_is_read_only_and_double_click_is_harmless(qtbot, window):
    table = window.cases.list.table
    index = window.cases.list.model.index(2, 1)
    before = index.data()
    rect = table.visualRect(index)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.state() != table.State.EditingState
    assert index.data() == before
    assert table.selectionModel().selectedRows()[0].row() == 2


def test_switching_to_english(qtbot, window, language):
    model = window.cases.list.model
    language("en")
    qtbot.waitUntil(lambda: window.windowTitle() == "Zhifa")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Number", "Party", "Matter", "Stage", "Officers", "Next deadline", "Updated"]
    assert window.navigation.item(1).text() == "Cases"
    assert window.count_label.text() == f"{SEEDED} cases"
    row = model.index(0, 0).data(CASE_ROW_ROLE)
    assert model.index(0, 3).data() == stage_label(row.stage)
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in model.index(0, 3).data())


def test_every_stage_and_kind_has_a_chinese_label(language):
    language("zh_CN")
    assert [stage_label(s) for s in Stage] == [
        "案件来源登记", "立案审批", "不予立案", "调查取证", "调查终结", "事先告知", "听证", "待决定", "决定审批",
        "已决定", "已送达", "强制措施审批", "强制措施实施中", "强制措施已解除", "已催告", "强制执行", "检查实施",
        "检查完毕", "执行完毕", "已移送", "已结案", "已归档"]
    assert [kind_label(k) for k in CaseKind] == [
        "行政处罚（普通程序）", "行政处罚（简易程序）", "行政强制", "行政检查"]
    language("en")
    assert stage_label(Stage.INVESTIGATING) == "Investigating"
    assert stage_label("from_a_newer_version") == "from_a_newer_version"


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> translation, or None where unfinished."""
    found = {}
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in ("unfinished", "obsolete")
            found[(name, message.findtext("source"))] = translation.text if done else None
    return found


def test_translations_cover_every_ui_string(tmp_path):
    """Every tr() string of the UI (as lupdate finds them) is translated in one of the .ts files."""
    fresh = tmp_path / "fresh.ts"
    sources = [*sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py")), str(ROOT / "app" / "bootstrap.py")]
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    result = subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    known: dict[tuple[str, str], str | None] = {}
    for ts in TS_FILES:
        known.update(_messages(ts))
    missing = sorted(f"{ctx}: {src}" for ctx, src in _messages(fresh) if not known.get((ctx, src)))
    assert not missing, "untranslated UI strings:\n" + "\n".join(missing)


def test_missing_translation_file_falls_back_to_english(qapp, tmp_path, caplog, language):
    from PySide6.QtCore import QCoreApplication

    from app.ui.i18n import install_translators

    install_translators("zh_CN", tmp_path)  # an empty folder: no zh_CN.qm
    assert "zh_CN.qm" in caplog.text and "English" in caplog.text
    assert QCoreApplication.translate("MainWindow", "Zhifa") == "Zhifa"
    assert stage_label(Stage.HEARING) == "Hearing"


def test_empty_database(qtbot, zhifa_home, log_path):
    settings = Settings.load()
    services = open_services(settings)
    win = build_main_window(services, settings, log_path, head_session())
    qtbot.addWidget(win)
    win.show()
    assert win.cases.list.model.rowCount() == 0 and win.cases.list.model.loaded_pages() == []
    services.database.dispose()
