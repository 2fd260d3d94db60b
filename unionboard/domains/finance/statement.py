"""Finance: the one-year statement — receipts and spending side by side, the year in the title.

"QUYẾT TOÁN THU CHI NĂM 2024" over a header "Nội dung thu | Số tiền | Nội dung chi | Số tiền" (optionally with
"STT" columns): each side is read as a one-year table of the report's wide layout (its item rows, a "Tổng
cộng"/"Cộng" row checked against their sum, "Tồn quỹ đầu năm"/"Tồn quỹ cuối năm" rows as that year's balances),
so both give the same Finance. A signature block under the table ends it (domains.rows). Without a year in the
title the table is refused with an error naming the title cell — the amounts are never given a guessed year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unionboard.core.text import cell_name, clean, fold
from unionboard.domains.finance.common import Collected, names_budget
from unionboard.domains.finance.transposed import SKIP_HEADERS, group_text, label_unit, side_of_text
from unionboard.domains.finance.units import Context, unit_in_rows
from unionboard.domains.finance.wide import Header, block_rows, read_block
from unionboard.domains.rows import Skipped, first_text_col, note_skipped, signature_start
from unionboard.domains.settlement import settlement_year
from unionboard.domains.words import REVENUE, SPENDING
from unionboard.read.workbook import Sheet

RECEIPT_HEADERS = ("noi dung thu", "nguon thu", "khoan thu", "cac khoan thu", "phan thu", "thu", "revenue")
SPENDING_HEADERS = ("noi dung chi", "muc chi", "khoan chi", "cac khoan chi", "phan chi", "chi", "spending")
GENERIC_HEADERS = ("noi dung", "dien giai", "khoan muc")  # a side only from the "PHẦN THU"/"PHẦN CHI" group above
AMOUNT_HEADERS = ("so tien", "thanh tien", "so tien thu", "so tien chi", "amount")
SCAN_ROWS = 60  # the header is looked for among the first rows


@dataclass
class Statement:
    """A one-year statement's header row and its two sides: (side, label column, amount column)."""

    row: int
    sides: tuple[tuple[str, int, int], ...]


def label_side(sheet: Sheet, row: int, col: int) -> str | None:
    """REVENUE for "Nội dung thu"/"Nguồn thu", SPENDING for "Nội dung chi"/"Mục chi"; a plain "Nội dung" takes
    the side of the group over it ("PHẦN THU" / "PHẦN CHI", merged or written once); else None."""
    value = sheet.value(row, col)
    folded = fold(value) if isinstance(value, str) else ""
    if folded in RECEIPT_HEADERS:
        return REVENUE
    if folded in SPENDING_HEADERS:
        return SPENDING
    if folded in GENERIC_HEADERS and row > 0:
        group = group_text(sheet, range(row - 1, max(row - 3, -1), -1), col, -1)
        return side_of_text(group) if group else None
    return None


def is_amount_header(value: object) -> bool:
    """Whether a cell heads an amount column ("Số tiền", "Số tiền (đồng)", "Thành tiền")."""
    return isinstance(value, str) and fold(re.sub(r"\(.*?\)", " ", value)) in AMOUNT_HEADERS


def statement_at(sheet: Sheet, row: int) -> Statement | None:
    """The row as a one-year statement's header: one receipts and one spending label, each followed by its
    amount column, every other cell blank or "STT"/"Ghi chú"; None otherwise (a B07 form or a targets table)."""
    line = sheet.rows[row]
    sides = tuple((side, c, c + 1) for c in range(len(line) - 1)
                  if is_amount_header(line[c + 1]) and (side := label_side(sheet, row, c)))
    if sorted(side for side, _, _ in sides) != sorted((REVENUE, SPENDING)):
        return None
    used = {c for _, label, amount in sides for c in (label, amount)}
    if any(fold(v) not in SKIP_HEADERS for c, v in enumerate(line) if c not in used and clean(v)):
        return None
    return Statement(row, sides)


def planned(sheet: Sheet, row: int) -> bool:
    """Whether the sheet name or a title above the header says plan ("DỰ TOÁN THU CHI NĂM 2025"): a budget's
    planned amounts must never be read as what was received and spent."""
    texts = [sheet.name, *(v for line in sheet.rows[:row] for v in line if isinstance(v, str))]
    return any(names_budget(fold(text)) for text in texts)


def find_statement(sheet: Sheet) -> Statement | None:
    """The sheet's one-year statement header (the first), None when it has none or it is a plan."""
    for r in range(min(sheet.height, SCAN_ROWS)):
        found = statement_at(sheet, r)
        if found is not None:
            return None if planned(sheet, r) else found
    return None


def title_cell(sheet: Sheet, statement: Statement) -> str:
    """The cell that should say the year: the last text above the header (the title), else the header's."""
    for r in range(statement.row - 1, -1, -1):
        for c, value in enumerate(sheet.rows[r]):
            if isinstance(value, str) and clean(value):
                return cell_name(r, c)
    return cell_name(statement.row, statement.sides[0][1])


def parse_statement(sheet: Sheet, statement: Statement, ctx: Context, out: Collected) -> None:
    """Both sides of a one-year statement as one-year wide tables; an error naming the title without a year."""
    year = settlement_year(sheet, statement.row)
    if year is None:
        cell = title_cell(sheet, statement)
        ctx.log.error(sheet.file, sheet.name, cell, "finance_years.statement_no_year", cell=cell,
                      header=cell_name(statement.row, statement.sides[0][1]))
        return
    first = statement.row + 1
    signature = signature_start(sheet.rows[first:])
    end = sheet.height if signature is None else first + signature
    for side, label_col, amount_col in statement.sides:
        header = Header(row=statement.row, label_col=label_col, years={amount_col: year})
        rows, _ = block_rows(sheet, header, end)
        _, unit = label_unit(clean(sheet.value(statement.row, amount_col)), statement.row, amount_col)
        read_block(sheet, header, rows, side, unit or unit_in_rows(sheet, range(0, statement.row + 1)), ctx, out)
    if signature is not None:
        col = first_text_col(sheet.rows[end]) or 0
        note_skipped(sheet, Skipped(end, col, "signature", rows=sheet.height - end), ctx.log)
