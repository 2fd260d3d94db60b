"""Shared look of the sample workbooks: a new sheet, title and header rows, widths, fixed properties, writing them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font


def new_sheet(sheet_title: str) -> tuple[Workbook, object]:
    """A new workbook and its one sheet, named `sheet_title`."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title
    return wb, ws


def finish(wb: Workbook, ws=None, widths: dict[str, float] | None = None) -> Workbook:
    """Set the column widths of `ws` ({"A": 20, …}) and the fixed document properties; the workbook back."""
    for col, width in (widths or {}).items():
        ws.column_dimensions[col].width = width
    fixed_properties(wb)
    return wb


def titled_table(ws, text: str, labels: list[str]) -> None:
    """A title row over the table's width, a blank row, then the header row."""
    title(ws, text, len(labels))
    ws.append([])
    header(ws, labels)


def title(ws, text: str, width: int) -> None:
    """A bold title row merged over `width` columns, as the report's tables have."""
    ws.append([text])
    ws.cell(row=ws.max_row, column=1).font = Font(bold=True, size=13)
    if width > 1:
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=width)


def header(ws, labels: list[str]) -> None:
    """A bold, centred, wrapped header row."""
    ws.append(labels)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def fixed_properties(wb: Workbook) -> None:
    """Fixed creator and date, so regenerated sample files are byte-stable."""
    import datetime as dt

    wb.properties.creator = "unionboard"
    wb.properties.created = dt.datetime(2017, 10, 1)


def write_workbooks(builders: dict[str, Callable[[], Workbook]], directory: Path) -> list[Path]:
    """Build each workbook and save it under its file name in `directory` (created when missing)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, build in builders.items():
        path = directory / name
        build().save(path)
        paths.append(path)
    return paths
