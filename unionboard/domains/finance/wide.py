"""Finance: the report's wide layout — a label column, then year columns, optional total and balance columns."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from unionboard.core.i18n import Value, phrase
from unionboard.core.issues import IssueLog
from unionboard.core.text import (
    cell_name,
    clean,
    fold,
    format_dong,
    parse_number,
    parse_year,
)
from unionboard.domains.finance.common import (
    BULLET_LEVEL,
    CLOSING,
    HEADER_REVENUE,
    HEADER_SPENDING,
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
    balance_kind,
    cell_text,
    check_total,
    fold_title,
    is_column_number_row,
    is_total_label,
    name_side,
    not_a_number,
    outline_level,
    read_amount,
    side_from_labels,
    side_phrase,
)
from unionboard.domains.finance.units import Context, Unit, unit_in_rows, unit_key
from unionboard.domains.words import (
    REVENUE,
    SPENDING,
)
from unionboard.read.workbook import Sheet

LABEL_HEADERS = ("nguon thu", "nguon", "muc chi", "noi dung", "khoan muc", "khoan thu", "khoan chi",
                  "dien giai", "danh muc", "hang muc", "phan thu", "phan chi", "thu", "chi", "thu chi",
                  "item", "items", "source", "sources", "category", "categories", "revenue", "spending",
                  "expenses", "expense", "description")
LEFT_EXTRA = ("stt", "tt", "so tt", "no", "")


RIGHT_EXTRA = ("ghi chu", "note", "notes", "dvt", "don vi tinh", "ty le", "ty le %", "%")
LABEL_PREFIXES = tuple(p + " " for p in LABEL_HEADERS if len(p) > 3)


def is_label_header(value: object) -> bool:
    """Whether a cell can head the label column ('Nguồn thu', 'Mục chi', ...)."""
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    folded = fold(value)
    return folded in LABEL_HEADERS or folded.startswith(LABEL_PREFIXES)


@dataclass
class Header:
    """A wide table's header row: the label column, the year columns, optional total/balance columns."""
    row: int
    label_col: int
    years: dict[int, int]  # col → year
    total_col: int | None = None
    closing_col: int | None = None
    opening_col: int | None = None

    @property
    def last_col(self) -> int:
        """The rightmost column the header uses."""
        cols = [*self.years, self.total_col or 0, self.closing_col or 0, self.opening_col or 0]
        return max(cols)


def year_cells(line: list) -> tuple[dict[int, int], bool]:
    """{column: year} of the cells that read as years, and whether any was written as text."""
    years: dict[int, int] = {}
    text_year = False
    for col, value in enumerate(line):
        if value is None or value == "" or isinstance(value, bool | dt.date):
            continue
        if type(value) is str and "19" not in value and "20" not in value:
            continue  # parse_year needs "19…"/"20…" (clean() cannot create it): skip the regex
        year = parse_year(value)
        if year is not None:
            years[col] = year
            text_year = text_year or isinstance(value, str)
    return years, text_year


def plausible_years(years: dict[int, int]) -> bool:
    """Distinct years, increasing left to right by at most 10 at a time."""
    if not years or len(set(years.values())) != len(years):
        return False
    ordered = [years[c] for c in sorted(years)]
    return not any(b <= a or b - a > 10 for a, b in zip(ordered, ordered[1:], strict=False))


def right_columns(header: Header, line: list) -> bool:
    """Find the total/closing/opening columns right of the label; False when another text is there."""
    for col, value in enumerate(line):
        if col <= header.label_col or col in header.years or value is None or value == "":
            continue
        if not isinstance(value, str):
            return False
        folded = fold(value)
        if is_total_label(value) and header.total_col is None:
            header.total_col = col
        elif CLOSING.match(folded) and header.closing_col is None:
            header.closing_col = col
        elif OPENING.match(folded) and header.opening_col is None:
            header.opening_col = col
        elif folded not in RIGHT_EXTRA and folded:
            return False
    return True


def header_in_line(row: int, line: list) -> Header | None:
    """A row's cells as one wide finance header (label column, then year columns), or None."""
    years, text_year = year_cells(line)
    if not plausible_years(years) or min(years) == 0:
        return None
    label_col = min(years) - 1
    label_value = line[label_col] if line[label_col] != "" else None
    if not is_label_header(label_value):
        return None
    if not text_year and len(years) < 2 and label_value is None:
        return None
    if any(value is not None and value != "" and fold(value) not in LEFT_EXTRA for value in line[:label_col]):
        return None
    header = Header(row=row, label_col=label_col, years=years)
    return header if right_columns(header, line) else None


def row_headers(sheet: Sheet, row: int) -> list[Header]:
    """The wide headers of one row: one table, or thu and chi side by side ("Nguồn thu | 2023 | 2024 | Mục chi |
    2023 | 2024"), the row split at each label header followed by a year."""
    line = sheet.rows[row]
    single = header_in_line(row, line)
    if single is not None:
        return [single]
    years, _ = year_cells(line)
    starts = [c for c, value in enumerate(line) if c + 1 in years and isinstance(value, str) and fold(value)
              and is_label_header(value)]
    if len(starts) < 2:
        return []
    headers = []
    for index, start in enumerate(starts):
        stop = starts[index + 1] if index + 1 < len(starts) else len(line)
        header = header_in_line(row, [None] * start + list(line[start:stop]))
        if header is None:
            return []
        headers.append(header)
    return headers


def wide_headers(sheet: Sheet) -> list[Header]:
    """Every wide header of the sheet, top to bottom (left to right within a row)."""
    return [h for r in range(min(sheet.height, MAX_SCAN_ROWS)) for h in row_headers(sheet, r)]


@dataclass
class Row:
    """One row of a wide table: its kind (data, group, total, opening, closing), label and amounts."""

    row: int
    kind: str  # "data" | "group" | "total" | "opening" | "closing"
    label: str
    amounts: dict[int, Amount]  # col → amount for the year columns
    total: Amount
    closing: Amount
    opening: Amount
    blank: bool = False  # no amount written in the row
    children: list = field(default_factory=list)  # a group line's item rows


def is_title(value: object) -> bool:
    """Whether a cell reads like a table title ('* Phần thu')."""
    text = cell_text(value).strip()
    if not text:
        return False
    folded = fold_title(text)
    return (text.startswith("*") or folded.startswith(("phan thu", "phan chi", "bang"))
            or bool(re.search(r"\b(dvt|don vi tinh)\b", folded)))


def block_rows(sheet: Sheet, header: Header, end: int) -> tuple[list[Row], int]:
    """The rows of one wide block (until `end`, a title row, or what follows the total row)."""
    rows: list[Row] = []
    after_total = False
    for r in range(header.row + 1, end):
        if r <= header.row + 2 and r < sheet.height and is_column_number_row(sheet.rows[r]):
            continue
        label_value = sheet.value(r, header.label_col)
        amounts = {c: read_amount(sheet.value(r, c)) for c in header.years}
        total = read_amount(sheet.value(r, header.total_col)) if header.total_col is not None else Amount()
        closing = (read_amount(sheet.value(r, header.closing_col))
                   if header.closing_col is not None else Amount())
        opening = (read_amount(sheet.value(r, header.opening_col))
                   if header.opening_col is not None else Amount())
        label = clean(label_value)
        cells_blank = all(a.raw is None and a.bad is None
                          for a in (*amounts.values(), total, closing, opening))
        if not label and cells_blank:
            continue
        if cells_blank and is_title(label_value):
            break
        if (balance := balance_kind(label)) is not None:
            kind = balance
        elif is_total_label(label):
            kind = "total"
        else:
            if after_total:
                break
            kind = "data"
        after_total = after_total or kind == "total"
        rows.append(Row(r, kind, label, amounts, total, closing, opening, cells_blank))
    # text rows with no amount at the end are titles of what follows (or signatures), not items
    while rows and rows[-1].kind == "data" and rows[-1].blank:
        rows.pop()
    mark_groups(rows)
    return rows, (rows[-1].row if rows else header.row)


def mark_groups(rows: list[Row]) -> None:
    """A numbered line followed by deeper lines ("1. Thu …" then "- …") is a group: its children are
    the items, the group line itself is checked against them, never added (kind "group")."""
    data = [row for row in rows if row.kind == "data"]
    levels = [outline_level(row.label) for row in data]
    for i, row in enumerate(data):
        level = levels[i]
        if level is None or level == BULLET_LEVEL or i + 1 >= len(data):
            continue
        following = levels[i + 1]
        if following is not None and following > level:
            row.kind = "group"
            row.children = []
            for j in range(i + 1, len(data)):
                if levels[j] is not None and levels[j] <= level:
                    break
                row.children.append(data[j])


def wide_side(sheet: Sheet, header: Header, gap: range, rows: list[Row]) -> str | None:
    """The side of a wide table from the sheet name, the titles above it or its labels."""
    side = name_side(sheet.name)
    if side:
        return side
    titles = [fold_title(v) for r in gap for v in (sheet.rows[r] if r < sheet.height else [])
              if isinstance(v, str)]
    for pattern_rev, pattern_spend, texts in (
            (TITLE_REVENUE, TITLE_SPENDING, titles),
            (HEADER_REVENUE, HEADER_SPENDING, [fold(sheet.value(header.row, header.label_col))]),
            (HEADER_REVENUE, HEADER_SPENDING, [t for t in titles if len(t) < 30])):
        rev = any(pattern_rev.search(t) for t in texts)
        spend = any(pattern_spend.search(t) for t in texts)
        if rev != spend:
            return REVENUE if rev else SPENDING
    return side_from_labels([row.label for row in rows if row.kind == "data"])


def parse_wide(sheet: Sheet, headers: list[Header], ctx: Context, out: Collected) -> None:
    """Every wide table of the sheet, each read as one side."""
    height = min(sheet.height, MAX_SCAN_ROWS)
    gap_start = 0
    unit: Unit | None = None
    sides_seen: list[str] = []
    row_last: dict[int, int] = {}  # header row → the last row of its tables (side by side: the longest)
    for index, header in enumerate(headers):
        end = next((h.row for h in headers[index + 1:] if h.row > header.row), height)
        gap = range(min(gap_start, header.row), header.row)
        unit = unit_in_rows(sheet, range(min(gap_start, header.row), header.row + 1)) or unit
        rows, last = block_rows(sheet, header, end)
        row_last[header.row] = last = max(last, row_last.get(header.row, last))
        side = wide_side(sheet, header, gap, rows)
        if side is None:
            side = SPENDING if REVENUE in sides_seen else REVENUE
            ctx.log.warning(sheet.file, sheet.name, cell_name(header.row, header.label_col),
                            "finance.side_guessed", row=header.row + 1, side=side_phrase(side))
        sides_seen.append(side)
        read_block(sheet, header, rows, side, unit, ctx, out)
        if index + 1 < len(headers) and headers[index + 1].row == header.row:
            continue  # the table beside it is read next; the balances under both after it
        tail = range(last + 1, end)
        balance_cells(sheet, tail, ctx.unit_decisions.get(unit_key(sheet, unit), 1), out,
                       exclude_col=None)
        gap_start = last + 1
    if headers:
        first_unit = ctx.unit_decisions.get(unit_key(sheet, unit_in_rows(sheet, range(headers[0].row))), 1)
        balance_cells(sheet, range(0, headers[0].row), first_unit, out, exclude_col=None)


def balance_cells(sheet: Sheet, rows: range, scale: int, out: Collected, exclude_col: int | None) -> None:
    """"Tồn đầu"/"Tồn cuối" written outside a table: "Tồn cuối: 2.157.000" or "Tồn cuối | 2.157.000"."""
    for r in rows:
        line = sheet.rows[r] if r < sheet.height else []
        for c, value in enumerate(line):
            if not isinstance(value, str) or c == exclude_col:
                continue
            text = clean(value)
            folded = fold(text)
            target = (out.opening if OPENING.match(folded)
                      else out.closing if CLOSING.match(folded) else None)
            if target is None:
                continue
            inline = re.search(r"[:：]\s*(-?[\d.,\s]+)\s*(đ|đồng)?\s*$", text)
            raw, cell = None, cell_name(r, c)
            if inline:
                raw = parse_number(inline.group(1))
            else:
                for cc in range(c + 1, len(line)):
                    number = read_amount(line[cc])
                    if number.raw is not None:
                        raw, cell = number.raw, cell_name(r, cc)
                        break
            if raw is not None:
                target.append(Balance(int(round(raw * scale)), sheet.file, sheet.name, cell))


def row_balance(row: Row, header: Header, money: Callable[[Amount], int], sheet: Sheet) -> Balance | None:
    """A "Tồn đầu" row's first year's amount; a "Tồn cuối"/"Tồn quỹ cuối năm" row written per year gives
    its LAST year's (the period's closing balance, not the first year's); else its total column's."""
    written = sorted((header.years[c], c, a) for c, a in row.amounts.items() if a.raw is not None)
    if written:
        _year, c, a = written[-1] if row.kind == "closing" else written[0]
        return Balance(money(a), sheet.file, sheet.name, cell_name(row.row, c))
    if header.total_col is not None and row.total.raw is not None:
        return Balance(money(row.total), sheet.file, sheet.name, cell_name(row.row, header.total_col))
    return None


def data_row(sheet: Sheet, header: Header, row: Row, side: str, money: Callable[[Amount], int],
              table: Table, col_sums: dict[int, int], log: IssueLog) -> int:
    """Add one data row's amounts to `table` and the column sums; check its written total; its sum."""
    file, name = sheet.file, sheet.name
    label = row.label
    if not label:
        label = UNKNOWN_ITEM
        log.warning(file, name, cell_name(row.row, header.label_col), "finance.no_item_name",
                    row=row.row + 1, label=Value(label))
    row_sum = 0
    for c, a in row.amounts.items():
        year = header.years[c]
        cell = cell_name(row.row, c)
        if a.bad is not None:
            not_a_number(log, file, name, cell, a, label, year)
            continue
        if a.raw is None:
            continue
        amount = money(a)
        if amount < 0:
            log.warning(file, name, cell, "finance.negative", amount=format_dong(amount), cell=cell,
                        label=label, year=year)
        table.add(side, year, label, amount, cell)
        row_sum += amount
        col_sums[c] += amount
    if header.total_col is not None:
        check_total(log, sheet, row.row, header.total_col, row.total, money, row_sum,
                     phrase("finance.what_row_total", label=label))
    return row_sum


def check_total_rows(sheet: Sheet, header: Header, rows: list[Row], side: str, money: Callable[[Amount], int],
                      col_sums: dict[int, int], grand: int, log: IssueLog) -> None:
    """Each written total row, per year column and in the total column, against the sums."""
    for row in rows:
        if row.kind != "total":
            continue
        for c, a in row.amounts.items():
            check_total(log, sheet, row.row, c, a, money, col_sums[c],
                         phrase("finance.what_side_year", side=side_phrase(side), year=header.years[c]))
        if header.total_col is not None:
            check_total(log, sheet, row.row, header.total_col, row.total, money, grand,
                         phrase("finance.what_side_total", side=side_phrase(side)))


def balance_columns(sheet: Sheet, header: Header, rows: list[Row], money: Callable[[Amount], int],
                     out: Collected) -> None:
    """Balances written in a "Tồn cuối"/"Tồn đầu" column (the total row's, else the last/first row's)."""
    for col, target in ((header.closing_col, out.closing), (header.opening_col, out.opening)):
        if col is None:
            continue
        closing = col == header.closing_col
        candidates = [row for row in rows if (row.closing if closing else row.opening).raw is not None]
        if not candidates:
            continue
        totals = [row for row in candidates if row.kind == "total"]
        chosen = (totals or candidates)[-1 if closing else 0]
        a = chosen.closing if closing else chosen.opening
        target.append(Balance(money(a), sheet.file, sheet.name, cell_name(chosen.row, col)))


def check_groups(sheet: Sheet, header: Header, rows: list[Row], money: Callable[[Amount], int],
                 log: IssueLog) -> None:
    """Each group line's written amounts against the sum of its item lines (a warning on a mismatch)."""
    for row in rows:
        if row.kind != "group":
            continue
        leaves = [child for child in row.children if child.kind == "data"]
        for c, a in row.amounts.items():
            if a.raw is None:
                continue
            computed = sum(money(child.amounts[c]) for child in leaves if child.amounts[c].raw is not None)
            written = money(a)
            if written != computed:
                cell = cell_name(row.row, c)
                log.warning(sheet.file, sheet.name, cell, "finance.group_mismatch", label=row.label,
                            year=header.years[c], written=format_dong(written), cell=cell,
                            computed=format_dong(computed))


def read_block(sheet: Sheet, header: Header, rows: list[Row], side: str, unit: Unit | None,
                ctx: Context, out: Collected) -> None:
    """One wide table (revenue or spending): amounts in đồng, balances, written totals checked."""
    raws = [(a.raw, row.row, c) for row in rows if row.kind == "data"
            for c, a in row.amounts.items() if a.raw is not None and not a.explicit]
    scale = ctx.scale(sheet, unit, raws)
    table = Table(sheet)

    def money(a: Amount) -> int:
        return a.dong(scale)

    col_sums = dict.fromkeys(header.years, 0)
    grand = 0
    data_rows = 0
    for row in rows:
        if row.kind in ("opening", "closing"):
            balance = row_balance(row, header, money, sheet)
            if balance is not None:
                (out.opening if row.kind == "opening" else out.closing).append(balance)
            per_year = out.year_opening if row.kind == "opening" else out.year_closing
            per_year.extend(YearBalance(header.years[c], Balance(money(a), sheet.file, sheet.name,
                                                                 cell_name(row.row, c)))
                            for c, a in row.amounts.items() if a.raw is not None)
        elif row.kind == "data":
            data_rows += 1
            grand += data_row(sheet, header, row, side, money, table, col_sums, ctx.log)
    check_total_rows(sheet, header, rows, side, money, col_sums, grand, ctx.log)
    check_groups(sheet, header, rows, money, ctx.log)
    balance_columns(sheet, header, rows, money, out)
    if data_rows == 0:
        ctx.log.warning(sheet.file, sheet.name, cell_name(header.row, header.label_col), "finance.empty_block",
                        side=side_phrase(side), row=header.row + 1)
    out.tables.append(table)
