"""Write the planning sheets back as workbooks the parser reads (saving publishes them as a new version).

Saving never edits data in place: the page builds a workbook holding only the edited domain (the
term-targets sheet, or the budget sheet with a saved scenario); `unionboard.publish.saving` checks it
once with the same loader as an upload and publishes it — the store replaces only the domains the file
contains, so every other domain carries over from the current version. The sheets are written by
`template.add_term_targets_sheet` / `add_budget_sheet` — the layout of the blank template and of the data
download — and every cell goes through `safe_export.excel_value` (formula injection, `safe_cell`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable

import pandas as pd
from openpyxl import Workbook

from unionboard.core.models import BudgetLine, Dataset, TermTarget
from unionboard.domains.term_status import term_years
from unionboard.domains.words import REVENUE
from unionboard.export import template
from unionboard.export.template import (
    add_budget_sheet,
    add_term_targets_sheet,
    budget_rows,
    term_target_table,
    term_targets_title,
)
from unionboard.export.template import result_column as result_column  # re-exported
from unionboard.export.template import target_column as target_column  # re-exported

TERM_TARGETS_FILE = "chi-tieu-nhiem-ky.xlsx"
BUDGET_FILE = "du-toan.xlsx"
TERM_TARGETS_SHEET = template.SHEET_TERM_TARGETS
BUDGET_SHEET = template.SHEET_BUDGET
BASE_COLUMNS = list(template.TERM_TARGET_COLUMNS)
BUDGET_COLUMNS = list(template.BUDGET_COLUMNS)


def targets_sheet_frame(targets: Iterable[TermTarget], years: tuple[int, ...]) -> pd.DataFrame:
    """The term-targets sheet as a frame (text cells): the layout the parser reads and the editor shows."""
    header, rows = term_target_table(targets, years)
    return pd.DataFrame(rows, columns=header).astype(object)


def editable_columns(frame: pd.DataFrame) -> list[str]:
    """The result columns (the committee edits results only)."""
    return [c for c in frame.columns if str(c).startswith("Kết quả ")]


def _bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def dataset_with_results(dataset: Dataset, edited_frame: pd.DataFrame) -> bytes:
    """An .xlsx with the term-targets sheet as edited (same layout as the parser reads)."""
    wb = Workbook()
    wb.remove(wb.active)
    header = [str(c) for c in edited_frame.columns]
    rows = edited_frame.astype(object).where(edited_frame.notna(), None).itertuples(index=False, name=None)
    add_term_targets_sheet(wb, header, rows, title=term_targets_title(dataset.info))
    return _bytes(wb)


def budget_with_plan(dataset: Dataset, year: int, lines: Iterable[BudgetLine]) -> bytes:
    """An .xlsx with the whole budget sheet: the existing plan of other years plus `lines` for `year`."""
    kept = [b for b in dataset.budget or () if b.year != year]
    new = [b for b in lines if b.year == year]
    ordered = sorted([*kept, *new], key=lambda b: (b.year, 0 if b.side == REVENUE else 1))
    wb = Workbook()
    wb.remove(wb.active)
    add_budget_sheet(wb, budget_rows(ordered))
    return _bytes(wb)


def default_years(dataset: Dataset) -> tuple[int, ...]:
    """The term's years (from the union info or the targets' results)."""
    return term_years(dataset.info, dataset.term_targets or ())
