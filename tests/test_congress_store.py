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
from unionboard.store.congress import CongressError, CongressStore

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
    assert store.publish([roster], by="test").ok
    assert len(convened(store.current_result().dataset)) == 33  # a congress of all members
    delegates = SourceFile("dai-bieu.xlsx", workbook_bytes({"Đại biểu": [
        ["Họ và tên", "Đơn vị", "Loại đại biểu"], ["Nguyễn Văn An", "Văn phòng Sở", "Đương nhiên"],
        ["Trần Thu Hà", "Phòng Công nghệ thông tin", "Bầu"]]}))
    assert store.publish([delegates], by="test").ok
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
    assert store.void_entry(election.id, wrong.id, by="Trưởng ban")
    assert not store.void_entry(election.id, wrong.id, by="Trưởng ban")
    assert store.entries(election.id) == ()
    right = store.add_entry(election.id, ballot_entry(election, True, ["Bình"])[0], by="Kiểm phiếu 1")
    assert store.entries(election.id) == (right,)  # the cancelled ballot no longer counts toward issued
