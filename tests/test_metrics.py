"""Aggregates for the dashboard and the `check --json` contract, on rosters and finance built in code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unionboard.analysis import metrics
from unionboard.core.models import (
    EDUCATION_LEVELS,
    POLITICAL_THEORY_LEVELS,
    STATUSES,
    CheckResult,
    Dataset,
    Finance,
    FinanceEntry,
    Issue,
    Member,
    Roster,
    Target,
)
from unionboard.domains.loader import check_files
from unionboard.sample.report import REVENUE, SPENDING, YEARS

DATA = Path(__file__).resolve().parent.parent / "data"


def member(gender: str | None = "Nam", education: str | None = "Đại học", theory: str = "Chưa có",
           party: bool = False, department: str = "Văn phòng", name: str = "A") -> Member:
    return Member(name=name, gender=gender, birth_year=1980, department=department, education=education,
                  political_theory=theory, party_member=party)


def report_roster() -> Roster:
    """The report's structure: 16 men, 17 women; 6 Thạc sỹ + 24 Đại học + 1 Cao đẳng + 2 Trung cấp = 33."""
    education = ["Thạc sỹ"] * 6 + ["Đại học"] * 24 + ["Cao đẳng"] + ["Trung cấp"] * 2
    genders = ["Nam"] * 16 + ["Nữ"] * 17
    party = [True] * 10 + [False] * 6 + [True] * 13 + [False] * 4  # 10 men, 13 women
    return Roster.from_members([member(g, e, party=p, name=f"M{i}")
                                for i, (g, e, p) in enumerate(zip(genders, education, party, strict=True))])


def finance_of_the_report() -> Finance:
    entries = [FinanceEntry(side, year, item, amount)
               for side, rows in (("revenue", REVENUE), ("spending", SPENDING))
               for item, amounts in rows
               for year, amount in zip(YEARS, amounts, strict=True) if amount is not None]
    return Finance(entries=tuple(entries))


# --------------------------------------------------------------------------- members


def test_member_summary_of_the_report_roster() -> None:
    s = metrics.member_summary(report_roster())
    assert s["total"] == 33
    assert s["by_gender"] == {"Nam": 16, "Nữ": 17}
    assert s["by_education"] == {"Thạc sỹ": 6, "Đại học": 24, "Cao đẳng": 1, "Trung cấp": 2}
    assert s["party_members"] == 23 and s["party_members_female"] == 13
    assert s["by_department"] == {"Văn phòng": 33}


def test_gender_counts_include_zero_for_a_missing_gender() -> None:
    s = metrics.member_summary(Roster.from_members([member("Nam"), member("Nam")]))
    assert s["by_gender"] == {"Nam": 2, "Nữ": 0}
    s = metrics.member_summary(Roster.from_members([member("Nữ")]))
    assert list(s["by_gender"].items()) == [("Nam", 0), ("Nữ", 1)]


def test_unreadable_gender_is_not_counted_as_a_gender() -> None:
    s = metrics.member_summary(Roster.from_members([member("Nữ"), member(None)]))
    assert s["total"] == 2 and s["by_gender"] == {"Nam": 0, "Nữ": 1}


def test_education_keys_follow_the_canonical_order() -> None:
    scrambled = ["Khác", "Đại học", "Tiến sỹ", "Sơ cấp", "Đại học", "Cao đẳng", "Thạc sỹ", "Trung cấp"]
    s = metrics.member_summary(Roster.from_members([member(education=e) for e in scrambled]))
    assert list(s["by_education"]) == [lvl for lvl in EDUCATION_LEVELS if lvl in scrambled]
    assert s["by_education"]["Đại học"] == 2


def test_values_outside_the_order_come_last_by_count() -> None:
    values = ["Đại học", "Lạ 1", "Lạ 2", "Lạ 2", None]
    s = metrics.member_summary(Roster.from_members([member(education=e) for e in values]))
    assert list(s["by_education"].items()) == [("Đại học", 1), ("Lạ 2", 2), ("Lạ 1", 1)]


def test_political_theory_order() -> None:
    theories = ["Chưa có", "Sơ cấp", "Cao cấp", "Trung cấp", "Cao cấp"]
    s = metrics.member_summary(Roster.from_members([member(theory=p) for p in theories]))
    assert list(s["by_political_theory"]) == list(POLITICAL_THEORY_LEVELS)
    assert s["by_political_theory"]["Cao cấp"] == 2


def test_party_members_female_counts_only_women_in_the_party() -> None:
    roster = Roster.from_members([member("Nữ", party=True), member("Nữ", party=False),
                                  member("Nam", party=True), member(None, party=True)])
    s = metrics.member_summary(roster)
    assert s["party_members"] == 3 and s["party_members_female"] == 1


def test_department_counts_keep_order_of_appearance() -> None:
    roster = Roster.from_members([member(department=d) for d in ("Thanh tra", "Văn phòng", "Thanh tra")])
    assert metrics.member_summary(roster)["by_department"] == {"Thanh tra": 2, "Văn phòng": 1}
    assert list(metrics.member_summary(roster)["by_department"]) == ["Thanh tra", "Văn phòng"]


def test_summary_values_are_plain_ints() -> None:
    s = metrics.member_summary(report_roster())
    counts = [s["total"], s["party_members"], s["party_members_female"], *s["by_gender"].values(),
              *s["by_education"].values(), *s["by_department"].values()]
    assert all(type(n) is int for n in counts)


def test_below_university_counts_trung_cap_so_cap_khac_not_cao_dang() -> None:
    assert metrics.below_university(metrics.member_summary(report_roster())) == 2  # 6 + 24 + 1 + 2 = 33
    summary = {"by_education": {"Đại học": 5, "Cao đẳng": 4, "Trung cấp": 3, "Sơ cấp": 2, "Khác": 1}}
    assert metrics.below_university(summary) == 6
    assert metrics.below_university({"by_education": {"Cao đẳng": 9, "Thạc sỹ": 1}}) == 0


# --------------------------------------------------------------------------- targets, finance


def target(status: str) -> Target:
    return Target(group="1", text="x", unit="%", target="100%", result="100%", status=status)


def test_target_counts_every_status_in_order() -> None:
    counts = metrics.target_counts((target("Đạt"), target("Vượt"), target("Đạt")))
    assert list(counts.items()) == [("Vượt", 1), ("Đạt", 2), ("Chưa đạt", 0)]
    assert metrics.target_counts(()) == dict.fromkeys(STATUSES, 0)


def test_finance_summary_of_the_report() -> None:
    s = metrics.finance_summary(Dataset(finance=finance_of_the_report()))
    assert s["revenue"]["total"] == 310_992_000 and s["spending"]["total"] == 308_835_000
    assert s["closing_balance"] == 2_157_000 and s["opening_balance"] == 0
    assert list(s["revenue"]["by_year"]) == ["2013", "2014", "2015", "2016", "2017"]
    assert s["revenue"]["by_year"]["2013"] == 59_777_000
    assert s["spending"]["by_year"]["2014"] == 76_192_000
    assert list(s["revenue"]["by_source"]) == [item for item, _ in REVENUE]
    assert list(s["spending"]["by_category"]) == [item for item, _ in SPENDING]
    assert s["spending"]["by_category"]["Chi trợ cấp, khuyết tật"] == 2_000_000


def test_finance_summary_is_plain_json() -> None:
    s = metrics.finance_summary(Dataset(finance=finance_of_the_report()))
    assert all(type(v) is int for side in ("revenue", "spending") for v in s[side]["by_year"].values())
    assert all(isinstance(k, str) for k in s["spending"]["by_year"])
    assert json.loads(json.dumps(s)) == s


def test_finance_summary_with_opening_balance() -> None:
    finance = Finance(entries=(FinanceEntry("revenue", 2020, "Thu", 10),
                               FinanceEntry("spending", 2020, "Chi", 4)), opening_balance=100)
    s = metrics.finance_summary(Dataset(finance=finance))
    assert s["opening_balance"] == 100 and s["closing_balance"] == 106


def test_finance_summary_without_finance() -> None:
    assert metrics.finance_summary(Dataset()) is None


# --------------------------------------------------------------------------- the JSON contract

CONTRACT_KEYS = ["ok", "issues", "members", "finance", "targets", "awards", "term_targets", "budget", "delegates",
                 "rule_lines", "cashbook", "settlement", "rule_groups", "rules"]


@pytest.fixture(scope="module")
def sample_result() -> CheckResult:
    return check_files(sorted(DATA.glob("*.xlsx")))


def test_summary_of_the_sample_has_the_contract_keys(sample_result: CheckResult) -> None:
    s = metrics.summary(sample_result)
    assert list(s) == CONTRACT_KEYS
    assert s["ok"] is True
    assert s["members"]["total"] == 33 and s["members"]["by_gender"] == {"Nam": 16, "Nữ": 17}
    assert s["members"]["by_education"] == {"Thạc sỹ": 6, "Đại học": 24, "Cao đẳng": 1, "Trung cấp": 2}
    assert s["finance"]["revenue"]["total"] == 310_992_000
    assert s["finance"]["closing_balance"] == 2_157_000
    assert s["targets"] == {"total": 9, "by_status": {"Vượt": 2, "Đạt": 7, "Chưa đạt": 0}}
    assert s["awards"] == {"total": 12, "count": 38}
    assert s["term_targets"]["total"] == 13
    assert s["budget"] == {"years": [2013, 2014, 2015, 2016, 2017, 2018]}
    assert s["issues"] == [i.to_dict() for i in sample_result.issues]
    assert json.loads(json.dumps(s, ensure_ascii=False)) == s


def test_summary_of_nothing() -> None:
    s = metrics.summary(check_files([]))
    assert list(s) == CONTRACT_KEYS
    assert {k: s[k] for k in CONTRACT_KEYS[2:-1]} == dict.fromkeys(CONTRACT_KEYS[2:-1])
    assert s["rules"] == []  # no finance figures: no rule to check
    assert s["ok"] is True and s["issues"] == []


def test_summary_reports_errors() -> None:
    result = CheckResult(dataset=Dataset(), issues=(Issue("error", "x.xlsx", "S", "A1", "hỏng"),))
    s = metrics.summary(result)
    assert s["ok"] is False
    assert s["issues"] == [{"severity": "error", "file": "x.xlsx", "sheet": "S", "cell": "A1", "message": "hỏng",
                            "code": ""}]


def test_the_summary_names_the_columns_the_roster_lacks(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in (["STT", "Họ và tên", "Giới tính", "Năm sinh", "Đơn vị"], [1, "Nguyễn Văn An", "Nam", 1985, "Kho"]):
        ws.append(row)
    wb.save(tmp_path / "ds.xlsx")
    summary = metrics.member_summary(check_files([tmp_path / "ds.xlsx"]).dataset.members)
    assert summary["columns_absent"] == ["education", "join_date", "party_member", "political_theory", "role",
                                         "status"]
    assert summary["by_political_theory"] is None  # unknown (null), not everyone "Chưa có"
