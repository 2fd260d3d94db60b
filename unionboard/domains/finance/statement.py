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
from unionboard.domains.finance.common import Collected
from unionboard.domains.finance.transposed import SKIP_HEADERS, label_unit
from unionboard.domains.finance.units import Context, unit_in_rows
from unionboard.domains.finance.wide import Header, block_rows, read_block
from unionboard.domains.rows import Skipped, first_text_col, note_skipped, signature_start
from unionboard.domains.settlement import settlement_year
from unionboard.domains.words import REVENUE, SPENDING
from unionboard.read.workbook import Sheet

RECEIPT_HEADERS = ("noi dung thu", "nguon thu", "khoan thu", "cac khoan thu", "phan thu", "thu", "revenue")
SPENDING_HEADERS = ("noi dung chi", "muc chi", "khoan chi", "cac khoan chi", "phan chi", "chi", "spending")
AMOUNT_HEADERS = ("so tien", "thanh tien", "so tien thu", "so tien chi", "amount")
SCAN_ROWS = 60  # the header is looked for among the first rows


@dataclass
class Statement:
    """A one-year statement's header row and its two sides: (side, label column, amount column)."""

    row: int
    sides: tuple[tuple[str, int, int], ...]


def label_side(value: object) -> str | None:
    """REVENUE for "Nội dung thu"/"Nguồn thu", SPENDING for "Nội dung chi"/"Mục chi", else None."""
    folded = fold(value) if isinstance(value, str) else ""
    return REVENUE if folded in RECEIPT_HEADERS else SPENDING if folded in SPENDING_HEADERS else None


def is_amount_header(value: object) -> bool:
    """Whether a cell heads an amount column ("Số tiền", "Số tiền (đồng)", "Thành tiền")."""
    return isinstance(value, str) and fold(re.sub(r"\(.*?\)", " ", value)) in AMOUNT_HEADERS


def statement_in_line(row: int, line: list) -> Statement | None:
    """The row as a one-year statement's header: one receipts and one spending label, each followed by its
    amount column, every other cell blank or "STT"/"Ghi chú"; None otherwise (a B07 form or a targets table)."""
    sides = tuple((side, c, c + 1) for c, value in enumerate(line[:-1])
                  if (side := label_side(value)) and is_amount_header(line[c + 1]))
    if sorted(side for side, _, _ in sides) != sorted((REVENUE, SPENDING)):
        return None
    used = {c for _, label, amount in sides for c in (label, amount)}
    if any(fold(v) not in SKIP_HEADERS for c, v in enumerate(line) if c not in used and clean(v)):
        return None
    return Statement(row, sides)


def find_statement(sheet: Sheet) -> Statement | None:
    """The sheet's one-year statement header (the first), None when it has none."""
    for r in range(min(sheet.height, SCAN_ROWS)):
        found = statement_in_line(r, sheet.rows[r])
        if found is not None:
            return found
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
