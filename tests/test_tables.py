"""Display tables: finance in the report's layout (totals, Tồn cuối, unit switch), targets, roster."""

from __future__ import annotations

import pandas as pd
import pytest

from unionboard.core.models import Finance, FinanceEntry, Member, Roster, Target
from unionboard.present.tables import finance_table, formatted, roster_table, targets_table
from unionboard.sample.report import CLOSING_BALANCE, REVENUE, SPENDING, TARGETS, YEARS

YEAR_COLUMNS = [str(y) for y in YEARS]


@pytest.fixture(scope="module")
def finance() -> Finance:
    entries = [FinanceEntry(side, year, item, amount)
               for side, rows in (("revenue", REVENUE), ("spending", SPENDING))
               for item, amounts in rows
               for year, amount in zip(YEARS, amounts, strict=True) if amount is not None]
    return Finance(entries=tuple(entries))


# --------------------------------------------------------------------------- finance


def test_revenue_table_layout_and_totals(finance: Finance) -> None:
    table = finance_table(finance, "revenue")
    assert list(table.columns) == ["Khoản mục", *YEAR_COLUMNS, "Tổng cộng"]
    assert list(table["Khoản mục"]) == [item for item, _ in REVENUE] + ["Tổng cộng"]
    total_row = table.iloc[-1]
    assert total_row["Tổng cộng"] == 310_992_000
    assert [total_row[y] for y in YEAR_COLUMNS] == [59_777_000, 63_980_000, 83_060_000, 61_385_000, 42_790_000]
    assert list(table["Tổng cộng"][:-1]) == [102_222_000, 78_700_000, 130_070_000]
    assert table.loc[0, "2013"] == 18_777_000
    assert all(pd.api.types.is_integer_dtype(table[c]) for c in [*YEAR_COLUMNS, "Tổng cộng"])


def test_total_column_sums_every_row(finance: Finance) -> None:
    for side in ("revenue", "spending"):
        table = finance_table(finance, side)
        assert (table[YEAR_COLUMNS].sum(axis=1) == table["Tổng cộng"]).all()


def test_spending_table_has_closing_balance_on_the_last_row_only(finance: Finance) -> None:
    table = finance_table(finance, "spending")
    assert list(table.columns) == ["Khoản mục", *YEAR_COLUMNS, "Tổng cộng", "Tồn cuối"]
    assert table.iloc[-1]["Khoản mục"] == "Tổng cộng"
    assert table.iloc[-1]["Tổng cộng"] == 308_835_000
    assert table.iloc[-1]["Tồn cuối"] == CLOSING_BALANCE == 2_157_000
    assert table["Tồn cuối"][:-1].isna().all()
    assert table.loc[0, "2017"] == 0  # the report's blank cell


def test_revenue_table_has_no_closing_balance(finance: Finance) -> None:
    assert "Tồn cuối" not in finance_table(finance, "revenue").columns


def test_unit_switch_divides(finance: Finance) -> None:
    million = finance_table(finance, "revenue", unit="million")
    assert million.iloc[-1]["Tổng cộng"] == pytest.approx(310.992)
    assert million.loc[0, "2013"] == pytest.approx(18.777)
    thousand = finance_table(finance, "spending", unit="thousand")
    assert thousand.iloc[-1]["Tổng cộng"] == pytest.approx(308_835)
    assert thousand.iloc[-1]["Tồn cuối"] == pytest.approx(2_157)
    assert pd.isna(thousand.iloc[0]["Tồn cuối"])


def test_unit_switch_does_not_change_the_source(finance: Finance) -> None:
    finance_table(finance, "revenue", unit="million")
    assert finance_table(finance, "revenue").iloc[-1]["Tổng cộng"] == 310_992_000


def test_english_headers(finance: Finance) -> None:
    table = finance_table(finance, "spending", lang="en")
    assert list(table.columns) == ["Item", *YEAR_COLUMNS, "Total", "Closing balance"]
    assert table.iloc[-1]["Item"] == "Total"


def test_formatted_uses_vietnamese_separators_and_blanks_zeros(finance: Finance) -> None:
    shown = formatted(finance_table(finance, "spending"))
    assert shown.loc[0, "2013"] == "9.198.000"
    assert shown.loc[0, "2017"] == ""  # zero → blank
    assert shown.iloc[-1]["Tổng cộng"] == "308.835.000"
    assert shown.iloc[-1]["Tồn cuối"] == "2.157.000"
    assert shown.iloc[0]["Tồn cuối"] == ""  # missing → blank
    assert shown.iloc[0]["Khoản mục"] == "Chi phụ cấp CB CĐ"  # text untouched
    revenue = formatted(finance_table(finance, "revenue"))
    assert revenue.loc[0, "2013"] == "18.777.000"
    assert revenue.iloc[-1]["Tổng cộng"] == "310.992.000"


def test_formatted_with_decimals(finance: Finance) -> None:
    shown = formatted(finance_table(finance, "revenue", unit="million"), decimals=2)
    assert shown.iloc[-1]["Tổng cộng"] == "310,99"
    assert shown.loc[0, "2013"] == "18,78"


def test_formatted_leaves_booleans_and_the_input_alone() -> None:
    frame = pd.DataFrame({"n": [1_000, 0], "flag": [True, False]})
    shown = formatted(frame)
    assert list(shown["n"]) == ["1.000", ""]
    assert list(shown["flag"]) == [True, False]
    assert list(frame["n"]) == [1_000, 0]


# --------------------------------------------------------------------------- targets


def report_targets() -> tuple[Target, ...]:
    out, group = [], ""
    for stt, text, unit, goal, result, status in TARGETS:
        first = stt is not None
        group = stt if first else group
        out.append(Target(group=group, text=text, unit=unit, target=str(goal), result=str(result),
                          status=status, is_first_in_group=first))
    return tuple(out)


def test_targets_table_shows_stt_only_on_a_groups_first_row() -> None:
    table = targets_table(report_targets())
    assert list(table.columns) == ["STT", "Nội dung", "ĐVT", "Mục tiêu", "Kết quả", "Đánh giá"]
    assert list(table["STT"]) == ["1", "", "", "2", "3", "4", "", "5", "6"]
    assert list(table["Đánh giá"][:3]) == ["Đạt", "Vượt", "Vượt"]
    assert table.loc[1, "Mục tiêu"] == "2" and table.loc[1, "Kết quả"] == "8"


def test_targets_table_in_english() -> None:
    table = targets_table(report_targets(), "en")
    assert list(table.columns) == ["No.", "Target", "Unit", "Target value", "Result", "Status"]
    assert list(table["Status"][:3]) == ["Met", "Exceeded", "Exceeded"]
    assert table.loc[0, "Target"].startswith("- CBCCVC")  # the data itself is not translated


def test_targets_table_empty() -> None:
    assert targets_table(()).empty


# --------------------------------------------------------------------------- roster


ROSTER = Roster.from_members([
    Member("Nguyễn Văn An", "Nam", 1962, "Văn phòng Sở", "Thạc sỹ", "Cao cấp", True, role="Chủ tịch"),
    Member("Trần Thu Hà", "Nữ", None, "Thanh tra Sở", "Cao đẳng", "Chưa có", False),
])


def test_roster_table_in_english() -> None:
    table = roster_table(ROSTER.frame, "en")
    assert list(table.columns) == ["Name", "Gender", "Birth year", "Department", "Education",
                                   "Political theory", "Party member", "Union role", "Row"]
    assert list(table["Gender"]) == ["Male", "Female"]
    assert list(table["Education"]) == ["Master's", "College"]
    assert list(table["Political theory"]) == ["Advanced", "No training"]
    assert list(table["Party member"]) == ["✓", ""]
    assert table.loc[0, "Birth year"] == 1962 and pd.isna(table.loc[1, "Birth year"])
    assert list(table["Name"]) == ["Nguyễn Văn An", "Trần Thu Hà"]


def test_roster_table_in_vietnamese() -> None:
    table = roster_table(ROSTER.frame)
    assert list(table.columns)[:3] == ["Họ và tên", "Giới tính", "Năm sinh"]
    assert list(table["Giới tính"]) == ["Nam", "Nữ"]
    assert list(table["Đảng viên"]) == ["✓", ""]
    assert str(table["Năm sinh"].dtype) == "Int64"  # no "1962.0"


def test_roster_table_hides_an_empty_role_column() -> None:
    roster = Roster.from_members([Member("A", "Nam", 1980, "P", "Đại học", "Chưa có", False)])
    table = roster_table(roster.frame, "en")
    assert "Union role" not in table.columns
    assert "Row" in table.columns


def test_roster_table_keeps_an_unreadable_gender_blank() -> None:
    roster = Roster.from_members([Member("A", None, 1980, "P", None, "Chưa có", True)])
    table = roster_table(roster.frame, "en")
    assert table.loc[0, "Gender"] == "" and table.loc[0, "Education"] == ""  # blank, never "None"
    assert table.loc[0, "Party member"] == "✓"
