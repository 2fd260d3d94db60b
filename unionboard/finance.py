"""Finance: detect and parse revenue/spending sheets (the report's wide layout and tidy tables), reconcile totals."""

from __future__ import annotations

from .issues import IssueLog
from .models import Finance
from .workbook import Sheet


def detect(sheet: Sheet) -> float | None:
    """STUB — a score > 0 when the sheet holds a finance table, else None."""
    return None


def parse(sheets: list[Sheet], log: IssueLog) -> Finance | None:
    """STUB — being implemented."""
    raise NotImplementedError
