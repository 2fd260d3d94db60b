"""Budget: planned revenue per source and spending per category per year."""

from __future__ import annotations

from .issues import IssueLog
from .models import BudgetLine
from .schema import HeaderMatch
from .workbook import Sheet


def parse_budget(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> tuple[BudgetLine, ...]:
    """STUB — implemented with the planning page."""
    return ()
