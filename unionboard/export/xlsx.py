"""The checked data set as one workbook in the template's layout, so a download can be edited and
uploaded again: every domain present, including the term targets (with their per-year targets and
yearly results) and the budget. Every user text goes through `safe_export.safe_cell`; numbers stay
numbers, codes stay text ("3.10"); no formulas (totals are written as values equal to the sums)."""

from __future__ import annotations

import datetime as dt
import io
import re

import pandas as pd
from openpyxl import Workbook

from unionboard.analysis.planning import term_years
from unionboard.analysis.unknown import not_in_data
from unionboard.core.models import Award, Dataset, Finance, Roster, Target, TermTarget
from unionboard.core.period import label
from unionboard.domains import registry
from unionboard.export.template import (
    PARTY_MARK,
    add_awards_sheet,
    add_budget_sheet,
    add_finance_sheet,
    add_info_sheet,
    add_layout_sheet,
    add_members_sheet,
    add_targets_sheet,
    add_term_targets_sheet,
    budget_rows,
    term_target_table,
    term_targets_title,
)

_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _join_date_cell(value: object) -> object:
    """ISO '2010-05-01' → a date cell; '2010-05' → '05/2010'; '2010' → 2010; else as written."""
    if _missing(value) or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    if match := _ISO_MONTH.fullmatch(text):
        return f"{match.group(2)}/{match.group(1)}"
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    return text


def member_rows(roster: Roster) -> list[tuple]:
    """Roster → rows in schema.MEMBERS column order (party member as "x")."""
    frame = roster.frame
    unknown = not_in_data(roster)  # written blank, as the union's sheet had it (not "Chưa có")
    rows = []
    for rec in frame.to_dict("records"):
        def get(key: str, rec: dict = rec) -> object:
            value = rec.get(key)
            return None if _missing(value) or key in unknown else value

        birth_year = get("birth_year")
        rows.append((
            get("name"),
            get("gender"),
            int(birth_year) if birth_year is not None else None,
            get("department"),
            get("education"),
            get("political_theory"),
            PARTY_MARK if bool(get("party_member")) else None,
            _join_date_cell(get("join_date")),
            get("role"),
            get("status"),
            *(get(label) for label in roster.extra),  # the upload's other columns, kept
        ))
    return rows


def finance_rows(finance: Finance, side: str, years: tuple[int, ...]) -> list[tuple[str, list[int | None]]]:
    """Items × years; a year with no entry for the item stays blank (an entry of 0 is written as 0)."""
    amounts: dict[str, dict[int, int]] = {item: {} for item in finance.items(side)}
    for entry in finance.entries:
        if entry.side == side:
            cell = amounts[entry.item]
            cell[entry.year] = cell.get(entry.year, 0) + int(entry.amount)
    return [(item, [by_year.get(year) for year in years]) for item, by_year in amounts.items()]


def _amount_cell(text: str) -> object:
    """A target/result exactly as written (text: a number cell in a "%" row would read as a fraction)."""
    return text or None


def target_rows(targets: tuple[Target, ...]) -> list[tuple]:
    """STT only on the first row of each group (the report's layout); Đánh giá = the checked status."""
    rows = []
    previous_group: str | None = None
    for t in targets:
        first = t.is_first_in_group or t.group != previous_group
        previous_group = t.group
        rows.append((t.group if first and t.group else None, t.text, t.unit or None,
                     _amount_cell(t.target), _amount_cell(t.result), t.status or None))
    return rows


def award_rows(awards: tuple[Award, ...]) -> list[tuple]:
    """Năm (or the period "2011–2013") | Hình thức | Cấp | Đối tượng | Số lượng | Ghi chú."""
    return [(a.period or a.year, a.form, a.level, a.recipient_type or None, a.count, a.note or None)
            for a in awards]


def _finance_sheets(wb: Workbook, finance: Finance, dataset: Dataset) -> None:
    years = finance.years
    revenue = finance_rows(finance, "revenue", years)
    spending = finance_rows(finance, "spending", years)
    # "Tồn cuối" follows the spending table; with no spending at all, the revenue table.
    add_finance_sheet(wb, "revenue", years, revenue, totals=True,
                      opening_balance=finance.opening_balance or None,
                      closing_balance=None if spending else finance.closing_balance)
    if spending:
        add_finance_sheet(wb, "spending", years, spending, totals=True,
                          closing_balance=finance.closing_balance)


def _term_targets_sheet(wb: Workbook, targets: tuple[TermTarget, ...], dataset: Dataset) -> None:
    header, rows = term_target_table(targets, term_years(dataset.info, targets))
    add_term_targets_sheet(wb, header, rows, title=term_targets_title(dataset.info))


# Writers of the built-in domains (the template's layouts); a registered domain with a `layout`
# is written by `add_layout_sheet`.
BUILTIN_WRITERS = {
    "members": lambda wb, roster, dataset: add_members_sheet(wb, member_rows(roster), extra_labels=roster.extra),
    "finance": _finance_sheets,
    "targets": lambda wb, targets, dataset: add_targets_sheet(wb, target_rows(targets)),
    "awards": lambda wb, awards, dataset: add_awards_sheet(wb, award_rows(awards)),
    "term_targets": _term_targets_sheet,
    "budget": lambda wb, lines, dataset: add_budget_sheet(wb, budget_rows(lines)),
}


PERIOD_ROW = "Kỳ báo cáo"


def build_workbook(dataset: Dataset) -> Workbook:
    """The data set's workbook: Thông tin, then one sheet per registered domain that holds data.

    The term targets' result columns are the term's years (planning.term_years: "2017–2022" →
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
        if spec.key in BUILTIN_WRITERS:
            BUILTIN_WRITERS[spec.key](wb, value, dataset)
        elif spec.layout is not None:
            add_layout_sheet(wb, spec.layout, spec.layout.rows(value))
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
