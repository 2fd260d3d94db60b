"""Members problems: the unreadable values of a roster collected per column and reported once each."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence

import numpy as np

from unionboard.core.i18n import Phrase, Value, Values, phrase
from unionboard.core.issues import IssueLog
from unionboard.core.models import EDUCATION_LEVELS, POLITICAL_THEORY_LEVELS
from unionboard.core.text import cell_name, clean
from unionboard.domains.members.vocab import MAX_AGE, MIN_AGE, MIN_BIRTH_YEAR, UNKNOWN_DEPARTMENT
from unionboard.read.workbook import Sheet

MAX_CELLS_LISTED = 5

CATEGORICAL = ("gender", "education", "political_theory", "party_member")
MIN_ROWS_FOR_REFUSAL = 4  # a column is refused when over half of at least this many values are unknown

def _quote(raw: object) -> str:
    if isinstance(raw, dt.datetime):
        raw = raw.date() if raw.time() == dt.time() else raw
    if isinstance(raw, dt.date | dt.datetime):
        return f"“{raw.strftime('%d/%m/%Y')}”"
    return f"“{clean(raw)}”"


def cells_text(cells: list[str]) -> Phrase:
    """'ô D7' / '3 ô: D7, D9, D11' / '8 ô: D7, D9, D11, D12, D13 và 3 ô khác' — a phrase rendered in the
    message's language ("3 cells: D7, D9, D11" in English), the cell names staying data."""
    if len(cells) == 1:
        return phrase("cells.one", cell=cells[0])
    shown = ", ".join(cells[:MAX_CELLS_LISTED])
    rest = len(cells) - MAX_CELLS_LISTED
    if rest > 0:
        return phrase("cells.many_more", count=len(cells), shown=shown, rest=rest)
    return phrase("cells.many", count=len(cells), shown=shown)


def _one_of(values: Sequence[str]) -> Values:
    return Values(values)  # listed in the message's language


class Problems:
    """Collects (column, problem key) → first raw value and the rows it occurred in."""

    def __init__(self, sheet: Sheet, rows: list[int]) -> None:
        self.sheet = sheet
        self.rows = rows  # 0-based sheet row of each kept member
        self.items: dict[tuple[str, object], tuple[object, int, list[int]]] = {}

    def scan(self, key: str, col: int, raw: list, problems: dict[object, object]) -> None:
        """Record every row whose raw value has a problem (one pass, only when there are any)."""
        if not problems:
            return
        flagged = np.fromiter(map(problems.__contains__, raw), dtype=bool, count=len(raw))
        for index in np.flatnonzero(flagged).tolist():
            value = raw[index]
            problem = problems[value]
            if problem is not None:
                entry = self.items.get((key, problem))
                if entry is None:
                    self.items[(key, problem)] = (value, col, [index])
                else:
                    entry[2].append(index)

    def refuse_mostly_unknown(self, log: IssueLog, count: int) -> None:
        """A categorical column where more than half of the values are not recognised is an error:
        its figures would be wrong (e.g. "Nữ: 0" from text in a legacy font), not just incomplete."""
        for key in CATEGORICAL:
            unknown = [(value, col, indices) for (k, problem), (value, col, indices) in self.items.items()
                       if k == key and problem != "blank"]
            rows = sum(len(indices) for _, _, indices in unknown)
            if count < MIN_ROWS_FOR_REFUSAL or rows * 2 <= count:
                continue
            col = unknown[0][1]
            values = ", ".join(f"“{clean(v)}”" for v, _, _ in sorted(unknown, key=lambda u: -len(u[2]))[:5])
            cell = cell_name(self.rows[0], col) if self.rows else None
            log.error(self.sheet.file, self.sheet.name, cell, "members.column_mostly_unknown",
                      column=phrase(f"members.column_{key}"), rows=rows, count=count, values=values)

    def emit(self, log: IssueLog, messages: dict[str, Callable[[object, object, str], Message]]) -> None:
        """One warning per (column, problem), naming the first cells it occurs in."""
        file, sheet = self.sheet.file, self.sheet.name
        for (key, problem), (value, col, indices) in self.items.items():
            cells = [cell_name(self.rows[i], col) for i in indices]
            code, params = messages[key](problem, value, cells_text(cells))
            log.warning(file, sheet, cells[0], code, **params)


Message = tuple[str, dict[str, object]]  # (catalogue code, parameters)


def _message_gender(problem: object, value: object, cells: str) -> Message:
    if problem == "blank":
        return "members.gender_blank", {"cells": cells}
    return "members.gender_unknown", {"value": _quote(value), "cells": cells}


def _message_education(problem: object, value: object, cells: str) -> Message:
    levels = _one_of(EDUCATION_LEVELS)
    if problem == "blank":
        return "members.education_blank", {"cells": cells, "levels": levels}
    if problem == "political":
        return "members.education_political", {"value": _quote(value), "cells": cells, "levels": levels}
    return "members.education_unknown", {"value": _quote(value), "cells": cells, "levels": levels}


def _message_political(problem: object, value: object, cells: str) -> Message:
    code = "members.political_looks_like_education" if problem == "education" else "members.political_unknown"
    return code, {"value": _quote(value), "cells": cells, "levels": _one_of(POLITICAL_THEORY_LEVELS)}


def _message_party(problem: object, value: object, cells: str) -> Message:
    return "members.party_unknown", {"value": _quote(value), "cells": cells}


def _message_birth_year(problem: object, value: object, cells: str, current_year: int) -> Message:
    if problem == "blank":
        return "members.birth_blank", {"cells": cells}
    if problem == "unreadable":
        return "members.birth_unreadable", {"value": _quote(value), "cells": cells}
    year = problem[1]
    low, high = max(MIN_BIRTH_YEAR, current_year - MAX_AGE), current_year - MIN_AGE
    return "members.birth_implausible", {"year": year, "cells": cells, "current": current_year,
                                         "age": current_year - year, "low": low, "high": high,
                                         "min_age": MIN_AGE, "max_age": MAX_AGE}


def _message_join_date(problem: object, value: object, cells: str) -> Message:
    return "members.join_date_unreadable", {"value": _quote(value), "cells": cells}


def _message_department(problem: object, value: object, cells: str) -> Message:
    return "members.department_blank", {"cells": cells, "unknown": Value(UNKNOWN_DEPARTMENT)}


def _message_name(problem: object, value: object, cells: str) -> Message:
    return "members.name_missing", {"cells": cells}


def problem_messages(current_year: int) -> dict[str, Callable[[object, object, str], Message]]:
    """Per column: (problem, raw value, cells text) → the issue's code and parameters."""
    return {"gender": _message_gender, "education": _message_education,
            "political_theory": _message_political, "party_member": _message_party,
            "birth_year": functools.partial(_message_birth_year, current_year=current_year),
            "join_date": _message_join_date, "department": _message_department, "name": _message_name}
