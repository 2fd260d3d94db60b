"""Targets of the new term (3.1–3.13) with yearly targets and results."""

from __future__ import annotations

from .issues import IssueLog
from .models import TermTarget
from .schema import HeaderMatch
from .workbook import Sheet


def parse_term_targets(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> tuple[TermTarget, ...]:
    """STUB — implemented with the planning page."""
    return ()
