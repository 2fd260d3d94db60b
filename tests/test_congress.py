"""Congress day as pure functions: who is convened, the credentials report, ballot counting and its checks."""

from __future__ import annotations

import dataclasses

from helpers import workbook_bytes

from unionboard.analysis.congress import (
    ABSENT,
    CLEARED,
    PRESENT,
    Election,
    Mark,
    ballot_entry,
    congress_year,
    convened,
    count_election,
    credentials,
    election_problems,
    election_warnings,
    entry_problems,
    quorum_needed,
    runoff,
    sample_election,
    sample_entries,
    sample_marks,
    search,
    supplementary,
    tally_entry,
)
from unionboard.core.models import Member, Roster, SourceFile
from unionboard.domains.loader import check_files
from unionboard.present.congress import quorum_sentence
from unionboard.sample.report import sample_paths

ROSTER = Roster.from_members([
    Member("Nguyễn Văn An", "Nam", 1962, "Văn phòng", "Thạc sỹ", "Cao cấp", True, role="Chủ tịch"),
    Member("Phạm Thị Hoa", "Nữ", 1985, "Văn phòng", "Đại học", "Trung cấp", True, role="Đoàn viên"),
    Member("Lò Văn Páo", "Nam", 1990, "Thanh tra", "Cao đẳng", "Chưa có", False, role="Đoàn viên"),
    Member("Đỗ Thị Loan", "Nữ", 1978, "Thanh tra", "Đại học", "Sơ cấp", False, role="Đoàn viên"),
])


def _dataset(delegate_rows=None):
    from unionboard.core.models import Dataset

    dataset = Dataset(members=ROSTER)
    if delegate_rows is None:
        return dataset
    blob = workbook_bytes({"Đại biểu": [["Họ và tên", "Đơn vị", "Loại đại biểu", "Dân tộc"], *delegate_rows]})
    delegates = check_files([SourceFile("db.xlsx", blob)]).dataset.get("delegates")
    return dataset.replaced({"delegates": delegates})


def test_full_membership_congress_convenes_every_member() -> None:
    people = convened(_dataset())
    assert [p.name for p in people] == ["Nguyễn Văn An", "Phạm Thị Hoa", "Lò Văn Páo", "Đỗ Thị Loan"]
    assert all(p.kind is None for p in people)
    assert len({p.key for p in people}) == 4


def test_delegates_are_joined_with_the_roster() -> None:
    people = convened(_dataset([["nguyen van an", "Văn phòng", "Đương nhiên", "Kinh"],
                                ["Lò Văn Páo", "Thanh tra", "Bầu", "H'Mông"],
                                ["Khách Mời", "Sở", "Chỉ định", None]]))
    assert [(p.name, p.kind, p.gender, p.birth_year) for p in people] == [
        ("nguyen van an", "Đương nhiên", "Nam", 1962), ("Lò Văn Páo", "Bầu", "Nam", 1990),
        ("Khách Mời", "Chỉ định", None, None)]


def test_search_ignores_diacritics_and_case() -> None:
    people = convened(_dataset())
    assert [p.name for p in search(people, "do thi")] == ["Đỗ Thị Loan"]
    assert [p.name for p in search(people, "LO VAN")] == ["Lò Văn Páo"]
    assert len(search(people, "  ")) == 4


def test_credentials_counts_quorum_and_composition() -> None:
    people = convened(_dataset([["Nguyễn Văn An", "Văn phòng", "Đương nhiên", "Kinh"],
                                ["Phạm Thị Hoa", "Văn phòng", "Bầu", "Kinh"],
                                ["Lò Văn Páo", "Thanh tra", "Bầu", "Thái"],
                                ["Đỗ Thị Loan", "Thanh tra", "Chỉ định", "Kinh"]]))
    keys = [p.key for p in people]
    marks = [Mark(keys[0], PRESENT), Mark(keys[1], ABSENT, "Ốm"), Mark(keys[2], PRESENT),
             Mark(keys[1], PRESENT), Mark(keys[3], ABSENT, "Công tác"), Mark(keys[3], CLEARED)]
    report = credentials(people, marks, year=2017)
    assert (report.convened, report.present, report.unmarked, report.absent) == (4, 3, 1, ())
    assert report.needed == 3 and report.quorum and report.share_present == 0.75
    assert report.group("gender").rows == (("Nam", 2), ("Nữ", 1))
    assert report.group("party").rows == (("party_member", 2),)
    assert report.group("ethnic_minority").rows == (("ethnic_minority", 1),)
    assert dict(report.group("kind").rows) == {"Đương nhiên": 1, "Bầu": 2, "Chỉ định": 0}
    assert (report.age.youngest, report.age.oldest, round(report.age.average, 2)) == (27, 55, 38.0)
    assert dict(report.group("role").rows) == {"Chủ tịch": 1, "Đoàn viên": 2}


def test_quorum_is_at_least_two_thirds_by_the_charter_and_configurable_with_a_note() -> None:
    assert quorum_needed(33) == 22 and quorum_needed(34) == 23 and quorum_needed(30) == 20  # Điều lệ 2020, Điều 10.1
    assert quorum_needed(30, 2 / 3) == 20 and quorum_needed(33, 0.5) == 17
    people = convened(_dataset())
    two = [Mark(people[0].key, PRESENT), Mark(people[1].key, PRESENT)]
    three = [*two, Mark(people[2].key, PRESENT)]
    assert not credentials(people, two).quorum  # 2 of 4 is less than 2/3
    assert credentials(people, three).quorum and credentials(people, three).charter_threshold  # 3 of 4 (needs 3)
    custom = credentials(people, two, threshold=0.5)
    assert custom.quorum and not custom.charter_threshold  # "at least half": 2 of 4
    assert "KHÁC ngưỡng hai phần ba (2/3)" in quorum_sentence(custom, "vi")
    assert "Điều 10.1" in quorum_sentence(credentials(people, three), "vi")
    assert "ethnic_minority" not in [g.key for g in credentials(people, two).groups]  # no column


def test_sample_attendance_of_the_report() -> None:
    dataset = check_files(sample_paths()).dataset
    people = convened(dataset)
    report = credentials(people, sample_marks(people), year=congress_year(dataset))
    assert (report.convened, report.present, len(report.absent)) == (33, 30, 3)
    assert report.quorum and congress_year(dataset) == 2017
    assert all(reason for _name, reason in report.absent)


ELECTION = Election("Ban Chấp hành", seats=2, candidates=("An", "Bình", "Cường"), issued=5)


def _problems(found) -> list[str]:
    return [p.code for p in found[1]]


def test_a_ballot_keeps_the_names_not_crossed_out() -> None:
    entry, problems = ballot_entry(ELECTION, True, ["cuong"])
    assert problems == [] and entry.votes == (("An", 1), ("Bình", 1)) and entry.valid == 1
    invalid, _ = ballot_entry(ELECTION, False, [])
    assert (invalid.returned, invalid.valid, invalid.invalid, invalid.votes) == (1, 0, 1, ())


def test_a_ticked_ballot_is_classified_not_refused() -> None:
    too_many, problems = ballot_entry(ELECTION, True, [])
    assert problems == [] and (too_many.valid, too_many.invalid, too_many.reasons) == (0, 1, (("too_many", 1),))
    every, _ = ballot_entry(ELECTION, True, ["An", "Bình", "Cường"])
    assert every.reasons == (("all_crossed", 1),) and every.votes == ()
    fewer, _ = ballot_entry(ELECTION, True, ["An", "Bình"])  # keeps 1 of 2 seats: valid
    assert fewer.valid == 1 and fewer.votes == (("Cường", 1),)
    added, _ = ballot_entry(ELECTION, True, ["An"], added=True)
    assert added.reasons == (("added_name", 1),)
    assert ballot_entry(ELECTION, True, ["An"], unclear=True)[0].reasons == (("unclear", 1),)
    assert ballot_entry(ELECTION, True, ["An"], not_issued=True)[0].reasons == (("not_issued", 1),)
    assert ballot_entry(ELECTION, True, ["An"], private_mark=True)[0].reasons == (("private_mark", 1),)
    direct, _ = ballot_entry(ELECTION, False, [], reason="unclear")
    assert direct.reasons == (("unclear", 1),) and direct.invalid == 1
    assert _problems(ballot_entry(ELECTION, True, ["Dũng"])) == ["election.unknown_candidate"]


def test_a_one_name_list_crossed_is_a_valid_vote_against() -> None:
    chair = Election("Chủ tịch", seats=1, candidates=("An",), issued=3, kind="chair")
    against, _ = ballot_entry(chair, True, ["An"])
    assert (against.valid, against.invalid, against.votes) == (1, 0, ())
    entries = [ballot_entry(chair, True, [])[0], ballot_entry(chair, True, [])[0], against]
    result = count_election(chair, entries)
    assert result.elected == ("An",) and result.needed == 2  # 2 of 3 collected is more than half


def test_invalid_ballots_are_counted_by_reason_and_elected_is_measured_on_ballots_collected() -> None:
    entries = [tally_entry(ELECTION, 5, 3, 2, {"An": 3, "Bình": 3}, reasons={"all_crossed": 1})[0]]
    result = count_election(ELECTION, entries)
    assert result.invalid_by_reason == (("all_crossed", 1), ("unspecified", 1))
    assert result.needed == 3 and result.elected == ("An", "Bình")  # 3 of 5 collected (not of 3 valid)
    low = count_election(ELECTION, [tally_entry(ELECTION, 5, 4, 1, {"An": 2, "Bình": 4})[0]])
    assert low.elected == ("Bình",) and low.unfilled == 1  # 2 is not more than half of 5 (though half of 4 valid)
    assert _problems(tally_entry(ELECTION, 5, 4, 1, {"An": 1}, reasons={"unclear": 2})) == [
        "election.reasons_over_invalid"]


def test_tally_checks() -> None:
    assert _problems(tally_entry(ELECTION, 3, 2, 1, {"An": 2, "Bình": 1})) == []
    assert _problems(tally_entry(ELECTION, 3, 2, 0, {"An": 2})) == ["election.sum_mismatch"]
    assert _problems(tally_entry(ELECTION, 3, 2, 1, {"An": 3})) == ["election.candidate_over_valid"]
    assert _problems(tally_entry(ELECTION, 3, 2, 1, {"An": 2, "Bình": 2, "Cường": 1})) == [
        "election.votes_over_capacity"]
    assert _problems(tally_entry(ELECTION, 3, 2, 1, {"Dũng": 1})) == ["election.unknown_candidate"]
    entry, _ = tally_entry(ELECTION, 4, 4, 0, {"An": 4})
    assert [p.code for p in entry_problems(ELECTION, [entry], entry)] == ["election.returned_over_issued"]


def test_count_orders_and_elects_more_than_half() -> None:
    four = Election("Ban Chấp hành", 2, ("An", "Bình", "Cường"), 4)
    entries = [tally_entry(four, 4, 3, 1, {"An": 3, "Bình": 2, "Cường": 1})[0]]
    result = count_election(four, entries)
    assert [(c.name, c.votes, c.share) for c in result.candidates] == [("An", 3, 0.75), ("Bình", 2, 0.5),
                                                                         ("Cường", 1, 0.25)]
    assert result.elected == ("An",) and result.tied == () and result.unfilled == 1  # half is not more than half
    assert result.complete and result.remaining == 0


def test_a_tie_at_the_last_seat_is_flagged() -> None:
    entries = [tally_entry(ELECTION, 5, 5, 0, {"An": 4, "Bình": 3, "Cường": 3})[0]]
    result = count_election(ELECTION, entries)
    assert result.elected == ("An",) and result.tied == ("Bình", "Cường") and result.unfilled == 1
    assert [c.tied for c in result.candidates] == [False, True, True]
    new_round = runoff(result)
    assert (new_round.seats, new_round.candidates, new_round.reason) == (1, ("Bình", "Cường"), "runoff")
    assert supplementary(result) is None  # the tie is settled first


def test_unfilled_seats_offer_a_supplementary_round() -> None:
    result = count_election(ELECTION, [tally_entry(ELECTION, 5, 5, 0, {"An": 4, "Bình": 2, "Cường": 1})[0]])
    extra = supplementary(result)
    assert result.unfilled == 1 and (extra.seats, extra.candidates) == (1, ("Bình", "Cường"))


def test_closing_the_count_with_ballots_not_collected_makes_it_final() -> None:
    entries = [tally_entry(ELECTION, 4, 4, 0, {"An": 4, "Bình": 3})[0]]
    open_count = count_election(ELECTION, entries)
    assert not open_count.complete and open_count.remaining == 1 and open_count.not_collected == 0
    closed = count_election(dataclasses.replace(ELECTION, closed_at="2026-12-05T10:00:00Z", closed_by="Ban"), entries)
    assert closed.complete and closed.not_collected == 1 and closed.elected == ("An", "Bình")
    assert closed.returned + closed.not_collected == ELECTION.issued


def test_set_up_warnings_and_name_limits() -> None:
    codes = [p.code for p in election_warnings(Election("X", 3, ("An", "Bình"), issued=40), present=30)]
    assert codes == ["election.issued_over_present", "election.fewer_candidates"]
    assert [p.code for p in election_problems("X" * 121, 1, ["An"], 3)] == ["election.title_too_long"]
    assert [p.code for p in election_problems("X", 1, ["A" * 2000], 3)] == ["election.name_too_long"]


def test_appointed_delegates_over_five_percent_are_flagged() -> None:
    rows = [["Nguyễn Văn An", "Văn phòng", "Chỉ định", "Kinh"], ["Phạm Thị Hoa", "Văn phòng", "Bầu", "Kinh"],
            ["Lò Văn Páo", "Thanh tra", "Bầu", "Kinh"], ["Đỗ Thị Loan", "Thanh tra", "Bầu", "Kinh"]]
    people = convened(_dataset(rows))
    report = credentials(people, [])
    assert report.appointed == 1 and report.appointed_limit == 0 and report.appointed_over


def test_the_sample_election() -> None:
    result = count_election(sample_election(), sample_entries())
    assert (result.returned, result.valid, result.invalid) == (30, 29, 1)
    assert result.elected == ("Nguyễn Văn An", "Nguyễn Thị Anh", "Trần Thu Hà", "Trần Đức Bình", "Lê Thị Hằng")
    assert result.candidates[-1].name == "Lê Quang Cường" and not result.candidates[-1].elected
    assert result.problems == () and result.unfilled == 0
