"""diff: what an upload would change, on data sets built in code."""

from __future__ import annotations

from helpers import finance, roster
from helpers import member as m

from unionboard.analysis import diff
from unionboard.core.models import (
    Award,
    Dataset,
    Target,
    UnionInfo,
)


def target(text: str, result: str = "100%", status: str = "Đạt") -> Target:
    return Target(group="1", text=text, unit="%", target="100%", result=result, status=status,
                  target_value=100.0, result_value=float(result.rstrip("%")) if result.endswith("%") else None)


def test_members_added_removed_changed_by_folded_name_and_birth_year():
    before = roster(m("Nguyễn Văn An", 1962), m("Phạm Thị Hoa", 1985, gender="Nữ"), m("Lê Văn Bình", 1990))
    after = roster(m("NGUYEN VAN AN", 1962),  # same person: case/diacritics folded, nothing else changed
                   m("Phạm Thị Hoa", 1985, gender="Nữ", department="Thanh tra Sở", party_member=True),
                   m("Lê Văn Bình", 1991),  # another birth year: a different person
                   m("Trần Thị Mới", 1999, gender="Nữ"))
    frame = diff.compare_members(before, after)
    assert list(frame.columns) == list(diff.MEMBER_DIFF_COLUMNS)
    added = frame[frame["change"] == "added"]
    assert sorted(zip(added["name"], added["birth_year"], strict=True)) == [("Lê Văn Bình", 1991),
                                                                            ("Trần Thị Mới", 1999)]
    removed = frame[frame["change"] == "removed"]
    assert list(zip(removed["name"], removed["birth_year"], strict=True)) == [("Lê Văn Bình", 1990)]
    changed = frame[frame["change"] == "changed"].set_index("field")
    assert changed.loc["department", "before"] == "Văn phòng" and changed.loc["department", "after"] == "Thanh tra Sở"
    assert changed.loc["party_member", "before"] is False and changed.loc["party_member", "after"] is True
    assert set(changed["name"]) == {"Phạm Thị Hoa"}
    counts = diff.member_counts(before, after, frame)
    assert counts == {"before": 3, "after": 4, "added": 2, "removed": 1, "changed": 1}


def test_members_duplicates_and_missing_values_are_matched_one_to_one():
    before = roster(m("Hoa", 1990), m("Hoa", 1990), m("Không Năm", None, education=None))
    after = roster(m("Hoa", 1990), m("Không Năm", None, education=None))
    frame = diff.compare_members(before, after)
    assert list(frame["change"]) == ["removed"]
    assert frame.iloc[0]["name"] == "Hoa"
    assert diff.member_counts(before, after)["removed"] == 1


def test_members_from_nothing_and_to_nothing():
    after = roster(m("A"), m("B"))
    assert diff.member_counts(None, after) == {"before": 0, "after": 2, "added": 2, "removed": 0, "changed": 0}
    assert diff.member_counts(after, None)["removed"] == 2
    assert diff.compare_members(None, None).empty


def test_finance_per_year_before_and_after():
    before = finance(("revenue", 2016, 100), ("spending", 2016, 90), ("revenue", 2017, 50), ("spending", 2017, 40))
    after = finance(("revenue", 2016, 100), ("spending", 2016, 90), ("revenue", 2017, 70), ("spending", 2017, 40),
                    ("revenue", 2018, 10), ("spending", 2018, 5))
    frame = diff.compare_finance(before, after).set_index("year")
    assert list(frame.index) == [2016, 2017, 2018]
    assert not frame.loc[2016, "changed"]
    assert frame.loc[2017, "revenue_before"] == 50 and frame.loc[2017, "revenue_after"] == 70
    assert frame.loc[2017, "changed"]
    assert frame.loc[2018, "revenue_before"] is None and frame.loc[2018, "spending_after"] == 5
    gone = diff.compare_finance(before, None)
    assert gone["revenue_after"].isna().all() and gone["changed"].all()


def test_targets_results_changed_added_removed():
    before = (target("Học tập nghị quyết", "90%", "Chưa đạt"), target("Phát động thi đua"), target("Bỏ đi"))
    after = (target("hoc tap nghi quyet", "100%", "Đạt"), target("Phát động thi đua"), target("Mới"))
    frame = diff.compare_targets(before, after)
    by_change = {c: frame[frame["change"] == c] for c in ("added", "removed", "changed")}
    changed = by_change["changed"].iloc[0]
    assert (changed["result_before"], changed["result_after"]) == ("90%", "100%")
    assert (changed["status_before"], changed["status_after"]) == ("Chưa đạt", "Đạt")
    assert list(by_change["added"]["target"]) == ["Mới"]
    assert list(by_change["removed"]["target"]) == ["Bỏ đi"]
    assert len(frame) == 3


def test_award_counts_use_multiplicity():
    awards = (Award(2016, "Bằng khen", "Tỉnh", "Cá nhân", count=3), Award(2017, "Giấy khen", "Cơ sở", "Tập thể"))
    assert diff.award_counts(awards[:1], awards) == {"before": 3, "after": 4}
    assert diff.award_counts(None, awards) == {"before": None, "after": 4}


def test_merged_replaces_only_uploaded_domains_and_keeps_info():
    current = Dataset(members=roster(m("A")), finance=finance(("revenue", 2017, 1)),
                      info=UnionInfo(name="CĐCS Sở"))
    uploaded = Dataset(members=roster(m("A"), m("B")))
    result = diff.merged(current, uploaded)
    assert len(result.members) == 2
    assert result.finance is current.finance
    assert result.info.name == "CĐCS Sở"
    assert diff.merged(None, uploaded) is uploaded


def test_compare_domains_and_nothing_changed():
    current = Dataset(members=roster(m("A")), finance=finance(("revenue", 2017, 1)))
    same = diff.compare(current, diff.merged(current, Dataset(members=roster(m("A")))))
    assert same.domains == {"members": "unchanged", "finance": "unchanged"}
    assert not same.changed
    grown = diff.compare(current, Dataset(members=roster(m("A"), m("B")),
                                          awards=(Award(2017, "Bằng khen", "Tỉnh", "Cá nhân"),)))
    assert grown.domains == {"members": "changed", "finance": "removed", "awards": "added"}
    assert grown.member_counts["added"] == 1
    assert grown.awards == {"before": None, "after": 1}
    assert grown.changed
    assert diff.compare(None, current).domains == {"members": "added", "finance": "added"}


def test_sample_roster_plus_one_member():
    from unionboard.domains.loader import check_files
    from unionboard.sample.report import sample_paths

    sample = check_files(sample_paths()).dataset
    extra = roster(*sample.members.members, m("Trần Thị Mới", 1999, gender="Nữ"))
    d = diff.compare(sample, diff.merged(sample, Dataset(members=extra)))
    assert d.member_counts == {"before": 33, "after": 34, "added": 1, "removed": 0, "changed": 0}
    assert {k: v for k, v in d.domains.items() if v != "unchanged"} == {"members": "changed"}
