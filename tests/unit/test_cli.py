"""The headless `zhifa` sub-commands."""

from __future__ import annotations

import json
import sqlite3

from app.cli import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, main


def test_demo_seed_then_audit_verify_passes_and_if_empty_seeds_nothing_more(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "demo", "seed", "--cases", "8"]) == EXIT_OK
    assert main(["--data-dir", str(tmp_path), "demo", "seed", "--cases", "8", "--if-empty"]) == EXIT_OK
    assert main(["--data-dir", str(tmp_path), "audit", "verify"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "seeded 8 demo cases" in out and "already present (8 cases)" in out and "audit chain OK" in out


def test_audit_verify_names_the_first_tampered_entry(tmp_path, capsys):
    main(["--data-dir", str(tmp_path), "demo", "seed", "--cases", "3"])
    with sqlite3.connect(tmp_path / "zhifa.sqlite3") as db:
        db.execute("UPDATE audit_log SET reason = 'edited later' WHERE seq = 5")
    assert main(["--data-dir", str(tmp_path), "audit", "verify"]) == EXIT_FAILED
    assert "entry 5" in capsys.readouterr().err


def test_cases_list_prints_rows_and_a_count(tmp_path, capsys):
    main(["--data-dir", str(tmp_path), "demo", "seed", "--cases", "6"])
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "cases", "list", "--limit", "3"]) == EXIT_OK
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 4 and lines[-1] == "3 of 6 cases"


def test_a_bad_calendar_file_is_refused_with_a_message_naming_it(tmp_path, capsys):
    bad = tmp_path / "2027.json"
    bad.write_text(json.dumps({"year": 2027, "holidays": ["2026-12-31"], "workdays": []}), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "calendar", "load", str(bad)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith("zhifa: ") and "2026-12-31" in err


def test_a_loaded_calendar_year_is_kept(tmp_path, capsys):
    good = tmp_path / "2027.json"
    good.write_text(json.dumps({"year": 2027, "holidays": ["2027-01-01"], "workdays": []}), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "calendar", "load", str(good)]) == EXIT_OK
    assert main(["--data-dir", str(tmp_path), "calendar", "years"]) == EXIT_OK
    assert "2004–2027" in capsys.readouterr().out
