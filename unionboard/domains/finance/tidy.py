"""Finance: tidy tables — Năm | Khoản mục | Số tiền, one sheet per side or with a Thu/Chi column."""

from __future__ import annotations

import re
from dataclasses import dataclass

from unionboard.core.i18n import Value
from unionboard.core.issues import IssueLog
from unionboard.core.text import (
    cell_name,
    clean,
    fold,
    format_dong,
    parse_year,
)
from unionboard.domains.finance.common import (
    BULLET_LEVEL,
    CLOSING,
    MAX_SCAN_ROWS,
    OPENING,
    TITLE_REVENUE,
    TITLE_SPENDING,
    UNKNOWN_ITEM,
    Amount,
    Balance,
    Collected,
    Table,
    YearBalance,
    cell_text,
    check_total,
    fold_title,
    is_total_label,
    name_side,
    not_a_number,
    outline_level,
    read_amount,
    side_from_labels,
    side_of_value,
    what_total,
)
from unionboard.domains.finance.units import Context, Unit, find_unit, unit_in_rows, unit_scale
from unionboard.domains.schema import FINANCE_TIDY, HeaderMatch, find_header
from unionboard.domains.words import (
    REVENUE,
    SPENDING,
)
from unionboard.read.workbook import Sheet


def tidy_header(sheet: Sheet) -> HeaderMatch | None:
    """The tidy table's header match (Năm | Khoản mục | Số tiền), None when the sheet has none."""
    match = find_header(sheet, FINANCE_TIDY)
    if match is None or not match.complete:
        return None
    if any(re.search(r"\b(ke hoach|du toan|plan|planned|budget)\b", fold(label))
           for label in match.found_labels):
        return None  # a budget (dự toán) table, not actual revenue/spending
    return match


@dataclass
class TidyRow:
    """One data row of a tidy table as read, before scaling."""

    row: int
    year: int | None
    side: str | None
    label: str
    amount: Amount
    row_side: str | None  # the side written on this very row (for a total row)


def tidy_unit(sheet: Sheet, match: HeaderMatch) -> Unit | None:
    """The unit note above the table, or in the amount column's header ("Số tiền (nghìn đồng)")."""
    amount_col = match.columns["amount"]
    unit = unit_in_rows(sheet, range(0, match.row))
    amount_header = cell_text(sheet.value(match.row, amount_col))
    if amount_header and (u := find_unit(amount_header.replace("(", " ").replace(")", " "), match.row,
                                          amount_col)):
        return u
    if amount_header and (scale := unit_scale(re.sub(r"(?i)^.*?\(", "", amount_header))) and "(" in amount_header:
        return Unit(scale, amount_header[amount_header.index("(") + 1:].rstrip(") "), match.row, amount_col)
    return unit


def tidy_sheet_side(sheet: Sheet, match: HeaderMatch, log: IssueLog) -> str | None:
    """The side of a whole tidy sheet without a Thu/Chi column: from its name, title, header or labels."""
    sheet_side = name_side(sheet.name)
    if sheet_side is not None or match.columns.get("side") is not None:
        return sheet_side
    item_col = match.columns["item"]
    titles = [fold_title(v) for r in range(0, match.row) for v in sheet.rows[r] if isinstance(v, str)]
    rev = any(TITLE_REVENUE.search(t) for t in titles)
    spend = any(TITLE_SPENDING.search(t) for t in titles)
    if rev != spend:
        return REVENUE if rev else SPENDING
    header_item = fold(sheet.value(match.row, item_col))
    rev, spend = "nguon thu" in header_item, "muc chi" in header_item
    if rev != spend:
        return REVENUE if rev else SPENDING
    labels = [clean(sheet.value(r, item_col)) for r in range(match.row + 1, sheet.height)]
    side = side_from_labels(labels)
    if side is None:
        side = REVENUE
        log.warning(sheet.file, sheet.name, cell_name(match.row, item_col), "finance.tidy_side_guessed",
                    sheet=sheet.name)
    return side


def tidy_rows(sheet: Sheet, match: HeaderMatch, sheet_side: str | None, log: IssueLog) -> list[TidyRow]:
    """Every non-blank row, with the year and side carried down from the rows above."""
    cols = match.columns
    year_col, item_col, amount_col, side_col = cols["year"], cols["item"], cols["amount"], cols.get("side")
    rows: list[TidyRow] = []
    year, side = None, sheet_side
    for r in range(match.row + 1, min(sheet.height, MAX_SCAN_ROWS)):
        year_value = sheet.value(r, year_col)
        label = clean(sheet.value(r, item_col))
        amount = read_amount(sheet.value(r, amount_col))
        side_value = sheet.value(r, side_col) if side_col is not None else None
        if not label and amount.raw is None and amount.bad is None:
            continue
        if year_value is not None:
            parsed = parse_year(year_value)
            if parsed is None and not is_total_label(year_value):
                log.warning(sheet.file, sheet.name, cell_name(r, year_col), "finance.bad_year",
                            value=clean(year_value), cell=cell_name(r, year_col))
                continue
            year = parsed
        if side_col is not None and side_value is not None:
            value_side = side_of_value(side_value)
            if value_side is None and not sheet_side:
                log.warning(sheet.file, sheet.name, cell_name(r, side_col), "finance.bad_side",
                            value=clean(side_value), cell=cell_name(r, side_col))
                continue
            side = value_side if not sheet_side else (value_side or sheet_side)
        row_side = side_of_value(side_value) if side_value is not None else sheet_side
        rows.append(TidyRow(r, year, side, label, amount, row_side))
    return rows


def is_balance(folded: str) -> bool:
    """Whether a folded label is an opening or closing balance row."""
    return bool(OPENING.match(folded) or CLOSING.match(folded))


def tidy_amount(sheet: Sheet, match: HeaderMatch, row: TidyRow, scale: float, log: IssueLog) -> int | None:
    """The row's amount in đồng, or None when the row cannot be counted (each reason logged)."""
    cols = match.columns
    file, name = sheet.file, sheet.name
    side_col, item_col = cols.get("side"), cols["item"]
    cell = cell_name(row.row, cols["amount"])
    if row.year is None:
        log.warning(file, name, cell_name(row.row, cols["year"]), "finance.no_year", row=row.row + 1,
                    label=row.label)
        return None
    if row.side is None:
        log.warning(file, name, cell_name(row.row, side_col if side_col is not None else item_col),
                    "finance.no_side", row=row.row + 1, label=row.label)
        return None
    if row.amount.bad is not None:
        not_a_number(log, file, name, cell, row.amount, row.label or Value(UNKNOWN_ITEM), row.year)
        return None
    if row.amount.raw is None:
        return None
    value = row.amount.dong(scale)
    if value < 0:
        log.warning(file, name, cell, "finance.negative", amount=format_dong(value), cell=cell,
                    label=row.label or Value(UNKNOWN_ITEM), year=row.year)
    return value


def tidy_groups(rows: list[TidyRow]) -> dict[int, list[int]]:
    """Numbered group lines of a tidy table ("1. Thu tại cơ sở" then "- Đoàn phí" in the same year and
    side): row index → the indices of its item rows."""
    levels = [outline_level(row.label) for row in rows]
    groups: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        level = levels[i]
        if level is None or level == BULLET_LEVEL or i + 1 >= len(rows):
            continue
        following = levels[i + 1]
        if following is None or following <= level:
            continue
        children = []
        for j in range(i + 1, len(rows)):
            if (levels[j] is not None and levels[j] <= level) or (rows[j].year, rows[j].side) != (row.year, row.side):
                break
            children.append(j)
        if children:
            groups[i] = children
    return groups


def check_tidy_groups(sheet: Sheet, amount_col: int, rows: list[TidyRow], groups: dict[int, list[int]],
                      scale: float, log: IssueLog) -> None:
    """Each group line's amount against the sum of its item lines (a warning on a mismatch)."""
    for index, children in groups.items():
        row = rows[index]
        if row.amount.raw is None:
            continue
        computed = sum(rows[j].amount.dong(scale) for j in children
                       if j not in groups and rows[j].amount.raw is not None)
        written = row.amount.dong(scale)
        if written != computed:
            cell = cell_name(row.row, amount_col)
            log.warning(sheet.file, sheet.name, cell, "finance.group_mismatch", label=row.label, year=row.year,
                        written=format_dong(written), cell=cell, computed=format_dong(computed))


def parse_tidy(sheet: Sheet, match: HeaderMatch, ctx: Context, out: Collected) -> None:
    """A tidy table (Năm | Khoản mục | Số tiền, optionally Thu/Chi): amounts, balances, written totals."""
    log, file, name = ctx.log, sheet.file, sheet.name
    year_col, item_col, amount_col = match.columns["year"], match.columns["item"], match.columns["amount"]
    rows = tidy_rows(sheet, match, tidy_sheet_side(sheet, match, log), log)
    raws = [(row.amount.raw, row.row, amount_col) for row in rows
            if row.amount.raw is not None and not row.amount.explicit and not is_total_label(row.label)
            and not is_balance(fold(row.label))]
    scale = ctx.scale(sheet, tidy_unit(sheet, match), raws)
    table = Table(sheet)
    written_totals = []
    groups = tidy_groups(rows)
    for index, row in enumerate(rows):
        if index in groups:
            continue  # a group line: checked against its items below, never added
        folded = fold(row.label)
        if is_balance(folded):
            if row.amount.raw is not None:
                balance = Balance(row.amount.dong(scale), file, name, cell_name(row.row, amount_col))
                opening = bool(OPENING.match(folded))
                if row.year is None:
                    (out.opening if opening else out.closing).append(balance)
                else:  # a balance per year: the period opens with the first, closes with the last
                    (out.year_opening if opening else out.year_closing).append(YearBalance(row.year, balance))
            continue
        if is_total_label(row.label) or is_total_label(sheet.value(row.row, year_col)):
            written_year = row.year if sheet.value(row.row, year_col) is not None else None
            written_totals.append((row.row, written_year, row.row_side, row.amount))
            continue
        if not row.label and row.year is not None and row.side is not None:
            log.warning(file, name, cell_name(row.row, item_col), "finance.no_item_name", row=row.row + 1,
                        label=Value(UNKNOWN_ITEM))
        value = tidy_amount(sheet, match, row, scale, log)
        if value is not None:
            table.add(row.side, row.year, row.label or UNKNOWN_ITEM, value, cell_name(row.row, amount_col))
    check_tidy_totals(sheet, amount_col, table, written_totals, scale, log)
    check_tidy_groups(sheet, amount_col, rows, groups, scale, log)
    if not table.amounts:
        log.warning(file, name, cell_name(match.row, item_col), "finance.empty_tidy", sheet=name)
    out.tables.append(table)


def check_tidy_totals(sheet: Sheet, amount_col: int, table: Table, written_totals: list, scale: float,
                       log: IssueLog) -> None:
    """Each written total (per side and/or year) against the sum of the rows it covers."""
    sides = {key[0] for key in table.amounts}
    for r, year, side, amount in written_totals:
        if side is None and len(sides) > 1:
            continue  # a total of both sides together means nothing
        computed = sum(v for (s, y, _), v in table.amounts.items()
                       if (side is None or s == side) and (year is None or y == year))
        check_total(log, sheet, r, amount_col, amount, lambda a: a.dong(scale), computed,
                     what_total(side, year))
