"""Budget (dự toán): planned revenue per source and planned spending per category per year.

Layout (schema.BUDGET), tidy, one row per source/category and year:

    Năm | Thu/Chi | Khoản mục | Kế hoạch

Amounts are đồng unless a note above the header says otherwise ("ĐVT: 1.000 đồng", "nghìn đồng",
"triệu đồng"). Item names are matched to the finance sheets with `fold` (diacritics- and
case-insensitive), so "Thu ĐPCĐ 1%" plans the report's "Thu ĐPCĐ 1%". Nothing here raises.
"""

from __future__ import annotations

import re

from unionboard.core.issues import IssueLog
from unionboard.core.models import BudgetLine
from unionboard.core.text import (
    cell_name,
    clean,
    fold,
    format_dong,
    is_blank,
    parse_number,
    parse_year,
)
from unionboard.domains.rows import data_rows
from unionboard.domains.schema import BUDGET, HeaderMatch
from unionboard.domains.spec import DomainSpec, SheetPairs
from unionboard.domains.summaries import budget_summary
from unionboard.domains.words import side_of as side_of_word
from unionboard.read.workbook import Sheet

_UNIT = re.compile(r"(?:đvt|đơn vị tính|đơn vị)\s*[:：]?\s*(.*)", re.IGNORECASE)


def side_of(value: object) -> str | None:
    """'Thu' → revenue, 'Chi' → spending, None otherwise."""
    return side_of_word(fold(value))


def unit_factor(sheet: Sheet, header_row: int) -> int:
    """×1000 for "ĐVT: 1.000 đồng"/"nghìn đồng", ×1.000.000 for "triệu đồng" above the header."""
    for line in sheet.rows[:header_row]:
        for value in line:
            match = _UNIT.search(clean(value)) if isinstance(value, str) else None
            if not match:
                continue
            note = fold(match.group(1))
            if "trieu" in note:
                return 1_000_000
            if "nghin" in note or "ngan" in note or note.startswith("1 000"):
                return 1_000
    return 1


def _planned_amount(sheet: Sheet, raw: object, cell: str, item: str, year: int, log: IssueLog) -> float | None:
    """The planned amount as written (blank → 0 with a warning); None when the row must be skipped."""
    amount = parse_number(raw)
    if amount is None:
        if not is_blank(raw):
            log.error(sheet.file, sheet.name, cell, "budget.not_a_number", value=clean(raw), item=item, year=year,
                      cell=cell)
            return None
        log.warning(sheet.file, sheet.name, cell, "budget.no_amount", item=item, year=year, cell=cell)
        amount = 0.0
    if amount < 0:
        log.error(sheet.file, sheet.name, cell, "budget.negative", item=item, year=year,
                  amount=format_dong(amount), cell=cell)
        return None
    return amount


def parse_budget(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> tuple[BudgetLine, ...]:
    """Every planned amount; bad rows are logged (Vietnamese, with their cell) and skipped."""
    file, name = sheet.file, sheet.name
    cols = header.columns
    factor = unit_factor(sheet, header.row)

    def get(row: int, key: str) -> object:
        return sheet.value(row, cols[key]) if key in cols else None

    def where(row: int, key: str) -> str:
        return cell_name(row, cols.get(key, 0))

    lines: dict[tuple[str, int, str], BudgetLine] = {}
    first_row: dict[tuple[str, int, str], int] = {}
    labels = [cols[key] for key in ("item", "year") if key in cols]
    for r in data_rows(sheet, header.row + 1, labels, log):  # total rows are computed, not planned
        raw = {key: get(r, key) for key in ("year", "side", "item", "planned")}
        if all(is_blank(v) for v in raw.values()):
            continue
        item = clean(raw["item"])
        year = parse_year(raw["year"])
        if year is None:
            log.error(file, name, where(r, "year"), "budget.bad_year", value=clean(raw["year"]),
                      cell=where(r, "year"))
            continue
        side = side_of(raw["side"])
        if side is None:
            log.error(file, name, where(r, "side"), "budget.bad_side", value=clean(raw["side"]),
                      cell=where(r, "side"))
            continue
        if not item:
            log.error(file, name, where(r, "item"), "budget.no_item", row=r + 1, cell=where(r, "item"))
            continue
        amount = _planned_amount(sheet, raw["planned"], where(r, "planned"), item, year, log)
        if amount is None:
            continue
        planned = round(amount * factor)
        key = (side, year, fold(item))
        if key in lines:
            previous = lines[key]
            log.warning(file, name, where(r, "item"), "budget.repeated_item", item=item, year=year,
                        row=first_row[key] + 1, previous=format_dong(previous.planned),
                        amount=format_dong(planned))
            lines[key] = BudgetLine(side, year, previous.item, previous.planned + planned)
            continue
        first_row[key] = r
        lines[key] = BudgetLine(side=side, year=year, item=item, planned=planned)  # type: ignore[arg-type]
    if not lines:
        log.warning(file, name, cell_name(header.row, 0), "budget.empty")
    return tuple(lines.values())


def parse_sheets(pairs: SheetPairs, log: IssueLog) -> tuple[BudgetLine, ...]:
    """Every sheet of the domain read in order, as one tuple."""
    return tuple(item for sheet, header in pairs for item in parse_budget(sheet, header, log))


SPEC = DomainSpec(key="budget", name="domain_budget", parse=parse_sheets, schemas=(BUDGET,),
                  summary=budget_summary)
