"""Members roster: parse a roster sheet into a Roster, normalising categories; roster-wide checks."""

from __future__ import annotations

from .issues import IssueLog
from .models import Roster
from .schema import HeaderMatch
from .workbook import Sheet


def parse_members(sheet: Sheet, header: HeaderMatch, log: IssueLog) -> Roster:
    """STUB — being implemented."""
    raise NotImplementedError


def check_roster(roster: Roster, log: IssueLog) -> None:
    """STUB — roster-wide checks (duplicates) after all roster sheets are merged."""
