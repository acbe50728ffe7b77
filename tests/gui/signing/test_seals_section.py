"""Settings → Seals and certificates: the bureau certificate set up with a PIN typed twice, a new
enforcement seal (the bureau key's PIN asked first; a wrong one asks again), who may use it, a person's
certificate issued and revoked with a reason; the section is for administrators and bureau heads only."""

from __future__ import annotations

import pytest

from app.config.settings import Settings
from app.domain.officers import Role
from app.ui.settings import SettingsPage
from app.ui.signing.seals_section import SealsSection
from tests.fakes.signing import PIN, Pins
from tests.gui.case_view.helpers import signed_in
from tests.gui.signin.helpers import PASSWORD, make_admin, with_fast_auth
from tests.gui.signing.conftest import ADMIN, idle

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")]


@pytest.fixture
def setup(qtbot, world, language):
    language("zh_CN")
    services = with_fast_auth(world)
    admin = make_admin(services, world.clock)
    head = services.auth.create_user(admin, "zhou", "周局长", frozenset({Role.BUREAU_HEAD}), PASSWORD)
    section = SealsSection(services, admin)
    qtbot.addWidget(section)
    section.resize(1000, 800)
    section.show()
    return services, section, head


def test_only_administrators_and_bureau_heads_see_the_section(qtbot, world, tmp_path):
    settings = Settings.load(tmp_path / "settings.json")
    officer = SettingsPage(settings, world.services, signed_in(world, world.officer))
    head = SettingsPage(settings, world.services, signed_in(world, world.bureau_head))
    qtbot.addWidget(officer)
    qtbot.addWidget(head)
    assert officer.seals_section is None and head.seals_section is not None


def test_bureau_certificate_seal_and_who_may_use(qtbot, setup, pins, boxes):
    services, section, head = setup
    assert section.setup_button.isVisible() and not section.new_seal_button.isEnabled()
    assert "尚未" in section.bureau_info.text()

    dialog = section.start_setup()
    assert not dialog.protection.keyring_button.isEnabled()  # no keyring in tests: a PIN then
    dialog.protection.use_pin(PIN)
    dialog.protection.pin_again.setText(PIN + "x")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text() == "两次输入的 PIN 不一致。"
    dialog.protection.use_pin(PIN)
    dialog.accept()
    idle(qtbot, section.runner)
    ca = services.pki.bureau_ca()
    assert ca is not None, section.note.text()
    assert ca.subject in section.bureau_info.text() and ca.serial.upper() in section.bureau_info.text()
    assert not section.setup_button.isVisible() and section.new_seal_button.isEnabled()

    pins.answers = ["wrong-pin-1", PIN]  # the bureau key's PIN: wrong, then right
    dialog = section.start_new_seal()
    assert dialog.kind() == "enforcement" and dialog.image is None
    dialog.protection.use_pin("seal-pin-9")
    dialog.accept()
    idle(qtbot, section.runner)
    assert len(pins.shown) == 2 and pins.shown[0]["error"] == "" and "PIN" in pins.shown[1]["error"]
    [seal] = services.seals.seals()
    assert boxes == []
    assert section.seals_table.column_texts(1) == ["行政执法专用章"]
    assert section.seals_table.column_texts(3) == ["无人"]
    section.seals_table.selectRow(0)
    assert section.preview.pixmap() is not None and not section.preview.pixmap().isNull()

    dialog = section.start_who_may_use()
    names = [dialog.list.item(r).text() for r in range(dialog.list.count())]
    assert "周局长（zhou）" in names
    dialog.set_checked({head.uuid})
    dialog.accept()
    assert services.seals.seal(seal.uuid).allowed_user_ids == (head.uuid,)
    assert section.seals_table.column_texts(3) == ["周局长"]


def test_a_certificate_is_issued_and_revoked_with_a_reason(qtbot, setup, pins, boxes, world):
    services, section, head = setup
    services.pki.setup_bureau(ADMIN, Pins(), pin=PIN)
    section.reload()
    pins.answers = [PIN]
    dialog = section.start_issue()
    dialog.user_box.setCurrentIndex(dialog.user_box.findText("周局长（zhou）"))
    dialog.protection.use_pin("person-pin-1")
    dialog.accept()
    idle(qtbot, section.runner)
    cert = services.pki.certificate_of(head.uuid)
    assert cert is not None and "周局长" in section.certificates_table.column_texts(1)[-1]

    section.certificates_table.selectRow(len(section.certificates) - 1)
    assert section.revoke_button.isEnabled()
    assert not section.revoke(cert.uuid, "  ")  # a reason is required
    assert boxes and boxes[-1][0] == "warning"
    assert section.revoke(cert.uuid, "离职")
    assert services.pki.certificate(cert.uuid).revoked_at is not None
    assert "离职" in section.certificates_table.column_texts(4)[-1]
