"""Cash book (sổ quỹ tiền mặt): dated receipts and payments with a running balance, checked row by row.

Layout (the S07 cash book's columns; a two-row header "Số tiền" over Thu | Chi | Tồn is read too):

    Ngày | Số chứng từ (optional) | Diễn giải | Thu | Chi | Tồn

A row "Số dư đầu kỳ" / "Tồn đầu kỳ" (balance only) opens the book; total rows ("Cộng", "Tổng cộng") are skipped.
Each row's written balance must equal the previous balance + thu − chi: a difference is an error naming the
cell, and the written balance is carried on so one slip is reported once. Summed by year for the finance rules.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from unionboard.core.issues import IssueLog
from unionboard.core.models import located
from unionboard.core.text import cell_name, clean, fold, format_dong, is_blank, parse_number
from unionboard.domains.schema import Column, HeaderMatch, TableSchema
from unionboard.domains.spec import DomainSpec, SheetLayout, SheetPairs
from unionboard.read.workbook import Sheet

SCHEMA = TableSchema(
    domain="cashbook",
    title="Sổ quỹ tiền mặt",
    sheet_hints=("so quy", "quy tien mat", "cash"),
    columns=(
        Column("date", "Ngày", ("Ngày tháng", "Ngày ghi sổ", "Ngày, tháng ghi sổ", "Ngày chứng từ", "Date")),
        Column("voucher", "Số chứng từ", ("Số phiếu", "Số hiệu chứng từ", "Chứng từ", "Voucher"), required=False),
        Column("text", "Diễn giải", ("Nội dung", "Description")),
        Column("receipt", "Thu", ("Số tiền thu", "Số tiền Thu", "Tiền thu", "Receipts", "In")),
        Column("payment", "Chi", ("Số tiền chi", "Số tiền Chi", "Tiền chi", "Payments", "Out")),
        Column("balance", "Tồn", ("Tồn quỹ", "Số tiền tồn", "Số tiền Tồn", "Số dư", "Balance")),
    ),
)
_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?\s*$")


@dataclass(frozen=True)
class CashRow:
    """One entry of the cash book."""

    date: dt.date
    voucher: str
    text: str
    receipt: int
    payment: int
    balance: int
    cell: str = ""  # the A1 cell of its balance ("Tồn")


@dataclass(frozen=True)
class CashBook:
    """The book's opening balance and its rows in order, with the file, sheet and cell they were read from."""

    opening: int
    rows: tuple[CashRow, ...]
    file: str = ""
    sheet: str = ""
    opening_cell: str = ""  # the "Số dư đầu kỳ" row's balance cell ("" when the book writes none)

    def years(self) -> tuple[int, ...]:
        """The years the rows cover."""
        return tuple(sorted({row.date.year for row in self.rows}))

    def by_year(self) -> dict[int, dict[str, int]]:
        """Per year: opening and closing balance, receipts and payments."""
        out: dict[int, dict[str, int]] = {}
        before = self.opening
        for row in self.rows:
            year = out.setdefault(row.date.year, {"opening": before, "receipts": 0, "payments": 0, "closing": before})
            year["receipts"] += row.receipt
            year["payments"] += row.payment
            year["closing"] = row.balance
            before = row.balance
        return out

    def places(self) -> dict[int, dict[str, str]]:
        """Per year: where its opening and closing balance stand ('file › sheet › cell': the balance of the row
        before the year's first, the year's last row's; the sheet alone for an opening the book does not write)."""
        out: dict[int, dict[str, str]] = {}
        before = self.opening_cell
        for row in self.rows:
            year = out.setdefault(row.date.year, {"opening": located(self.file, self.sheet, before)})
            year["closing"] = located(self.file, self.sheet, row.cell)
            before = row.cell
        return out


def parse_date(value: object) -> dt.date | None:
    """A date cell (date, datetime, "dd/mm/yyyy" or "yyyy-mm-dd") as a date; None otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    day = _DATE.match(clean(value))
    iso = _ISO.match(clean(value))
    parts = (day.group(3), day.group(2), day.group(1)) if day else iso.groups() if iso else None
    if parts is None:
        return None
    try:
        return dt.date(*(int(p) for p in parts))
    except ValueError:
        return None


def _amount(sheet: Sheet, raw: object, cell: str, log: IssueLog) -> int | None:
    if is_blank(raw):
        return 0
    value = parse_number(raw)
    if value is None or value < 0:
        log.error(sheet.file, sheet.name, cell, "cashbook.bad_amount", value=clean(raw), cell=cell)
        return None
    return round(value)


class _Reader:
    """Reads one sheet row by row, keeping the running balance."""

    def __init__(self, sheet: Sheet, header: HeaderMatch, log: IssueLog):
        self.sheet, self.cols, self.log = sheet, header.columns, log
        self.opening: int | None = None
        self.opening_cell = ""
        self.balance: int | None = None
        self.rows: list[CashRow] = []

    def get(self, r: int, key: str) -> object:
        return self.sheet.value(r, self.cols[key]) if key in self.cols else None

    def at(self, r: int, key: str) -> str:
        return cell_name(r, self.cols.get(key, 0))

    def opening_row(self, r: int) -> bool:
        """A "Số dư đầu kỳ" row: sets the opening balance."""
        label = fold(self.get(r, "text")) + " " + fold(self.get(r, "date"))
        if not ("dau ky" in label or "dau nam" in label or "mang sang" in label):
            return False
        amount = _amount(self.sheet, self.get(r, "balance"), self.at(r, "balance"), self.log)
        if amount is not None and self.balance is None:
            self.opening = self.balance = amount
            self.opening_cell = self.at(r, "balance")
        return True

    def row(self, r: int) -> None:
        sheet, log = self.sheet, self.log
        label = fold(self.get(r, "text")) + " " + fold(self.get(r, "date"))
        if label.strip().startswith(("cong", "tong")) or " cong " in f" {label} " or self.opening_row(r):
            return
        date = parse_date(self.get(r, "date"))
        if date is None:
            log.error(sheet.file, sheet.name, self.at(r, "date"), "cashbook.bad_date",
                      value=clean(self.get(r, "date")), cell=self.at(r, "date"))
            return
        receipt = _amount(sheet, self.get(r, "receipt"), self.at(r, "receipt"), log)
        payment = _amount(sheet, self.get(r, "payment"), self.at(r, "payment"), log)
        if receipt is None or payment is None:
            return
        written = parse_number(self.get(r, "balance"))
        if self.balance is None:
            self.opening = self.balance = 0 if written is None else round(written) - receipt + payment
            log.info(sheet.file, sheet.name, self.at(r, "balance"), "cashbook.no_opening", cell=self.at(r, "balance"),
                     opening=format_dong(self.opening))
        expected = self.balance + receipt - payment
        if written is None:
            balance = expected
        else:
            balance = round(written)
            if balance != expected:
                log.error(sheet.file, sheet.name, self.at(r, "balance"), "cashbook.balance_mismatch",
                          cell=self.at(r, "balance"), written=format_dong(balance), expected=format_dong(expected))
        self.rows.append(CashRow(date, clean(self.get(r, "voucher")), clean(self.get(r, "text")), receipt, payment,
                                 balance, self.at(r, "balance")))
        self.balance = balance


def parse_book(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> CashBook | None:
    """One sheet as a cash book (None when it has no usable row)."""
    reader = _Reader(sheet, header, log)
    for r in range(header.row + 1, sheet.height):
        if not all(is_blank(v) for v in sheet.rows[r]):
            reader.row(r)
    if not reader.rows:
        log.warning(sheet.file, sheet.name, cell_name(header.row, 0), "cashbook.empty")
        return None
    dates = [row.date for row in reader.rows]
    if dates != sorted(dates):
        log.warning(sheet.file, sheet.name, None, "cashbook.not_in_order")
    return CashBook(reader.opening or 0, tuple(reader.rows), sheet.file, sheet.name, reader.opening_cell)


def parse_sheets(pairs: SheetPairs, log: IssueLog) -> CashBook | None:
    """The first usable cash book (a second one is named and not merged: two books would double the sums)."""
    books = [(sheet, book) for sheet, header in pairs if header is not None
             if (book := parse_book(sheet, header, log)) is not None]
    for sheet, _book in books[1:]:
        log.warning(sheet.file, sheet.name, None, "cashbook.second_book", first=books[0][0].name)
    return books[0][1] if books else None


def _summary(value: CashBook, dataset: object) -> dict:
    """Its part of `check --json`: per year, opening, receipts, payments, closing."""
    return {"by_year": {str(y): v for y, v in value.by_year().items()}, "opening_balance": value.opening}


def _rows(value: CashBook) -> list[tuple]:
    return [(row.date, row.voucher, row.text, row.receipt or None, row.payment or None, row.balance)
            for row in value.rows]


SPEC = DomainSpec(
    key="cashbook", name="domain_cashbook", parse=parse_sheets, schemas=(SCHEMA,), summary=_summary,
    layout=SheetLayout(sheet="Sổ quỹ", title="SỔ QUỸ TIỀN MẶT",
                       columns=("Ngày", "Số chứng từ", "Diễn giải", "Thu", "Chi", "Tồn"), rows=_rows,
                       example=(dt.date(2025, 1, 5), "PT01", "Thu đoàn phí tháng 12", 1_500_000, None, 1_500_000)),
)
