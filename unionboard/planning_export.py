"""Write the planning sheets back as workbooks the parser reads, check them, publish them as a new version.

Saving never edits data in place: the page builds a workbook holding only the edited domain (the
term-targets sheet, or the budget sheet with a saved scenario), checks it with the same loader as an
upload, and publishes it through `unionboard.store` — the store replaces only the domains the file
contains, so every other domain carries over from the current version. Every cell goes through
`safe_export.excel_value` (formula injection, `safe_cell`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .loader import check_files
from .models import BudgetLine, CheckResult, Dataset, SourceFile, TermTarget
from .planning import REVENUE, term_years
from .safe_export import excel_value
from .text import clean, parse_number

TERM_TARGETS_FILE = "chi-tieu-nhiem-ky.xlsx"
BUDGET_FILE = "du-toan.xlsx"
TERM_TARGETS_SHEET = "Chỉ tiêu nhiệm kỳ"
BUDGET_SHEET = "Dự toán thu chi"
BASE_COLUMNS = ["Mã", "Nội dung", "Nhóm", "ĐVT", "Mục tiêu nhiệm kỳ", "Áp dụng"]
BUDGET_COLUMNS = ["Năm", "Thu/Chi", "Khoản mục", "Kế hoạch"]


def result_column(year: int) -> str:
    return f"Kết quả {year}"


def target_column(year: int) -> str:
    return f"Mục tiêu {year}"


def targets_sheet_frame(targets: Iterable[TermTarget], years: tuple[int, ...]) -> pd.DataFrame:
    """The term-targets sheet as a frame (text cells): the layout the parser reads and the editor shows."""
    targets = tuple(targets)
    all_years = tuple(sorted(set(years) | {y for t in targets for y in t.results}))
    target_years = sorted({y for t in targets for y in t.yearly_targets})
    rows = []
    for t in targets:
        row = {"Mã": t.code, "Nội dung": t.text, "Nhóm": t.group, "ĐVT": t.unit,
               "Mục tiêu nhiệm kỳ": t.term_target, "Áp dụng": "Hàng năm" if t.per_year else "Cả nhiệm kỳ"}
        row.update({target_column(y): t.yearly_targets.get(y, "") for y in target_years})
        row.update({result_column(y): t.results.get(y, "") for y in all_years})
        rows.append(row)
    columns = [*BASE_COLUMNS, *(target_column(y) for y in target_years),
               *(result_column(y) for y in all_years)]
    return pd.DataFrame(rows, columns=columns).astype(object)


def editable_columns(frame: pd.DataFrame) -> list[str]:
    """The result columns (the committee edits results only)."""
    return [c for c in frame.columns if str(c).startswith("Kết quả ")]


def _cell(value: object) -> object:
    """Editor text → a cell: '1' / '1.500' become numbers, '95%' and ratings stay text; blank → None."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = clean(value)
    if not text:
        return None
    number = parse_number(text)
    if number is not None and "%" not in text:
        return int(number) if float(number).is_integer() else number
    return excel_value(text)


TEXT_COLUMNS = ("Mã", "Nội dung", "Nhóm", "ĐVT", "Áp dụng", "Thu/Chi", "Khoản mục")


def _text(value: object) -> object:
    """A text column's cell: always text (a code "3.10" must not become the number 3.1)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return excel_value(clean(value)) or None


def _sheet(wb: Workbook, title: str, heading: str, header: list[str], rows: Iterable[Iterable[object]]) -> None:
    ws = wb.create_sheet(title)
    ws.append([excel_value(heading)])
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    ws.append([])
    ws.append([excel_value(h) for h in header])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    text = [h in TEXT_COLUMNS for h in header]
    for row in rows:
        ws.append([_text(v) if is_text else excel_value(_cell(v)) for v, is_text in zip(row, text, strict=True)])
    ws.column_dimensions["B"].width = 60


def _bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def dataset_with_results(dataset: Dataset, edited_frame: pd.DataFrame) -> bytes:
    """An .xlsx with the term-targets sheet as edited (same layout as the parser reads)."""
    wb = Workbook()
    wb.remove(wb.active)
    term = dataset.info.next_term or "–"
    header = [str(c) for c in edited_frame.columns]
    rows = edited_frame.astype(object).where(edited_frame.notna(), None).itertuples(index=False, name=None)
    _sheet(wb, TERM_TARGETS_SHEET, f"CHỈ TIÊU NHIỆM KỲ {term} — {dataset.info.name}", header, rows)
    return _bytes(wb)


def budget_with_plan(dataset: Dataset, year: int, lines: Iterable[BudgetLine]) -> bytes:
    """An .xlsx with the whole budget sheet: the existing plan of other years plus `lines` for `year`."""
    kept = [b for b in dataset.budget or () if b.year != year]
    new = [b for b in lines if b.year == year]
    ordered = sorted([*kept, *new], key=lambda b: (b.year, 0 if b.side == REVENUE else 1))
    rows = [(b.year, "Thu" if b.side == REVENUE else "Chi", b.item, int(b.planned)) for b in ordered]
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, BUDGET_SHEET, f"DỰ TOÁN THU CHI — {dataset.info.name} (ĐVT: đồng)", BUDGET_COLUMNS, rows)
    for row in wb[BUDGET_SHEET].iter_rows(min_row=4, min_col=4, max_col=4):
        for cell in row:
            cell.number_format = "#,##0"
    return _bytes(wb)


def check_export(name: str, data: bytes) -> CheckResult:
    """Read the workbook back exactly as an upload would be read."""
    return check_files([SourceFile(name, data)])


@dataclass(frozen=True)
class SaveOutcome:
    """What saving did: the check of the written workbook and the store's outcome (None: not sent)."""

    check: CheckResult
    store: object | None = None  # store.PublishOutcome

    @property
    def published(self) -> bool:
        return self.store is not None and bool(getattr(self.store, "ok", False))

    @property
    def reason(self) -> str:
        """"errors" (not sent: the check found errors), else the store's reason ("created", "stale", ...)."""
        return "errors" if self.store is None else str(getattr(self.store, "reason", ""))

    @property
    def version_id(self) -> int | None:
        return getattr(self.store, "version_id", None)

    @property
    def issues(self) -> tuple:
        store_result = getattr(self.store, "result", None)
        return self.check.issues or (store_result.issues if store_result is not None else ())


def publish_checked(name: str, data: bytes, domain: str, by: str, comment: str,
                    expected_current: int | None = None) -> SaveOutcome:
    """Check the workbook; publish it through the store only when it has no error and holds `domain`.

    `expected_current`: the version id the edits were made against (the store refuses with reason
    "stale" when another version was published meanwhile). Raises ModuleNotFoundError when the
    store module is not installed.
    """
    check = check_export(name, data)
    if check.errors or domain not in check.sources:
        return SaveOutcome(check)
    from .store import open_store

    outcome = open_store().publish([SourceFile(name, data)], by=by, comment=comment,
                                   expected_current=expected_current)
    return SaveOutcome(check, outcome)


def default_years(dataset: Dataset) -> tuple[int, ...]:
    return term_years(dataset.info, dataset.term_targets or ())
