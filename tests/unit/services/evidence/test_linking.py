"""Triage: imported items wait unlinked; Zhifa proposes cases by the device's officer number and the
time of the recording; the officer confirms or picks; an item may serve several cases; items left
unlinked too long are flagged; every link, unlink, export and check is in the chain of custody."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.domain.errors import NotFound, UserError, ValidationError
from app.domain.officers import Actor, Role
from app.services.clock import SHANGHAI
from tests.fakes.leads import lead
from tests.unit.services.evidence.conftest import blob, run_import, write_tree
from tests.unit.services.evidence.test_importer import ListingDriver, listed

SUPERVISOR = Actor("u-sun", "孙监督", Role.SUPERVISOR)


def open_case(world, rng, officers, **kw):  # type: ignore[no-untyped-def]
    return world.services.cases.open_case_from_lead(world.officer, lead(world, rng, officer_uuids=officers, **kw))


def import_items(world, evidence, volume, files):  # type: ignore[no-untyped-def]
    """files: relpath -> (officer_no, recorded_at); returns relpath -> item."""
    write_tree(volume, {rel: blob(100 + i, i) for i, rel in enumerate(files)})
    driver = ListingDriver([listed(rel, 100 + i, officer_no=no, recorded_at=at)
                            for i, (rel, (no, at)) in enumerate(files.items())])
    from tests.unit.services.evidence.conftest import source

    record = evidence.run(evidence.plan(source(volume, driver=driver, offset=0.0, officer_no=""), world.officer).uuid,
                          world.officer)
    return {f.original_path: evidence.item(f.item_uuid) for f in evidence.files(record.uuid)}


@pytest.fixture
def cases(world, rng):
    li, wang, zhao = (o.uuid for o in world.officers)
    return {"li": open_case(world, rng, (li, wang)), "zhao": open_case(world, rng, (zhao, wang))}


def test_the_case_of_the_officer_on_the_device_is_proposed_first_with_its_reasons(world, evidence, volume, cases):
    now = world.clock.now()
    items = import_items(world, evidence, volume, {"a.mp4": ("440704200000", now - timedelta(hours=2)),
                                                   "b.mp4": ("200002", now - timedelta(hours=3)),
                                                   "c.mp4": ("", now - timedelta(hours=1))})
    first = evidence.proposals(items["a.mp4"].uuid)
    assert [p.case_uuid for p in first] == [cases["li"].uuid, cases["zhao"].uuid]
    assert first[0].score > first[1].score
    assert first[0].reasons[0] == "设备记录的警号是李明的执法证号 440704200000"
    assert first[0].reasons[1].startswith("录制于案件办理期间（") and "今）" in first[0].reasons[1]
    assert first[0].reasons[2] == "录制时间距案件登记 2 小时"
    by_suffix = evidence.proposals(items["b.mp4"].uuid)  # "200002" ends 赵强's 440704200002
    assert by_suffix[0].case_uuid == cases["zhao"].uuid
    assert by_suffix[0].reasons[0] == "设备记录的警号与赵强的执法证号 440704200002 尾号一致"
    by_time = evidence.proposals(items["c.mp4"].uuid)  # no officer number: the cases open at that time
    assert {p.case_uuid for p in by_time} == {cases["li"].uuid, cases["zhao"].uuid}
    assert all(p.score < first[0].score for p in by_time)


def test_a_recording_close_to_a_step_of_the_case_says_which(world, evidence, volume, rng):
    from tests.fakes.walks import opened, step

    case = opened(world, rng)
    world.clock.set(world.clock.now() + timedelta(hours=20))
    case = step(world, world.officer, case, "submit_filing")
    world.clock.set(world.clock.now() + timedelta(hours=5))
    items = import_items(world, evidence, volume, {"a.mp4": ("", world.clock.now() - timedelta(hours=1))})
    [p] = evidence.proposals(items["a.mp4"].uuid)
    assert p.case_uuid == case.uuid and p.reasons[-1] == "录制时间距案件环节「提请立案审批」4 小时"


def test_a_recording_far_from_any_case_is_proposed_only_by_officer(world, evidence, volume, cases):
    long_ago = datetime(2024, 5, 1, 10, 0, tzinfo=SHANGHAI)
    items = import_items(world, evidence, volume, {"old.mp4": ("440704200000", long_ago),
                                                   "stranger.mp4": ("99999999", long_ago)})
    [only] = evidence.proposals(items["old.mp4"].uuid)
    assert only.case_uuid == cases["li"].uuid and len(only.reasons) == 1
    assert evidence.proposals(items["stranger.mp4"].uuid) == []


def test_items_are_linked_split_over_cases_and_unlinked_with_a_reason_all_in_the_chain_of_custody(
        world, evidence, volume, cases):
    now = world.clock.now()
    items = import_items(world, evidence, volume, {"a.mp4": ("440704200000", now), "b.mp4": ("440704200000", now)})
    a, b = items["a.mp4"].uuid, items["b.mp4"].uuid
    li, zhao = cases["li"].uuid, cases["zhao"].uuid
    assert evidence.link([a, b], li, world.officer) == 2
    assert evidence.link([a], zhao, world.second, how="picked") == 1  # the same footage serves both cases
    assert evidence.link([a], li, world.officer) == 0  # already linked
    assert set(evidence.item(a).case_uuids) == {li, zhao}
    assert [i.uuid for i in evidence.case_items(zhao)] == [a]
    assert evidence.proposals(a) == []  # both cases it could serve already hold it
    with pytest.raises(ValidationError):
        evidence.unlink(a, zhao, world.second, "  ")
    evidence.unlink(a, zhao, world.second, "误关联")
    assert evidence.case_items(zhao) == [] and evidence.item(a).case_uuids == (li,)
    with pytest.raises(NotFound):
        evidence.unlink(a, zhao, world.second, "again")
    steps = [(e.action, e.actor_name) for e in evidence.custody(a)]
    assert steps == [("evidence.import", "李明"), ("evidence.link", "李明"), ("evidence.link", "王芳"),
                     ("evidence.unlink", "王芳")]
    unlink = evidence.custody(a)[-1]
    assert unlink.details["reason"] == "误关联" and unlink.details["case_uuid"] == zhao
    assert [e.item_uuid for e in evidence.custody(zhao)] == [a, a, a, a]  # what it held, though unlinked now
    assert {e.item_uuid for e in evidence.custody(li)} == {a, b}
    assert world.services.audit.verify().ok


def test_only_people_working_cases_link_and_only_with_a_known_way(world, evidence, volume, cases):
    items = import_items(world, evidence, volume, {"a.mp4": ("", world.clock.now())})
    a = items["a.mp4"].uuid
    with pytest.raises(UserError, match="无权将证据关联到案件"):
        evidence.link([a], cases["li"].uuid, SUPERVISOR)
    with pytest.raises(ValidationError):
        evidence.link([a], cases["li"].uuid, world.officer, how="guessed")
    with pytest.raises(NotFound):
        evidence.link([a], "no-such-case", world.officer)
    with pytest.raises(NotFound):
        evidence.custody("neither-item-nor-case")


def test_unlinked_items_older_than_the_set_days_are_flagged(world, evidence, volume, cases):
    now = world.clock.now()
    items = import_items(world, evidence, volume, {"a.mp4": ("440704200000", now), "b.mp4": ("", now)})
    queue = evidence.triage()
    assert {t.item.uuid for t in queue} == {i.uuid for i in items.values()}
    assert not any(t.flagged for t in queue) and evidence.flagged_count() == 0
    assert queue[0].proposals or queue[1].proposals
    world.clock.set(now + timedelta(days=8))
    assert evidence.flagged_count() == 2
    flagged = evidence.triage(flagged_only=True, with_proposals=False)
    assert all(t.flagged and t.age_days == 8 and t.proposals == () for t in flagged)
    evidence.link([items["a.mp4"].uuid], cases["li"].uuid, world.officer)
    assert evidence.flagged_count() == 1 and [t.item.uuid for t in evidence.triage()] == [items["b.mp4"].uuid]
    evidence.flag_days = 10
    assert evidence.flagged_count() == 0


def test_a_custody_export_and_a_check_of_the_stored_file_are_recorded(world, evidence, volume, cases, tmp_path):
    items = import_items(world, evidence, volume, {"a.mp4": ("", world.clock.now())})
    a = items["a.mp4"]
    evidence.link([a.uuid], cases["li"].uuid, world.officer)
    evidence.record_export(world.officer, cases["li"].uuid, tmp_path / "证据保管记录.pdf", sha256="ab" * 32)
    assert evidence.verify_item(a.uuid, world.officer)
    path = evidence.file_path(a)
    path.chmod(0o644)
    path.write_bytes(b"tampered")
    assert not evidence.verify_item(a.uuid, world.officer)
    chain = evidence.custody(a.uuid)
    assert [e.action for e in chain] == ["evidence.import", "evidence.link", "evidence.export", "evidence.verify",
                                         "evidence.verify"]
    assert chain[2].details["file"] == "证据保管记录.pdf" and [e.details["ok"] for e in chain[3:]] == [True, False]
    assert [e.audit_seq for e in chain] == sorted(e.audit_seq for e in chain)


def test_a_device_that_gave_nothing_to_link_leaves_an_empty_queue(world, evidence, volume):
    write_tree(volume, {})
    assert run_import(evidence, world.officer, volume).files == 0
    assert evidence.triage() == [] and evidence.flagged_count() == 0
