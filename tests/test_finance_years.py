"""Per-year balances in the finance model: read from every finance layout, checked across years by the rules."""

from __future__ import annotations

import pytest

from tests.helpers import workbook_bytes
from unionboard.analysis.filters import finance_in_years
from unionboard.analysis.finance_rules import check_dataset
from unionboard.core.models import CellRef, Finance, FinanceEntry, SourceFile, YearBalance
from unionboard.domains.loader import check_files
from unionboard.sample.report import sample_paths


def _transposed(opening_2025: int = 15_000_000) -> list[list]:
    """Years down the rows, a balance column on each side; 2024 closes with 15.000.000 đ."""
    return [["Năm", "Tồn quỹ đầu năm", "Thu đoàn phí", "Chi thăm hỏi", "Tồn quỹ cuối năm"],
            [2024, 5_000_000, 30_000_000, 20_000_000, 15_000_000],
            [2025, opening_2025, 32_000_000, 25_000_000, opening_2025 + 7_000_000]]


def _wide(opening_2025: int = 15_000_000) -> list[list]:
    """The report's layout, with a balance row per year under the spending."""
    return [["* Phần thu"], ["Nguồn thu", "Năm 2024", "Năm 2025"],
            ["Thu đoàn phí", 30_000_000, 32_000_000],
            ["* Phần chi"], ["Mục chi", "Năm 2024", "Năm 2025"],
            ["Chi thăm hỏi", 20_000_000, 25_000_000],
            ["Tồn quỹ đầu năm", 5_000_000, opening_2025],
            ["Tồn quỹ cuối năm", 15_000_000, opening_2025 + 7_000_000]]


def _tidy(opening_2025: int = 15_000_000) -> list[list]:
    """Năm | Thu/Chi | Khoản mục | Số tiền with each year's balances as rows."""
    return [["Năm", "Thu/Chi", "Khoản mục", "Số tiền"],
            [2024, None, "Tồn quỹ đầu năm", 5_000_000], [2024, "Thu", "Thu đoàn phí", 30_000_000],
            [2024, "Chi", "Chi thăm hỏi", 20_000_000], [2024, None, "Tồn quỹ cuối năm", 15_000_000],
            [2025, None, "Tồn quỹ đầu năm", opening_2025], [2025, "Thu", "Thu đoàn phí", 32_000_000],
            [2025, "Chi", "Chi thăm hỏi", 25_000_000], [2025, None, "Tồn quỹ cuối năm", opening_2025 + 7_000_000]]


# layout → (the cell of 2025's opening, the cell of 2024's closing)
LAYOUTS = {"transposed": (_transposed, "B3", "E2"), "wide": (_wide, "C7", "B8"), "tidy": (_tidy, "D6", "D5")}


def _check(rows: list[list]):
    return check_files([SourceFile("tai-chinh.xlsx", workbook_bytes({"Tài chính": rows}))])


def _continuity(result, year: int):
    found = [r for r in check_dataset(result.dataset) if r.rule.id == "balance_continuity" and r.year == year]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_layout_gives_each_years_balances_with_their_cells(layout: str) -> None:
    build, opening_cell, closing_cell = LAYOUTS[layout]
    finance = _check(build()).dataset.finance
    assert [(b.year, b.opening, b.closing) for b in finance.balances] == [
        (2024, 5_000_000, 15_000_000), (2025, 15_000_000, 22_000_000)]
    assert finance.balance_of(2025).opening_at == CellRef("tai-chinh.xlsx", "Tài chính", opening_cell)
    assert finance.balance_of(2024).closing_at == CellRef("tai-chinh.xlsx", "Tài chính", closing_cell)
    assert finance.opening_balance == 5_000_000 and finance.written_closing_balance == 22_000_000


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_consistent_years_pass_the_continuity_rule(layout: str) -> None:
    got = _continuity(_check(LAYOUTS[layout][0]()), 2025)
    assert (got.status, got.value, got.limit) == ("ok", 15_000_000, 15_000_000)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_2025_opening_unlike_2024s_closing_is_a_violation_naming_both_cells(layout: str) -> None:
    build, opening_cell, closing_cell = LAYOUTS[layout]
    got = _continuity(_check(build(opening_2025=16_000_000)), 2025)
    assert (got.status, got.value, got.limit) == ("violation", 16_000_000, 15_000_000)
    assert got.where == (f"tai-chinh.xlsx › Tài chính › {opening_cell}", f"tai-chinh.xlsx › Tài chính › {closing_cell}")
    assert got.to_dict()["where"] == list(got.where)


def test_the_first_year_names_the_closing_it_lacks() -> None:
    got = _continuity(_check(_transposed()), 2024)
    assert got.status == "not_checkable" and got.missing == ("Tồn cuối năm 2023",)


def test_a_year_written_twice_with_two_amounts_is_a_warning_naming_both_cells() -> None:
    rows = _transposed()
    result = check_files([SourceFile("a.xlsx", workbook_bytes({"Tài chính": rows})),
                          SourceFile("b.xlsx", workbook_bytes({"Tài chính": [
                              ["Năm", "Tồn quỹ cuối năm", "Thu KPCĐ"], [2024, 14_000_000, 1_000_000]]}))])
    warnings = [i for i in result.issues if i.code == "finance_years.closing_conflict"]
    assert [(w.file, w.cell) for w in warnings] == [("b.xlsx", "B2")]
    assert "E2" in warnings[0].message and "14.000.000" in warnings[0].message
    assert "E2" in warnings[0].text("en") and "closing balance of 2024" in warnings[0].text("en")
    assert result.dataset.finance.balance_of(2024).closing == 15_000_000


def test_the_reports_sample_is_unchanged() -> None:
    result = check_files([str(p) for p in sample_paths()])
    finance = result.dataset.finance
    assert finance.total("revenue") == 310_992_000 and finance.total("spending") == 308_835_000
    assert finance.closing_balance == 2_157_000
    # it writes only the term's closing balance: no year's continuity can be checked
    assert [(b.year, b.opening, b.closing) for b in finance.balances] == [(2017, None, 2_157_000)]
    continuity = [r for r in check_dataset(result.dataset) if r.rule.id == "balance_continuity"]
    assert [r.year for r in continuity] == [2013, 2014, 2015, 2016, 2017]
    assert {r.status for r in continuity} == {"not_checkable"}


def test_a_finance_built_in_code_keeps_the_terms_balances() -> None:
    finance = Finance((FinanceEntry("revenue", 2024, "Thu", 10),), opening_balance=5, written_closing_balance=15)
    assert finance.balances == () and finance.balance_of(2024) is None


def test_a_year_range_keeps_the_balances_of_its_years() -> None:
    finance = Finance((FinanceEntry("revenue", 2024, "Thu", 10), FinanceEntry("revenue", 2025, "Thu", 10)),
                      balances=(YearBalance(2024, 1, 11), YearBalance(2025, 11, 21)))
    assert [b.year for b in finance_in_years(finance, 2025, 2025).balances] == [2025]


def test_an_unwritten_opening_is_never_taken_as_0() -> None:
    result = _check([["Năm", "Thu đoàn phí", "Chi thăm hỏi"], [2024, 30_000_000, 20_000_000],
                     [2025, 32_000_000, 25_000_000]])
    assert result.dataset.finance.balances == ()
    got = [r for r in check_dataset(result.dataset) if r.rule.id == "closing_equation" and r.year == 2024]
    assert got[0].status == "not_checkable" and "Tồn đầu năm 2024" in got[0].missing


def test_a_stored_version_gives_back_the_years_balances(store_url: str) -> None:
    from unionboard.publish import publish_files
    from unionboard.store.versions import open_store

    store = open_store(store_url)
    upload = SourceFile("tai-chinh.xlsx", workbook_bytes({"Tài chính": _transposed(opening_2025=16_000_000)}))
    assert publish_files(store, [upload], by="test").ok
    restored = store.current_result().dataset.finance
    assert restored.balances == check_files([upload]).dataset.finance.balances
    assert restored.balance_of(2025).opening_at == CellRef("tai-chinh.xlsx", "Tài chính", "B3")


def test_a_later_years_balances_are_never_taken_for_the_periods() -> None:
    """Balances written for 2024 only (none for 2025, the last year; 2024's opening is the first year's): the
    period's closing stays unwritten — 2024's 15.000.000 đ is not 2025's closing — and a sheet with 2025's
    opening only does not start the period from it (2024's flows would be counted on top of 2025's opening)."""
    rows = [r for r in _tidy() if not (r[0] == 2025 and r[1] is None)]
    finance = _check(rows).dataset.finance
    assert finance.written_closing_balance is None
    assert finance.closing_balance == 5_000_000 + 62_000_000 - 45_000_000
    later_only = [r for r in _tidy() if not (r[1] is None and (r[0] == 2024 or r[2] == "Tồn quỹ cuối năm"))]
    result = _check(later_only)
    finance = result.dataset.finance
    assert finance.opening_balance == 0  # unknown, not 2025's 15.000.000 đ
    assert [(b.year, b.opening, b.closing) for b in finance.balances] == [(2025, 15_000_000, None)]
    # 2025's written opening against 2024's computed closing (0 + 30 − 20 triệu): a warning naming its cell
    warned = [i for i in result.issues if i.code == "finance_shapes.year_opening_mismatch"]
    assert [i.cell for i in warned] == ["D4"]


def test_the_closing_written_for_the_year_before_opens_the_period() -> None:
    """A book that starts with last year's closing ("2023: Tồn quỹ cuối năm", no amounts for 2023) opens 2024
    with it, with no warning: it is where the period's figures start."""
    rows = [["Năm", "Thu/Chi", "Khoản mục", "Số tiền"], [2023, None, "Tồn quỹ cuối năm", 5_000_000],
            *[r for r in _tidy() if not (r[0] == 2024 and r[2] == "Tồn quỹ đầu năm")][1:]]
    result = _check(rows)
    finance = result.dataset.finance
    assert finance.opening_balance == 5_000_000 and finance.closing_balance == 22_000_000
    assert finance.balance_of(2024).opening == 5_000_000
    assert finance.balance_of(2024).opening_at == CellRef("tai-chinh.xlsx", "Tài chính", "D2")
    assert not [i for i in result.issues if i.severity != "info"], [i.code for i in result.issues]
