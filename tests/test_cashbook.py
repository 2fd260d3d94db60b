"""Cash book (sổ quỹ tiền mặt): read, running balance checked row by row with the cell, summed by year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from unionboard.analysis.finance_rules import check_dataset
from unionboard.domains.cashbook import CashBook, parse_date
from unionboard.domains.loader import check_files

ROWS = [
    [None, None, "Số dư đầu kỳ", None, None, 1_000_000],
    [dt.date(2024, 1, 5), "PT01", "Thu đoàn phí tháng 12", 2_000_000, None, 3_000_000],
    ["20/06/2024", "PC01", "Thăm hỏi ốm đau", None, 500_000, 2_500_000],
    [dt.date(2024, 12, 30), "PC02", "Chi hoạt động phong trào", None, 1_000_000, 1_600_000],  # should be 1.500.000
    [dt.date(2025, 2, 1), "PT02", "Thu đoàn phí tháng 1", 700_000, None, 2_300_000],
    [None, None, "Cộng", 2_700_000, 1_500_000, None],
]


def write_book(path: Path, rows: list[list] = ROWS, two_row_header: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sổ quỹ"
    ws.append(["SỔ QUỸ TIỀN MẶT"])
    if two_row_header:
        ws.append(["Ngày", "Số chứng từ", "Diễn giải", "Số tiền", None, None])
        ws.append([None, None, None, "Thu", "Chi", "Tồn"])
        for span in ("A2:A3", "B2:B3", "C2:C3", "D2:F2"):
            ws.merge_cells(span)
    else:
        ws.append(["Ngày", "Số chứng từ", "Diễn giải", "Thu", "Chi", "Tồn"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_book_is_read_and_the_wrong_balance_is_named_by_cell(tmp_path: Path) -> None:
    result = check_files([write_book(tmp_path / "so-quy.xlsx")])
    book = result.dataset.get("cashbook")
    assert isinstance(book, CashBook) and book.opening == 1_000_000 and len(book.rows) == 4
    mismatch = [i for i in result.issues if i.code == "cashbook.balance_mismatch"]
    assert [(i.sheet, i.cell) for i in mismatch] == [("Sổ quỹ", "F6")]
    assert "1.600.000" in mismatch[0].message and "1.500.000" in mismatch[0].message
    years = book.by_year()
    assert years[2024] == {"opening": 1_000_000, "receipts": 2_000_000, "payments": 1_500_000, "closing": 1_600_000}
    assert years[2025] == {"opening": 1_600_000, "receipts": 700_000, "payments": 0, "closing": 2_300_000}


def test_a_correct_book_has_no_issue_and_feeds_the_balance_rules(tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[3][5] = 1_500_000
    rows[4][5] = 2_200_000
    result = check_files([write_book(tmp_path / "so-quy.xlsx", rows)])
    assert result.issues_for("cashbook") == ()
    found = {(r.rule.id, r.year): r for r in check_dataset(result.dataset)}
    assert found[("balance_continuity", 2025)].status == "ok"
    assert found[("closing_equation", 2025)].status == "ok"
    assert found[("closing_equation", 2024)].value == 1_500_000


def test_two_row_header_is_read(tmp_path: Path) -> None:
    one_row = check_files([write_book(tmp_path / "mot-dong.xlsx")]).dataset.get("cashbook")
    result = check_files([write_book(tmp_path / "so-quy.xlsx", two_row_header=True)])
    book = result.dataset.get("cashbook")
    assert isinstance(book, CashBook) and book.opening == 1_000_000 and len(book.rows) == 4
    assert book.by_year() == one_row.by_year()  # the same figures as under a one-row header
    mismatch = [i for i in result.issues if i.code == "cashbook.balance_mismatch"]
    assert [(i.sheet, i.cell) for i in mismatch] == [("Sổ quỹ", "F7")]  # one row further down


def test_bad_date_and_amount_are_named(tmp_path: Path) -> None:
    rows = [ROWS[0], ["hôm qua", "PT9", "x", 1, None, None], [dt.date(2024, 1, 2), "PT9", "y", "nhiều", None, None]]
    result = check_files([write_book(tmp_path / "so-quy.xlsx", rows)])
    codes = {(i.code, i.cell) for i in result.issues}
    assert ("cashbook.bad_date", "A4") in codes and ("cashbook.bad_amount", "D5") in codes


def test_parse_date() -> None:
    assert parse_date("05/01/2025") == dt.date(2025, 1, 5)
    assert parse_date("31/02/2025") is None
    assert parse_date(dt.datetime(2025, 1, 5, 8)) == dt.date(2025, 1, 5)
def test_iso_date() -> None:
    assert parse_date("2025-01-05") == dt.date(2025, 1, 5)


def test_a_balance_of_the_book_is_named_by_file_sheet_and_cell(tmp_path: Path) -> None:
    """A finance table's 2025 opening unlike the book's 2024 closing: the violation names the book's cell."""
    from tests.helpers import workbook_bytes
    from unionboard.core.models import SourceFile

    rows = [list(r) for r in ROWS]
    rows[3][5] = 1_500_000
    rows[4][5] = 2_200_000
    book = write_book(tmp_path / "so-quy.xlsx", rows)
    table = SourceFile("tai-chinh.xlsx", workbook_bytes({"Tài chính": [
        ["Năm", "Tồn quỹ đầu năm", "Thu đoàn phí", "Chi thăm hỏi"], [2025, 9_000_000, 700_000, 0]]}))
    result = check_files([SourceFile("so-quy.xlsx", book.read_bytes()), table])
    places = result.dataset.get("cashbook").places()
    assert places[2024] == {"opening": "so-quy.xlsx › Sổ quỹ › F3", "closing": "so-quy.xlsx › Sổ quỹ › F6"}
    assert places[2025] == {"opening": "so-quy.xlsx › Sổ quỹ › F6", "closing": "so-quy.xlsx › Sổ quỹ › F7"}
    found = {(r.rule.id, r.year): r for r in check_dataset(result.dataset)}
    continuity = found[("balance_continuity", 2025)]
    assert continuity.status == "violation"
    assert continuity.where == ("tai-chinh.xlsx › Tài chính › B2", "so-quy.xlsx › Sổ quỹ › F6")
    # a book built in code knows no file: its balances are placed in the "Sổ quỹ"
    from unionboard.analysis.finance_rules import cashbook_balances
    from unionboard.domains.cashbook import CashRow

    built = CashBook(0, (CashRow(dt.date(2024, 3, 1), "", "Thu", 5, 0, 5),))
    assert cashbook_balances(built)[(2024, "closing")] == [(5, "Sổ quỹ")]
