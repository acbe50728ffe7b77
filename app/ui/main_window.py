"""The main window: areas on the left (我的待办, 案件, 审批, 设备, 统计, 设置), the current area in the
centre, and a status bar naming who is signed in (and as what), the bureau, the sync state, the
number of cases and the database in use."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from app.config.settings import Settings
from app.domain.officers import Role
from app.domain.users import SIGN_IN_ROLES, SignedIn
from app.services.cases import CaseFilter
from app.ui.approvals.inbox import ApprovalInbox
from app.ui.case_tabs import CaseTabs
from app.ui.devices.devices_page import DevicesPage, area_title
from app.ui.labels import role_label
from app.ui.settings.settings_page import SettingsPage
from app.ui.signing.verify_dialog import VerifyDialog
from app.ui.statistics.statistics_page import StatisticsPage
from app.ui.todo.todo_page import TodoPage
from app.ui.wizard.new_case_wizard import NewCaseWizard

if TYPE_CHECKING:
    from app.services import Services

SETTINGS_NOTICE_MS = 15_000
AREA_COUNT = 6  # Alt+1 … Alt+6


def database_location(url: str) -> str:
    """A file path for SQLite (what an admin looks for), else the URL (password already hidden)."""
    scheme, sep, rest = url.partition(":///")
    return rest if sep and scheme.startswith("sqlite") else url


class MainWindow(QMainWindow):
    signed_out = Signal()
    settings_changed = Signal(list)  # names of settings saved with a new value (the app applies them)

    def __init__(self, services: Services, settings: Settings, log_path: Path, session: SignedIn,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.settings, self.session = services, settings, session
        self.log_path = Path(log_path)
        self.database_location = database_location(services.database.url)
        self.setObjectName("mainWindow")
        self.resize(1360, 820)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.navigation.setMaximumWidth(200)
        self.pages = QStackedWidget()
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([150, 1210])
        self.setCentralWidget(splitter)

        self._build_status_bar()
        self._build_actions()
        self._build_areas()
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.activated.connect(self.show_case_search)
        self._retranslate()
        if settings.errors:  # each is in the log already; say so once, without a blocking dialog
            self.statusBar().showMessage(
                self.tr("Some settings were invalid and their defaults are used; see the log."), SETTINGS_NOTICE_MS)

    # ---- areas ------------------------------------------------------------------------------------
    def _build_areas(self) -> None:
        """(Re)build the pages that depend on who is signed in and in which role."""
        while self.pages.count():
            page = self.pages.widget(0)
            self.pages.removeWidget(page)
            page.deleteLater()
        self.navigation.clear()
        self.todo = TodoPage(self.services, self.session)
        self.todo.open_case.connect(self.open_case)
        self.cases = CaseTabs(self.services, self.session)
        self.cases.changed.connect(self._on_case_changed)
        self.cases.list.model.totalChanged.connect(self._on_total_changed)
        self.approvals = ApprovalInbox(self.services, self.session)
        self.approvals.open_case.connect(self.open_case)
        self.approvals.changed.connect(self._on_case_changed)
        self.devices = DevicesPage(self.services, self.session)
        self.devices.changed.connect(self.todo.refresh)
        self.todo.open_triage.connect(self.show_triage)
        self.statistics = StatisticsPage(self.services)
        self.settings_page = SettingsPage(self.settings, self.services, self.session)
        self.settings_page.settings_changed.connect(self.settings_changed)
        self._areas = [(self.todo, "My work"), (self.cases, "Cases"), (self.approvals, "Approvals"),
                       (self.devices, "Devices"), (self.statistics, "Statistics"), (self.settings_page, "Settings")]
        for page, _ in self._areas:
            self.pages.addWidget(page)
            self.navigation.addItem(QListWidgetItem())
        self.navigation.setCurrentRow(0)
        self._on_total_changed(self.cases.list.model.total())
        self._retranslate()

    def area(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def open_case(self, case_uuid: str) -> None:
        self.navigation.setCurrentRow(1)
        self.cases.open_case(case_uuid)

    def show_triage(self) -> None:
        """设备 › 待关联证据: the evidence waiting for a case."""
        self.navigation.setCurrentRow(self.pages.indexOf(self.devices))
        self.devices.show_triage()

    def show_case_search(self) -> None:
        self.navigation.setCurrentRow(1)
        self.cases.setCurrentIndex(0)
        self.cases.list.focus_search()

    def new_case(self) -> NewCaseWizard:
        wizard = NewCaseWizard(self.services, self.session, self)
        wizard.case_created.connect(self._on_case_created)
        wizard.open()
        return wizard

    def _on_case_created(self, case_uuid: str) -> None:
        self.cases.list.model.refresh()
        self.open_case(case_uuid)

    def _on_case_changed(self, _case_uuid: str) -> None:
        self.todo.refresh()
        self.approvals.refresh_if_shown()

    def refresh(self) -> None:
        self.cases.refresh()
        self.todo.refresh()
        self.approvals.refresh_if_shown()

    # ---- who is signed in --------------------------------------------------------------------------
    def switch_role(self, role: Role) -> None:
        if role is self.session.role:
            return
        self.session = self.services.auth.switch_role(self.session, role)
        self._build_areas()
        self.statusBar().showMessage(self.tr("Now acting as {role}").format(role=role_label(role)), 5000)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel()
        self.role_box = QComboBox()
        self.role_box.setObjectName("roleSwitch")
        self.role_box.activated.connect(lambda i: self.switch_role(self.role_box.itemData(i)))
        self.bureau_label = QLabel()
        self.sync_label = QLabel()
        self.count_label = QLabel()
        self.database_label = QLabel()
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = self.statusBar()
        for widget in (self.user_label, self.role_box, self.bureau_label, self.sync_label, self.count_label):
            if isinstance(widget, QLabel):
                widget.setContentsMargins(6, 0, 12, 0)
            bar.addWidget(widget)
        bar.addPermanentWidget(self.database_label)

    def _build_actions(self) -> None:
        menu = self.menuBar()
        self.case_menu = menu.addMenu("")
        self.new_case_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.New))
        self.new_case_action.triggered.connect(self.new_case)
        self.refresh_action = QAction(self, shortcut=QKeySequence("Ctrl+R"))
        self.refresh_action.triggered.connect(self.refresh)
        self.case_menu.addActions([self.new_case_action, self.refresh_action])
        self.case_menu.addSeparator()
        self.verify_action = QAction(self)
        self.verify_action.triggered.connect(self.verify_file)
        self.case_menu.addAction(self.verify_action)
        self.verify_dialog: VerifyDialog | None = None
        self.account_menu = menu.addMenu("")
        self.lock_action = QAction(self, shortcut=QKeySequence("Ctrl+L"))
        self.sign_out_action = QAction(self)
        self.sign_out_action.triggered.connect(self.signed_out)
        self.quit_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.account_menu.addActions([self.lock_action, self.sign_out_action, self.quit_action])
        for index in range(AREA_COUNT):  # Alt+1 … Alt+6 switch areas
            shortcut = QShortcut(QKeySequence(f"Alt+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.area(i))

    def verify_file(self) -> VerifyDialog:
        """The verify dialog (one, kept while open): drop or choose a signed file."""
        if self.verify_dialog is None:
            self.verify_dialog = VerifyDialog(self.services, self)
            self.verify_dialog.finished.connect(self._verify_closed)
        self.verify_dialog.show()
        self.verify_dialog.raise_()
        return self.verify_dialog

    def _verify_closed(self) -> None:
        dialog, self.verify_dialog = self.verify_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _sync_text(self) -> str:
        url = self.settings.central_url
        if not url:
            return self.tr("Stand-alone: no central service configured")
        return self.tr("Central service {url}: synchronisation not enabled in this version").format(url=url)

    # ---- counts and texts ----------------------------------------------------------------------------
    def _on_total_changed(self, matching: int) -> None:
        model = self.cases.list.model
        filtered = model.case_filter != CaseFilter()
        self._all_cases = self.services.cases.count(CaseFilter()) if filtered else matching
        self._matching = matching if filtered else None
        self._update_count_label()

    def _update_count_label(self) -> None:
        if getattr(self, "_matching", None) is None:
            text = self.tr("{count} cases").format(count=getattr(self, "_all_cases", 0))
        else:
            text = self.tr("{matching} of {count} cases match").format(matching=self._matching,
                                                                      count=self._all_cases)
        self.count_label.setText(text)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Zhifa"))
        names = {"My work": self.tr("My work"), "Cases": self.tr("Cases"), "Approvals": self.tr("Approvals"),
                 "Devices": area_title(), "Statistics": self.tr("Statistics"), "Settings": self.tr("Settings")}
        for row, (_, name) in enumerate(getattr(self, "_areas", [])):
            self.navigation.item(row).setText(names[name])
        user = self.session.user
        self.user_label.setText(self.tr("Signed in: {name}").format(name=user.display_name)
                                + (self.tr(" (offline)") if self.session.offline else ""))
        self.role_box.clear()
        for role in (r for r in SIGN_IN_ROLES if r in user.roles):
            self.role_box.addItem(role_label(role), role)
        self.role_box.setCurrentIndex(self.role_box.findData(self.session.role))
        self.role_box.setEnabled(len(user.roles) > 1)
        self.role_box.setToolTip(self.tr("The role you act in now"))
        self.bureau_label.setText(self.services.bureau_name)
        self.sync_label.setText(self._sync_text())
        self.database_label.setText(self.tr("Database: {path}").format(path=self.database_location))
        self.database_label.setToolTip(self.tr("Log file: {path}").format(path=self.log_path))
        self.case_menu.setTitle(self.tr("&Case"))
        self.new_case_action.setText(self.tr("&New case…"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.verify_action.setText(QCoreApplication.translate("VerifyDialog", "&Verify a signed file…"))
        self.account_menu.setTitle(self.tr("&Account"))
        self.lock_action.setText(self.tr("&Lock"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.quit_action.setText(self.tr("&Quit"))
        self._update_count_label()
        if hasattr(self, "cases"):
            self.cases.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
