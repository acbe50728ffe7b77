"""审批: the items waiting for this user's role, the selected one's case and draft, and approve /
return (with a comment). Several items can be approved at once, decisions never: each is
approved on its own."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import StaleWrite, TransitionRefused, UserError
from app.domain.users import SignedIn
from app.services.approvals import ApprovalResult, InboxItem
from app.ui.approvals.activatable_table import ActivatableTable
from app.ui.approvals.draft_panel import DraftPanel
from app.ui.approvals.inbox_model import InboxModel
from app.ui.case_view.texts import use_document_catalogue
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services import Services

_SELECT_ROW = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


class ApprovalInbox(QWidget):
    open_case = Signal(str)  # case uuid
    changed = Signal(str)  # case uuid, after an approval or return given here

    def __init__(self, services: Services, session: SignedIn, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.session = services, session
        self.approvals = services.approvals
        use_document_catalogue(services)  # the draft panel names documents from the catalogue
        self.runner = TaskRunner(self)
        self.setObjectName("approvalInbox")
        self.model = InboxModel(self)
        self.table = ActivatableTable(multi=True, objectName="inboxTable")
        self.table.setModel(self.model)
        self.table.set_column_widths((170, 130, 160, 130, 120))
        self.table.opened.connect(self._open_row)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.count = QLabel(objectName="inboxCount")
        self.refresh_button = QPushButton(objectName="refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.draft = DraftPanel()
        self.comment = QPlainTextEdit(objectName="approvalComment")
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(80)
        self.comment_caption = QLabel()
        self.comment_caption.setBuddy(self.comment)
        self.message = QLabel(objectName="inboxMessage", wordWrap=True)
        self.approve_button = QPushButton(objectName="approve")
        self.return_button = QPushButton(objectName="return")
        self.batch_button = QPushButton(objectName="approveSelected")
        self.open_button = QPushButton(objectName="openCase")
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.send_back)
        self.batch_button.clicked.connect(self.approve_selected)
        self.open_button.clicked.connect(lambda: self._open_row(self.table.currentIndex().row()))

        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.refresh_button)
        buttons = QHBoxLayout()
        for button in (self.approve_button, self.return_button, self.batch_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.draft, 1)
        side_layout.addWidget(self.comment_caption)
        side_layout.addWidget(self.comment)
        side_layout.addWidget(self.message)
        side_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([880, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.setTabOrder(self.table, self.comment)
        self.setTabOrder(self.comment, self.approve_button)

        self.refresh_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        self.refresh_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._language_timer = QTimer(self, singleShot=True, interval=0)
        self._language_timer.timeout.connect(self.refresh)
        self.refresh_shortcut.activated.connect(self.refresh)
        self._retranslate()
        self._update_buttons()
        self._shown_once = False  # read when first shown: a page never opened costs nothing at start

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.refresh()

    def refresh_if_shown(self) -> None:
        """After a change elsewhere: read again only if this page was ever looked at."""
        if self._shown_once:
            self.refresh()

    # -- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the inbox again, off the UI thread (it checks every waiting case)."""
        actor = self.session.actor
        self.runner.run(self.tr("Reading the approval inbox"), lambda progress: self.approvals.inbox(actor, progress),
                        self._show_items)

    def _show_items(self, items: list[InboxItem]) -> None:
        keep = {(i.case_uuid, i.name) for i in self.selected_items()}
        self.model.set_items(items)
        rows = [r for r, i in enumerate(items) if (i.case_uuid, i.name) in keep] or ([0] if items else [])
        selection = self.table.selectionModel()
        with QSignalBlocker(selection):  # one update below, not one per row
            for r in rows:
                selection.select(self.model.index(r, 0), _SELECT_ROW)
            if rows:
                selection.setCurrentIndex(self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.viewport().update()
        self._selection_changed()
        self._retranslate()

    def selected_items(self) -> list[InboxItem]:
        return [i for i in (self.model.item_at(r) for r in self.table.selected_rows()) if i is not None]

    def _selection_changed(self, *_: QItemSelection) -> None:
        items = self.selected_items()
        item = items[0] if len(items) == 1 else None
        self.draft.show_item(item, self.services.cases.get(item.case_uuid) if item else None)
        self._update_buttons()

    def _open_row(self, row: int) -> None:
        item = self.model.item_at(row)
        if item is not None:
            self.open_case.emit(item.case_uuid)

    # -- acting ----------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        items = self.selected_items()
        one = items[0] if len(items) == 1 else None
        self.approve_button.setEnabled(bool(one and one.allowed))
        self.approve_button.setToolTip("\n".join(one.reasons) if one else "")
        self.return_button.setEnabled(bool(one and one.can_return))
        self.return_button.setToolTip(self.tr("Returning needs a comment") if one is None or one.can_return else
                                      self.tr("This step cannot be returned; open the case to act on it"))
        decisions = [i for i in items if i.is_decision]
        self.batch_button.setEnabled(bool(items) and not decisions and any(i.allowed for i in items))
        self.batch_button.setToolTip(
            self.tr("Decisions must be approved one by one: deselect {count} decision(s)").format(
                count=len(decisions)) if decisions else self.tr("Approve every selected item, each on its own"))
        self.open_button.setEnabled(one is not None)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #9f1c1c;" if error else "")
        self.message.setText(text)

    def approve(self) -> None:
        items = self.selected_items()
        if len(items) == 1 and items[0].allowed:
            self._act(items[0], lambda: self.approvals.approve(self.session.actor, items[0], self._comment()),
                      self.tr("Approved: {number} {what}"))

    def send_back(self) -> None:
        items = self.selected_items()
        if len(items) != 1 or not items[0].can_return:
            return
        if not self._comment():
            self._say(self.tr("Returning needs a comment saying why."), error=True)
            self.comment.setFocus()
            return
        self._act(items[0], lambda: self.approvals.send_back(self.session.actor, items[0], self._comment()),
                  self.tr("Returned: {number} {what}"))

    def _comment(self) -> str:
        return self.comment.toPlainText().strip()

    def _act(self, item: InboxItem, call, done_text: str) -> None:
        try:
            call()
        except StaleWrite as exc:
            QMessageBox.warning(self, self.tr("Case changed meanwhile"), exc.message)
        except TransitionRefused as exc:
            QMessageBox.warning(self, self.tr("Not possible"), "\n".join(f"• {r.message}" for r in exc.reasons))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Not possible"), exc.message)
            return  # bad input (a missing comment): keep the item and the comment as they are
        else:
            self.comment.clear()
            self._say(done_text.format(number=item.case_row.number, what=item.label))
            self.changed.emit(item.case_uuid)
        self.refresh()

    def approve_selected(self) -> None:
        items = self.selected_items()
        if not items or any(i.is_decision for i in items):
            return
        actor, comment = self.session.actor, self._comment()
        self.runner.run(self.tr("Approving {count} items").format(count=len(items)),
                        lambda _progress: self.approvals.approve_many(actor, items, comment), self._batch_done,
                        cancellable=False)

    def _batch_done(self, results: Sequence[ApprovalResult]) -> None:
        done = [r for r in results if r.done]
        refused = [r for r in results if not r.done]
        for r in done:
            self.changed.emit(r.item.case_uuid)
        if done:
            self.comment.clear()
        self._say(self.tr("{done} approved, {refused} not approved.").format(done=len(done), refused=len(refused)),
                  error=bool(refused))
        if refused:
            QMessageBox.warning(self, self.tr("Some items were not approved"), "\n".join(
                f"• {r.item.case_row.number} {r.item.label}: {r.reason}" for r in refused))
        self.refresh()

    # -- texts -----------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.count.setText(self.tr("{count} items wait for your approval").format(count=self.model.rowCount()))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the inbox again (F5)"))
        self.comment_caption.setText(self.tr("&Comment (required to return):"))
        self.approve_button.setText(self.tr("&Approve"))
        self.return_button.setText(self.tr("Re&turn"))
        self.batch_button.setText(self.tr("Approve &selected"))
        self.open_button.setText(self.tr("&Open case"))
        self.model.retranslate()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._language_timer.start()  # item labels are domain texts: read them again in the new language
            self.draft.retranslate()
        super().changeEvent(event)
