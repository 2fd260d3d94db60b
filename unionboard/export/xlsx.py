"""The checked data set as one workbook in the template's layout, so a download can be edited and
uploaded again: every domain present, including the term targets (with their per-year targets and
yearly results) and the budget. Every user text goes through `safe_export.safe_cell`; numbers stay
numbers, codes stay text ("3.10"); no formulas (totals are written as values equal to the sums)."""

from __future__ import annotations

import io

from openpyxl import Workbook

from unionboard.core.models import Dataset, Finance, TermTarget
from unionboard.core.period import label
from unionboard.domains import registry
from unionboard.domains.finance.wide import plausible_years
from unionboard.domains.term_status import term_years
from unionboard.export.layouts import award_rows, layout_of, member_rows, target_rows
from unionboard.export.template import (
    add_budget_sheet,
    add_finance_sheet,
    add_info_sheet,
    add_layout_sheet,
    add_term_targets_sheet,
    budget_rows,
    term_target_table,
    term_targets_title,
)


def finance_rows(finance: Finance, side: str, years: tuple[int, ...]) -> list[tuple[str, list[int | None]]]:
    """Items × years; a year with no entry for the item stays blank (an entry of 0 is written as 0)."""
    amounts: dict[str, dict[int, int]] = {item: {} for item in finance.items(side)}
    for entry in finance.entries:
        if entry.side == side:
            cell = amounts[entry.item]
            cell[entry.year] = cell.get(entry.year, 0) + int(entry.amount)
    return [(item, [by_year.get(year) for year in years]) for item, by_year in amounts.items()]


def _written_opening(finance: Finance) -> int | None:
    """The period's opening balance to write: the one its figures start from when the upload wrote one for its
    first year (even 0; where another cell gave that year another figure, both are written and read back with
    their warning) or code set one; None: unknown."""
    first = finance.balance_of(finance.years[0]) if finance.years else None
    if first is not None and first.opening is not None:
        return finance.opening_balance
    return finance.opening_balance or None


def _written_closing(finance: Finance) -> int | None:
    """The period's closing balance to write: the one the upload wrote; computed only for a Finance that
    carries no written balance at all (built in code: its closing is opening + thu − chi); None: none written."""
    if finance.written_closing_balance is not None:
        return finance.written_closing_balance
    return None if finance.balances else finance.closing_balance


def sheet_years(finance: Finance) -> tuple[int, ...]:
    """The finance sheets' year columns: every year with an amount, and a year with only a written balance
    when the reader still reads the columns as one header (years increasing by at most 10)."""
    years = tuple(sorted(set(finance.years) | {b.year for b in finance.balances}))
    return years if plausible_years(dict(enumerate(years))) else finance.years


def year_balances(finance: Finance, years: tuple[int, ...], opening: int | None,
                  closing: int | None) -> dict[int, tuple[int | None, int | None]]:
    """Each year's balances as written (`Finance.balances`), to write per year; empty when the period's
    own rows (`opening` in the first year, `closing` in the last) already give every one of them back."""
    written = {b.year: (b.opening, b.closing) for b in finance.balances if b.year in years}
    first, last = (finance.years[0], finance.years[-1]) if finance.years else (None, None)
    if all((o is None or (y == first and o == opening)) and (c is None or (y == last and c == closing))
           for y, (o, c) in written.items()):
        return {}
    return written


def _finance_sheets(wb: Workbook, finance: Finance, dataset: Dataset) -> None:
    years = sheet_years(finance)
    revenue = finance_rows(finance, "revenue", years)
    spending = finance_rows(finance, "spending", years)
    opening, closing = _written_opening(finance), _written_closing(finance)
    per_year = year_balances(finance, years, opening, closing)
    if per_year:  # the per-year rows give the period's balances back (the first opening, the last closing):
        # the period's rows only when they say something else (two figures written for one balance)
        openings = [o for _, (o, _) in sorted(per_year.items()) if o is not None]
        closings = [c for _, (_, c) in sorted(per_year.items()) if c is not None]
        opening = None if openings[:1] == [opening] else opening
        closing = None if closings[-1:] == [closing] else closing
    # "Tồn cuối" and the per-year balances follow the spending table; with no spending at all, the revenue table.
    add_finance_sheet(wb, "revenue", years, revenue, totals=True, opening_balance=opening,
                      closing_balance=None if spending else closing, year_balances=None if spending else per_year)
    if spending:
        add_finance_sheet(wb, "spending", years, spending, totals=True, closing_balance=closing,
                          year_balances=per_year)


def _term_targets_sheet(wb: Workbook, targets: tuple[TermTarget, ...], dataset: Dataset) -> None:
    header, rows = term_target_table(targets, term_years(dataset.info, targets))
    add_term_targets_sheet(wb, header, rows, title=term_targets_title(dataset.info))


# Writers of the built-in domains' sheets a `SheetLayout` cannot hold (the template's year columns and
# planning sheets); every other domain is written from its layout (`layouts.layout_of`) by `add_layout_sheet`.
BUILTIN_WRITERS = {
    "finance": _finance_sheets,
    "term_targets": _term_targets_sheet,
    "budget": lambda wb, lines, dataset: add_budget_sheet(wb, budget_rows(lines)),
}


PERIOD_ROW = "Kỳ báo cáo"


def build_workbook(dataset: Dataset) -> Workbook:
    """The data set's workbook: Thông tin, then one sheet per registered domain that holds data.

    The term targets' result columns are the term's years (term_status.term_years: "2017–2022" →
    2018–2022) plus any other year with a result; the budget lines keep their order.
    """
    wb = Workbook()
    wb.remove(wb.active)
    info = add_info_sheet(wb, dataset.info)
    if dataset.period is not None:  # the figures' period, said like every title (the reader skips the row)
        info.append([PERIOD_ROW, label(dataset.period)])
    for spec in registry.specs():
        value = dataset.get(spec.key)
        if value is None:
            continue
        layout = layout_of(spec)
        if spec.key in BUILTIN_WRITERS:
            BUILTIN_WRITERS[spec.key](wb, value, dataset)
        elif layout is not None:
            extra = tuple(layout.extra_columns(value)) if layout.extra_columns is not None else ()
            add_layout_sheet(wb, layout, layout.rows(value), extra_labels=extra)
    wb.properties.creator = "unionboard"
    wb.properties.title = f"Số liệu {dataset.info.name}".strip()
    return wb


def dataset_to_xlsx(dataset: Dataset) -> bytes:
    """The checked data set as .xlsx bytes in the template's layout (re-uploadable)."""
    buffer = io.BytesIO()
    build_workbook(dataset).save(buffer)
    return buffer.getvalue()


__all__ = ["dataset_to_xlsx", "build_workbook", "member_rows", "finance_rows", "target_rows",
           "award_rows"]
