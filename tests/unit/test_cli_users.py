"""`zhifa users add` (how IT staff create the first administrator) and the demo accounts of
`zhifa demo seed`."""

from __future__ import annotations

import getpass
import sys

import pytest

from app.cli import EXIT_BAD_INPUT, EXIT_OK, main
from app.config.bureau import BureauProfile
from app.domain.officers import Role
from app.services import Services
from app.store import audit
from app.store.database import open_database


@pytest.fixture
def services_at(tmp_path):
    opened = []

    def open_at() -> Services:
        db = open_database(tmp_path / "zhifa.sqlite3")
        opened.append(db)
        return Services.create(db, bureau=BureauProfile.load(tmp_path))

    yield open_at
    for db in opened:
        db.dispose()


def add(tmp_path, *extra: str) -> int:
    return main(["--data-dir", str(tmp_path), "users", "add", *extra])


def test_the_first_account_from_the_command_line_must_be_an_administrator(tmp_path, monkeypatch, capsys,
                                                                          services_at):
    monkeypatch.setenv("ZHIFA_NEW_PASSWORD", "first2026x")
    assert add(tmp_path, "--username", "zhang", "--name", "张三", "--roles", "section_head") == EXIT_BAD_INPUT
    assert "第一个账户必须是系统管理员" in capsys.readouterr().err
    assert add(tmp_path, "--username", "zhang", "--name", "张三", "--roles", "admin,section_head") == EXIT_OK
    assert "user zhang created (admin, section_head)" in capsys.readouterr().out
    signed = services_at().auth.sign_in("zhang", "first2026x")
    assert signed.user.roles == {Role.ADMIN, Role.SECTION_HEAD} and signed.role is Role.SECTION_HEAD


def test_later_accounts_are_added_as_the_command_line_administrator(tmp_path, monkeypatch, capsys, services_at):
    main(["--data-dir", str(tmp_path), "demo", "seed", "--cases", "2"])
    services = services_at()
    certificate = services.officers.valid_on(services.clock.now().date())[0].certificate_no
    monkeypatch.setenv("ZHIFA_NEW_PASSWORD", "liming2026")
    capsys.readouterr()
    assert add(tmp_path, "--username", "liming", "--name", "李明", "--roles", "officer",
               "--officer-certificate", "no-such-number") == EXIT_BAD_INPUT
    assert "没有持执法证 no-such-number 的执法人员" in capsys.readouterr().err
    assert add(tmp_path, "--username", "liming", "--name", "李明", "--roles", "officer",
               "--officer-certificate", certificate) == EXIT_OK
    signed = services.auth.sign_in("liming", "liming2026")
    assert signed.user.officer_uuid is not None
    with services.database.read() as s:
        entry = audit.history(s, signed.user.uuid)[0]
    assert entry.action == "create_user" and entry.actor_id == f"cli:{getpass.getuser()}"[:36]
    assert add(tmp_path, "--username", "liming", "--name", "李明", "--roles", "supervisor") == EXIT_BAD_INPUT
    assert "用户名 liming 已被使用" in capsys.readouterr().err


def test_an_unknown_role_is_refused_by_the_argument_parser(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        add(tmp_path, "--username", "zhang", "--name", "张三", "--roles", "admin,boss")
    assert exit_.value.code == 2
    assert "unknown role 'boss'" in capsys.readouterr().err


def test_the_password_is_asked_twice_when_not_given(tmp_path, monkeypatch, capsys, services_at):
    monkeypatch.delenv("ZHIFA_NEW_PASSWORD", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)  # typed at a terminal
    answers = iter(["typed2026x", "typo2026x"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    assert add(tmp_path, "--username", "zhang", "--name", "张三", "--roles", "admin") == EXIT_BAD_INPUT
    assert "两次输入的密码不一致" in capsys.readouterr().err
    answers = iter(["typed2026x", "typed2026x"])
    assert add(tmp_path, "--username", "zhang", "--name", "张三", "--roles", "admin") == EXIT_OK
    assert services_at().auth.sign_in("zhang", "typed2026x").user.username == "zhang"


def test_without_a_terminal_or_the_variable_it_says_which_variable_to_set(tmp_path, monkeypatch, capsys,
                                                                           services_at):
    monkeypatch.delenv("ZHIFA_NEW_PASSWORD", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)  # a script, input from nowhere
    assert add(tmp_path, "--username", "zhang", "--name", "张三", "--roles", "admin") == EXIT_BAD_INPUT
    assert "密码：没有可输入密码的终端，请设置环境变量 ZHIFA_NEW_PASSWORD" in capsys.readouterr().err
    assert not services_at().auth.has_users()


def test_demo_seed_creates_one_account_per_role_and_prints_them_once(tmp_path, capsys, services_at):
    assert main(["--data-dir", str(tmp_path), "demo", "seed", "--cases", "3"]) == EXIT_OK
    out = capsys.readouterr().out
    table = out[out.index("demo accounts"):].splitlines()
    assert table[1].split() == ["user", "name", "password", "role"]
    rows = [line.split() for line in table[2:]]
    assert [r[0] for r in rows] == ["admin", "officer", "sectionhead", "reviewer", "bureauhead", "supervisor"]
    assert [r[2] for r in rows] == ["系统管理员", "承办人", "承办机构负责人", "法制审核人员", "机关负责人", "监督员"]
    services = services_at()
    today = services.clock.now().date()
    for username, password, _ in rows:
        signed = services.auth.sign_in(username, password)
        if signed.role is Role.OFFICER:
            officer = next(o for o in services.officers.all() if o.uuid == signed.user.officer_uuid)
            assert officer.certificate_valid_on(today) and signed.user.display_name == officer.name
    assert {s.role for s in (services.auth.sign_in(u, p) for u, p, _ in rows)} == {
        Role.ADMIN, Role.OFFICER, Role.SECTION_HEAD, Role.LEGAL_REVIEWER, Role.BUREAU_HEAD, Role.SUPERVISOR}
    assert main(["--data-dir", str(tmp_path), "demo", "seed", "--cases", "3", "--if-empty"]) == EXIT_OK
    assert "demo accounts" not in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path), "audit", "verify"]) == EXIT_OK
