"""Screenshots of each main screen with real demo data, for the README and reviews.

Run with `make screenshots` (under Xvfb, with a CJK font installed: see the README). Writes PNGs to
docs/screenshots/. Everything happens in a throw-away ZHIFA_HOME, so no real data is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))


def settle(app, seconds: float = 0.4, until=None) -> None:  # type: ignore[no-untyped-def]
    """Let the event loop run (background reads finish, paints happen)."""
    end = time.monotonic() + 30
    stop = time.monotonic() + seconds
    while time.monotonic() < stop or (until is not None and not until() and time.monotonic() < end):
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    os.environ["ZHIFA_HOME"] = tempfile.mkdtemp(prefix="zhifa-screens-")
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import configure_logging, open_services
    from app.config.settings import Settings
    from app.domain import i18n
    from app.domain.cases import Stage
    from app.domain.officers import Role
    from app.domain.users import SignedIn
    from app.services.cases import CaseFilter
    from app.services.demo import seed_demo, seed_demo_users
    from app.ui.i18n import install_translators
    from app.ui.main_window import MainWindow
    from app.ui.signin.signin_dialog import SignInDialog
    from app.ui.tasks import wait_for_background_work
    from app.ui.wizard.new_case_wizard import NewCaseWizard

    app = QApplication(["zhifa"])
    font = app.font()
    font.setPointSize(10)
    app.setFont(font)
    settings = Settings.load()
    install_translators("zh_CN")
    i18n.set_language("zh_CN")
    services = open_services(settings)
    seed_demo(services, 400)
    seed_demo_users(services)
    from app.services.demo_signing import seed_demo_seals

    seed_demo_seals(services, limit=2)  # a demo PKI, seals, and two sealed decisions to verify
    users = {u.username: u for u in services.auth.users()}
    OUT.mkdir(parents=True, exist_ok=True)

    def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        settle(app)
        widget.grab().save(str(OUT / f"{name}.png"))
        print("wrote", OUT / f"{name}.png")

    dialog = SignInDialog(services.auth, services.bureau_name)
    dialog.username.setText("officer")
    dialog.show()
    shot(dialog, "01-sign-in")
    dialog.close()

    def window_for(username: str, role: Role | None = None) -> MainWindow:
        user = users[username]
        window = MainWindow(services, settings, configure_logging(),
                            SignedIn(user, role or user.first_role, at=services.clock.now()))
        window.resize(1440, 860)
        window.show()
        return window

    officer = window_for("officer")
    settle(app, 1.0, until=lambda: not officer.todo.runner.busy)
    shot(officer, "02-my-work")
    officer.area(1)
    shot(officer, "03-case-list")
    busy = services.cases.list_cases(CaseFilter(stage=Stage.DELIBERATION), 0, 1) or \
        services.cases.list_cases(CaseFilter(stage=Stage.NOTIFIED), 0, 1) or services.cases.list_cases(CaseFilter(), 0, 1)
    view = officer.cases.open_case(busy[0].uuid)
    shot(officer, "04-case-view")
    view.tabs.setCurrentIndex(view.tabs.count() - 1)  # 历史: the audit trail, readable
    shot(officer, "05-case-history")
    # 文书: a demo case whose steps generated their documents (the demo makes them for its first cases)
    with_documents = max((row for row in services.cases.list_cases(CaseFilter(), 0, 400)),
                         key=lambda row: len(services.documents.records(row.uuid)))
    papers = officer.cases.open_case(with_documents.uuid)
    papers.tabs.setCurrentWidget(papers.documents)
    settle(app, 1.0, until=lambda: not papers.documents.runner.busy)
    shot(officer, "10-case-documents")
    from app.ui.signing.verify_dialog import VerifyDialog

    usages = services.seals.usage()
    if usages:
        verify = VerifyDialog(services, officer)
        verify.resize(820, 520)
        verify.show()
        verify.load(services.seals.sealed_path(usages[0]))
        settle(app, 1.0, until=lambda: not verify.runner.busy)
        shot(verify, "11-verify-dialog")
        verify.close()
    wizard = NewCaseWizard(services, officer.session, officer)
    wizard.show()
    source = wizard.source_page
    source.source.setCurrentText("群众举报")
    source.place.setText("江门市江海区外海街道金瓯路18号")
    source.cause.setText("销售过期食品")
    source.facts.setPlainText("货架上陈列过期食品十二件，已拍照取证。")
    wizard.next()
    wizard.party_page.name.setText("张伟")
    wizard.party_page.id_number.edit.setText("440704199003071234")  # a wrong check digit, shown as typed
    shot(wizard, "06-new-case-wizard")
    wizard.close()
    officer.close()

    head = window_for("sectionhead")
    head.area(2)
    settle(app, 1.0, until=lambda: not head.approvals.runner.busy)
    if head.approvals.model.rowCount():
        head.approvals.table.selectRow(0)
    shot(head, "07-approvals")
    head.area(head.pages.indexOf(head.statistics))
    settle(app, 1.0, until=lambda: not head.statistics.runner.busy)
    shot(head, "08-statistics")
    head.close()

    admin = window_for("admin")
    admin.area(admin.pages.indexOf(admin.settings_page))
    shot(admin, "09-settings")
    admin.close()

    devices_screens(app, services, window_for("officer"), shot)
    wait_for_background_work()
    services.database.dispose()
    return 0


def sample_card(folder: Path, officer_no: str) -> Path:
    """A body camera's card as it would be docked: a GA/T 947 info file, this morning's footage (the
    committed one-second test video), photos, and a rapid-test kit's result file beside it."""
    from datetime import datetime, timedelta

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    now = datetime.now().replace(microsecond=0)
    serial = "HK7B00315"
    (folder / "DCIM" / now.strftime("%Y%m%d")).mkdir(parents=True)
    (folder / "DEVINFO.TXT").write_bytes(f"设备编号={serial}\r\n警号={officer_no}\r\n型号=DSJ-K7\r\n"
                                         "单位=江海区市场监督管理局\r\n".encode("gbk"))
    video = ROOT / "tests" / "gui" / "evidence" / "data" / "sample.mp4"
    for seq, (minutes, colour, ext) in enumerate([(130, "#3a6ea5", "MP4"), (95, "#8a5a2b", "JPG"),
                                                  (90, "#4f7f3a", "JPG"), (60, "#3a6ea5", "MP4")], 1):
        at = now - timedelta(minutes=minutes)
        target = folder / "DCIM" / at.strftime("%Y%m%d") / f"{serial}_{officer_no}_{at:%Y%m%d%H%M%S}_{seq:04d}.{ext}"
        target.parent.mkdir(parents=True, exist_ok=True)
        if ext == "MP4":
            target.write_bytes(video.read_bytes() + bytes(seq))  # distinct content, same first frame
        else:
            image = QImage(640, 480, QImage.Format.Format_RGB32)
            image.fill(QColor(colour))
            painter = QPainter(image)
            painter.setPen(Qt.GlobalColor.white)
            painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, f"现场照片 {seq}")
            painter.end()
            image.save(str(target), "JPG")
    results = folder.parent / "kit"
    (results / "检测结果").mkdir(parents=True)
    (results / "检测结果" / f"{now:%Y%m%d}_农残.csv").write_bytes("\r\n".join([
        "样品编号,样品名称,检测项目,检测值,单位,限量,结果,检测时间,检测方法",
        f"S01,小白菜,有机磷和氨基甲酸酯类农药,12.5,%,50,合格,{now - timedelta(minutes=80):%Y-%m-%d %H:%M:%S},GB/T 5009.199-2003",
        f"S02,豇豆,有机磷和氨基甲酸酯类农药,63.8,%,50,不合格,{now - timedelta(minutes=75):%Y-%m-%d %H:%M:%S},GB/T 5009.199-2003",
        ""]).encode("gbk"))
    return folder


def devices_screens(app, services, officer, shot) -> None:  # type: ignore[no-untyped-def]
    """12-devices (a card imported), 14-triage (the queue with proposals), 13-evidence-tab (a case's
    evidence after linking)."""
    from app.services.cases import CaseFilter

    me = next(o for o in services.officers.all() if o.uuid == officer.session.user.officer_uuid)
    folder = sample_card(Path(tempfile.mkdtemp(prefix="zhifa-card-")) / "card", me.certificate_no)
    page = officer.devices
    officer.area(officer.pages.indexOf(page))
    device = services.devices.add_folder(folder)
    settle(app, 0.5, until=lambda: device.id in page.cards)
    page.start_import(device.id)
    settle(app, 1.0, until=lambda: not page.jobs and not page.imports.runner.busy)
    shot(officer, "12-devices")
    kit = services.devices.add_folder(folder.parent / "kit")
    settle(app, 0.5, until=lambda: kit.id in page.cards)
    page.start_import(kit.id)
    settle(app, 1.0, until=lambda: not page.jobs and not page.triage.runner.busy)
    page.show_triage()
    settle(app, 1.0, until=lambda: not page.triage.runner.busy and page.triage.thumbnails.pending == 0)
    shot(officer, "14-triage")
    case = services.cases.list_cases(CaseFilter(officer_uuid=me.uuid), 0, 1)[0]
    items = [t.item.uuid for t in services.evidence.triage(with_proposals=False)]
    services.evidence.link(items, case.uuid, officer.session.actor, how="picked")
    officer.open_case(case.uuid)
    view = officer.cases.currentWidget()
    view.tabs.setCurrentWidget(view.evidence)
    panel = view.evidence.files
    settle(app, 1.0, until=lambda: not panel.runner.busy and panel.thumbnails.pending == 0)
    shot(officer, "13-evidence-tab")
    officer.close()
    services.devices.stop()


if __name__ == "__main__":
    raise SystemExit(main())
