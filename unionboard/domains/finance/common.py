"""Finance: shared pieces of both layouts — amounts as written, collected tables, balances, total checks."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

from unionboard.core.i18n import Phrase, phrase
from unionboard.core.issues import IssueLog
from unionboard.core.text import (
    cell_name,
    clean,
    fold,
    format_dong,
    format_number,
    half_up,
    parse_number,
)
from unionboard.domains.rows import is_total_text
from unionboard.domains.words import (
    REVENUE,
    REVENUE_WORDS,
    SPENDING,
    SPENDING_WORDS,
)
from unionboard.read.workbook import Sheet

MAX_SCAN_ROWS = 2000
UNKNOWN_ITEM = "(Không rõ khoản mục)"


# "Tồn quỹ năm trước chuyển sang" (carried over from last year) opens the year; "… chuyển sang năm sau" closes it
OPENING = re.compile(r"^(ton dau|so du dau|du dau|ton quy dau|opening balance|opening|"
                     r"(ton quy|so du|ton|kinh phi) nam truoc chuyen sang)\b")
CLOSING = re.compile(r"^(ton cuoi|so du cuoi|du cuoi|ton quy cuoi|closing balance|closing|"
                     r"(ton quy|so du|ton|kinh phi) chuyen sang nam sau)\b")

_OUTLINE_MARK = re.compile(r"^\s*(?:[IVXLC]+|\d+|[a-zđ])\s*[.)/]\s*", re.IGNORECASE)


def balance_kind(label: str) -> str | None:
    """"opening" / "closing" for a balance row's label, also written as an outline line ("I. Tồn quỹ đầu năm",
    "3. Tồn quỹ cuối năm"); None for any other label."""
    folded = fold(_OUTLINE_MARK.sub("", label))
    return "opening" if OPENING.match(folded) else "closing" if CLOSING.match(folded) else None


TITLE_REVENUE = re.compile(r"\b(phan thu|cac khoan thu|khoan thu|bang thu|revenue|income)\b")
TITLE_SPENDING = re.compile(r"\b(phan chi|cac khoan chi|khoan chi|bang chi|spending|expenditures?)\b")


HEADER_REVENUE = re.compile(r"\b(nguon thu|noi dung thu|thu)\b")
HEADER_SPENDING = re.compile(r"\b(muc chi|noi dung chi|chi)\b")


# a plan or budget named in a sheet name or title; "Kế hoạch và Đầu tư" (a department's or union's name) is not one
BUDGET_WORDS = re.compile(r"\b(du toan|budget|ke hoach(?! (va )?dau tu\b))\b")


def names_budget(folded: str) -> bool:
    """Whether folded text names a plan or budget ("Dự toán 2025", "Kế hoạch thu chi"), not a union's name."""
    return BUDGET_WORDS.search(folded) is not None


def cell_text(value: object) -> str:
    """A cell as trimmed text ('' for blank)."""
    return value if isinstance(value, str) else ""


def word_set(folded: str) -> set[str]:
    """The words of a folded text."""
    return set(folded.split())


def name_words(name: str) -> set[str]:
    """Words of a folded sheet name, without "chỉ tiêu"/"chi tiết"/"chỉ số" (not "chi")."""
    return word_set(re.sub(r"\bchi (tieu|tiet|so)\b", " ", fold(name)))


def name_side(name: str) -> str | None:
    """Side from a sheet name: "Thu"/"Phần thu"/"Revenue" vs "Chi"/"Phần chi"/"Spending"."""
    words = name_words(name)
    has_thu = bool(words & {"thu", "revenue", "revenues", "income"})
    has_chi = bool(words & {"chi", "spending", "expenses", "expense", "expenditure"})
    if has_thu and not has_chi:
        return REVENUE
    if has_chi and not has_thu:
        return SPENDING
    return None


def name_hint(name: str) -> bool:
    """Whether a sheet name suggests finance (Thu, Chi, Tài chính, ...), not a budget."""
    folded = fold(name)
    if names_budget(folded):
        return False
    words = name_words(name)
    return bool(words & {"thu", "chi", "revenue", "spending", "finance", "income", "expenses"}) or (
        "tai chinh" in folded)


def fold_title(value: object) -> str:
    """Fold text with a space inserted before a glued unit note ("Phần thuĐVT" → "phan thu dvt")."""
    return fold(re.sub(r"(?i)(đvt|đơn vị)", r" \1", cell_text(value)))


def is_total_label(label: object) -> bool:
    """Whether a label is a total row's ('Tổng cộng', 'Cộng', ...): the readers' shared rule, given the
    label as written so that "Công tác phí" stays an item."""
    return isinstance(label, str) and is_total_text(clean(label))


def side_of_value(value: object) -> str | None:
    """REVENUE or SPENDING for a Thu/Chi cell, else None."""
    folded = fold(value)
    if folded in REVENUE_WORDS:
        return REVENUE
    if folded in SPENDING_WORDS:
        return SPENDING
    return None


def show_amount(raw: float) -> str:
    """A raw amount as written, with at most two decimals and none trailing (18.777.000; 100,61; 100,6 —
    "100.6" in an English message: a `Number`)."""
    decimals = next(d for d in (0, 1, 2) if d == 2 or half_up(raw, 2) == half_up(raw, d))
    return format_number(raw, decimals)


@dataclass
class Amount:
    """A cell read as an amount: raw number (None when blank), or the bad text.

    `explicit`: the cell named its own unit ("18.777 nghìn", "18,8 triệu"): `raw` is already in đồng
    and the sheet's unit note does not apply. `unreal`: NaN, infinity or over 10^15 đ — an error.
    """

    raw: float | None = None
    bad: str | None = None
    explicit: bool = False
    unreal: bool = False

    def dong(self, scale: float) -> int:
        """The amount in đồng at the sheet's scale (its own when the cell named a unit)."""
        return int(round(self.raw if self.explicit else self.raw * scale))


MAX_REAL_AMOUNT = 10 ** 15  # đồng; more than any union's accounts
# NaN, infinity and Excel's error values (a formula that failed) are never an amount
_NOT_A_REAL_NUMBER = re.compile(r"^(?:[-+]?(?:nan|inf|infinity)|#(?:DIV/0!|NUM!|VALUE!|REF!|N/A|NAME\?|NULL!))$",
                                re.IGNORECASE)
_PARENTHESISED = re.compile(r"^\(\s*(.+?)\s*\)\s*(?:đồng|đ|vnđ|vnd|₫)?\.?$", re.IGNORECASE)
_UNIT_WORD = re.compile(r"^(.+?)\s*(nghìn|ngàn|triệu|tr|tỷ|tỉ)\.?\s*(?:đồng|đ|vnđ|vnd)?\.?$", re.IGNORECASE)
_UNIT_WORDS = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tr": 1_000_000, "tỷ": 10 ** 9, "tỉ": 10 ** 9}


def _number_with_unit(text: str) -> tuple[float | None, bool]:
    """(number, named its unit) for texts such as "(2.000.000)", "18.777 nghìn", "18,8 triệu đồng"."""
    sign = 1.0
    inner = _PARENTHESISED.match(text)
    if inner:  # accountants write a negative amount in parentheses
        sign, text = -1.0, inner.group(1)
    unit = _UNIT_WORD.match(text)
    if unit:
        number = parse_number(unit.group(1))
        factor = _UNIT_WORDS[unit.group(2).lower()]
        return (None, False) if number is None else (sign * number * factor, True)
    number = parse_number(text)
    return (None, False) if number is None else (sign * number, False)


def read_amount(value: object) -> Amount:
    """An amount cell as written: its number (in its own unit when it names one), or the bad text."""
    if value is None:
        return Amount()
    if isinstance(value, str) and not fold(value):  # blank, "-", "–", "—": nothing written (0)
        return Amount()
    if isinstance(value, bool | dt.date | dt.datetime | dt.time | dt.timedelta):
        return Amount(bad=clean(value))
    if isinstance(value, str):
        if _NOT_A_REAL_NUMBER.match(clean(value)):
            return Amount(bad=clean(value), unreal=True)
        number, explicit = _number_with_unit(clean(value))
    else:
        number, explicit = parse_number(value), False
    if number is None:
        return Amount(bad=clean(value))
    if not math.isfinite(number) or abs(number) > MAX_REAL_AMOUNT:
        return Amount(bad=clean(value), unreal=True)
    return Amount(raw=number, explicit=explicit)


@dataclass
class Table:
    """Amounts read from one table (a wide block or a tidy sheet), summed per (side, year, item)."""

    sheet: Sheet
    amounts: dict[tuple[str, int, str], int] = field(default_factory=dict)
    labels: dict[tuple[str, int, str], str] = field(default_factory=dict)
    cells: dict[tuple[str, int, str], str] = field(default_factory=dict)

    def add(self, side: str, year: int, label: str, amount: int, cell: str) -> None:
        """Record one amount with its cell (a repeated key adds up)."""
        key = (side, year, fold(label))
        self.amounts[key] = self.amounts.get(key, 0) + amount
        self.labels.setdefault(key, label)
        self.cells.setdefault(key, cell)


@dataclass
class Balance:
    """A written opening or closing balance and where it was."""
    amount: int
    file: str
    sheet: str
    cell: str


@dataclass
class YearBalance:
    """A balance written for one year ("Tồn quỹ đầu năm"/"Tồn quỹ cuối năm" under or beside each year)."""
    year: int
    balance: Balance


@dataclass
class Collected:
    """Every table, opening and closing balance found in the finance sheets (and those written per year)."""
    tables: list[Table] = field(default_factory=list)
    opening: list[Balance] = field(default_factory=list)
    closing: list[Balance] = field(default_factory=list)
    year_opening: list[YearBalance] = field(default_factory=list)
    year_closing: list[YearBalance] = field(default_factory=list)


def side_from_labels(labels: list[str]) -> str | None:
    """The side told by the item labels (sources vs categories), None when unclear."""
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


def not_a_number(log: IssueLog, file: str, sheet: str, cell: str, amount: Amount, label: str, year: int) -> None:
    """The warning for an amount cell that is not a number (counted as 0), in either layout; an
    amount that cannot be real (NaN, infinity, over 10^15 đ) is an error."""
    if amount.unreal:
        log.error(file, sheet, cell, "finance.amount_not_real", value=amount.bad, cell=cell, label=label,
                  year=year)
        return
    log.warning(file, sheet, cell, "finance.not_a_number", value=amount.bad, cell=cell, label=label, year=year)


def side_phrase(side: str) -> Phrase:
    """"phần thu" / "phần chi" as a phrase rendered in the message's language."""
    return phrase(f"finance.side_{side}")


def what_total(side: str | None, year: int | None) -> Phrase:
    """How a written total is named in messages (side and/or year)."""
    if side and year:
        return phrase("finance.what_side_year", side=side_phrase(side), year=year)
    if side:
        return phrase("finance.what_side_only", side=side_phrase(side))
    return phrase("finance.what_year", year=year) if year else phrase("finance.what_all")


def check_total(log: IssueLog, sheet: Sheet, row: int, col: int, written: Amount, money,
                 computed: int, what: Phrase) -> None:
    """A written total against the computed one: a warning on a mismatch or a non-number."""
    cell = cell_name(row, col)
    if written.bad is not None:
        log.warning(sheet.file, sheet.name, cell, "finance.total_not_a_number", what=what, cell=cell,
                    value=written.bad, computed=format_dong(computed))
        return
    if written.raw is None:
        return
    value = money(written)
    if value != computed:
        log.warning(sheet.file, sheet.name, cell, "finance.total_mismatch", what=what,
                    written=format_dong(value), cell=cell, computed=format_dong(computed),
                    difference=format_dong(value - computed))


_COLUMN_MARK = re.compile(r"^\(?\s*([A-Z]|\d{1,2})\s*\)?$")


def is_column_number_row(line: list) -> bool:
    """The "(1) (2) (3)" or "A | 1 | 2" row official forms put under the header: every filled cell a column
    mark, the numbers consecutive. Never an item row (its "(2)" would read as −2, its 1, 2 as amounts)."""
    marks = [clean(v) for v in line if v is not None and clean(v)]
    if len(marks) < 2 or not all(_COLUMN_MARK.match(m) for m in marks):
        return False
    numbers = [int(d) for m in marks if (d := _COLUMN_MARK.match(m).group(1)).isdigit()]
    return len(numbers) >= 2 and all(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))


_ROMAN = re.compile(r"^[IVXLC]+\s*[.)/]\s")
_NUMBERED = re.compile(r"^\d+\s*[.)/]\s")
_SUBNUMBERED = re.compile(r"^\d+\.\d+\.?\s|^[a-zđ]\s*[.)]\s")
_BULLET = re.compile(r"^[-+*•–—]\s*\S")
BULLET_LEVEL = 9


def outline_level(label: str) -> int | None:
    """How deep a label sits in an outline: "I." 1, "1." 2, "1.1"/"a)" 3, "- …" deepest; None: plain."""
    if _ROMAN.match(label):
        return 1
    if _SUBNUMBERED.match(label):
        return 3
    if _NUMBERED.match(label):
        return 2
    if _BULLET.match(label):
        return BULLET_LEVEL
    return None
