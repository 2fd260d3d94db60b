"""Finance: detect and parse revenue/spending sheets (the report's wide layout and tidy tables), reconcile totals.

Two layouts are read:

* wide (the report's): title rows ("* Phần thu", "ĐVT: 1.000"), a header row with a label column
  then year columns ("2013" or "Năm 2013"), an optional total column ("Tổng cộng") and an optional
  "Tồn cuối"/"Tồn đầu" column; data rows, an optional total row. One sheet may hold several such
  tables one after the other (revenue then spending).
* tidy: Năm | Khoản mục | Số tiền (schema.FINANCE_TIDY), one sheet per side or with a Thu/Chi column.

Amounts become int đồng after the unit note ("ĐVT: 1.000" → ×1000) unless the note contradicts the
magnitudes. Written totals and the written closing balance are checked against computed sums;
every problem is a Vietnamese issue naming its cell. Nothing here raises on bad input.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

from unionboard.core.i18n import Phrase, phrase
from unionboard.core.issues import IssueLog
from unionboard.core.models import Finance, FinanceEntry
from unionboard.core.text import (
    cell_name,
    clean,
    fold,
    format_dong,
    format_number,
    parse_number,
    parse_year,
)
from unionboard.domains.schema import FINANCE_TIDY, HeaderMatch, find_header
from unionboard.domains.spec import DomainSpec, SheetPairs
from unionboard.domains.words import (
    REVENUE,
    REVENUE_WORDS,
    SPENDING,
    SPENDING_WORDS,
    TOTAL_LABELS,
)
from unionboard.read.workbook import Sheet

WIDE_SCORE = 1.2
TIDY_SCORE = 1.1
NAME_HINT_BONUS = 0.3
MAX_SCAN_ROWS = 2000
LARGE_RAW_AMOUNT = 100_000
UNKNOWN_ITEM = "(Không rõ khoản mục)"  # a median raw amount this big is already in đồng


_LABEL_HEADERS = ("nguon thu", "nguon", "muc chi", "noi dung", "khoan muc", "khoan thu", "khoan chi",
                  "dien giai", "danh muc", "hang muc", "phan thu", "phan chi", "thu", "chi", "thu chi",
                  "item", "items", "source", "sources", "category", "categories", "revenue", "spending",
                  "expenses", "expense", "description")
_LEFT_EXTRA = ("stt", "tt", "so tt", "no", "")
_RIGHT_EXTRA = ("ghi chu", "note", "notes", "dvt", "don vi tinh", "ty le", "ty le %", "%")
_OPENING = re.compile(r"^(ton dau|so du dau|du dau|ton quy dau|opening balance|opening)\b")
_CLOSING = re.compile(r"^(ton cuoi|so du cuoi|du cuoi|ton quy cuoi|closing balance|closing)\b")
_TITLE_REVENUE = re.compile(r"\b(phan thu|cac khoan thu|khoan thu|bang thu|revenue|income)\b")
_TITLE_SPENDING = re.compile(r"\b(phan chi|cac khoan chi|khoan chi|bang chi|spending|expenditures?)\b")
_HEADER_REVENUE = re.compile(r"\b(nguon thu|noi dung thu|thu)\b")
_HEADER_SPENDING = re.compile(r"\b(muc chi|noi dung chi|chi)\b")
_UNIT_NOTE = re.compile(r"(đvt|đơn vị tính|đơn vị)\s*[:：]?\s*([^()]*)", re.IGNORECASE)
_UNIT_ONLY = re.compile(r"^\(?\s*((?:nghìn|ngàn|triệu|tỷ)\s+đồng|1\.000\s*đồng)\s*\)?$", re.IGNORECASE)
_BUDGET_NAMES = ("du toan", "ke hoach", "budget")


# --------------------------------------------------------------------------- small helpers


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _words(folded: str) -> set[str]:
    return set(folded.split())


def _name_words(name: str) -> set[str]:
    """Words of a folded sheet name, without "chỉ tiêu"/"chi tiết"/"chỉ số" (not "chi")."""
    return _words(re.sub(r"\bchi (tieu|tiet|so)\b", " ", fold(name)))


def _name_side(name: str) -> str | None:
    """Side from a sheet name: "Thu"/"Phần thu"/"Revenue" vs "Chi"/"Phần chi"/"Spending"."""
    words = _name_words(name)
    has_thu = bool(words & {"thu", "revenue", "revenues", "income"})
    has_chi = bool(words & {"chi", "spending", "expenses", "expense", "expenditure"})
    if has_thu and not has_chi:
        return REVENUE
    if has_chi and not has_thu:
        return SPENDING
    return None


def _name_hint(name: str) -> bool:
    folded = fold(name)
    if any(b in folded for b in _BUDGET_NAMES):
        return False
    words = _name_words(name)
    return bool(words & {"thu", "chi", "revenue", "spending", "finance", "income", "expenses"}) or (
        "tai chinh" in folded)


def _fold_title(value: object) -> str:
    """Fold text with a space inserted before a glued unit note ("Phần thuĐVT" → "phan thu dvt")."""
    return fold(re.sub(r"(?i)(đvt|đơn vị)", r" \1", _text(value)))


def _is_total_label(folded: str) -> bool:
    return folded in TOTAL_LABELS or folded.startswith("tong cong")


_LABEL_PREFIXES = tuple(p + " " for p in _LABEL_HEADERS if len(p) > 3)


def _is_label_header(value: object) -> bool:
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    folded = fold(value)
    return folded in _LABEL_HEADERS or folded.startswith(_LABEL_PREFIXES)


def _side_of_value(value: object) -> str | None:
    folded = fold(value)
    if folded in REVENUE_WORDS:
        return REVENUE
    if folded in SPENDING_WORDS:
        return SPENDING
    return None


def _show(raw: float) -> str:
    """A raw amount as written, Vietnamese format (18.777.000; 100,61)."""
    if float(raw).is_integer():
        return format_number(raw)
    return format_number(raw, 2).rstrip("0").rstrip(",")


@dataclass
class _Amount:
    """A cell read as an amount: raw number (None when blank), or the bad text."""

    raw: float | None = None
    bad: str | None = None


def _read_amount(value: object) -> _Amount:
    if value is None:
        return _Amount()
    if isinstance(value, str) and not fold(value):  # blank, "-", "–": nothing written
        return _Amount()
    if isinstance(value, bool | dt.date | dt.datetime | dt.time | dt.timedelta):
        return _Amount(bad=clean(value))
    number = parse_number(value)
    if number is None:
        return _Amount(bad=clean(value))
    return _Amount(raw=number)


# --------------------------------------------------------------------------- unit note


@dataclass(frozen=True)
class _Unit:
    scale: int
    note: str  # as written, e.g. "ĐVT: 1.000"
    row: int
    col: int


def _unit_scale(text: str) -> int | None:
    folded = fold(text)
    if not folded:
        return None
    words = _words(folded)
    if "trieu" in words:
        return 1_000_000
    if "ty" in words:
        return 1_000_000_000
    if words & {"nghin", "ngan"} or re.search(r"\b1 000\b|\b1000\b", folded):
        return 1000
    if words & {"dong", "vnd", "d"}:
        return 1
    return None


def _find_unit(text: str, row: int, col: int) -> _Unit | None:
    text = clean(text)
    match = _UNIT_NOTE.search(text)
    if match:
        scale = _unit_scale(match.group(2))
        if scale is not None:
            note = clean(text[match.start():]).rstrip(") ").strip()
            return _Unit(scale, note, row, col)
    match = _UNIT_ONLY.match(text)
    if match:
        scale = _unit_scale(match.group(1))
        if scale is not None:
            return _Unit(scale, text.strip("() "), row, col)
    return None


def _unit_in_rows(sheet: Sheet, rows: range) -> _Unit | None:
    found = None
    for r in rows:
        for c, value in enumerate(sheet.rows[r] if r < sheet.height else []):
            if isinstance(value, str):
                unit = _find_unit(value, r, c)
                if unit is not None:
                    found = unit
    return found


class _Context:
    """State shared by one parse() call: the issue log and the unit notes already judged."""

    def __init__(self, log: IssueLog) -> None:
        self.log = log
        self.unit_decisions: dict[tuple[str, str, int, int], int] = {}

    def scale(self, sheet: Sheet, unit: _Unit | None, raws: list[tuple[float, int, int]]) -> int:
        """The factor to turn raw amounts into đồng; warn when the note contradicts the magnitudes."""
        if unit is None:
            return 1
        key = (sheet.file, sheet.name, unit.row, unit.col)
        if key in self.unit_decisions:
            return self.unit_decisions[key]
        nonzero = [(raw, r, c) for raw, r, c in raws if raw]
        scale = unit.scale
        if nonzero:
            median = statistics.median(abs(raw) for raw, _, _ in nonzero)
            raw, r, c = nonzero[0]
            if unit.scale >= 1000 and median >= LARGE_RAW_AMOUNT:
                self.log.warning(sheet.file, sheet.name, cell_name(unit.row, unit.col),
                                 "finance.unit_too_large", note=unit.note, example=_show(raw),
                                 cell=cell_name(r, c), scaled=format_dong(raw * unit.scale))
                scale = 1
            elif unit.scale == 1 and all(abs(x) < 10_000 for x, _, _ in nonzero) and any(
                    not float(x).is_integer() for x, _, _ in nonzero):
                odd = next((x, rr, cc) for x, rr, cc in nonzero if not float(x).is_integer())
                self.log.warning(sheet.file, sheet.name, cell_name(unit.row, unit.col),
                                 "finance.unit_too_small", note=unit.note, example=_show(odd[0]),
                                 cell=cell_name(odd[1], odd[2]))
        self.unit_decisions[key] = scale
        return scale

    def amount(self, sheet: Sheet, raw: float, scale: int) -> int:
        return int(round(raw * scale))


# --------------------------------------------------------------------------- collected data


@dataclass
class _Table:
    """Amounts read from one table (a wide block or a tidy sheet), summed per (side, year, item)."""

    sheet: Sheet
    amounts: dict[tuple[str, int, str], int] = field(default_factory=dict)
    labels: dict[tuple[str, int, str], str] = field(default_factory=dict)
    cells: dict[tuple[str, int, str], str] = field(default_factory=dict)

    def add(self, side: str, year: int, label: str, amount: int, cell: str) -> None:
        key = (side, year, fold(label))
        self.amounts[key] = self.amounts.get(key, 0) + amount
        self.labels.setdefault(key, label)
        self.cells.setdefault(key, cell)


@dataclass
class _Balance:
    amount: int
    file: str
    sheet: str
    cell: str


@dataclass
class _Collected:
    tables: list[_Table] = field(default_factory=list)
    opening: list[_Balance] = field(default_factory=list)
    closing: list[_Balance] = field(default_factory=list)


# --------------------------------------------------------------------------- wide layout


@dataclass
class _Header:
    row: int
    label_col: int
    years: dict[int, int]  # col → year
    total_col: int | None = None
    closing_col: int | None = None
    opening_col: int | None = None

    @property
    def last_col(self) -> int:
        cols = [*self.years, self.total_col or 0, self.closing_col or 0, self.opening_col or 0]
        return max(cols)


def _year_cells(line: list) -> tuple[dict[int, int], bool]:
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


def _plausible_years(years: dict[int, int]) -> bool:
    """Distinct years, increasing left to right by at most 10 at a time."""
    if not years or len(set(years.values())) != len(years):
        return False
    ordered = [years[c] for c in sorted(years)]
    return not any(b <= a or b - a > 10 for a, b in zip(ordered, ordered[1:], strict=False))


def _right_columns(header: _Header, line: list) -> bool:
    """Find the total/closing/opening columns right of the label; False when another text is there."""
    for col, value in enumerate(line):
        if col <= header.label_col or col in header.years or value is None or value == "":
            continue
        if not isinstance(value, str):
            return False
        folded = fold(value)
        if _is_total_label(folded) and header.total_col is None:
            header.total_col = col
        elif _CLOSING.match(folded) and header.closing_col is None:
            header.closing_col = col
        elif _OPENING.match(folded) and header.opening_col is None:
            header.opening_col = col
        elif folded not in _RIGHT_EXTRA and folded:
            return False
    return True


def _wide_header(sheet: Sheet, row: int) -> _Header | None:
    """The row as a wide finance header (label column, then year columns), or None."""
    line = sheet.rows[row]
    years, text_year = _year_cells(line)
    if not _plausible_years(years) or min(years) == 0:
        return None
    label_col = min(years) - 1
    label_value = sheet.value(row, label_col)
    if not _is_label_header(label_value):
        return None
    if not text_year and len(years) < 2 and label_value is None:
        return None
    if any(sheet.value(row, col) is not None and fold(sheet.value(row, col)) not in _LEFT_EXTRA
           for col in range(label_col)):
        return None
    header = _Header(row=row, label_col=label_col, years=years)
    return header if _right_columns(header, line) else None


def _wide_headers(sheet: Sheet) -> list[_Header]:
    return [h for r in range(min(sheet.height, MAX_SCAN_ROWS))
            if (h := _wide_header(sheet, r)) is not None]


@dataclass
class _Row:
    row: int
    kind: str  # "data" | "total" | "opening" | "closing"
    label: str
    amounts: dict[int, _Amount]  # col → amount for the year columns
    total: _Amount
    closing: _Amount
    opening: _Amount
    blank: bool = False  # no amount written in the row


def _is_title(value: object) -> bool:
    text = _text(value).strip()
    if not text:
        return False
    folded = _fold_title(text)
    return (text.startswith("*") or folded.startswith(("phan thu", "phan chi", "bang"))
            or bool(re.search(r"\b(dvt|don vi tinh)\b", folded)))


def _block_rows(sheet: Sheet, header: _Header, end: int) -> tuple[list[_Row], int]:
    """The rows of one wide block (until `end`, a title row, or what follows the total row)."""
    rows: list[_Row] = []
    after_total = False
    for r in range(header.row + 1, end):
        label_value = sheet.value(r, header.label_col)
        amounts = {c: _read_amount(sheet.value(r, c)) for c in header.years}
        total = _read_amount(sheet.value(r, header.total_col)) if header.total_col is not None else _Amount()
        closing = (_read_amount(sheet.value(r, header.closing_col))
                   if header.closing_col is not None else _Amount())
        opening = (_read_amount(sheet.value(r, header.opening_col))
                   if header.opening_col is not None else _Amount())
        label = clean(label_value)
        cells_blank = all(a.raw is None and a.bad is None
                          for a in (*amounts.values(), total, closing, opening))
        if not label and cells_blank:
            continue
        folded = fold(label)
        if cells_blank and _is_title(label_value):
            break
        if _OPENING.match(folded):
            kind = "opening"
        elif _CLOSING.match(folded):
            kind = "closing"
        elif _is_total_label(folded):
            kind = "total"
        else:
            if after_total:
                break
            kind = "data"
        after_total = after_total or kind == "total"
        rows.append(_Row(r, kind, label, amounts, total, closing, opening, cells_blank))
    # text rows with no amount at the end are titles of what follows (or signatures), not items
    while rows and rows[-1].kind == "data" and rows[-1].blank:
        rows.pop()
    return rows, (rows[-1].row if rows else header.row)


def _wide_side(sheet: Sheet, header: _Header, gap: range, rows: list[_Row]) -> str | None:
    side = _name_side(sheet.name)
    if side:
        return side
    titles = [_fold_title(v) for r in gap for v in (sheet.rows[r] if r < sheet.height else [])
              if isinstance(v, str)]
    for pattern_rev, pattern_spend, texts in (
            (_TITLE_REVENUE, _TITLE_SPENDING, titles),
            (_HEADER_REVENUE, _HEADER_SPENDING, [fold(sheet.value(header.row, header.label_col))]),
            (_HEADER_REVENUE, _HEADER_SPENDING, [t for t in titles if len(t) < 30])):
        rev = any(pattern_rev.search(t) for t in texts)
        spend = any(pattern_spend.search(t) for t in texts)
        if rev != spend:
            return REVENUE if rev else SPENDING
    return _side_from_labels([row.label for row in rows if row.kind == "data"])


def _side_from_labels(labels: list[str]) -> str | None:
    folded = [fold(label) for label in labels if label]
    if not folded:
        return None
    chi = sum(1 for f in folded if f.split()[:1] == ["chi"])
    thu = sum(1 for f in folded if f.split()[:1] == ["thu"])
    if chi > thu:
        return SPENDING
    if thu > chi:
        return REVENUE
    return None


def _parse_wide(sheet: Sheet, headers: list[_Header], ctx: _Context, out: _Collected) -> None:
    height = min(sheet.height, MAX_SCAN_ROWS)
    gap_start = 0
    unit: _Unit | None = None
    sides_seen: list[str] = []
    for index, header in enumerate(headers):
        end = headers[index + 1].row if index + 1 < len(headers) else height
        gap = range(gap_start, header.row)
        unit = _unit_in_rows(sheet, range(gap_start, header.row + 1)) or unit
        rows, last = _block_rows(sheet, header, end)
        side = _wide_side(sheet, header, gap, rows)
        if side is None:
            side = SPENDING if REVENUE in sides_seen else REVENUE
            ctx.log.warning(sheet.file, sheet.name, cell_name(header.row, header.label_col),
                            "finance.side_guessed", row=header.row + 1, side=side_phrase(side))
        sides_seen.append(side)
        _read_block(sheet, header, rows, side, unit, ctx, out)
        tail = range(last + 1, end)
        _balance_cells(sheet, tail, ctx.unit_decisions.get(_unit_key(sheet, unit), 1), out,
                       exclude_col=None)
        gap_start = last + 1
    if headers:
        first_unit = ctx.unit_decisions.get(_unit_key(sheet, _unit_in_rows(sheet, range(headers[0].row))), 1)
        _balance_cells(sheet, range(0, headers[0].row), first_unit, out, exclude_col=None)


def _unit_key(sheet: Sheet, unit: _Unit | None) -> tuple[str, str, int, int] | None:
    return None if unit is None else (sheet.file, sheet.name, unit.row, unit.col)


def _balance_cells(sheet: Sheet, rows: range, scale: int, out: _Collected, exclude_col: int | None) -> None:
    """"Tồn đầu"/"Tồn cuối" written outside a table: "Tồn cuối: 2.157.000" or "Tồn cuối | 2.157.000"."""
    for r in rows:
        line = sheet.rows[r] if r < sheet.height else []
        for c, value in enumerate(line):
            if not isinstance(value, str) or c == exclude_col:
                continue
            text = clean(value)
            folded = fold(text)
            target = (out.opening if _OPENING.match(folded)
                      else out.closing if _CLOSING.match(folded) else None)
            if target is None:
                continue
            inline = re.search(r"[:：]\s*(-?[\d.,\s]+)\s*(đ|đồng)?\s*$", text)
            raw, cell = None, cell_name(r, c)
            if inline:
                raw = parse_number(inline.group(1))
            else:
                for cc in range(c + 1, len(line)):
                    number = _read_amount(line[cc])
                    if number.raw is not None:
                        raw, cell = number.raw, cell_name(r, cc)
                        break
            if raw is not None:
                target.append(_Balance(int(round(raw * scale)), sheet.file, sheet.name, cell))


def _not_a_number(log: IssueLog, file: str, sheet: str, cell: str, bad: str, label: str, year: int) -> None:
    """The warning for an amount cell that is not a number (counted as 0), in either layout."""
    log.warning(file, sheet, cell, "finance.not_a_number", value=bad, cell=cell, label=label, year=year)


def _row_balance(row: _Row, header: _Header, money: Callable[[float], int], sheet: Sheet) -> _Balance | None:
    """The first written amount of a "Tồn đầu"/"Tồn cuối" row."""
    for c, a in sorted(row.amounts.items()) + [(header.total_col, row.total)]:
        if c is not None and a.raw is not None:
            return _Balance(money(a.raw), sheet.file, sheet.name, cell_name(row.row, c))
    return None


def _data_row(sheet: Sheet, header: _Header, row: _Row, side: str, money: Callable[[float], int],
              table: _Table, col_sums: dict[int, int], log: IssueLog) -> int:
    """Add one data row's amounts to `table` and the column sums; check its written total; its sum."""
    file, name = sheet.file, sheet.name
    label = row.label
    if not label:
        label = UNKNOWN_ITEM
        log.warning(file, name, cell_name(row.row, header.label_col), "finance.no_item_name",
                    row=row.row + 1, label=label)
    row_sum = 0
    for c, a in row.amounts.items():
        year = header.years[c]
        cell = cell_name(row.row, c)
        if a.bad is not None:
            _not_a_number(log, file, name, cell, a.bad, label, year)
            continue
        if a.raw is None:
            continue
        amount = money(a.raw)
        if amount < 0:
            log.warning(file, name, cell, "finance.negative", amount=format_dong(amount), cell=cell,
                        label=label, year=year)
        table.add(side, year, label, amount, cell)
        row_sum += amount
        col_sums[c] += amount
    if header.total_col is not None:
        _check_total(log, sheet, row.row, header.total_col, row.total, money, row_sum,
                     phrase("finance.what_row_total", label=label))
    return row_sum


def _check_total_rows(sheet: Sheet, header: _Header, rows: list[_Row], side: str, money: Callable[[float], int],
                      col_sums: dict[int, int], grand: int, log: IssueLog) -> None:
    """Each written total row, per year column and in the total column, against the sums."""
    for row in rows:
        if row.kind != "total":
            continue
        for c, a in row.amounts.items():
            _check_total(log, sheet, row.row, c, a, money, col_sums[c],
                         phrase("finance.what_side_year", side=side_phrase(side), year=header.years[c]))
        if header.total_col is not None:
            _check_total(log, sheet, row.row, header.total_col, row.total, money, grand,
                         phrase("finance.what_side_total", side=side_phrase(side)))


def _balance_columns(sheet: Sheet, header: _Header, rows: list[_Row], money: Callable[[float], int],
                     out: _Collected) -> None:
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
        target.append(_Balance(money(a.raw), sheet.file, sheet.name, cell_name(chosen.row, col)))


def _read_block(sheet: Sheet, header: _Header, rows: list[_Row], side: str, unit: _Unit | None,
                ctx: _Context, out: _Collected) -> None:
    """One wide table (revenue or spending): amounts in đồng, balances, written totals checked."""
    raws = [(a.raw, row.row, c) for row in rows if row.kind == "data"
            for c, a in row.amounts.items() if a.raw is not None]
    scale = ctx.scale(sheet, unit, raws)
    table = _Table(sheet)

    def money(raw: float) -> int:
        return ctx.amount(sheet, raw, scale)

    col_sums = dict.fromkeys(header.years, 0)
    grand = 0
    data_rows = 0
    for row in rows:
        if row.kind in ("opening", "closing"):
            balance = _row_balance(row, header, money, sheet)
            if balance is not None:
                (out.opening if row.kind == "opening" else out.closing).append(balance)
        elif row.kind == "data":
            data_rows += 1
            grand += _data_row(sheet, header, row, side, money, table, col_sums, ctx.log)
    _check_total_rows(sheet, header, rows, side, money, col_sums, grand, ctx.log)
    _balance_columns(sheet, header, rows, money, out)
    if data_rows == 0:
        ctx.log.warning(sheet.file, sheet.name, cell_name(header.row, header.label_col), "finance.empty_block",
                        side=side_phrase(side), row=header.row + 1)
    out.tables.append(table)


def side_phrase(side: str) -> Phrase:
    """"phần thu" / "phần chi" as a phrase rendered in the message's language."""
    return phrase(f"finance.side_{side}")


def _what_total(side: str | None, year: int | None) -> Phrase:
    if side and year:
        return phrase("finance.what_side_year", side=side_phrase(side), year=year)
    if side:
        return phrase("finance.what_side_only", side=side_phrase(side))
    return phrase("finance.what_year", year=year) if year else phrase("finance.what_all")


def _check_total(log: IssueLog, sheet: Sheet, row: int, col: int, written: _Amount, money,
                 computed: int, what: Phrase) -> None:
    cell = cell_name(row, col)
    if written.bad is not None:
        log.warning(sheet.file, sheet.name, cell, "finance.total_not_a_number", what=what, cell=cell,
                    value=written.bad, computed=format_dong(computed))
        return
    if written.raw is None:
        return
    value = money(written.raw)
    if value != computed:
        log.warning(sheet.file, sheet.name, cell, "finance.total_mismatch", what=what,
                    written=format_dong(value), cell=cell, computed=format_dong(computed),
                    difference=format_dong(value - computed))


# --------------------------------------------------------------------------- tidy layout


def _tidy_header(sheet: Sheet) -> HeaderMatch | None:
    match = find_header(sheet, FINANCE_TIDY)
    if match is None or not match.complete:
        return None
    if any(re.search(r"\b(ke hoach|du toan|plan|planned|budget)\b", fold(label))
           for label in match.found_labels):
        return None  # a budget (dự toán) table, not actual revenue/spending
    return match


@dataclass
class _TidyRow:
    """One data row of a tidy table as read, before scaling."""

    row: int
    year: int | None
    side: str | None
    label: str
    amount: _Amount
    row_side: str | None  # the side written on this very row (for a total row)


def _tidy_unit(sheet: Sheet, match: HeaderMatch) -> _Unit | None:
    """The unit note above the table, or in the amount column's header ("Số tiền (nghìn đồng)")."""
    amount_col = match.columns["amount"]
    unit = _unit_in_rows(sheet, range(0, match.row))
    amount_header = _text(sheet.value(match.row, amount_col))
    if amount_header and (u := _find_unit(amount_header.replace("(", " ").replace(")", " "), match.row,
                                          amount_col)):
        return u
    if amount_header and (scale := _unit_scale(re.sub(r"(?i)^.*?\(", "", amount_header))) and "(" in amount_header:
        return _Unit(scale, amount_header[amount_header.index("(") + 1:].rstrip(") "), match.row, amount_col)
    return unit


def _tidy_sheet_side(sheet: Sheet, match: HeaderMatch, log: IssueLog) -> str | None:
    """The side of a whole tidy sheet without a Thu/Chi column: from its name, title, header or labels."""
    sheet_side = _name_side(sheet.name)
    if sheet_side is not None or match.columns.get("side") is not None:
        return sheet_side
    item_col = match.columns["item"]
    titles = [_fold_title(v) for r in range(0, match.row) for v in sheet.rows[r] if isinstance(v, str)]
    rev = any(_TITLE_REVENUE.search(t) for t in titles)
    spend = any(_TITLE_SPENDING.search(t) for t in titles)
    if rev != spend:
        return REVENUE if rev else SPENDING
    header_item = fold(sheet.value(match.row, item_col))
    rev, spend = "nguon thu" in header_item, "muc chi" in header_item
    if rev != spend:
        return REVENUE if rev else SPENDING
    labels = [clean(sheet.value(r, item_col)) for r in range(match.row + 1, sheet.height)]
    side = _side_from_labels(labels)
    if side is None:
        side = REVENUE
        log.warning(sheet.file, sheet.name, cell_name(match.row, item_col), "finance.tidy_side_guessed",
                    sheet=sheet.name)
    return side


def _tidy_rows(sheet: Sheet, match: HeaderMatch, sheet_side: str | None, log: IssueLog) -> list[_TidyRow]:
    """Every non-blank row, with the year and side carried down from the rows above."""
    cols = match.columns
    year_col, item_col, amount_col, side_col = cols["year"], cols["item"], cols["amount"], cols.get("side")
    rows: list[_TidyRow] = []
    year, side = None, sheet_side
    for r in range(match.row + 1, min(sheet.height, MAX_SCAN_ROWS)):
        year_value = sheet.value(r, year_col)
        label = clean(sheet.value(r, item_col))
        amount = _read_amount(sheet.value(r, amount_col))
        side_value = sheet.value(r, side_col) if side_col is not None else None
        if not label and amount.raw is None and amount.bad is None:
            continue
        if year_value is not None:
            parsed = parse_year(year_value)
            if parsed is None and not _is_total_label(fold(year_value)):
                log.warning(sheet.file, sheet.name, cell_name(r, year_col), "finance.bad_year",
                            value=clean(year_value), cell=cell_name(r, year_col))
                continue
            year = parsed
        if side_col is not None and side_value is not None:
            value_side = _side_of_value(side_value)
            if value_side is None and not sheet_side:
                log.warning(sheet.file, sheet.name, cell_name(r, side_col), "finance.bad_side",
                            value=clean(side_value), cell=cell_name(r, side_col))
                continue
            side = value_side if not sheet_side else (value_side or sheet_side)
        row_side = _side_of_value(side_value) if side_value is not None else sheet_side
        rows.append(_TidyRow(r, year, side, label, amount, row_side))
    return rows


def _is_balance(folded: str) -> bool:
    return bool(_OPENING.match(folded) or _CLOSING.match(folded))


def _tidy_amount(sheet: Sheet, match: HeaderMatch, row: _TidyRow, scale: float, log: IssueLog) -> int | None:
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
        _not_a_number(log, file, name, cell, row.amount.bad, row.label or UNKNOWN_ITEM, row.year)
        return None
    if row.amount.raw is None:
        return None
    value = int(round(row.amount.raw * scale))
    if value < 0:
        log.warning(file, name, cell, "finance.negative", amount=format_dong(value), cell=cell,
                    label=row.label or UNKNOWN_ITEM, year=row.year)
    return value


def _parse_tidy(sheet: Sheet, match: HeaderMatch, ctx: _Context, out: _Collected) -> None:
    """A tidy table (Năm | Khoản mục | Số tiền, optionally Thu/Chi): amounts, balances, written totals."""
    log, file, name = ctx.log, sheet.file, sheet.name
    year_col, item_col, amount_col = match.columns["year"], match.columns["item"], match.columns["amount"]
    rows = _tidy_rows(sheet, match, _tidy_sheet_side(sheet, match, log), log)
    raws = [(row.amount.raw, row.row, amount_col) for row in rows
            if row.amount.raw is not None and not _is_total_label(fold(row.label))
            and not _is_balance(fold(row.label))]
    scale = ctx.scale(sheet, _tidy_unit(sheet, match), raws)
    table = _Table(sheet)
    written_totals = []
    for row in rows:
        folded = fold(row.label)
        if _is_balance(folded):
            if row.amount.raw is not None:
                target = out.opening if _OPENING.match(folded) else out.closing
                target.append(_Balance(int(round(row.amount.raw * scale)), file, name,
                                       cell_name(row.row, amount_col)))
            continue
        if _is_total_label(folded) or _is_total_label(fold(sheet.value(row.row, year_col))):
            written_year = row.year if sheet.value(row.row, year_col) is not None else None
            written_totals.append((row.row, written_year, row.row_side, row.amount))
            continue
        if not row.label and row.year is not None and row.side is not None:
            log.warning(file, name, cell_name(row.row, item_col), "finance.no_item_name", row=row.row + 1,
                        label=UNKNOWN_ITEM)
        value = _tidy_amount(sheet, match, row, scale, log)
        if value is not None:
            table.add(row.side, row.year, row.label or UNKNOWN_ITEM, value, cell_name(row.row, amount_col))
    _check_tidy_totals(sheet, amount_col, table, written_totals, scale, log)
    if not table.amounts:
        log.warning(file, name, cell_name(match.row, item_col), "finance.empty_tidy", sheet=name)
    out.tables.append(table)


def _check_tidy_totals(sheet: Sheet, amount_col: int, table: _Table, written_totals: list, scale: float,
                       log: IssueLog) -> None:
    """Each written total (per side and/or year) against the sum of the rows it covers."""
    sides = {key[0] for key in table.amounts}
    for r, year, side, amount in written_totals:
        if side is None and len(sides) > 1:
            continue  # a total of both sides together means nothing
        computed = sum(v for (s, y, _), v in table.amounts.items()
                       if (side is None or s == side) and (year is None or y == year))
        _check_total(log, sheet, r, amount_col, amount, lambda raw: int(round(raw * scale)), computed,
                     _what_total(side, year))


# --------------------------------------------------------------------------- public API


def detect(sheet: Sheet) -> float | None:
    """A score > 0 when the sheet holds a finance table (wide ~1.2, tidy ~1.1, +0.3 for a finance
    sheet name), else None."""
    score = None
    if _tidy_header(sheet) is not None:
        score = TIDY_SCORE
    else:
        for header in _wide_headers(sheet):
            end = min(sheet.height, header.row + 200)
            rows, _ = _block_rows(sheet, header, end)
            if any(row.kind == "data" and row.label for row in rows):
                score = WIDE_SCORE
                break
    if score is not None and _name_hint(sheet.name):
        score += NAME_HINT_BONUS
    return score


def parse(sheets: list[Sheet], log: IssueLog) -> Finance | None:
    """All finance sheets of a data set (possibly from several files), merged into one Finance."""
    ctx = _Context(log)
    out = _Collected()
    for sheet in sheets:
        tidy = _tidy_header(sheet)
        if tidy is not None:
            _parse_tidy(sheet, tidy, ctx, out)
            continue
        headers = _wide_headers(sheet)
        if headers:
            _parse_wide(sheet, headers, ctx, out)
        else:
            log.warning(sheet.file, sheet.name, None, "finance.no_table", sheet=sheet.name)
    return _merge(out, log)


def _merge(out: _Collected, log: IssueLog) -> Finance | None:
    amounts: dict[tuple[str, int, str], int] = {}
    labels: dict[tuple[str, int, str], str] = {}
    item_labels: dict[tuple[str, str], str] = {}
    origin: dict[tuple[str, int, str], tuple[str, str, str]] = {}
    order: list[tuple[str, int, str]] = []
    for table in out.tables:
        sheet = table.sheet
        duplicates = []
        for key, amount in table.amounts.items():
            side, year, folded = key
            if key in amounts:
                duplicates.append((key, amount))
                continue
            amounts[key] = amount
            labels[key] = item_labels.setdefault((side, folded), table.labels[key])
            origin[key] = (sheet.file, sheet.name, table.cells[key])
            order.append(key)
        if duplicates:
            key, value = duplicates[0]
            side, year, _ = key
            file, name, cell = origin[key]
            log.warning(sheet.file, sheet.name, table.cells[key], "finance.duplicate_amounts",
                        count=len(duplicates), file=file, sheet=name, label=table.labels[key], year=year,
                        side=side_phrase(side), amount=format_dong(amounts[key]), cell=cell,
                        here=format_dong(value))
    if not amounts and not out.opening and not out.closing:
        return None
    entries = tuple(FinanceEntry(side=side, year=year, item=labels[(side, year, f)], amount=amounts[(side, year, f)])
                    for side, year, f in order)
    opening = _single_balance(out.opening, phrase("finance.opening"), log)
    closing = _single_balance(out.closing, phrase("finance.closing"), log)
    finance = Finance(entries=entries, opening_balance=opening.amount if opening else 0,
                      written_closing_balance=closing.amount if closing else None)
    if closing is not None and finance.revenue and finance.spending:
        computed = finance.closing_balance
        if computed != closing.amount:
            log.warning(closing.file, closing.sheet, closing.cell, "finance.closing_mismatch",
                        written=format_dong(closing.amount), cell=closing.cell, computed=format_dong(computed),
                        opening=format_dong(finance.opening_balance),
                        revenue=format_dong(finance.total("revenue")),
                        spending=format_dong(finance.total("spending")))
    return finance


def _single_balance(found: list[_Balance], what: Phrase, log: IssueLog) -> _Balance | None:
    if not found:
        return None
    first = found[0]
    for other in found[1:]:
        if other.amount != first.amount:
            log.warning(other.file, other.sheet, other.cell, "finance.balance_conflict", what=what,
                        written=format_dong(other.amount), cell=other.cell, first=format_dong(first.amount),
                        first_sheet=first.sheet, first_cell=first.cell)
    return first


def parse_sheets(pairs: SheetPairs, log: IssueLog) -> Finance | None:
    """Revenue and spending from every finance sheet (wide or tidy layout), reconciled."""
    return parse([sheet for sheet, _ in pairs], log)


SPEC = DomainSpec(key="finance", name="domain_finance", parse=parse_sheets, detect=detect)
