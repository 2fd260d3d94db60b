"""The draft's tables as a workbook: a union that has only its Word report gets its data from it.

Each table becomes a sheet (named after the title above it: "Phần thu", "Phần chi", else "Bảng n"),
with that title line over it as in the committee's workbooks; amounts written "18.777.000" become
numbers. The workbook then goes through the usual upload: preview, checks, publish.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook

from unionboard.core.text import fold
from unionboard.export.safe import safe_cell
from unionboard.read.draft import Draft, DraftTable

_AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")


def _title(draft: Draft, table: DraftTable) -> str:
    for p in reversed(draft.paragraphs[max(0, table.first_paragraph - 3):table.first_paragraph]):
        if p.table is None and p.text.strip():
            return p.text.strip()
    return ""


def _sheet_name(title: str, number: int, used: set[str]) -> str:
    key = fold(title)
    name = "Phần thu" if "phan thu" in key else "Phần chi" if "phan chi" in key else f"Bảng {number}"
    while name in used:
        name = f"{name} ({number})"
    used.add(name)
    return name[:31]


def _value(text: str) -> object:
    text = text.strip()
    return int(text.replace(".", "")) if _AMOUNT.fullmatch(text) else safe_cell(text)


def draft_tables_xlsx(draft: Draft) -> bytes:
    """A workbook with one sheet per table of the draft (an empty workbook when it has none)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for table in draft.tables:
        title = _title(draft, table)
        sheet = workbook.create_sheet(_sheet_name(title, table.index + 1, used))
        if title:
            sheet.append([safe_cell(title)])
            sheet.append([])
        for row in table.rows:
            sheet.append([_value(text) for text in row])
    if not workbook.worksheets:
        workbook.create_sheet("Bảng 1")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
