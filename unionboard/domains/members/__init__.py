"""Members roster: parse roster sheets into one Roster, normalising categories; roster-wide checks.

Speed matters (a roster may have 100,000 rows), so the parser works column by column:
every category column is normalised once per *distinct* raw value (a dict), problems are
collected per (column, distinct value) and reported once with the cells they occur in, and
the DataFrame is built from plain column lists.

Modules: `vocab` (the spellings of each category), `values` (one cell → value and problem),
`cells` (columns as lists, normalised per distinct value), `problems` (problems → one warning each),
`rows` (which rows are members, notes on the others), `parse` (one sheet → Roster),
`checks` (the same person twice, within and across sheets).
"""

from __future__ import annotations

import pandas as pd

from unionboard.core.issues import IssueLog
from unionboard.core.models import Roster
from unionboard.domains.members.checks import check_roster, duplicates_across_sheets, same_roster
from unionboard.domains.members.parse import parse_members
from unionboard.domains.members.summary import summary
from unionboard.domains.members.vocab import UNKNOWN_DEPARTMENT
from unionboard.domains.schema import MEMBERS
from unionboard.domains.spec import DomainSpec, SheetPairs

__all__ = ["SPEC", "UNKNOWN_DEPARTMENT", "check_roster", "parse_members", "parse_rosters"]


def parse_rosters(pairs: SheetPairs, log: IssueLog) -> Roster:
    """Every roster sheet read and joined into one roster, then checked as a whole (duplicates, ...)."""
    rosters = [parse_members(sheet, header, log) for sheet, header in pairs]
    for roster in rosters:
        check_roster(roster, log)  # within each sheet, naming its own cells
    if len(rosters) == 1:
        return rosters[0]
    duplicates_across_sheets(rosters, log)
    frame = pd.concat([r.frame for r in rosters], ignore_index=True)
    return Roster(frame=frame, file=rosters[0].file, sheet=rosters[0].sheet,
                  absent=frozenset.intersection(*(r.absent for r in rosters)),  # no sheet holds them
                  extra=tuple(dict.fromkeys(label for r in rosters for label in r.extra)))


SPEC = DomainSpec(key="members", name="domain_members", parse=parse_rosters, schemas=(MEMBERS,),
                  summary=summary, same=same_roster)
