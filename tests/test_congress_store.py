"""Attendance and ballot counting in the store (SQLite and PostgreSQL): who and when, parallel writers lose
nothing, bad input changes nothing."""

from __future__ import annotations

import threading

import pytest

from unionboard.analysis.congress import (
    ABSENT,
    PRESENT,
    ballot_entry,
    count_election,
    latest_marks,
    tally_entry,
)
from unionboard.analysis.double_entry import AGREED, DISAGREE, RESOLVED, batches, counted_entries
from unionboard.publish import publish_files
from unionboard.store.congress import CongressError, CongressStore, Duplicate

THREADS = 6


def _run(workers) -> list[BaseException]:
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(workers))

    def wrap(work):
        def run():
            barrier.wait()
            try:
                work()
            except BaseException as exc:  # noqa: BLE001 - collected and asserted on below
                errors.append(exc)
        return run

    threads = [threading.Thread(target=wrap(w)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_marks_keep_who_and_when_and_the_latest_counts(store_url) -> None:
    store = CongressStore(store_url)
    store.mark("an|vp", "Nguyễn Văn An", ABSENT, "Thư ký", reason="Ốm")
    store.mark("an|vp", "Nguyễn Văn An", PRESENT, "Chủ tịch")
    marks = store.marks()
    assert [(m.status, m.by) for m in marks] == [(ABSENT, "Thư ký"), (PRESENT, "Chủ tịch")]
    assert marks[0].reason == "Ốm" and marks[0].at.endswith("+00:00")
    assert latest_marks(marks)["an|vp"].status == PRESENT


def test_bad_marks_change_nothing(store_url) -> None:
    store = CongressStore(store_url)
    with pytest.raises(CongressError, match="lý do vắng mặt"):
        store.mark("an|vp", "Nguyễn Văn An", ABSENT, "Thư ký", reason="  ")
    with pytest.raises(CongressError):
        store.mark("an|vp", "Nguyễn Văn An", "maybe", "Thư ký")
    assert store.marks() == ()


def test_concurrent_check_ins_lose_no_mark(store_url) -> None:
    store = CongressStore(store_url)
    per_thread = 15

    def device(n: int):
        return lambda: [CongressStore(store_url).mark(f"p{n}-{i}|x", f"Người {n}-{i}", PRESENT, f"máy {n}")
                        for i in range(per_thread)]

    assert _run([device(n) for n in range(THREADS)]) == []
    marks = store.marks()
    assert len(marks) == THREADS * per_thread
    assert len(latest_marks(marks)) == THREADS * per_thread


def test_election_set_up_is_checked(store_url) -> None:
    store = CongressStore(store_url)
    with pytest.raises(CongressError) as caught:
        store.create_election(" ", 0, ["An", "an", ""], 0, by="Trưởng ban")
    assert [p.code for p in caught.value.problems] == ["election.no_title", "election.no_seats",
                                                       "election.repeated_candidate", "election.no_ballots"]
    assert store.elections() == ()
    election = store.create_election("Ban Chấp hành", 2, ["An", " Bình ", "Cường"], 10, by="Trưởng ban")
    assert store.elections() == (election,) and election.candidates == ("An", "Bình", "Cường")
    store.remove_election(election.id)
    assert store.elections() == ()


def test_bad_entries_change_nothing(store_url) -> None:
    store = CongressStore(store_url)
    election = store.create_election("Ban Chấp hành", 2, ["An", "Bình", "Cường"], 3, by="Trưởng ban")
    entry, _ = tally_entry(election, 3, 3, 0, {"An": 3, "Bình": 2})
    store.add_entry(election.id, entry, by="Kiểm phiếu 1")
    one_more, _ = ballot_entry(election, False, [])
    with pytest.raises(CongressError, match=r"thu về \(4\) sẽ nhiều hơn số phiếu phát ra \(3\)"):
        store.add_entry(election.id, one_more, by="Kiểm phiếu 2")
    with pytest.raises(CongressError):
        store.add_entry(election.id + 99, one_more, by="Kiểm phiếu 2")
    (stored,) = store.entries(election.id)
    assert (stored.returned, stored.votes, stored.by) == (3, (("An", 3), ("Bình", 2)), "Kiểm phiếu 1")


def test_concurrent_ballot_entry_loses_nothing_and_never_passes_the_ballots_issued(store_url) -> None:
    store = CongressStore(store_url)
    issued, per_thread = 40, 8  # 6 counters × 8 ballots = 48 attempts for 40 ballots
    election = store.create_election("Ban Chấp hành", 2, ["An", "Bình", "Cường"], issued, by="Trưởng ban")
    refused: list[int] = []

    def counter(n: int):
        def work():
            mine = CongressStore(store_url)
            for _ in range(per_thread):
                entry, problems = ballot_entry(election, True, ["Cường"])
                assert problems == []
                try:
                    mine.add_entry(election.id, entry, by=f"Kiểm phiếu {n}")
                except CongressError as exc:
                    assert [p.code for p in exc.problems] == ["election.returned_over_issued"]
                    refused.append(n)
        return work

    assert _run([counter(n) for n in range(THREADS)]) == []
    entries = store.entries(election.id)
    assert len(entries) == issued and len(refused) == THREADS * per_thread - issued
    result = count_election(election, entries)
    assert (result.returned, result.valid) == (issued, issued)
    assert [(c.name, c.votes) for c in result.candidates] == [("An", issued), ("Bình", issued), ("Cường", 0)]
    assert result.elected == ("An", "Bình") and result.complete


def test_a_published_delegates_list_decides_who_is_convened(store_url) -> None:
    from helpers import workbook_bytes

    from unionboard.analysis.congress import convened
    from unionboard.core.models import SourceFile
    from unionboard.sample.report import SAMPLE_DIR
    from unionboard.store.versions import open_store

    store = open_store(store_url)
    roster = SourceFile("doan-vien.xlsx", (SAMPLE_DIR / "doan-vien.xlsx").read_bytes())
    assert publish_files(store, [roster], by="test").ok
    assert len(convened(store.current_result().dataset)) == 33  # a congress of all members
    delegates = SourceFile("dai-bieu.xlsx", workbook_bytes({"Đại biểu": [
        ["Họ và tên", "Đơn vị", "Loại đại biểu"], ["Nguyễn Văn An", "Văn phòng Sở", "Đương nhiên"],
        ["Trần Thu Hà", "Phòng Công nghệ thông tin", "Bầu"]]}))
    assert publish_files(store, [delegates], by="test").ok
    people = convened(store.current_result().dataset)  # the roster carried over, joined by name
    assert [(p.name, p.kind, p.gender, p.birth_year) for p in people] == [
        ("Nguyễn Văn An", "Đương nhiên", "Nam", 1962), ("Trần Thu Hà", "Bầu", "Nữ", 1963)]


def test_the_store_checks_an_entry_built_by_hand(store_url) -> None:
    from unionboard.analysis.congress import Entry

    store = CongressStore(store_url)
    election = store.create_election("Chủ tịch", 1, ["An", "Bình"], 5, by="test")
    bad = {
        "election.unknown_candidate": Entry(1, 1, 0, (("Dũng", 1),), mode="ballot"),
        "election.too_many_names": Entry(1, 1, 0, (("An", 1), ("Bình", 1)), mode="ballot"),
        "election.sum_mismatch": Entry(3, 1, 1, (("An", 1),)),
        "election.candidate_over_valid": Entry(2, 2, 0, (("An", 3),)),
        "election.negative": Entry(0, 1, -1, ()),
    }
    for code, entry in bad.items():
        with pytest.raises(CongressError) as caught:
            store.add_entry(election.id, entry, by="test")
        assert code in [p.code for p in caught.value.problems]
    assert store.entries(election.id) == ()


def test_an_entry_made_by_mistake_is_cancelled_once(store_url) -> None:
    store = CongressStore(store_url)
    election = store.create_election("Chủ tịch", 1, ["An", "Bình"], 1, by="test")
    wrong = store.add_entry(election.id, ballot_entry(election, True, ["An"])[0], by="Kiểm phiếu 1")
    with pytest.raises(CongressError, match="lý do hủy"):
        store.void_entry(election.id, wrong.id, by="Trưởng ban", reason=" ")
    assert store.void_entry(election.id, wrong.id, by="Trưởng ban", reason="Nhập nhầm phiếu")
    assert not store.void_entry(election.id, wrong.id, by="Trưởng ban", reason="Nhập nhầm phiếu")
    assert store.entries(election.id) == ()
    logged = store.entries(election.id, include_voided=True)[0]
    assert (logged.voided_by, logged.void_reason) == ("Trưởng ban", "Nhập nhầm phiếu")
    right = store.add_entry(election.id, ballot_entry(election, True, ["Bình"])[0], by="Kiểm phiếu 1")
    assert store.entries(election.id) == (right,)  # the cancelled ballot no longer counts toward issued


def test_a_submission_key_is_stored_once(store_url) -> None:
    store = CongressStore(store_url)
    election = store.create_election("Ban Chấp hành", 2, ["An", "Bình", "Cường"], 10, by="Ban", submission="e-1")
    with pytest.raises(Duplicate):
        store.create_election("Ban Chấp hành", 2, ["An", "Bình", "Cường"], 10, by="Ban", submission="e-1")
    entry = ballot_entry(election, True, ["An"])[0]
    store.add_entry(election.id, entry, by="Kiểm phiếu 1", submission="b-1")
    with pytest.raises(Duplicate, match="không ghi lần thứ hai"):
        store.add_entry(election.id, entry, by="Kiểm phiếu 1", submission="b-1")
    store.mark("an|vp", "An", PRESENT, "Thư ký", submission="m-1")
    with pytest.raises(Duplicate):
        store.mark("an|vp", "An", PRESENT, "Thư ký", submission="m-1")
    assert len(store.entries(election.id)) == 1 and len(store.marks()) == 1 and len(store.elections()) == 1


def test_parallel_resends_of_one_submission_store_it_once(store_url) -> None:
    store = CongressStore(store_url)
    election = store.create_election("Ban Chấp hành", 2, ["An", "Bình", "Cường"], 30, by="Ban")
    entry = tally_entry(election, 3, 3, 0, {"An": 3})[0]
    errors = _run([lambda: store.add_entry(election.id, entry, by="Kiểm phiếu 1", submission="same")] * THREADS)
    assert len(store.entries(election.id)) == 1
    assert len(errors) == THREADS - 1 and all(isinstance(e, Duplicate) for e in errors)


def test_the_unique_constraint_refuses_a_raw_second_insert(store_url) -> None:
    from sqlalchemy import insert
    from sqlalchemy.exc import IntegrityError

    from unionboard.store.congress import marks_table
    from unionboard.store.versions import utc_now

    store = CongressStore(store_url)
    row = dict(person="x", name="X", status=PRESENT, reason="", created_by="t", created_at=utc_now(), submission="k")
    with store.store.write() as conn:
        conn.execute(insert(marks_table).values(**row))
    with pytest.raises(IntegrityError), store.store.write() as conn:
        conn.execute(insert(marks_table).values(**row))


def test_closing_the_count_and_a_linked_new_round(store_url) -> None:
    store = CongressStore(store_url)
    election = store.create_election("Ban Chấp hành", 2, ["An", "Bình", "Cường"], 6, by="Ban", present=6)
    store.add_entry(election.id, tally_entry(election, 5, 5, 0, {"An": 4, "Bình": 3, "Cường": 3})[0], by="KP")
    assert not count_election(store.election(election.id), store.entries(election.id)).complete
    assert store.close_election(election.id, by="Trưởng ban") and not store.close_election(election.id, by="x")
    closed = store.election(election.id)
    result = count_election(closed, store.entries(election.id))
    assert closed.closed and result.complete and result.not_collected == 1
    assert result.elected == ("An",) and result.tied == ("Bình", "Cường")
    with pytest.raises(CongressError, match="đã kết thúc"):
        store.add_entry(election.id, tally_entry(election, 1, 1, 0, {"An": 1})[0], by="KP")
    from unionboard.analysis.congress import runoff
    new_round = runoff(result)
    second = store.create_election(new_round.title, new_round.seats, new_round.candidates, 4, by="Ban",
                                   parent=new_round.parent, kind=new_round.kind)
    assert (second.parent, second.seats, second.candidates) == (election.id, 1, ("Bình", "Cường"))


def test_concurrent_double_entry_by_two_counters_compares_batches(store_url) -> None:
    store = CongressStore(store_url)
    election = store.create_election("Ban Chấp hành", 2, ["An", "Bình", "Cường"], 20, by="Ban", required=2)
    agree = tally_entry(election, 10, 9, 1, {"An": 9, "Bình": 5}, batch=1)[0]
    slip = tally_entry(election, 10, 9, 1, {"An": 9, "Bình": 6}, batch=2)[0]
    other = tally_entry(election, 10, 9, 1, {"An": 9, "Bình": 5}, batch=2)[0]
    errors = _run([lambda: store.add_entry(election.id, agree, by="Kiểm phiếu 1"),
                   lambda: store.add_entry(election.id, agree, by="Kiểm phiếu 2"),
                   lambda: store.add_entry(election.id, slip, by="Kiểm phiếu 1"),
                   lambda: store.add_entry(election.id, other, by="Kiểm phiếu 2")])
    assert errors == []
    entries = store.entries(election.id)
    states = {b.number: b for b in batches(election, entries)}
    assert states[1].status == AGREED and states[2].status == DISAGREE
    assert [(d.figure, sorted(v for _by, _id, v in d.values)) for d in states[2].disagreements] == [("Bình", [5, 6])]
    assert sum(e.returned for e in counted_entries(election, entries)) == 10  # the disagreeing batch waits
    right = next(e for e in entries if e.batch == 2 and dict(e.votes)["Bình"] == 5)
    store.resolve(election.id, 2, right.id, by="Trưởng ban", reason="Đếm lại lô 2: 5 phiếu")
    resolved = {b.number: b for b in batches(election, entries, store.resolutions(election.id))}
    assert resolved[2].status == RESOLVED and resolved[2].resolution.by == "Trưởng ban"
    result = count_election(election, counted_entries(election, entries, store.resolutions(election.id)))
    assert (result.returned, dict((c.name, c.votes) for c in result.candidates)["Bình"]) == (20, 10)


def test_an_older_database_gains_the_new_columns(tmp_path) -> None:
    from sqlalchemy import create_engine, text

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE congress_entries (id INTEGER PRIMARY KEY, election_id INTEGER NOT NULL, "
                          "mode VARCHAR(16) NOT NULL, returned INTEGER NOT NULL, valid INTEGER NOT NULL, "
                          "invalid INTEGER NOT NULL, votes_json TEXT NOT NULL, created_by TEXT NOT NULL, "
                          "created_at DATETIME NOT NULL, voided_by TEXT, voided_at DATETIME)"))
    engine.dispose()
    store = CongressStore(url)
    election = store.create_election("Chủ tịch", 1, ["An"], 3, by="Ban", kind="chair")
    store.add_entry(election.id, ballot_entry(election, True, [])[0], by="KP", submission="once")
    with pytest.raises(Duplicate):
        store.add_entry(election.id, ballot_entry(election, True, [])[0], by="KP", submission="once")
    assert store.election(election.id).kind == "chair"


def test_marks_stay_with_the_person_when_the_data_is_republished(store_url) -> None:
    from unionboard.analysis.congress import Person, credentials
    from unionboard.analysis.identities import orphaned

    store = CongressStore(store_url)
    first = store.stable([Person("", "Nguyễn Văn An", "Văn phòng"), Person("", "Phạm Thị Hoa", "Thanh tra")])
    store.mark(first[0].key, first[0].name, PRESENT, "Thư ký")
    store.mark(first[1].key, first[1].name, ABSENT, "Thư ký", reason="Ốm")
    # re-published: rows reordered, An's unit renamed, a newcomer added
    again = store.stable([Person("", "Lê Mới", "Kho"), Person("", "Phạm Thị Hoa", "Thanh tra"),
                          Person("", "Nguyễn Văn An", "Văn phòng Sở")])
    report = credentials(again, store.marks())
    assert report.present == 1 and report.absent == (("Phạm Thị Hoa", "Ốm"),) and report.unmarked == 1
    assert orphaned(again, store.marks()) == ()
    assert len(store.identities()) == 3
    gone = store.stable([Person("", "Phạm Thị Hoa", "Thanh tra")], record=False)
    assert [m.name for m in orphaned(gone, store.marks())] == ["Nguyễn Văn An"]
