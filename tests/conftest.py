"""Shared fixtures: every test runs with its own home folder, database and fixed clock."""

from __future__ import annotations

import os
import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime

import pytest

from app.config.bureau import DEMO_BUREAU
from app.domain import i18n
from app.domain.officers import Actor, Officer, Role
from app.services import Services
from app.services.clock import SHANGHAI, FixedClock
from app.store.database import open_database

POSTGRES_URL = os.environ.get("ZHIFA_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REQUIRE_POSTGRES = os.environ.get("ZHIFA_REQUIRE_POSTGRES") == "1"


@pytest.fixture(autouse=True)
def zhifa_home(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user folders, and each starts in Chinese."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ZHIFA_HOME", str(home))
    i18n.set_language("zh_CN")
    yield home
    i18n.set_language("zh_CN")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI))  # a Monday, mid-morning


@pytest.fixture
def database(tmp_path):
    db = open_database(tmp_path / "zhifa.sqlite3")
    yield db
    db.dispose()


def _postgres_url_with_schema(schema: str) -> str:
    sep = "&" if "?" in POSTGRES_URL else "?"
    return f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture
def postgres_url():
    """A fresh schema on the PostgreSQL server; skipped (with the reason) when none is reachable,
    except where ZHIFA_REQUIRE_POSTGRES=1 (CI), where an unreachable server fails the test."""
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - psycopg is in the test extra
        if REQUIRE_POSTGRES:
            raise
        pytest.skip(f"psycopg is not installed: {exc}")
    plain = POSTGRES_URL.replace("postgresql+psycopg://", "postgresql://")
    try:
        conn = psycopg.connect(plain, connect_timeout=3, autocommit=True)
    except psycopg.OperationalError as exc:
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL is required here (ZHIFA_REQUIRE_POSTGRES=1) but unreachable: {exc}")
        pytest.skip(f"no PostgreSQL server at {plain} (set ZHIFA_TEST_POSTGRES_URL): {exc}")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _postgres_url_with_schema(schema)
    finally:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")
        conn.close()


@dataclass
class World:
    """Services over a database with the demo catalogue and a bureau's people."""

    services: Services
    clock: FixedClock
    officers: list[Officer]
    officer: Actor  # 承办人 assigned to cases
    second: Actor  # the other assigned officer
    section_head: Actor
    legal_reviewer: Actor
    bureau_head: Actor

    def actor(self, role: Role) -> Actor:
        return {Role.OFFICER: self.officer, Role.SECTION_HEAD: self.section_head,
                Role.LEGAL_REVIEWER: self.legal_reviewer, Role.BUREAU_HEAD: self.bureau_head}[role]


def make_world(database, clock: FixedClock) -> World:
    services = Services.create(database, bureau=DEMO_BUREAU, clock=clock)  # with its 文号 blocks
    services.catalogue.import_file()
    admin = Actor("admin", "管理员", Role.ADMIN)
    officers = []
    for i, (name, valid_to) in enumerate([("李明", date(2028, 12, 31)), ("王芳", date(2028, 12, 31)),
                                          ("赵强", date(2025, 12, 31))]):  # 赵强's 执法证 has expired
        officers.append(services.officers.register(admin, Officer(
            uuid=str(uuid.uuid4()), name=name, certificate_no=f"44070420{i:04d}",
            certificate_valid_from=date(2022, 1, 1), certificate_valid_to=valid_to, bureau_code="JHSJJ")))
    return World(services=services, clock=clock, officers=officers,
                 officer=Actor("u-li", "李明", Role.OFFICER, officers[0].uuid),
                 second=Actor("u-wang", "王芳", Role.OFFICER, officers[1].uuid),
                 section_head=Actor("u-chen", "陈科长", Role.SECTION_HEAD),
                 legal_reviewer=Actor("u-huang", "黄审核", Role.LEGAL_REVIEWER),
                 bureau_head=Actor("u-zhou", "周局长", Role.BUREAU_HEAD))


@pytest.fixture
def world(database, clock) -> World:
    return make_world(database, clock)


@pytest.fixture
def rng() -> random.Random:
    return random.Random(20261129)
