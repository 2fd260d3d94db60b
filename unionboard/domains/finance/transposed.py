"""Finance: the transposed layout — years down the rows, sources/categories across (thu and chi side by side).

A header cell "Năm" heads the year column; the item labels are in its row, or under a group row
("Thu" / "Chi" / "Phần thu" merged over their columns) above it. Special columns: "Tổng cộng"/"Tổng thu"/
"Tổng chi" (a side's row total, checked), "Tồn quỹ đầu năm"/"Số dư đầu kỳ" and "Tồn quỹ cuối năm" (balances
per year), "Ghi chú"/"STT" (skipped). Special rows in the year column: an opening balance ("Số dư đầu kỳ"),
a total row ("Tổng cộng", checked per column) and a closing balance ("Tồn cuối"). The amounts land in the
same Table as the report's wide layout, so both give the same Finance.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from unionboard.core.i18n import phrase
from unionboard.core.issues import IssueLog
from unionboard.core.text import cell_name, clean, fold, format_dong, parse_year
from unionboard.domains.finance.common import (
    CLOSING,
    HEADER_REVENUE,
    HEADER_SPENDING,
    OPENING,
    TITLE_REVENUE,
    TITLE_SPENDING,
    Amount,
    Balance,
    Collected,
    Table,
    YearBalance,
    check_total,
    fold_title,
    is_column_number_row,
    is_total_label,
    name_hint,
    name_side,
    names_budget,
    not_a_number,
    read_amount,
    side_from_labels,
    side_of_value,
    side_phrase,
    what_total,
)
from unionboard.domains.finance.units import Context, Unit, unit_in_rows, unit_scale
from unionboard.domains.words import REVENUE, SPENDING
from unionboard.read.workbook import Sheet

YEAR_HEADERS = ("nam", "year", "nam tai chinh", "nam bao cao", "nam quyet toan", "fiscal year")
SKIP_HEADERS = ("stt", "tt", "ghi chu", "note", "notes", "dvt", "don vi tinh")
SIDE_TOTALS = {"tong thu": REVENUE, "cong thu": REVENUE, "tong cong thu": REVENUE, "tong chi": SPENDING,
               "cong chi": SPENDING, "tong cong chi": SPENDING, "total revenue": REVENUE,
               "total spending": SPENDING}
LABEL_UNIT = re.compile(r"^(.*?)\s*\(\s*(?:đvt|đơn vị tính|đơn vị)?\s*[:：]?\s*([^()]*?(?:đồng|vnđ|vnd|đ))\s*\)$",
                        re.IGNORECASE)
SCAN_ROWS = 300  # where a "Năm" header is looked for
MAX_BLOCK_ROWS = 500
MIN_AMOUNT_SHARE = 0.6  # of the written cells under the item columns; an awards table's texts are not amounts
# words of union money in item labels (dues, funds, allowances, support): evidence that the table is finance
MONEY_WORDS = ("doan phi", "kinh phi", "dpcd", "kpcd", "phu cap", "tro cap", "ho tro", "tham hoi", "cap tren cap",
               "ldld", "tien")
MONEY_MEDIAN = 10_000  # raw amounts this large are money (a headcount table's are not)


@dataclass
class Column:
    """One column right of the year column: an item (a source or a category), a total, a balance, or skipped."""
    col: int
    label: str
    kind: str  # "item" | "total" | "opening" | "closing" | "skip"
    side: str | None = None
    side_known: bool = True
    unit: Unit | None = None  # the column's own unit ("Đoàn phí (nghìn đồng)"), before the table's note
    scale: int = 1  # the factor to đồng, decided when the table is read

    def money(self, amount: Amount) -> int:
        """An amount of this column in đồng."""
        return amount.dong(self.scale)


@dataclass
class Layout:
    """A transposed table: its header rows, year column, columns and the rows under it."""
    top: int  # the row of the "Năm" cell (the first header row)
    header: int  # the last header row (item labels)
    year_col: int
    columns: list[Column]
    rows: list[int] = field(default_factory=list)  # data, balance and total rows, in order

    @property
    def items(self) -> list[Column]:
        """The item columns."""
        return [c for c in self.columns if c.kind == "item"]


def is_year_header(value: object) -> bool:
    """Whether a cell heads a year column ("Năm", "Year", "Năm tài chính") — not "Nam", a man in a roster."""
    return isinstance(value, str) and fold(value) in YEAR_HEADERS and value.strip().lower() != "nam"


def is_special_row(folded: str, value: object) -> bool:
    """Whether a year-column cell opens a balance or total row."""
    return bool(OPENING.match(folded) or CLOSING.match(folded) or is_total_label(value))


def header_bottom(sheet: Sheet, top: int, col: int) -> int | None:
    """The last header row under a "Năm" cell: the row just above the first year or balance row (≤ 2 rows)."""
    for r in range(top + 1, min(sheet.height, top + 4)):
        if is_column_number_row(sheet.rows[r]):
            return r - 1
        value = sheet.value(r, col)
        folded = fold(value)
        if (value is not None and not isinstance(value, str)) or parse_year(value) is not None or (
                folded and folded not in YEAR_HEADERS and is_special_row(folded, value)):
            return r - 1
        if folded and folded not in YEAR_HEADERS:
            return None
    return None


def group_text(sheet: Sheet, rows: range, col: int, year_col: int) -> str:
    """The group header over a column ("Thu" merged over its sources): a merged cell of the rows above the
    label row, else the nearest text to its left in that row (a group written once, unmerged)."""
    for r in rows:
        for r0, c0, r1, c1 in sheet.merged:
            if r0 <= r <= r1 and c0 <= col <= c1 and c1 > c0:
                return clean(sheet.value(r0, c0))
        for c in range(col, year_col, -1):
            value = sheet.value(r, c)
            if isinstance(value, str) and fold(value):
                return clean(value)
    return ""


def side_of_text(text: str) -> str | None:
    """REVENUE/SPENDING for a group or title text ("Thu", "Phần chi", "Các khoản thu"), None when neither."""
    side = side_of_value(text)
    if side:
        return side
    folded = fold_title(text)
    rev = bool(TITLE_REVENUE.search(folded) or HEADER_REVENUE.search(folded))
    spend = bool(TITLE_SPENDING.search(folded) or HEADER_SPENDING.search(folded))
    return (REVENUE if rev else SPENDING) if rev != spend else None


def column_kind(label: str) -> str:
    """What a header label makes of its column."""
    folded = fold(label)
    if not folded or folded in SKIP_HEADERS:
        return "skip"
    if OPENING.match(folded):
        return "opening"
    if CLOSING.match(folded):
        return "closing"
    if folded in SIDE_TOTALS or is_total_label(label):
        return "total"
    return "item"


def read_columns(sheet: Sheet, top: int, bottom: int, year_col: int, start: int) -> list[Column]:
    """The columns right of the year column, with their labels, kinds and sides (from the group above)."""
    width = max((len(sheet.rows[r]) for r in range(top, bottom + 1)), default=0)
    columns = []
    for col in range(year_col + 1, width):
        label = next((clean(sheet.value(r, col)) for r in range(bottom, top - 1, -1)
                      if clean(sheet.value(r, col))), "")
        if not label:
            continue
        label, unit = label_unit(label, bottom, col)
        kind = column_kind(label)
        group = group_text(sheet, range(bottom - 1, max(top - 1, start) - 1, -1), col, year_col)
        side = SIDE_TOTALS.get(fold(label)) or (side_of_text(group) if group and fold(group) != fold(label)
                                                 else None)
        if kind == "item" and side is None and side_of_value(label):
            side = side_of_value(label)  # a column headed only "Thu" / "Chi": the side's one amount
        columns.append(Column(col, label, kind, side, unit=unit))
    return columns


def label_unit(label: str, row: int, col: int) -> tuple[str, Unit | None]:
    """A header naming its column's unit ("Đoàn phí (nghìn đồng)", "Tổng thu (ĐVT: triệu đồng)") → the label
    without it and the unit; else the label as written and None."""
    match = LABEL_UNIT.match(label)
    scale = unit_scale(match.group(2)) if match else None
    if match is None or scale is None or not match.group(1):
        return label, None
    return match.group(1), Unit(scale, match.group(2), row, col)


def block_rows(sheet: Sheet, layout: Layout, end: int) -> list[int]:
    """The rows under the header: years, balances and totals, until a title, another table or two blank rows."""
    rows, blanks = [], 0
    for r in range(layout.header + 1, min(end, layout.header + 1 + MAX_BLOCK_ROWS)):
        if r == layout.header + 1 and is_column_number_row(sheet.rows[r]):
            continue
        value = sheet.value(r, layout.year_col)
        folded = fold(value)
        written = any(sheet.value(r, c.col) is not None for c in layout.columns)
        if not folded and not written:
            blanks += 1
            if blanks >= 2:
                break
            continue
        blanks = 0
        if (parse_year(value) is not None and not isinstance(value, bool)) or is_special_row(folded, value):
            rows.append(r)
            continue
        break
    return rows


def table_side(sheet: Sheet, top: int, start: int) -> str | None:
    """The side of a whole table from the sheet name or a title above it ("* Phần thu")."""
    side = name_side(sheet.name)
    if side:
        return side
    titles = [fold_title(v) for r in range(start, top) for v in (sheet.rows[r] if r < sheet.height else [])
              if isinstance(v, str)]
    rev = any(TITLE_REVENUE.search(t) for t in titles)
    spend = any(TITLE_SPENDING.search(t) for t in titles)
    return (REVENUE if rev else SPENDING) if rev != spend else None


def label_side(label: str) -> str | None:
    """The side a label's first word tells ("Thu ĐPCĐ 1%" revenue, "Chi phụ cấp" spending), else None."""
    first = fold(label).split()[:1]
    return REVENUE if first == ["thu"] else SPENDING if first == ["chi"] else None


def assign_sides(sheet: Sheet, layout: Layout, start: int) -> None:
    """Every item and total column gets a side: its group's, the table's, its label's (else a guess)."""
    whole = table_side(sheet, layout.top, start)
    unknown = [c for c in layout.columns if c.kind in ("item", "total") and c.side is None]
    fallback = whole or side_from_labels([c.label for c in unknown if c.kind == "item"])
    for column in unknown:
        side = whole or label_side(column.label) or fallback
        column.side = side or REVENUE
        column.side_known = side is not None


def money_like(sheet: Sheet, layout: Layout, start: int) -> bool:
    """Whether the cells under the item columns are amounts: most of them, and money-sized unless a unit note
    (over the table or in a column header) or a Thu/Chi group says so (a headcount table by year is not finance)."""
    raws, written = [], 0
    for r in layout.rows:
        if parse_year(sheet.value(r, layout.year_col)) is None:
            continue
        for column in layout.items:
            value = sheet.value(r, column.col)
            if value is None:
                continue
            written += 1
            amount = read_amount(value)
            if amount.raw is not None:
                raws.append(abs(amount.raw))
    if not raws or len(raws) < MIN_AMOUNT_SHARE * written:
        return False
    return (statistics.median(raws) >= MONEY_MEDIAN or any(c.side or c.unit for c in layout.columns)
            or unit_in_rows(sheet, range(start, layout.header + 1)) is not None)


def evidence(sheet: Sheet, layout: Layout, start: int) -> bool:
    """Whether something says money: a finance sheet name or title, a unit note, Thu/Chi sides, or money words
    in the item labels ("Đoàn phí", "Kinh phí", "Phụ cấp", "Hỗ trợ")."""
    if names_budget(fold(sheet.name)):
        return False
    titles = " ".join(fold_title(v) for r in range(start, layout.header + 1)
                      for v in (sheet.rows[r] if r < sheet.height else []) if isinstance(v, str))
    if names_budget(titles):
        return False
    sided = any(c.side is not None for c in layout.columns if c.kind in ("item", "total")) or any(
        f" {word} " in f" {fold(c.label)} " for c in layout.items for word in MONEY_WORDS)
    return (sided or name_hint(sheet.name) or unit_in_rows(sheet, range(start, layout.header + 1)) is not None
            or bool(TITLE_REVENUE.search(titles) or TITLE_SPENDING.search(titles))
            or "tai chinh" in titles or "kinh phi" in titles)


def find_layouts(sheet: Sheet) -> list[Layout]:
    """Every transposed table of the sheet, top to bottom."""
    layouts: list[Layout] = []
    r, start = 0, 0
    while r < min(sheet.height, SCAN_ROWS):
        layout = layout_at(sheet, r, start)
        if layout is None:
            r += 1
            continue
        layouts.append(layout)
        start = r = (layout.rows[-1] + 1) if layout.rows else layout.header + 1
    return layouts


def layout_at(sheet: Sheet, top: int, start: int) -> Layout | None:
    """The transposed table whose "Năm" header cell is in this row, None when there is none."""
    line = sheet.rows[top]
    for col, value in enumerate(line):
        if not is_year_header(value):
            continue
        bottom = header_bottom(sheet, top, col)
        if bottom is None:
            continue
        columns = read_columns(sheet, top, bottom, col, start)
        if not any(c.kind == "item" for c in columns) and not any(c.kind == "total" for c in columns):
            continue
        layout = Layout(top, bottom, col, columns)
        layout.rows = block_rows(sheet, layout, sheet.height)
        if not layout.items:  # "Năm | Tổng thu | Tổng chi": each side's total is its one amount
            for column in columns:
                if column.kind == "total":
                    column.kind = "item"
        if not any(parse_year(sheet.value(r, col)) is not None for r in layout.rows):
            continue
        if not money_like(sheet, layout, start) or not evidence(sheet, layout, start):
            continue
        assign_sides(sheet, layout, start)
        return layout
    return None


@dataclass
class Sums:
    """Running sums of one table per column, for the written total row."""
    per_col: dict[int, int] = field(default_factory=dict)


def parse_transposed(sheet: Sheet, layouts: list[Layout], ctx: Context, out: Collected) -> None:
    """Every transposed table of the sheet into the shared Table, balances and per-year balances."""
    start = 0
    for layout in layouts:
        for column in layout.columns:
            if not column.side_known:
                ctx.log.warning(sheet.file, sheet.name, cell_name(layout.header, column.col),
                                "finance_shapes.column_side_guessed", label=column.label,
                                cell=cell_name(layout.header, column.col), side=side_phrase(column.side))
        unit = unit_in_rows(sheet, range(start, layout.header + 1))
        decide_scales(sheet, layout, unit, ctx)
        read_table(sheet, layout, ctx.log, out)
        start = (layout.rows[-1] + 1) if layout.rows else layout.header + 1


def decide_scales(sheet: Sheet, layout: Layout, unit: Unit | None, ctx: Context) -> None:
    """Each column's factor to đồng: its own unit if its header names one, else the table's note — each
    checked against the magnitudes of the amounts it scales."""
    years = [r for r in layout.rows if parse_year(sheet.value(r, layout.year_col)) is not None]

    def raws(columns: list[Column]) -> list[tuple[float, int, int]]:
        return [(a.raw, r, c.col) for r in years for c in columns
                if (a := read_amount(sheet.value(r, c.col))).raw is not None and not a.explicit]

    shared = [c for c in layout.items if c.unit is None] or layout.items
    table_scale = ctx.scale(sheet, unit, raws(shared))
    for column in layout.columns:
        column.scale = ctx.scale(sheet, column.unit, raws([column])) if column.unit else table_scale


def read_table(sheet: Sheet, layout: Layout, log: IssueLog, out: Collected) -> None:
    """One transposed table: year rows into the Table, balance rows and columns, totals checked."""
    table = Table(sheet)
    sums = Sums()
    seen: dict[int, str] = {}
    for r in layout.rows:
        value = sheet.value(r, layout.year_col)
        folded = fold(value)
        year = parse_year(value) if not is_special_row(folded, value) else None
        if year is None:
            special_row(sheet, layout, r, folded, sums, log, out)
            continue
        cell = cell_name(r, layout.year_col)
        if year in seen:
            log.warning(sheet.file, sheet.name, cell, "finance_shapes.year_repeated", year=year, cell=cell,
                        first=seen[year])
        seen.setdefault(year, cell)
        year_row(sheet, layout, r, year, table, sums, log, out)
    out.tables.append(table)


def year_row(sheet: Sheet, layout: Layout, r: int, year: int, table: Table, sums: Sums,
             log: IssueLog, out: Collected) -> None:
    """One year's amounts (each item column), its written side totals checked, its balances kept."""
    row_sums: dict[str, int] = {}
    for column in layout.items:
        amount = read_amount(sheet.value(r, column.col))
        cell = cell_name(r, column.col)
        if amount.bad is not None:
            not_a_number(log, sheet.file, sheet.name, cell, amount, column.label, year)
            continue
        if amount.raw is None:
            continue
        value = amount.dong(column.scale)
        if value < 0:
            log.warning(sheet.file, sheet.name, cell, "finance.negative", amount=format_dong(value), cell=cell,
                        label=column.label, year=year)
        table.add(column.side, year, column.label, value, cell)
        row_sums[column.side] = row_sums.get(column.side, 0) + value
        sums.per_col[column.col] = sums.per_col.get(column.col, 0) + value
    for column in layout.columns:
        written = read_amount(sheet.value(r, column.col))
        if column.kind == "total":
            sides = [column.side] if len({c.side for c in layout.items}) > 1 else list(row_sums) or [column.side]
            check_total(log, sheet, r, column.col, written, column.money,
                        sum(row_sums.get(s, 0) for s in sides), what_total(column.side, year))
        elif column.kind in ("opening", "closing") and written.bad is not None:
            not_a_number(log, sheet.file, sheet.name, cell_name(r, column.col), written, column.label, year)
        elif column.kind in ("opening", "closing") and written.raw is not None:
            balance = Balance(written.dong(column.scale), sheet.file, sheet.name, cell_name(r, column.col))
            (out.year_opening if column.kind == "opening" else out.year_closing).append(YearBalance(year, balance))


def special_row(sheet: Sheet, layout: Layout, r: int, folded: str, sums: Sums, log: IssueLog,
                out: Collected) -> None:
    """An opening or closing balance row (its first amount), or a total row checked column by column."""
    if is_total_label(sheet.value(r, layout.year_col)) and not (OPENING.match(folded) or CLOSING.match(folded)):
        for column in layout.columns:
            written = read_amount(sheet.value(r, column.col))
            if column.kind == "item":
                check_total(log, sheet, r, column.col, written, column.money,
                            sums.per_col.get(column.col, 0), phrase("finance.what_row_total", label=column.label))
            elif column.kind == "total":
                computed = sum(sums.per_col.get(c.col, 0) for c in layout.items
                               if c.side == column.side or len({i.side for i in layout.items}) == 1)
                check_total(log, sheet, r, column.col, written, column.money, computed,
                            what_total(column.side, None))
        return
    for column in layout.columns:
        written = read_amount(sheet.value(r, column.col))
        if written.raw is not None:
            target = out.opening if OPENING.match(folded) else out.closing
            target.append(Balance(written.dong(column.scale), sheet.file, sheet.name, cell_name(r, column.col)))
            return
