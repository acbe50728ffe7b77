"""zhifa-central publishes the enforcement-matters catalogue."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from app.central.main import create_app
from app.central.settings import CentralSettings
from app.domain.errors import ValidationError


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app(CentralSettings()))


def test_health_reports_the_catalogue_size(client):
    body = client.get("/api/v1/health").json()
    assert body["status"] == "ok" and body["matters"] >= 10


def test_matters_can_be_listed_by_kind_and_fetched_by_code(client):
    coercive = client.get("/api/v1/catalogue/matters", params={"kind": "coercive"}).json()
    assert coercive and all(m["kind"] == "coercive" for m in coercive)
    one = client.get(f"/api/v1/catalogue/matters/{coercive[0]['code']}").json()
    assert one["legal_basis"].startswith("《")


def test_unknown_matter_code_is_a_404_naming_the_code(client):
    response = client.get("/api/v1/catalogue/matters/NOPE-1")
    assert response.status_code == 404 and "NOPE-1" in response.json()["detail"]


def test_a_catalogue_with_a_duplicate_code_is_refused_at_start(tmp_path):
    data = json.loads(CentralSettings().catalogue_file.read_text(encoding="utf-8"))
    data["matters"].append(dict(data["matters"][0]))
    bad = tmp_path / "matters.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        create_app(CentralSettings(catalogue_file=bad))
    assert err.value.rule == "catalogue.unique"


def test_port_setting_is_validated():
    with pytest.raises(ValueError, match="ZHIFA_CENTRAL_PORT"):
        CentralSettings.from_env({"ZHIFA_CENTRAL_PORT": "http"})
