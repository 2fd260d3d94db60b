"""Domain models: Finance aggregates in the report's layout, Roster round trip, CheckResult, Dataset."""

from __future__ import annotations

from unionboard.core.models import (
    DOMAINS,
    MEMBER_COLUMNS,
    Award,
    BudgetLine,
    CheckResult,
    Dataset,
    Finance,
    FinanceEntry,
    Issue,
    Member,
    Roster,
    Target,
    TermTarget,
)
from unionboard.sample.report import CLOSING_BALANCE, REVENUE, SPENDING, YEARS


def report_finance(opening_balance: int = 0) -> Finance:
    entries = [FinanceEntry(side, year, item, amount)
               for side, rows in (("revenue", REVENUE), ("spending", SPENDING))
               for item, amounts in rows
               for year, amount in zip(YEARS, amounts, strict=True) if amount is not None]
    return Finance(entries=tuple(entries), opening_balance=opening_balance)


# --------------------------------------------------------------------------- Finance


def test_sides_and_years() -> None:
    finance = report_finance()
    assert finance.years == YEARS
    assert len(finance.revenue) == 15 and all(e.side == "revenue" for e in finance.revenue)
    assert len(finance.spending) == 4 + 5 + 5 + 1 and all(e.side == "spending" for e in finance.spending)


def test_by_year() -> None:
    finance = report_finance()
    assert finance.by_year("revenue") == {2013: 59_777_000, 2014: 63_980_000, 2015: 83_060_000,
                                          2016: 61_385_000, 2017: 42_790_000}
    assert finance.by_year("spending")[2014] == 76_192_000


def test_by_year_has_every_year_even_without_entries_on_that_side() -> None:
    finance = Finance(entries=(FinanceEntry("revenue", 2013, "Thu", 5), FinanceEntry("spending", 2015, "Chi", 3)))
    assert finance.by_year("revenue") == {2013: 5, 2015: 0}
    assert finance.by_year("spending") == {2013: 0, 2015: 3}


def test_by_item_in_order_of_first_appearance() -> None:
    finance = Finance(entries=(
        FinanceEntry("spending", 2014, "Zeta", 1), FinanceEntry("spending", 2013, "Alpha", 2),
        FinanceEntry("spending", 2015, "Zeta", 4), FinanceEntry("revenue", 2013, "Mu", 8),
        FinanceEntry("spending", 2013, "Mid", 0),
    ))
    assert finance.items("spending") == ("Zeta", "Alpha", "Mid")
    assert list(finance.by_item("spending").items()) == [("Zeta", 5), ("Alpha", 2), ("Mid", 0)]
    assert finance.by_item("revenue") == {"Mu": 8}


def test_by_item_of_the_report() -> None:
    by_item = report_finance().by_item("spending")
    assert list(by_item) == [item for item, _ in SPENDING]
    assert by_item["Chi HĐ phong trào"] == 242_107_000
    assert by_item["Chi trợ cấp, khuyết tật"] == 2_000_000


def test_totals_and_closing_balance() -> None:
    finance = report_finance()
    assert finance.total("revenue") == 310_992_000
    assert finance.total("spending") == 308_835_000
    assert finance.closing_balance == CLOSING_BALANCE == 2_157_000


def test_closing_balance_includes_the_opening_balance() -> None:
    assert report_finance(opening_balance=15_000_000).closing_balance == 17_157_000
    assert report_finance(opening_balance=-3_000_000).closing_balance == -843_000


def test_cumulative_balance_reproduces_the_report() -> None:
    balance = report_finance().cumulative_balance()
    assert list(balance) == list(YEARS)
    assert balance[2013] == 1_817_000
    assert balance[2014] == -10_395_000  # the report's negative year
    assert balance[2017] == CLOSING_BALANCE


def test_cumulative_balance_starts_from_the_opening_balance() -> None:
    balance = report_finance(opening_balance=10_395_000).cumulative_balance()
    assert balance[2014] == 0 and balance[2017] == CLOSING_BALANCE + 10_395_000


def test_table_shape_and_values() -> None:
    finance = report_finance()
    table = finance.table("spending")
    assert table.shape == (4, 5)
    assert list(table.index) == [item for item, _ in SPENDING]
    assert list(table.columns) == list(YEARS)
    assert table.loc["Chi phụ cấp CB CĐ", 2017] == 0  # blank in the report
    assert table.loc["Chi trợ cấp, khuyết tật", 2016] == 2_000_000
    assert str(table.dtypes.unique()[0]) == "int64"
    assert table.to_numpy().sum() == 308_835_000
    assert finance.table("revenue").loc["Thu ĐPCĐ 1%", 2013] == 18_777_000


def test_table_adds_repeated_entries() -> None:
    finance = Finance(entries=(FinanceEntry("revenue", 2013, "Thu", 5), FinanceEntry("revenue", 2013, "Thu", 7)))
    assert finance.table("revenue").loc["Thu", 2013] == 12


def test_empty_finance() -> None:
    finance = Finance(entries=())
    assert finance.years == () and finance.by_year("revenue") == {} and finance.closing_balance == 0
    assert finance.cumulative_balance() == {} and finance.table("revenue").shape == (0, 0)


# --------------------------------------------------------------------------- Roster


MEMBERS = (
    Member("Nguyễn Văn An", "Nam", 1962, "Văn phòng Sở", "Thạc sỹ", "Cao cấp", True, "2001-05-01", "Chủ tịch"),
    Member("Trần Thu Hà", "Nữ", None, "Thanh tra Sở", None, "Chưa có", False),
    Member("Lê Thị Hằng", None, 1990, "Thanh tra Sở", "Đại học", "Sơ cấp", True, status="Nghỉ hưu"),
)


def test_roster_round_trip() -> None:
    roster = Roster.from_members(MEMBERS, file="doan-vien.xlsx", sheet="Đoàn viên")
    assert len(roster) == 3
    assert roster.members == MEMBERS
    assert roster.file == "doan-vien.xlsx" and roster.sheet == "Đoàn viên"


def test_roster_frame_is_column_wise_with_rows() -> None:
    roster = Roster.from_members(MEMBERS)
    assert list(roster.frame.columns) == list(MEMBER_COLUMNS)
    assert list(roster.frame["row"]) == [2, 3, 4]
    assert list(roster.frame["name"]) == [m.name for m in MEMBERS]


def test_roster_missing_values_come_back_as_none() -> None:
    second = Roster.from_members(MEMBERS).members[1]
    assert second.birth_year is None and second.education is None and second.join_date is None
    assert second.role is None
    assert Roster.from_members(MEMBERS).members[2].gender is None


def test_empty_roster() -> None:
    roster = Roster.from_members([])
    assert len(roster) == 0 and roster.members == ()


# --------------------------------------------------------------------------- CheckResult, Dataset


def issue(severity: str, file: str, sheet: str | None, cell: str = "A1") -> Issue:
    return Issue(severity, file, sheet, cell, f"{severity} in {file}/{sheet}")  # type: ignore[arg-type]


def test_check_result_errors_warnings_ok() -> None:
    issues = (issue("warning", "a.xlsx", "S"), issue("error", "b.xlsx", "T"), issue("warning", "c.xlsx", None))
    result = CheckResult(dataset=Dataset(), issues=issues)
    assert result.errors == (issues[1],)
    assert result.warnings == (issues[0], issues[2])
    assert not result.ok
    assert CheckResult(dataset=Dataset(), issues=(issues[0], issues[2])).ok
    assert CheckResult(dataset=Dataset(), issues=()).ok


def test_issues_for_uses_the_sheets_of_the_domain() -> None:
    rev, spend = issue("warning", "tai-chinh.xlsx", "Phần thu"), issue("error", "tai-chinh.xlsx", "Phần chi")
    other_sheet = issue("warning", "tai-chinh.xlsx", "Ghi chú")
    members = issue("error", "doan-vien.xlsx", "Đoàn viên")
    file_level = issue("error", "tai-chinh.xlsx", None)
    result = CheckResult(
        dataset=Dataset(), issues=(rev, members, other_sheet, spend, file_level),
        sources={"finance": "tai-chinh.xlsx", "members": "doan-vien.xlsx"},
        sheets={"finance": (("tai-chinh.xlsx", "Phần thu"), ("tai-chinh.xlsx", "Phần chi")),
                "members": (("doan-vien.xlsx", "Đoàn viên"),)},
    )
    assert result.issues_for("finance") == (rev, spend)  # in the order found
    assert result.issues_for("members") == (members,)
    assert result.issues_for("awards") == ()


def test_issues_for_does_not_match_by_sheet_name_alone() -> None:
    elsewhere = issue("error", "khac.xlsx", "Đoàn viên")
    result = CheckResult(dataset=Dataset(), issues=(elsewhere,),
                         sheets={"members": (("doan-vien.xlsx", "Đoàn viên"),)})
    assert result.issues_for("members") == ()


def test_dataset_domains_in_canonical_order() -> None:
    assert Dataset().domains() == ()
    data = Dataset(budget=(BudgetLine("revenue", 2018, "Thu", 1),), members=Roster.from_members(MEMBERS),
                   targets=(Target("1", "x", "%", "100%", "100%", "Đạt"),))
    assert data.domains() == ("members", "targets", "budget")
    full = Dataset(members=Roster.from_members([]), finance=Finance(entries=()), targets=(), awards=(),
                   term_targets=(), budget=())
    assert full.domains() == DOMAINS  # an empty domain is still present


def test_small_models() -> None:
    assert Target("1", "x", "Loại", "Vững mạnh", "Vững mạnh", "Đạt").qualitative
    assert not Target("1", "x", "%", "100%", "100%", "Đạt", target_value=100.0).qualitative
    assert Award(2014, "Sáng kiến", "Cơ sở", "Cá nhân").count == 1
    assert TermTarget("3.1", "x", "g", "%", "100%").yearly_targets == {}
