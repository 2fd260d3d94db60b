"""Member / delegate codes (Mã đoàn viên, Mã NV, Mã đại biểu): read as text, repeats warned with their cell."""

from __future__ import annotations

from collections.abc import Sequence

from unionboard.core.issues import IssueLog
from unionboard.core.text import cell_name, clean, is_blank
from unionboard.read.workbook import Sheet

# Header texts of a person's code column; "Mã số" and "Code" also head other tables (the B07 settlement),
# which is harmless: the column is optional, so it never decides which table a sheet is.
CODE_ALIASES = ("Mã đoàn viên", "Mã NV", "Mã nhân viên", "Mã số", "Số thẻ đoàn viên", "Mã đại biểu",
                "Mã ĐV", "Member ID", "Employee ID", "Delegate ID", "Code")


def code_text(value: object) -> str:
    """A code cell as text exactly as written ("00123" keeps its zeros); a whole number cell without
    its ".0"; blank → ""."""
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(value)


def warn_repeated(sheet: Sheet, col: int, rows0: Sequence[int], codes: Sequence[str], code: str,
                  log: IssueLog) -> None:
    """A warning (catalogue `code`) naming the cell of each code already used higher up the same list."""
    first: dict[str, int] = {}
    for r, value in zip(rows0, codes, strict=True):
        if not value:
            continue
        if value in first:
            cell = cell_name(r, col)
            log.warning(sheet.file, sheet.name, cell, code, code=value, cell=cell, first=cell_name(first[value], col))
        else:
            first[value] = r
