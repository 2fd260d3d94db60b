"""Awards (khen thưởng, thành tích): parse the awards table."""

from __future__ import annotations

from .issues import IssueLog
from .models import Award
from .schema import HeaderMatch
from .workbook import Sheet


def parse_awards(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> tuple[Award, ...]:
    """STUB — being implemented."""
    raise NotImplementedError
