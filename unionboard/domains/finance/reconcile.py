"""Finance: merge every table into one Finance, drop amounts counted twice, reconcile the closing balance."""

from __future__ import annotations

from dataclasses import replace

from unionboard.core import models
from unionboard.core.i18n import Phrase, phrase
from unionboard.core.issues import IssueLog
from unionboard.core.models import CellRef, Finance, FinanceEntry
from unionboard.core.text import (
    format_dong,
)
from unionboard.domains.finance.common import Balance, Collected, YearBalance, side_phrase


def merge(out: Collected, log: IssueLog) -> Finance | None:
    """Every table merged into one Finance (amounts counted twice dropped), balances reconciled."""
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
        for sheet in dict.fromkeys((table.sheet.file, table.sheet.name) for table in out.tables):
            log.error(sheet[0], sheet[1], None, "finance.no_usable_amount", sheet=sheet[1])
        return None
    entries = tuple(FinanceEntry(side=side, year=year, item=labels[(side, year, f)], amount=amounts[(side, year, f)])
                    for side, year, f in order)
    years = sorted({year for _, year, _ in order})
    first, last = (years[0], years[-1]) if years else (None, None)
    opening = single_balance(out.opening or written_for(out.year_opening, first)
                             or written_for(out.year_closing, first - 1 if first is not None else None),
                             phrase("finance.opening"), log)
    closing = single_balance(out.closing or written_for(out.year_closing, last), phrase("finance.closing"), log)
    finance = Finance(entries=entries, opening_balance=opening.amount if opening else 0,
                      written_closing_balance=closing.amount if closing else None)
    finance = replace(finance, balances=year_balances(out, opening, closing, finance.years, log))
    if closing is not None and finance.revenue and finance.spending:
        computed = finance.closing_balance
        if computed != closing.amount:
            log.warning(closing.file, closing.sheet, closing.cell, "finance.closing_mismatch",
                        written=format_dong(closing.amount), cell=closing.cell, computed=format_dong(computed),
                        opening=format_dong(finance.opening_balance),
                        revenue=format_dong(finance.total("revenue")),
                        spending=format_dong(finance.total("spending")))
    check_years(finance, out, {b.cell for b in (opening, closing) if b is not None}, log)
    return finance


def written_for(found: list[YearBalance], year: int | None) -> list[Balance]:
    """The first balance written for `year` among those written per year: the period's opening is its first
    year's opening (else the closing written for the year before it, where a book starts), its closing the last
    year's closing — never another year's, which would shift every figure by a year's flows."""
    return next(([b.balance] for b in found if b.year == year), [])


def check_years(finance: Finance, out: Collected, used: set[str], log: IssueLog) -> None:
    """Each year's written opening and closing balance against the one computed from the amounts (a warning
    naming the cell when they differ); the cells that gave the period's balances are checked above."""
    closing_by_year = finance.cumulative_balance()
    years = sorted(closing_by_year)
    for found, code in ((out.year_opening, "finance_shapes.year_opening_mismatch"),
                        (out.year_closing, "finance_shapes.year_closing_mismatch")):
        for item in found:
            balance = item.balance
            if balance.cell in used or item.year not in closing_by_year:
                continue
            if code.endswith("closing_mismatch"):
                computed = closing_by_year[item.year]
            else:
                before = [y for y in years if y < item.year]
                computed = closing_by_year[before[-1]] if before else finance.opening_balance
            if balance.amount != computed:
                log.warning(balance.file, balance.sheet, balance.cell, code, year=item.year,
                            written=format_dong(balance.amount), cell=balance.cell, computed=format_dong(computed))


def single_balance(found: list[Balance], what: Phrase, log: IssueLog) -> Balance | None:
    """The one balance to use when several were written (a warning when they differ)."""
    if not found:
        return None
    first = found[0]
    for other in found[1:]:
        if other.amount != first.amount:
            log.warning(other.file, other.sheet, other.cell, "finance.balance_conflict", what=what,
                        written=format_dong(other.amount), cell=other.cell, first=format_dong(first.amount),
                        first_sheet=first.sheet, first_cell=first.cell)
    return first


def year_balances(out: Collected, opening: Balance | None, closing: Balance | None, years: tuple[int, ...],
                  log: IssueLog) -> tuple[models.YearBalance, ...]:
    """Each year's written opening and closing balance with its cell (the period's opening as its first year's,
    its closing as its last year's, when no cell of that year says otherwise); a second cell giving another
    amount for the same year's balance is a warning naming both cells (the first is kept)."""
    found: dict[tuple[int, str], Balance] = {}
    written = [(b.year, "opening", b.balance) for b in out.year_opening]
    written += [(b.year, "closing", b.balance) for b in out.year_closing]
    if years and opening is not None:
        written.append((years[0], "opening", opening))
    if years and closing is not None:
        written.append((years[-1], "closing", closing))
    for year, which, balance in written:
        first = found.setdefault((year, which), balance)
        code = "finance_years.opening_conflict" if which == "opening" else "finance_years.closing_conflict"
        if first.amount != balance.amount and _ref(first) != _ref(balance):
            log.warning(balance.file, balance.sheet, balance.cell, code, year=year,
                        written=format_dong(balance.amount), cell=balance.cell, first=format_dong(first.amount),
                        first_sheet=first.sheet, first_cell=first.cell)
    out_years = sorted({year for year, _ in found})
    return tuple(models.YearBalance(
        year,
        opening=found[(year, "opening")].amount if (year, "opening") in found else None,
        closing=found[(year, "closing")].amount if (year, "closing") in found else None,
        opening_at=_ref(found.get((year, "opening"))), closing_at=_ref(found.get((year, "closing"))))
        for year in out_years)


def _ref(balance: Balance | None) -> CellRef | None:
    return None if balance is None else CellRef(balance.file, balance.sheet, balance.cell)
